"""Visualizers of the 2D view: images of every kind and the 2D primitives, registered for view kind "2D".

A 2D visualizer is ``fn(prev, result, entity_path, ctx) -> WorldObject | None``; ``ctx`` answers
``ctx.annotations(entity_path)`` (the class id -> (label, color) of the nearest AnnotationContext).
Coordinates are Rerun's 2D space: x right, y down, pixel (0, 0) covering [0, 1] x [0, 1]; the view
flips y. ``draw_order`` becomes z (higher on top), with Rerun's per-archetype defaults.
"""

from __future__ import annotations

import numpy as np
import pygfx as gfx

from ..query import as_float_rows, batch, clamp_rows, first_float, first_int
from ..viewer import _objects
from ..viewer._colors import per_instance_colors
from ..viewer._registry import float_values, register_visualizer
from ..viewer._vis_basic import _join_strips, _line_width, _sizes, labels_for, strips_from_batch
from ._images import (
    decode_encoded_image,
    depth_to_rgba,
    image_array,
    image_to_rgba,
    opacity_of,
    segmentation_to_rgba,
)

__all__ = ["DEFAULT_DRAW_ORDER", "image_object"]

# Rerun's default draw orders (re_types' DrawOrder defaults per archetype).
DEFAULT_DRAW_ORDER = {"DepthImage": -20.0, "Image": -10.0, "EncodedImage": -10.0, "SegmentationImage": 0.0,
                      "Boxes2D": 10.0, "LineStrips2D": 20.0, "Arrows2D": 20.0, "Points2D": 30.0}
NEAREST, LINEAR = 1, 2  # MagnificationFilter


def _z(result, archetype: str) -> float:
    return float(first_float(batch(result, f"{archetype}:draw_order"), DEFAULT_DRAW_ORDER[archetype]))


def image_object(prev, rgba: np.ndarray, *, z: float, opacity: float | None = None, linear: bool = False,
                 values: np.ndarray | None = None, labels: dict | None = None):
    """A ``gfx.Image`` of an (H, W, 4) uint8 image covering [0, W] x [0, H]; buffers reused when the size is the same.

    ``values`` (H, W[, C]) are the pixel values hover shows (default: the colors); ``labels`` class id -> name.
    """
    h, w = rgba.shape[:2]
    key = ("image", h, w, linear)
    if isinstance(prev, gfx.Image) and getattr(prev, "_rnb_key", None) == key:
        tex = prev.geometry.grid
        tex.data[...] = rgba
        tex.update_full()
        obj = prev
    else:
        tex = gfx.Texture(np.ascontiguousarray(rgba), dim=2)
        obj = gfx.Image(gfx.Geometry(grid=tex), gfx.ImageBasicMaterial(
            clim=(0, 255), interpolation="linear" if linear else "nearest", alpha_mode="blend"))
        obj._rnb_key = key
    obj._rnb_size = (w, h)
    obj._rnb_values = rgba if values is None else values
    obj._rnb_labels = labels
    obj.material.opacity = 1.0 if opacity is None else float(opacity)
    obj.local.position = (0.5, 0.5, z)  # pygfx centres pixels on integers; Rerun's pixel 0 covers [0, 1]
    return obj


def _linear(result, archetype: str) -> bool:
    return first_int(batch(result, f"{archetype}:magnification_filter"), NEAREST) == LINEAR


@register_visualizer("Image", "Image:buffer", view="2D")
def image2d(prev, result, entity_path, ctx=None):
    rgba = image_to_rgba(result, "Image")
    raw = image_array(result, "Image")
    values = raw[0] if raw is not None and raw[1].get("pixel_format") is None else None
    return None if rgba is None else image_object(prev, rgba, z=_z(result, "Image"), values=values,
                                                  opacity=opacity_of(result, "Image"), linear=_linear(result, "Image"))


@register_visualizer("DepthImage", "DepthImage:buffer", view="2D")
def depth_image2d(prev, result, entity_path, ctx=None):
    rgba = depth_to_rgba(result)
    raw = image_array(result, "DepthImage")
    return None if rgba is None else image_object(prev, rgba, z=_z(result, "DepthImage"), values=raw[0][..., 0],
                                                  linear=_linear(result, "DepthImage"))


@register_visualizer("SegmentationImage", "SegmentationImage:buffer", view="2D")
def segmentation_image2d(prev, result, entity_path, ctx=None):
    annotations = ctx.annotations(entity_path) if ctx is not None else None
    rgba = segmentation_to_rgba(result, annotations, opacity_of(result, "SegmentationImage"))
    raw = image_array(result, "SegmentationImage")
    labels = {k: v[0] for k, v in (annotations or {}).items() if v[0]}
    return None if rgba is None else image_object(prev, rgba, z=_z(result, "SegmentationImage"),
                                                  values=raw[0][..., 0], labels=labels)


@register_visualizer("EncodedImage", "EncodedImage:blob", view="2D")
def encoded_image2d(prev, result, entity_path, ctx=None):
    rgba = decode_encoded_image(result)
    return None if rgba is None else image_object(prev, rgba, z=_z(result, "EncodedImage"),
                                                  opacity=opacity_of(result, "EncodedImage"),
                                                  linear=_linear(result, "EncodedImage"))


