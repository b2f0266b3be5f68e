"""Converters from what users pass (lists, numpy arrays, scalars) to batch data.

Each converter accepts what rerun-sdk 0.41 accepts for the same component and produces the same values
(checked by tests/archetypes/test_parity.py). It returns a numpy array for primitive and fixed-size-list
components (always a fresh copy, so a user mutating their array after `log` does not change what was
logged) or a pyarrow Array for everything else. Errors are ValueError/TypeError with a short reason;
the caller adds the archetype and field.

The common cases (a float32 (N, 3) array, a Python float, a uint8 (N, 3|4) color array) take a fast
path first: they are on the hot path of `rr.log(..., rr.Points3D(points))`.
"""

from __future__ import annotations

import contextlib
import enum
import sys
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pyarrow as pa

F32 = np.float32

# Large arrays already in the component's dtype and layout are logged without a copy, like rerun-sdk
# (its Arrow arrays wrap the numpy buffer): mutating such an array after logging changes what was
# logged. Small batches are always copied, which costs little and keeps the common case safe.
ZERO_COPY_MIN_BYTES = 1 << 20

_LITTLE_ENDIAN = sys.byteorder == "little"
_NUMERIC_KINDS = "biufO"


def _check_numeric(data: Any) -> None:
    if isinstance(data, np.ndarray) and data.dtype.kind not in _NUMERIC_KINDS:
        raise TypeError(f"expected numbers, got an array of {data.dtype}")
    if isinstance(data, (str, bytes)):
        raise TypeError(f"expected numbers, got {type(data).__name__} {data!r:.40}")


def vec(n: int, dtype: type = F32) -> Callable[[Any], np.ndarray]:
    """(N, n) vectors, like Rerun's `flat_np_array_from_array_like`.

    Accepted: (N, n), a flat array of N*n values, one vector, or any shape whose last non-singleton
    dimension after the first is n (e.g. (N, 1, n) or (N, n, 1)).
    """

    def convert(data: Any) -> np.ndarray:
        if type(data) is np.ndarray and data.ndim == 2 and data.shape[1] == n and data.dtype.kind in "biuf":
            if data.nbytes >= ZERO_COPY_MIN_BYTES and data.dtype == dtype and data.flags.c_contiguous:
                return data
            return np.array(data, dtype=dtype)  # fast path: (N, n) numbers
        _check_numeric(data)
        arr = np.array(data, dtype=dtype)
        shape = arr.shape
        if arr.ndim == 2 and shape[1] == n:
            return arr
        if arr.ndim == 1:
            if shape[0] % n:
                raise ValueError(f"expected a flat array with a multiple of {n} values or shape (N, {n}), got {shape}")
        elif arr.ndim >= 2:
            last = next((d for d in reversed(shape[1:]) if d != 1), 1)
            if last != n:
                raise ValueError(f"expected shape (N, {n}), got {shape}")
        else:
            raise ValueError(f"expected shape (N, {n}), got a single number")
        return arr.reshape(-1, n)

    return convert


def mat3x3(data: Any) -> np.ndarray:
    """3x3 matrices given row-major as (3, 3), 9 values, or a batch of those; stored column-major (N, 9)."""
    _check_numeric(data)
    if isinstance(data, Sequence) and len(data) == 0:
        return np.empty((0, 9), F32)
    arr = np.array(data, dtype=F32)
    if arr.size == 9:
        arr = arr.reshape(1, 3, 3)
    elif arr.ndim >= 2 and arr[0].size == 9:
        arr = arr.reshape(-1, 3, 3)  # a batch of matrices, each given row-major
    else:
        raise ValueError(f"expected a 3x3 matrix (or a batch of them), got shape {arr.shape}")
    return np.ascontiguousarray(arr.transpose(0, 2, 1)).reshape(-1, 9)


