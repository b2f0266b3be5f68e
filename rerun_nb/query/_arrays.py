"""Component batches as numpy: the one instance-clamping rule and the one float conversion.

A latest-at or range result maps descriptor names (``"Points3D:positions"``) to batches, which are
numpy arrays (numeric components) or pyarrow arrays (lists, structs, strings). Visualizers of every
view read them through these functions only, so the rules are the same everywhere:

* ``as_float_rows(batch, width)`` -> contiguous (n, width) float array, None when absent or empty.
* ``clamp_rows(arr, n)`` -> Rerun's instance clamping: a longer batch is cut, a shorter one repeats
  its last row (numpy or pyarrow in, same kind out).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pyarrow as pa

__all__ = [
    "as_float_rows", "batch", "clamp_rows", "first_bool", "first_float", "first_int", "first_text", "float_values",
    "rgba_float", "tensor_from_arrow", "text_values",
]


def batch(result: Mapping[str, Any], descriptor: str) -> Any:
    """The batch for ``descriptor`` in a result, or None when absent or empty."""
    b = result.get(descriptor)
    if b is None or len(b) == 0:
        return None
    return b


def _to_numpy(b: Any) -> np.ndarray:
    if isinstance(b, np.ndarray):
        return b
    if isinstance(b, (pa.FixedSizeListArray, pa.ListArray, pa.LargeListArray)):
        return _to_numpy(b.flatten())
    if hasattr(b, "to_numpy"):
        return b.to_numpy(zero_copy_only=False)
    return np.asarray(b)


def as_float_rows(b: Any, width: int, dtype: Any = np.float32) -> np.ndarray | None:
    """``b`` as a contiguous (n, width) float array (float32 by default), or None when absent or empty."""
    if b is None or len(b) == 0:
        return None
    arr = np.asarray(_to_numpy(b), dtype=dtype)
    if arr.size == 0:
        return None
    return np.ascontiguousarray(arr.reshape(-1, width))


def float_values(b: Any, dtype: Any = np.float32) -> np.ndarray | None:
    """A scalar component (radii, scalars ...) as a flat float array, or None."""
    if b is None or len(b) == 0:
        return None
    return np.asarray(_to_numpy(b), dtype=dtype).reshape(-1)


def clamp_rows(arr: Any, n: int) -> Any:
    """Rerun instance clamping: cut a longer batch, repeat the last row of a shorter one."""
    k = len(arr)
    if k == n:
        return arr
    if k > n:
        return arr[:n]
    if isinstance(arr, pa.Array):
        return arr.take(pa.array(np.minimum(np.arange(n), k - 1)))
    return np.concatenate([arr, np.repeat(arr[-1:], n - k, axis=0)])


def text_values(b: Any) -> list[str] | None:
    """A utf8 batch as a list of str, or None."""
    if b is None or len(b) == 0:
        return None
    values = b.to_pylist() if hasattr(b, "to_pylist") else list(b)
    return ["" if x is None else str(x) for x in values]


def first_text(b: Any, default: str | None = None) -> str | None:
    """The first string of a utf8 batch, or ``default``."""
    values = text_values(b)
    return values[0] if values else default


def first_int(b: Any, default: int) -> int:
    """The first value of an enum-like batch (fill_mode, colormap ...), or ``default``."""
    if b is None or len(b) == 0:
        return default
    return int(np.asarray(_to_numpy(b)).reshape(-1)[0])


def first_float(b: Any, default: float | None) -> float | None:
    """The first value of a scalar batch, or ``default``."""
    values = float_values(b, np.float64)
    return default if values is None else float(values[0])


def first_bool(b: Any, default: bool) -> bool:
    """The first value of a boolean batch, or ``default``."""
    if b is None or len(b) == 0:
        return default
    if hasattr(b, "to_pylist"):
        return bool(b.to_pylist()[0])
    return bool(np.asarray(b).reshape(-1)[0])


def rgba_float(b: Any) -> np.ndarray | None:
    """A color batch (uint32 0xRRGGBBAA, or (n, 3|4) uint8/float) as (n, 4) float32 in 0..1."""
    if b is None or len(b) == 0:
        return None
    arr = _to_numpy(b) if not isinstance(b, (pa.FixedSizeListArray, pa.ListArray)) else \
        _to_numpy(b).reshape(len(b), -1)
    arr = np.asarray(arr)
    if arr.ndim == 1 and arr.dtype.kind in "ui":
        packed = arr.astype(np.uint32)
        rgba = np.stack([(packed >> s) & 0xFF for s in (24, 16, 8, 0)], axis=1)
        return (rgba / 255.0).astype(np.float32)
    arr = arr.reshape(len(arr), -1)
    out = np.ones((len(arr), 4), np.float32)
    scale = 1.0 if arr.dtype.kind == "f" else 1 / 255.0
    out[:, : arr.shape[1]] = arr[:, :4] * scale
    return out


def tensor_from_arrow(b: Any) -> tuple[np.ndarray, list[str] | None] | None:
    """The first ``TensorData`` of a batch as (n-d numpy array, dimension names or None)."""
    if b is None or len(b) == 0:
        return None
    if not isinstance(b, pa.StructArray):
        arr = np.asarray(getattr(b, "array", b))
        return arr, None
    row = b.slice(0, 1)
    shape = [int(s) for s in row.field("shape").flatten().to_numpy(zero_copy_only=False)]
    names_col = row.field("names")
    names = None
    if names_col.null_count == 0 and len(names_col.flatten()):
        names = [str(x) for x in names_col.flatten().to_pylist()]
    union = row.field("buffer")
    child = union.field(int(union.type_codes.to_numpy()[0]))
    offset = int(union.offsets.to_numpy()[0])
    values = child[offset].values.to_numpy(zero_copy_only=False)
    return np.asarray(values).reshape(shape), names
