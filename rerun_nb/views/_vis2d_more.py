"""2D visualizers for archetypes added in 0.41: Ellipses2D (outlines) and EncodedDepthImage (PNG depth).

Registered for view kind "2D" like ``_vis2d``; the same conventions (x right, y down, draw order as z).
"""

from __future__ import annotations

import io

import numpy as np

from ..query import as_float_rows, batch, clamp_rows, first_float, first_int, text_values
from ..viewer import _objects
from ..viewer._registry import float_values, register_visualizer
from ..viewer._vis_basic import _join_strips, _line_width, labels_for
from ._images import TURBO, apply_colormap
from ._vis2d import _class_colors, image_object

__all__ = ["decode_encoded_depth"]

ELLIPSE_SEGMENTS = 64
DRAW_ORDER = {"Ellipses2D": 20.0, "EncodedDepthImage": -20.0}  # as LineStrips2D / DepthImage


def _z(result, archetype: str) -> float:
    return float(first_float(batch(result, f"{archetype}:draw_order"), DRAW_ORDER[archetype]))


@register_visualizer("Ellipses2D", "Ellipses2D:half_sizes", view="2D")
def ellipses2d(prev, result, entity_path, ctx=None):
    half = as_float_rows(batch(result, "Ellipses2D:half_sizes"), 2).astype(np.float64)
    n = len(half)
    centers = as_float_rows(batch(result, "Ellipses2D:centers"), 2)
    centers = np.zeros((n, 2)) if centers is None else clamp_rows(centers, n).astype(np.float64)
    t = np.linspace(0, 2 * np.pi, ELLIPSE_SEGMENTS + 1)
    unit = np.stack([np.cos(t), np.sin(t)], axis=1)
    z = _z(result, "Ellipses2D")
    strips = [np.c_[c + unit * h, np.full(len(t), z)].astype(np.float32) for c, h in zip(centers, half)]
    colors = _class_colors(result, "Ellipses2D", n, entity_path, ctx)
    positions, vertex_colors = _join_strips(strips, colors)
    width, space = _line_width(float_values(result, "Ellipses2D:line_radii"))
    obj = _objects.lines(prev, positions, vertex_colors, thickness=width, thickness_space=space)
    labels_for(obj, result, "Ellipses2D", np.c_[centers, np.full(n, z)].astype(np.float32))
    return obj


def decode_encoded_depth(blob: bytes, media_type: str | None) -> np.ndarray:
    """An EncodedDepthImage's bytes as an (H, W) depth array (PNG: 8/16-bit grey; RVL: not decoded yet)."""
    if media_type not in (None, "image/png") and not bytes(blob[:8]).startswith(b"\x89PNG"):
        raise NotImplementedError(f"EncodedDepthImage media type {media_type!r} is not decoded by rerun_nb yet "
                                  "(PNG is)")
    from PIL import Image

    img = Image.open(io.BytesIO(bytes(blob)))
    arr = np.asarray(img)
    if arr.ndim == 3:
        arr = arr[..., 0]
    return arr


@register_visualizer("EncodedDepthImage", "EncodedDepthImage:blob", view="2D")
def encoded_depth_image2d(prev, result, entity_path, ctx=None):
    """Drawn like a DepthImage: the colormap (default turbo) over depth_range (default 0 .. max), 0 = no depth."""
    b = batch(result, "EncodedDepthImage:blob")
    blob = b[0].values.to_numpy(zero_copy_only=False) if hasattr(b[0], "values") else np.asarray(b[0])
    mt = text_values(batch(result, "EncodedDepthImage:media_type"))
    depth = decode_encoded_depth(np.asarray(blob, np.uint8).tobytes(), mt[0] if mt else None)
    d = depth.astype(np.float64)
    rng = float_values(result, "EncodedDepthImage:depth_range")
    if rng is not None and len(rng) >= 2:
        lo, hi = float(rng[0]), float(rng[1])
    else:
        lo, hi = 0.0, float(d.max()) if d.size and d.max() > 0 else 1.0
    rgba = apply_colormap(d, lo, hi, first_int(batch(result, "EncodedDepthImage:colormap"), TURBO))
    rgba[..., 3] = np.where(d > 0, rgba[..., 3], 0)
    return image_object(prev, rgba, z=_z(result, "EncodedDepthImage"), values=depth)
