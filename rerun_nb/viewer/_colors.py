"""Colors: Rerun's packed 0xRRGGBBAA -> float RGBA, and the automatic per-entity color."""

from __future__ import annotations

import zlib
from typing import Any

import numpy as np

__all__ = ["auto_color", "per_instance_colors", "rgba_float"]


def rgba_float(batch: Any) -> np.ndarray | None:
    """Unpack a color batch (uint32 0xRRGGBBAA, or (n, 3|4) uint8/float) into (n, 4) float32 in 0..1."""
    if batch is None or len(batch) == 0:
        return None
    if hasattr(batch, "to_numpy") and not isinstance(batch, np.ndarray):
        batch = batch.to_numpy(zero_copy_only=False)
    arr = np.asarray(batch)
    if arr.ndim == 1 and arr.dtype.kind in "ui":
        packed = arr.astype(np.uint32)
        rgba = np.stack([(packed >> s) & 0xFF for s in (24, 16, 8, 0)], axis=1)
        return (rgba / 255.0).astype(np.float32)
    arr = arr.reshape(len(arr), -1)
    out = np.ones((len(arr), 4), np.float32)
    scale = 1.0 if arr.dtype.kind == "f" else 1 / 255.0
    out[:, : arr.shape[1]] = arr[:, :4] * scale
    return out


# Rerun-like palette: bright, distinct on a dark background.
_PALETTE = np.array(
    [
        [0.90, 0.32, 0.27], [0.33, 0.66, 0.96], [0.45, 0.80, 0.38], [0.98, 0.75, 0.25],
        [0.72, 0.47, 0.93], [0.27, 0.80, 0.78], [0.97, 0.53, 0.75], [0.80, 0.80, 0.80],
    ],
    np.float32,
)


def auto_color(entity_path: str) -> np.ndarray:
    """A stable RGBA color for an entity without colors (hash of the path, as Rerun does)."""
    rgb = _PALETTE[zlib.crc32(entity_path.encode()) % len(_PALETTE)]
    return np.append(rgb, 1.0).astype(np.float32)


def per_instance_colors(batch: Any, n: int, entity_path: str) -> np.ndarray:
    """(n, 4) float32 colors, clamped to ``n`` (last repeats), or the entity's auto color."""
    colors = rgba_float(batch)
    if colors is None:
        return np.broadcast_to(auto_color(entity_path), (n, 4)).copy()
    return clamp_rows(colors, n)


def clamp_rows(arr: np.ndarray, n: int) -> np.ndarray:
    """Rerun instance clamping: cut a longer batch, repeat the last row of a shorter one."""
    if len(arr) >= n:
        return arr[:n]
    pad = np.repeat(arr[-1:], n - len(arr), axis=0)
    return np.concatenate([arr, pad])