def scalar(dtype: type) -> Callable[[Any], np.ndarray]:
    """A flat batch of numbers (`np.asarray(data, dtype).flatten()`, like Rerun)."""

    def convert(data: Any) -> np.ndarray:
        if type(data) is float or type(data) is int:
            return np.array((data,), dtype=dtype)  # fast path: one Python number
        _check_numeric(data)
        return np.array(data, dtype=dtype).reshape(-1)

    return convert


def boolean(data: Any) -> pa.Array:
    if isinstance(data, (bool, np.bool_)):
        return pa.array([bool(data)], pa.bool_())
    _check_numeric(data)
    return pa.array(np.asarray(data, dtype=bool).reshape(-1), pa.bool_())


def utf8(data: Any) -> pa.Array:
    """Strings: one string, a sequence (items converted with `str`, like Rerun) or a numpy array of strings."""
    if isinstance(data, str):
        return pa.array([data], pa.utf8())
    if isinstance(data, pa.Array) and pa.types.is_string(data.type):
        return data
    if isinstance(data, np.ndarray):
        if data.dtype.kind not in "USO":
            raise TypeError(f"expected strings, got an array of {data.dtype}")
        return pa.array(data.reshape(-1), pa.utf8())
    if isinstance(data, Sequence):
        return pa.array([str(item) for item in data], pa.utf8())
    batch_data = getattr(data, "_rnb_data", None)  # a component batch, e.g. rr.MediaType.MARKDOWN
    if isinstance(batch_data, pa.Array) and pa.types.is_string(batch_data.type):
        return batch_data
    return pa.array([str(data)], pa.utf8())


def enum_u8(enum_cls: type[enum.Enum], dtype: type = np.uint8) -> Callable[[Any], np.ndarray]:
    """Enum components: members, names (case-insensitive) or their integer values (`Enum.auto`, like Rerun)."""
    by_lower_name = {m.name.lower(): m.value for m in enum_cls}
    values = {m.value for m in enum_cls}
    names = [m.name for m in enum_cls]

    def one(item: Any) -> int:
        if isinstance(item, enum_cls):
            return item.value
        if isinstance(item, str):
            value = by_lower_name.get(item.lower())
            if value is None:
                raise ValueError(f"unknown {enum_cls.__name__} {item!r}; expected one of {names}")
            return value
        if isinstance(item, (int, np.integer)) and not isinstance(item, bool):
            if int(item) not in values:
                raise ValueError(f"{int(item)} is not a valid {enum_cls.__name__}; expected one of {names}")
            return int(item)
        raise TypeError(f"expected a {enum_cls.__name__} (member, name or value), got {type(item).__name__}")

    def convert(data: Any) -> np.ndarray:
        if isinstance(data, (str, enum.Enum, int, np.integer)):
            return np.array([one(data)], dtype)
        return np.array([one(item) for item in data], dtype)

    return convert


def _pack_rgba_u8(arr: np.ndarray) -> np.ndarray:
    """(N, 3|4) uint8 -> (N,) uint32 0xRRGGBBAA (alpha 255 for RGB)."""
    n, k = arr.shape
    if k not in (3, 4):
        raise ValueError(f"expected colors of shape (N, 3) or (N, 4), got {arr.shape}")
    if _LITTLE_ENDIAN:
        abgr = np.empty((n, 4), np.uint8)
        if k == 4:
            abgr[:] = arr[:, ::-1]
        else:
            abgr[:, 0] = 255
            abgr[:, 1:] = arr[:, ::-1]
        return abgr.view(np.uint32).reshape(n)
    rgba = np.full((n, 4), 255, np.uint32)
    rgba[:, :k] = arr
    return (rgba[:, 0] << 24) | (rgba[:, 1] << 16) | (rgba[:, 2] << 8) | rgba[:, 3]


