"""Spatial primitives: points, line strips, boxes, arrows, ellipsoids, capsules, cylinders, meshes."""

from __future__ import annotations

import enum
from typing import Any

import numpy as np

from .._baseclasses import Archetype
from ..components import COMPONENT_TYPES as T


def _fields(**names: str) -> dict:
    return {field: T[ct] for field, ct in names.items()}


_LABELS = {"labels": "Text", "show_labels": "ShowLabels", "class_ids": "ClassId"}


class Points3D(Archetype):
    """A 3D point cloud: positions with optional per-point radii, colors, labels and ids."""

    _fields = _fields(positions="Position3D", radii="Radius", colors="Color", labels="Text", show_labels="ShowLabels",
                      point_shading="PointShading", class_ids="ClassId", keypoint_ids="KeypointId")

    def __init__(self, positions: Any, *, radii: Any = None, colors: Any = None, labels: Any = None,
                 show_labels: Any = None, point_shading: Any = None, class_ids: Any = None, keypoint_ids: Any = None):
        if class_ids is None and keypoint_ids is not None:
            class_ids = 0  # keypoints need a class, like Rerun
        self._set(positions=positions, radii=radii, colors=colors, labels=labels, show_labels=show_labels,
                  point_shading=point_shading, class_ids=class_ids, keypoint_ids=keypoint_ids)


class Points2D(Archetype):
    """A 2D point cloud."""

    _fields = _fields(positions="Position2D", radii="Radius", colors="Color", labels="Text", show_labels="ShowLabels",
                      draw_order="DrawOrder", class_ids="ClassId", keypoint_ids="KeypointId")

    def __init__(self, positions: Any, *, radii: Any = None, colors: Any = None, labels: Any = None,
                 show_labels: Any = None, draw_order: Any = None, class_ids: Any = None, keypoint_ids: Any = None):
        if class_ids is None and keypoint_ids is not None:
            class_ids = 0  # keypoints need a class, like Rerun
        self._set(positions=positions, radii=radii, colors=colors, labels=labels, show_labels=show_labels,
                  draw_order=draw_order, class_ids=class_ids, keypoint_ids=keypoint_ids)


class LineStrips3D(Archetype):
    """3D line strips: each instance is a polyline of points."""

    _fields = _fields(strips="LineStrip3D", radii="Radius", colors="Color", **_LABELS)

    def __init__(self, strips: Any, *, radii: Any = None, colors: Any = None, labels: Any = None,
                 show_labels: Any = None, class_ids: Any = None):
        self._set(strips=strips, radii=radii, colors=colors, labels=labels, show_labels=show_labels,
                  class_ids=class_ids)


class LineStrips2D(Archetype):
    """2D line strips."""

    _fields = _fields(strips="LineStrip2D", radii="Radius", colors="Color", labels="Text", show_labels="ShowLabels",
                      draw_order="DrawOrder", class_ids="ClassId")

    def __init__(self, strips: Any, *, radii: Any = None, colors: Any = None, labels: Any = None,
                 show_labels: Any = None, draw_order: Any = None, class_ids: Any = None):
        self._set(strips=strips, radii=radii, colors=colors, labels=labels, show_labels=show_labels,
                  draw_order=draw_order, class_ids=class_ids)


def _half_sizes(sizes: Any, mins: Any, half_sizes: Any, centers: Any) -> tuple[Any, Any]:
    """Rerun's box constructors take `half_sizes` or `sizes`, and `centers` or `mins` (with a size)."""
    if sizes is not None:
        if half_sizes is not None:
            raise ValueError("can't give both `sizes` and `half_sizes`")
        half_sizes = np.asarray(sizes, dtype=np.float32) / 2.0
    if mins is not None:
        if centers is not None:
            raise ValueError("can't give both `mins` and `centers`")
        if half_sizes is None:
            raise ValueError("`mins` needs `sizes` or `half_sizes`")
        half_sizes = np.asarray(half_sizes, dtype=np.float32)
        centers = np.asarray(mins, dtype=np.float32) + half_sizes
    return half_sizes, centers


class Box2DFormat(enum.Enum):
    """How `rr.Boxes2D(array=..., array_format=...)` reads each row of 4 numbers."""

    XYWH = "XYWH"  # x, y (left, top), width, height
    YXHW = "YXHW"  # y, x (top, left), height, width
    XYXY = "XYXY"  # x0, y0 (left, top), x1, y1 (right, bottom)
    YXYX = "YXYX"  # y0, x0, y1, x1
    XCYCWH = "XCYCWH"  # center x, center y, width, height
    XCYCW2H2 = "XCYCW2H2"  # center x, center y, half width, half height