def _with_z(xy: np.ndarray, z: float) -> np.ndarray:
    out = np.empty((len(xy), 3), np.float32)
    out[:, :2] = xy
    out[:, 2] = z
    return out


def _class_colors(result, archetype, n, entity_path, ctx):
    """Colors: explicit, else the class ids' annotation colors, else the entity's auto color."""
    colors = batch(result, f"{archetype}:colors")
    class_ids = batch(result, f"{archetype}:class_ids")
    if colors is None and class_ids is not None and ctx is not None:
        table = ctx.annotations(entity_path) or {}
        ids = clamp_rows(np.asarray(class_ids).reshape(-1), n)
        packed = [table.get(int(i), (None, None))[1] for i in ids]
        if any(p is not None for p in packed):
            auto = per_instance_colors(None, 1, entity_path)[0]
            out = np.empty((n, 4), np.float32)
            for k, p in enumerate(packed):
                out[k] = auto if p is None else [((int(p) >> s) & 255) / 255 for s in (24, 16, 8, 0)]
            return out
    return per_instance_colors(colors, n, entity_path)


@register_visualizer("Points2D", "Points2D:positions", view="2D")
def points2d(prev, result, entity_path, ctx=None):
    xy = as_float_rows(batch(result, "Points2D:positions"), 2)
    n = len(xy)
    positions = _with_z(xy, _z(result, "Points2D"))
    colors = _class_colors(result, "Points2D", n, entity_path, ctx)
    sizes, space = _sizes(float_values(result, "Points2D:radii"), n)
    obj = _objects.points(prev, positions, colors, sizes, size_space=space)
    labels_for(obj, result, "Points2D", positions)
    return obj


@register_visualizer("Boxes2D", "Boxes2D:half_sizes", view="2D")
def boxes2d(prev, result, entity_path, ctx=None):
    half = as_float_rows(batch(result, "Boxes2D:half_sizes"), 2)
    n = len(half)
    centers = as_float_rows(batch(result, "Boxes2D:centers"), 2)
    centers = np.zeros((n, 2), np.float32) if centers is None else clamp_rows(centers, n)
    lo, hi = centers - half, centers + half
    corners = np.stack([lo, np.stack([hi[:, 0], lo[:, 1]], 1), hi, np.stack([lo[:, 0], hi[:, 1]], 1)], axis=1)
    segs = corners[:, [0, 1, 1, 2, 2, 3, 3, 0]].reshape(-1, 2)
    positions = _with_z(segs, _z(result, "Boxes2D"))
    colors = np.repeat(_class_colors(result, "Boxes2D", n, entity_path, ctx), 8, axis=0)
    width, space = _line_width(float_values(result, "Boxes2D:radii"))
    obj = _objects.lines(prev, positions, colors, thickness=width, thickness_space=space, segments=True)
    labels_for(obj, result, "Boxes2D", _with_z(np.stack([lo[:, 0], lo[:, 1] - 2], 1), positions[0, 2]))
    return obj


@register_visualizer("LineStrips2D", "LineStrips2D:strips", view="2D")
def line_strips2d(prev, result, entity_path, ctx=None):
    z = _z(result, "LineStrips2D")
    strips = [_with_z(s.reshape(-1, 2), z) for s in _strips2d(batch(result, "LineStrips2D:strips")) if len(s)]
    if not strips:
        return None
    colors = _class_colors(result, "LineStrips2D", len(strips), entity_path, ctx)
    positions, vertex_colors = _join_strips(strips, colors)
    width, space = _line_width(float_values(result, "LineStrips2D:radii"))
    obj = _objects.lines(prev, positions, vertex_colors, thickness=width, thickness_space=space)
    labels_for(obj, result, "LineStrips2D", np.array([s.mean(axis=0) for s in strips], np.float32))
    return obj


def _strips2d(b) -> list[np.ndarray]:
    if hasattr(b, "offsets") and hasattr(b, "flatten"):
        offsets = b.offsets.to_numpy()
        coords = np.asarray(b.flatten().flatten().to_numpy(zero_copy_only=False), np.float32).reshape(-1, 2)
        offsets = offsets - offsets[0]
        return [coords[offsets[i] : offsets[i + 1]] for i in range(len(b))]
    return [np.asarray(s, np.float32).reshape(-1, 2) for s in strips_from_batch(b)]


@register_visualizer("Arrows2D", "Arrows2D:vectors", view="2D")
def arrows2d(prev, result, entity_path, ctx=None):
    vectors = as_float_rows(batch(result, "Arrows2D:vectors"), 2)
    n = len(vectors)
    origins = as_float_rows(batch(result, "Arrows2D:origins"), 2)
    origins = np.zeros_like(vectors) if origins is None else clamp_rows(origins, n)
    z = _z(result, "Arrows2D")
    positions = np.empty((2 * n, 3), np.float32)
    positions[0::2], positions[1::2] = _with_z(origins, z), _with_z(origins + vectors, z)
    colors = np.repeat(_class_colors(result, "Arrows2D", n, entity_path, ctx), 2, axis=0)
    width, space = _line_width(float_values(result, "Arrows2D:radii"))
    obj = _objects.lines(prev, positions, colors, thickness=max(width, 3.0) if space == "screen" else width,
                         thickness_space=space, segments=True, arrows=True)
    labels_for(obj, result, "Arrows2D", positions[1::2])
    return obj
