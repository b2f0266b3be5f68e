"""Converters from what users pass (lists, numpy arrays, scalars) to batch data.

Each converter returns a numpy array for primitive and fixed-size-list components (always a fresh
copy, so a user mutating their array after `log` does not change what was logged) or a pyarrow Array
for everything else. They raise ValueError/TypeError with a short reason; the caller adds the context.
"""

from __future__ import annotations

import enum
from typing import Any, Callable

import numpy as np
import pyarrow as pa

F32 = np.float32

# Large arrays already in the component's dtype and layout are logged without a copy, like rerun-sdk
# (its Arrow arrays wrap the numpy buffer): mutating such an array after logging changes what was
# logged. Small batches are always copied, which costs little and keeps the common case safe.
ZERO_COPY_MIN_BYTES = 1 << 20


def _as_numeric(data: Any, dtype: type) -> np.ndarray:
    arr = np.array(data, dtype=dtype) if not isinstance(data, np.ndarray) else data
    if arr.dtype.kind not in "biuf":
        raise TypeError(f"expected numbers, got an array of {arr.dtype}")
    return np.array(arr, dtype=dtype)  # always a copy in the target dtype


def vec(n: int, dtype: type = F32) -> Callable[[Any], np.ndarray]:
    """(N, n) vectors; one vector or a flat array of N*n values are accepted too."""

    def convert(data: Any) -> np.ndarray:
        if isinstance(data, np.ndarray):
            if data.dtype.kind not in "biuf":
                raise TypeError(f"expected numbers, got an array of {data.dtype}")
            if (data.nbytes >= ZERO_COPY_MIN_BYTES and data.dtype == dtype and data.ndim == 2
                    and data.shape[1] == n and data.flags.c_contiguous):
                return data
        arr = np.array(data, dtype=dtype)
        if arr.ndim == 2 and arr.shape[1] == n:
            return arr
        if arr.ndim == 1 and arr.size % n == 0:
            return arr.reshape(-1, n)
        if arr.size == 0:
            return arr.reshape(0, n)
        raise ValueError(f"expected shape (N, {n}), got {arr.shape}")

    return convert


def mat3x3(data: Any) -> np.ndarray:
    """3x3 matrices given row-major as (3, 3) or (N, 3, 3); stored column-major as (N, 9) like Rerun."""
    arr = np.array(data, dtype=F32)
    if arr.shape == (3, 3):
        arr = arr[None]
    elif arr.ndim == 1 and arr.size == 9:
        # A flat list of 9 is taken as given in row-major order, like Rerun's Mat3x3 constructor.
        arr = arr.reshape(1, 3, 3)
    elif arr.ndim == 2 and arr.shape[1] == 9:
        arr = arr.reshape(-1, 3, 3)
    if arr.ndim != 3 or arr.shape[1:] != (3, 3):
        raise ValueError(f"expected a 3x3 matrix, got shape {arr.shape}")
    return np.ascontiguousarray(arr.transpose(0, 2, 1)).reshape(-1, 9)


def scalar(dtype: type, *, non_negative: bool = False) -> Callable[[Any], np.ndarray]:
    def convert(data: Any) -> np.ndarray:
        if isinstance(data, np.ndarray) and data.dtype.kind not in "biuf":
            raise TypeError(f"expected numbers, got an array of {data.dtype}")
        if isinstance(data, (str, bytes)):
            raise TypeError(f"expected numbers, got {type(data).__name__}")
        arr = np.array(data, dtype=dtype).reshape(-1)
        return arr

    return convert


def boolean(data: Any) -> pa.Array:
    if isinstance(data, (bool, np.bool_)):
        return pa.array([bool(data)], pa.bool_())
    return pa.array(np.asarray(data, dtype=bool).reshape(-1), pa.bool_())


def utf8(data: Any) -> pa.Array:
    if isinstance(data, str):
        return pa.array([data], pa.utf8())
    if isinstance(data, pa.Array) and pa.types.is_string(data.type):
        return data
    items = list(np.asarray(data, dtype=object).reshape(-1)) if isinstance(data, np.ndarray) else list(data)
    for item in items:
        if not isinstance(item, str):
            raise TypeError(f"expected strings, got {type(item).__name__}")
    return pa.array(items, pa.utf8())


