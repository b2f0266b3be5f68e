"""3D visualizers for archetypes added in 0.41: TransformAxes3D (with CoordinateFrame names) and GaussianSplats3D.

* ``TransformAxes3D``: the entity's x, y, z axes (red, green, blue), ``axis_length`` long, at the
  entity's transform (the scene builder's entity group carries it); ``show_frame`` labels them with the
  entity's ``CoordinateFrame`` name (else its implicit frame ``tf#/entity/path``, as Rerun names it).
  A ``CoordinateFrame`` alone draws nothing in Rerun either: it names a frame.
* ``GaussianSplats3D``: each gaussian as a round splat at its center, colored by its RGBA color, one
  standard deviation (the mean of its three scales) in radius. Not a 3DGS rasteriser: orientations and
  spherical harmonics are not applied (the base color is used).
"""

from __future__ import annotations

import numpy as np

from ..query import first_bool, float_values, text_values
from . import _objects
from ._colors import per_instance_colors
from ._registry import batch, float_rows, register_visualizer
from ._vis_basic import _sizes

AXIS_COLORS = np.array([[1.0, 0.2, 0.2, 1.0], [0.2, 1.0, 0.2, 1.0], [0.25, 0.45, 1.0, 1.0]], np.float32)
AXIS_WIDTH_PX = 2.0


@register_visualizer("TransformAxes3D", "TransformAxes3D:axis_length")
def transform_axes3d(prev, result, entity_path):
    length = float(float_values(batch(result, "TransformAxes3D:axis_length"))[0])
    positions = np.zeros((6, 3), np.float32)
    positions[1::2] = np.eye(3, dtype=np.float32) * length
    colors = np.repeat(AXIS_COLORS, 2, axis=0)
    obj = _objects.lines(prev, positions, colors, thickness=AXIS_WIDTH_PX, thickness_space="screen", segments=True)
    label = None
    if first_bool(batch(result, "TransformAxes3D:show_frame"), False):
        frame = text_values(batch(result, "CoordinateFrame:frame"))
        label = [frame[0] if frame else f"tf#{entity_path}"]
    _objects.set_labels(obj, label, None if label is None else np.zeros((1, 3), np.float32))
    return obj


@register_visualizer("GaussianSplats3D", "GaussianSplats3D:centers")
def gaussian_splats3d(prev, result, entity_path):
    centers = float_rows(result, "GaussianSplats3D:centers", 3)
    n = len(centers)
    colors = per_instance_colors(batch(result, "GaussianSplats3D:colors"), n, entity_path)
    scales = float_rows(result, "GaussianSplats3D:scales", 3)
    radii = None if scales is None else np.abs(scales).mean(axis=1).astype(np.float32)
    sizes, space = _sizes(radii, n)
    return _objects.points(prev, centers, colors, sizes, size_space=space)