def _boxes_from_array(array: Any, array_format: Any) -> tuple[np.ndarray, np.ndarray]:
    if array_format is None:
        raise ValueError("`array` needs `array_format` (an rr.Box2DFormat)")
    fmt = Box2DFormat(array_format.value if isinstance(array_format, enum.Enum) else array_format)
    arr = np.asarray(array)
    if arr.dtype.kind not in "biuf":
        raise TypeError(f"expected numbers in `array`, got {arr.dtype}")
    arr = arr.reshape(1, -1) if arr.ndim == 1 and np.any(arr) else arr
    if not np.any(arr):
        arr = np.zeros((0, 4), np.float32)  # Rerun logs no boxes for an all-zero array
    if arr.ndim != 2 or arr.shape[1] != 4:
        raise ValueError(f"expected `array` of shape (N, 4), got {arr.shape}")
    a, b = arr[:, 0:2], arr[:, 2:4]
    if fmt in (Box2DFormat.YXHW, Box2DFormat.YXYX):
        a, b = a[:, ::-1], b[:, ::-1]
    if fmt in (Box2DFormat.XYWH, Box2DFormat.YXHW):
        half = b / 2
        return half, a + half
    if fmt in (Box2DFormat.XYXY, Box2DFormat.YXYX):
        centers = (a + b) / 2
        return b - centers, centers
    return (b / 2 if fmt is Box2DFormat.XCYCWH else b), a


class Boxes3D(Archetype):
    """3D boxes given by half sizes (or sizes), centers and rotations."""

    _fields = _fields(half_sizes="HalfSize3D", centers="Translation3D", rotation_axis_angles="RotationAxisAngle",
                      quaternions="RotationQuat", colors="Color", radii="Radius", fill_mode="FillMode",
                      labels="Text", show_labels="ShowLabels", class_ids="ClassId")

    def __init__(self, *, sizes: Any = None, mins: Any = None, half_sizes: Any = None, centers: Any = None,
                 rotation_axis_angles: Any = None, quaternions: Any = None, rotations: Any = None,
                 colors: Any = None, radii: Any = None, fill_mode: Any = None, labels: Any = None,
                 show_labels: Any = None, class_ids: Any = None):
        try:
            half_sizes, centers = _half_sizes(sizes, mins, half_sizes, centers)
            rotation_axis_angles, quaternions = _split_rotations(rotations, rotation_axis_angles, quaternions)
        except (ValueError, TypeError, ArithmeticError) as exc:
            self._set_error(str(exc))
            return
        self._set(half_sizes=half_sizes, centers=centers, rotation_axis_angles=rotation_axis_angles,
                  quaternions=quaternions, colors=colors, radii=radii, fill_mode=fill_mode, labels=labels,
                  show_labels=show_labels, class_ids=class_ids)


class Boxes2D(Archetype):
    """2D boxes."""

    _fields = _fields(half_sizes="HalfSize2D", centers="Position2D", colors="Color", radii="Radius", labels="Text",
                      show_labels="ShowLabels", draw_order="DrawOrder", class_ids="ClassId")

    def __init__(self, *, sizes: Any = None, mins: Any = None, half_sizes: Any = None, centers: Any = None,
                 array: Any = None, array_format: Any = None, radii: Any = None, colors: Any = None,
                 labels: Any = None, show_labels: Any = None, draw_order: Any = None, class_ids: Any = None):
        try:
            if array is not None:
                for name, value in (("half_sizes", half_sizes), ("sizes", sizes), ("mins", mins), ("centers", centers)):
                    if value is not None:
                        raise ValueError(f"can't give both `array` and `{name}`")
                half_sizes, centers = _boxes_from_array(array, array_format)
            else:
                half_sizes, centers = _half_sizes(sizes, mins, half_sizes, centers)
        except (ValueError, TypeError, ArithmeticError) as exc:
            self._set_error(str(exc))
            return
        self._set(half_sizes=half_sizes, centers=centers, colors=colors, radii=radii, labels=labels,
                  show_labels=show_labels, draw_order=draw_order, class_ids=class_ids)


class Arrows3D(Archetype):
    """3D arrows: vectors from origins."""

    _fields = _fields(vectors="Vector3D", origins="Position3D", radii="Radius", colors="Color", **_LABELS)

    def __init__(self, *, vectors: Any, origins: Any = None, radii: Any = None, colors: Any = None,
                 labels: Any = None, show_labels: Any = None, class_ids: Any = None):
        self._set(vectors=vectors, origins=origins, radii=radii, colors=colors, labels=labels,
                  show_labels=show_labels, class_ids=class_ids)


class Arrows2D(Archetype):
    """2D arrows."""

    _fields = _fields(vectors="Vector2D", origins="Position2D", radii="Radius", colors="Color", labels="Text",
                      show_labels="ShowLabels", draw_order="DrawOrder", class_ids="ClassId")

    def __init__(self, *, vectors: Any, origins: Any = None, radii: Any = None, colors: Any = None,
                 labels: Any = None, show_labels: Any = None, draw_order: Any = None, class_ids: Any = None):
        self._set(vectors=vectors, origins=origins, radii=radii, colors=colors, labels=labels,
                  show_labels=show_labels, draw_order=draw_order, class_ids=class_ids)


_SHAPE_STYLE = {
    "rotation_axis_angles": "RotationAxisAngle",
    "quaternions": "RotationQuat",
    "colors": "Color",
    "line_radii": "Radius",
    "fill_mode": "FillMode",
    "labels": "Text",
    "show_labels": "ShowLabels",
    "class_ids": "ClassId",
}