def _to_u8_colors(arr: np.ndarray) -> np.ndarray:
    """Color channels as uint8: floats are 0..1 (scaled, rounded), integers are 0..255.

    Out-of-range values are cast exactly as Rerun casts them (``np.asarray(np.round(x * 255), np.uint8)``, no
    clipping), so code that passes 0..255 floats gets the same (wrapped) colors as with Rerun.
    """
    if arr.dtype.kind == "f":
        if np.isnan(arr).any():
            raise ValueError("colors contain NaN")
        with np.errstate(invalid="ignore", over="ignore"):
            return np.asarray(np.round(np.asarray(arr) * 255.0), np.uint8)
    if arr.dtype == np.uint8:
        return arr
    return arr.astype(np.uint8)  # wraps like Rerun's np.asarray(data, dtype=np.uint8)


def _one_color(item: Any) -> int:
    """One color, like Rerun's `Rgba32(...)`: RGB/RGBA sequence or array, or a packed integer."""
    if isinstance(item, np.ndarray):
        return int(_pack_rgba_u8(_to_u8_colors(item.reshape(1, -1)))[0])
    if isinstance(item, Sequence) and not isinstance(item, str):
        arr = np.array(item).reshape(1, -1)
        if arr.size not in (3, 4):
            raise ValueError(f"expected a color of 3 or 4 values, got {arr.size}")
        return int(_pack_rgba_u8(_to_u8_colors(arr))[0])
    if isinstance(item, str):
        raise TypeError(f"expected a color, got the string {item!r}")
    return int(item)


def color(data: Any) -> np.ndarray:
    """Colors as Rerun takes them: RGB/RGBA uint8 or 0..1 floats, packed 0xRRGGBBAA ints, one or many."""
    if type(data) is np.ndarray and data.ndim == 2 and data.dtype == np.uint8:
        return _pack_rgba_u8(data)  # fast path: (N, 3|4) uint8
    if isinstance(data, (int, np.integer)):
        return np.array([data], np.uint32)
    if type(data) in (list, tuple) and len(data) in (3, 4) and all(type(v) is int and 0 <= v < 256 for v in data):
        r, g, b, a = data if len(data) == 4 else (*data, 255)  # fast path: one RGB(A) color of Python ints
        return np.array([(r << 24) | (g << 16) | (b << 8) | a], np.uint32)
    if isinstance(data, (str, bytes)):
        raise TypeError(f"expected colors, got {type(data).__name__} {data!r:.40}")
    if isinstance(data, Sequence) and len(data) == 0:
        return np.empty(0, np.uint32)
    try:
        arr = np.asarray(data).squeeze()
        if arr.dtype.kind not in "biuf":
            raise TypeError(f"expected colors as numbers, got an array of {arr.dtype}")
        if arr.ndim <= 1:
            arr = arr.reshape(-1)
            if arr.dtype not in (np.uint8, np.float32, np.float64, np.uint32):
                if arr.size not in (3, 4) or arr.max() >= 256:
                    # Packed 0xRRGGBBAA values (Rerun warns about the ambiguous 3/4-long case too).
                    return arr.astype(np.uint32)
                arr = arr.reshape(1, -1)
            elif arr.dtype != np.uint32:
                arr = arr.reshape(-1, 4) if arr.size > 4 else arr.reshape(1, -1)
        if arr.dtype == np.uint32:
            return arr.reshape(-1).copy()
        if arr.size == 0:
            return np.empty(0, np.uint32)
        if arr.ndim != 2:
            raise ValueError(f"expected colors of shape (N, 3) or (N, 4), got {np.shape(data)}")
        return _pack_rgba_u8(_to_u8_colors(arr))
    except (ValueError, IndexError) as exc:
        # Ragged or odd input: Rerun falls back to one color, then to one color per item.
        if "NaN" in str(exc) or not isinstance(data, (Sequence, np.ndarray)):
            raise
        items = list(data)
        with contextlib.suppress(ValueError, IndexError, TypeError):
            return np.array([_one_color(items)], np.uint32)
        try:
            return np.array([_one_color(item) for item in items], np.uint32)
        except (ValueError, IndexError, TypeError, OverflowError):
            raise ValueError(f"can't read colors from {type(data).__name__} of shape {np.shape(data)}") from exc


