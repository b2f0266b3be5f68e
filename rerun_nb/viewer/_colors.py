"""Colors: Rerun's packed 0xRRGGBBAA -> float RGBA, and the automatic per-entity color."""

from __future__ import annotations

import zlib
from typing import Any

import numpy as np

from ..query import clamp_rows, rgba_float

__all__ = ["BACKGROUND_RGB", "auto_color", "clamp_rows", "per_instance_colors", "rgba_float"]


BACKGROUND_RGB = "#16191d"  # the views' background, as Rerun's dark theme

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