def enum_u8(enum_cls: type[enum.IntEnum]) -> Callable[[Any], np.ndarray]:
    """Enum components: members, names (case-insensitive) or their integer values."""
    by_name = {m.name.lower(): int(m.value) for m in enum_cls}
    values = set(by_name.values())

    def one(item: Any) -> int:
        if isinstance(item, str):
            key = item.lower().replace("_", "")
            for name, value in by_name.items():
                if name.replace("_", "") == key:
                    return value
            raise ValueError(f"unknown {enum_cls.__name__} {item!r}; expected one of {[m.name for m in enum_cls]}")
        value = int(item)
        if value not in values:
            raise ValueError(f"{value} is not a valid {enum_cls.__name__}")
        return value

    def convert(data: Any) -> np.ndarray:
        if isinstance(data, (str, enum.Enum, int, np.integer)):
            return np.array([one(data)], np.uint8)
        return np.array([one(item) for item in data], np.uint8)

    return convert


def color(data: Any) -> np.ndarray:
    """Colors as Rerun takes them: RGB/RGBA uint8 or 0..1 floats, packed 0xRRGGBBAA uint32, one or many."""
    if isinstance(data, (int, np.integer)) and not isinstance(data, bool):
        return np.array([data], np.uint32)
    arr = np.asarray(data)
    if arr.dtype == object:
        return np.concatenate([color(item) for item in data]) if len(arr) else np.empty(0, np.uint32)
    if arr.dtype.kind not in "biuf":
        raise TypeError(f"expected colors as numbers, got an array of {arr.dtype}")
    if arr.size == 0:
        return np.empty(0, np.uint32)
    if arr.dtype == np.uint32 or (arr.ndim == 1 and arr.dtype.kind in "iu" and arr.size not in (3, 4)):
        return np.array(arr.reshape(-1), np.uint32)  # packed 0xRRGGBBAA
    if arr.ndim == 1:
        if arr.size in (3, 4) and (arr.dtype.kind == "f" or arr.max() < 256):
            arr = arr.reshape(1, -1)
        elif arr.size % 4 == 0:
            arr = arr.reshape(-1, 4)
        else:
            raise ValueError(f"expected RGB/RGBA colors, got {arr.size} values")
    if arr.ndim != 2 or arr.shape[1] not in (3, 4):
        raise ValueError(f"expected colors of shape (N, 3) or (N, 4), got {arr.shape}")
    if arr.dtype.kind == "f":
        if np.isnan(arr).any():
            raise ValueError("colors contain NaN")
        arr = np.round(np.clip(arr, 0.0, 1.0) * 255.0)
    rgba = np.full((arr.shape[0], 4), 255, np.uint32)
    rgba[:, : arr.shape[1]] = np.clip(arr, 0, 255)
    return (rgba[:, 0] << 24) | (rgba[:, 1] << 16) | (rgba[:, 2] << 8) | rgba[:, 3]


def strips(n: int) -> Callable[[Any], pa.Array]:
    """A batch of line strips: a list of (M_i, n) arrays, or one (K, M, n) array."""
    child = pa.list_(pa.field("item", pa.list_(pa.field("item", pa.float32(), False), n), False))

    def convert(data: Any) -> pa.Array:
        if isinstance(data, np.ndarray) and data.ndim == 3:
            items = list(data)
        elif isinstance(data, np.ndarray) and data.ndim == 2:
            items = [data]
        else:
            items = list(data)
            # One strip given as a list of points, e.g. [[0,0,0],[1,1,1]]
            if items and np.ndim(items[0]) == 1 and len(items[0]) == n and np.isscalar(items[0][0]):
                items = [items]
        arrays = [vec(n)(strip) for strip in items]
        lengths = np.array([len(a) for a in arrays], np.int32)
        offsets = np.zeros(len(arrays) + 1, np.int32)
        np.cumsum(lengths, out=offsets[1:])
        flat = np.concatenate(arrays).reshape(-1) if arrays else np.empty(0, F32)
        points = pa.FixedSizeListArray.from_arrays(pa.array(flat, pa.float32()), n)
        return pa.ListArray.from_arrays(pa.array(offsets), points).cast(child)

    return convert


def blob(data: Any) -> pa.Array:
    """Blobs (ImageBuffer, Blob): one bytes-like or uint8 array per instance."""
    if isinstance(data, (bytes, bytearray, memoryview)):
        items = [np.frombuffer(data, np.uint8)]
    elif isinstance(data, np.ndarray):
        items = [np.ascontiguousarray(data).reshape(-1).view(np.uint8)]
    else:
        items = [np.frombuffer(bytes(d), np.uint8) if isinstance(d, (bytes, bytearray)) else
                 np.ascontiguousarray(d).reshape(-1).view(np.uint8) for d in data]
    offsets = np.zeros(len(items) + 1, np.int32)
    np.cumsum([len(i) for i in items], out=offsets[1:])
    flat = np.concatenate(items) if items else np.empty(0, np.uint8)
    return pa.ListArray.from_arrays(pa.array(offsets), pa.array(flat, pa.uint8()))