def strips(n: int, dtype: type = F32) -> Callable[[Any], pa.Array]:
    """A batch of line strips: a list of (M_i, n) arrays, one strip given as a list of points, or (K, M, n)."""
    value_type = pa.from_numpy_dtype(np.dtype(dtype))
    point_type = pa.list_(pa.field("item", value_type, False), n)
    strip_type = pa.list_(pa.field("item", point_type, False))
    to_points = vec(n, dtype)

    def convert(data: Any) -> pa.Array:
        if isinstance(data, np.ndarray):
            if len(data) == 0:
                items = []
            elif data.ndim == 2:
                items = [data]
            elif data.ndim == 3:
                items = list(data)
            else:
                raise ValueError(f"expected strips of shape (M, {n}) or (K, M, {n}), got {data.shape}")
        elif isinstance(data, Sequence):
            items = list(data)
            first = items[0] if items else None
            if isinstance(first, Sequence) and len(first) > 0 and isinstance(first[0], (int, float, np.number)):
                if len(first) != n:
                    raise ValueError(f"expected a strip of {n}D points, got points of {len(first)} values")
                items = [items]  # one strip given as a list of points
            elif isinstance(first, np.ndarray) and first.shape == (n,):
                items = [items]
        else:
            raise TypeError(f"expected line strips, got {type(data).__name__}")
        arrays = []
        for strip in items:
            if isinstance(strip, np.ndarray) and (strip.ndim != 2 or strip.shape[1] != n):
                raise ValueError(f"expected a strip of shape (M, {n}), got {strip.shape}")
            arrays.append(to_points(strip))
        offsets = np.zeros(len(arrays) + 1, np.int32)
        np.cumsum([len(a) for a in arrays], out=offsets[1:])
        flat = np.concatenate(arrays).reshape(-1) if arrays else np.empty(0, dtype)
        points = pa.FixedSizeListArray.from_arrays(pa.array(flat, value_type), type=point_type)
        return pa.ListArray.from_arrays(pa.array(offsets), points, type=strip_type)

    return convert


BLOB_TYPE = pa.list_(pa.field("item", pa.uint8(), False))


def _blob_item(item: Any) -> np.ndarray:
    if isinstance(item, (bytes, bytearray, memoryview)):
        return np.frombuffer(item, np.uint8)
    _check_numeric(item)
    if isinstance(item, np.ndarray) and item.dtype.kind == "c":
        raise TypeError("expected bytes, got complex numbers")
    return np.array(item, dtype=np.uint8).reshape(-1)


def blob(data: Any) -> pa.Array:
    """Blobs (ImageBuffer, Blob): bytes, a file-like object, a uint8 array, or a sequence of those."""
    if isinstance(data, pa.Array) and data.type == BLOB_TYPE:
        return data
    if isinstance(data, np.ndarray):
        if data.dtype.kind not in "biuf" and len(data):  # floats are cast, as rerun-sdk does
            raise TypeError(f"expected bytes or a uint8 array, got an array of {data.dtype}")
        if len(data) == 0:
            items = []
        elif data.ndim == 1:
            items = [np.array(data, dtype=np.uint8)]
        else:
            items = [np.array(row, dtype=np.uint8).reshape(-1) for row in data]
    elif isinstance(data, (bytes, bytearray, memoryview)):
        items = [np.frombuffer(data, np.uint8)]
    elif hasattr(data, "read"):
        items = [np.frombuffer(data.read(), np.uint8)]
    elif isinstance(data, Sequence):
        items = [_blob_item(item) for item in data]
    else:
        raise TypeError(f"expected bytes or a uint8 array, got {type(data).__name__}")
    offsets = np.zeros(len(items) + 1, np.int32)
    np.cumsum([len(i) for i in items], out=offsets[1:])
    flat = np.concatenate(items) if items else np.empty(0, np.uint8)
    return pa.ListArray.from_arrays(pa.array(offsets), pa.array(flat, pa.uint8()), type=BLOB_TYPE)
