"""Spatial primitives: points, line strips, boxes, arrows, ellipsoids, capsules, cylinders, meshes."""

from __future__ import annotations

from typing import Any

import numpy as np

from .._baseclasses import Archetype
from ..components import COMPONENT_TYPES as T


def _fields(**names: str) -> dict:
    return {field: T[ct] for field, ct in names.items()}


_LABELS = dict(labels="Text", show_labels="ShowLabels", class_ids="ClassId")


class Points3D(Archetype):
    """A 3D point cloud: positions with optional per-point radii, colors, labels and ids."""

    _fields = _fields(positions="Position3D", radii="Radius", colors="Color", labels="Text", show_labels="ShowLabels",
                      point_shading="PointShading", class_ids="ClassId", keypoint_ids="KeypointId")

    def __init__(self, positions: Any, *, radii: Any = None, colors: Any = None, labels: Any = None,
                 show_labels: Any = None, point_shading: Any = None, class_ids: Any = None, keypoint_ids: Any = None):
        self._set(positions=positions, radii=radii, colors=colors, labels=labels, show_labels=show_labels,
                  point_shading=point_shading, class_ids=class_ids, keypoint_ids=keypoint_ids)


class Points2D(Archetype):
    """A 2D point cloud."""

    _fields = _fields(positions="Position2D", radii="Radius", colors="Color", labels="Text", show_labels="ShowLabels",
                      draw_order="DrawOrder", class_ids="ClassId", keypoint_ids="KeypointId")

    def __init__(self, positions: Any, *, radii: Any = None, colors: Any = None, labels: Any = None,
                 show_labels: Any = None, draw_order: Any = None, class_ids: Any = None, keypoint_ids: Any = None):
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


def _half_sizes(sizes: Any, mins: Any, half_sizes: Any, centers: Any, dim: int) -> tuple[Any, Any]:
    """Rerun's box constructors take `half_sizes`, or `sizes`, optionally with `mins` instead of centers."""
    if half_sizes is not None and sizes is not None:
        raise ValueError("only one of `sizes` or `half_sizes` can be given")
    if sizes is not None:
        sizes = np.asarray(sizes, dtype=np.float32).reshape(-1, dim)
        half_sizes = sizes / 2.0
        if mins is not None:
            if centers is not None:
                raise ValueError("only one of `mins` or `centers` can be given")
            centers = np.asarray(mins, dtype=np.float32).reshape(-1, dim) + half_sizes
    elif mins is not None:
        raise ValueError("`mins` needs `sizes`")
    return half_sizes, centers


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
            half_sizes, centers = _half_sizes(sizes, mins, half_sizes, centers, 3)
            rotation_axis_angles, quaternions = _split_rotations(rotations, rotation_axis_angles, quaternions)
        except ValueError as exc:
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
                raise ValueError("Boxes2D(array=, array_format=) is not supported by rerun_nb yet; use sizes/mins")
            half_sizes, centers = _half_sizes(sizes, mins, half_sizes, centers, 2)
        except ValueError as exc:
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


_SHAPE_STYLE = dict(rotation_axis_angles="RotationAxisAngle", quaternions="RotationQuat", colors="Color",
                    line_radii="Radius", fill_mode="FillMode", labels="Text", show_labels="ShowLabels",
                    class_ids="ClassId")


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
            half_sizes = np.repeat(np.asarray(radii, np.float32).reshape(-1, 1), 3, axis=1)
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
            from ._images import image_buffer_and_format

            try:
                buffer, fmt = image_buffer_and_format(albedo_texture, None)
            except (ValueError, TypeError) as exc:
                self._set_error(f"bad `albedo_texture`: {exc}")
                return
        self._set(vertex_positions=vertex_positions, triangle_indices=triangle_indices, vertex_normals=vertex_normals,
                  vertex_colors=vertex_colors, vertex_texcoords=vertex_texcoords, albedo_factor=albedo_factor,
                  face_rendering=face_rendering, albedo_texture_buffer=buffer, albedo_texture_format=fmt,
                  class_ids=class_ids)


def _split_rotations(rotations: Any, axis_angles: Any, quaternions: Any) -> tuple[Any, Any]:
    """`rotations=` takes RotationAxisAngle(s) or Quaternion(s); route them to the right field."""
    from ..datatypes import RotationAxisAngle

    if rotations is None:
        return axis_angles, quaternions
    if axis_angles is not None or quaternions is not None:
        raise ValueError("`rotations` can't be combined with `rotation_axis_angles` or `quaternions`")
    first = rotations if not isinstance(rotations, (list, tuple)) or not rotations else rotations[0]
    if isinstance(first, RotationAxisAngle):
        return rotations, None
    return None, rotations