class Ellipsoids3D(Archetype):
    """3D ellipsoids (or spheres, via `radii`)."""

    _fields = _fields(half_sizes="HalfSize3D", centers="Translation3D", **_SHAPE_STYLE)

    def __init__(self, *, half_sizes: Any = None, radii: Any = None, centers: Any = None,
                 rotation_axis_angles: Any = None, quaternions: Any = None, colors: Any = None,
                 line_radii: Any = None, fill_mode: Any = None, labels: Any = None, show_labels: Any = None,
                 class_ids: Any = None):
        if radii is not None:
            if half_sizes is not None:
                self._set_error("only one of `half_sizes` or `radii` can be given")
                return
            try:
                half_sizes = np.repeat(np.asarray(radii, np.float32).reshape(-1, 1), 3, axis=1)
            except (TypeError, ValueError) as exc:
                self._set_error(f"bad `radii`: expected numbers ({exc})")
                return
        self._set(half_sizes=half_sizes, centers=centers, rotation_axis_angles=rotation_axis_angles,
                  quaternions=quaternions, colors=colors, line_radii=line_radii, fill_mode=fill_mode,
                  labels=labels, show_labels=show_labels, class_ids=class_ids)


class Capsules3D(Archetype):
    """3D capsules: a length along +Z and a radius, placed by translations and rotations."""

    _fields = _fields(lengths="Length", radii="Radius", translations="Translation3D", **_SHAPE_STYLE)

    def __init__(self, *, lengths: Any = None, radii: Any = None, translations: Any = None,
                 rotation_axis_angles: Any = None, quaternions: Any = None, colors: Any = None,
                 line_radii: Any = None, fill_mode: Any = None, labels: Any = None, show_labels: Any = None,
                 class_ids: Any = None):
        self._set(lengths=lengths, radii=radii, translations=translations, rotation_axis_angles=rotation_axis_angles,
                  quaternions=quaternions, colors=colors, line_radii=line_radii, fill_mode=fill_mode, labels=labels,
                  show_labels=show_labels, class_ids=class_ids)


class Cylinders3D(Archetype):
    """3D cylinders: a length along +Z and a radius, placed by centers and rotations."""

    _fields = _fields(lengths="Length", radii="Radius", centers="Translation3D", **_SHAPE_STYLE)

    def __init__(self, *, lengths: Any = None, radii: Any = None, centers: Any = None,
                 rotation_axis_angles: Any = None, quaternions: Any = None, colors: Any = None,
                 line_radii: Any = None, fill_mode: Any = None, labels: Any = None, show_labels: Any = None,
                 class_ids: Any = None):
        self._set(lengths=lengths, radii=radii, centers=centers, rotation_axis_angles=rotation_axis_angles,
                  quaternions=quaternions, colors=colors, line_radii=line_radii, fill_mode=fill_mode, labels=labels,
                  show_labels=show_labels, class_ids=class_ids)


class Mesh3D(Archetype):
    """A triangle mesh with optional vertex normals, colors and texture coordinates."""

    _fields = _fields(vertex_positions="Position3D", triangle_indices="TriangleIndices", vertex_normals="Vector3D",
                      vertex_colors="Color", vertex_texcoords="Texcoord2D", albedo_factor="AlbedoFactor",
                      face_rendering="MeshFaceRendering", albedo_texture_buffer="ImageBuffer",
                      albedo_texture_format="ImageFormat", class_ids="ClassId")

    def __init__(self, *, vertex_positions: Any, triangle_indices: Any = None, vertex_normals: Any = None,
                 vertex_colors: Any = None, vertex_texcoords: Any = None, albedo_texture: Any = None,
                 albedo_factor: Any = None, face_rendering: Any = None, class_ids: Any = None):
        buffer = fmt = None
        if albedo_texture is not None:
            from ._images import albedo_texture as _albedo_texture

            try:
                buffer, fmt = _albedo_texture(albedo_texture)
            except (ValueError, TypeError, ArithmeticError) as exc:
                self._set_error(f"bad `albedo_texture`: {exc}")
                return
        self._set(vertex_positions=vertex_positions, triangle_indices=triangle_indices, vertex_normals=vertex_normals,
                  vertex_colors=vertex_colors, vertex_texcoords=vertex_texcoords, albedo_factor=albedo_factor,
                  face_rendering=face_rendering, albedo_texture_buffer=buffer, albedo_texture_format=fmt,
                  class_ids=class_ids)


def _split_rotations(rotations: Any, axis_angles: Any, quaternions: Any) -> tuple[Any, Any]:
    """`rotations=` takes RotationAxisAngle(s) or quaternion(s): route them, and clear the other field (like Rerun)."""
    from ..datatypes import RotationAxisAngle

    if rotations is None:
        return axis_angles, quaternions
    if axis_angles is not None or quaternions is not None:
        raise ValueError("can't give both `rotations` and `quaternions` or `rotation_axis_angles`")
    first = rotations
    if isinstance(rotations, (list, tuple)) and rotations:
        first = rotations[0]
    if isinstance(first, RotationAxisAngle):
        return rotations, []
    return [], rotations
