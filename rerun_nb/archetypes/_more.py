"""Archetypes added for the full 0.41 surface: ellipses, splats, geo, graphs, grids and volumes, frames and
axes, state timelines and measurements. Constructors, fields and descriptors as in rerun-sdk 0.41."""

from __future__ import annotations

from typing import Any

from .._baseclasses import Archetype
from ..components import COMPONENT_TYPES as T


def _fields(**names: str) -> dict:
    return {field: T[ct] for field, ct in names.items()}


class Ellipses2D(Archetype):
    """2D ellipses (circles when both half sizes are equal), outlined."""

    _fields = _fields(half_sizes="HalfSize2D", centers="Position2D", colors="Color", line_radii="Radius",
                      labels="Text", show_labels="ShowLabels", draw_order="DrawOrder", class_ids="ClassId")

    def __init__(self, *, half_sizes: Any = None, centers: Any = None, line_radii: Any = None, colors: Any = None,
                 labels: Any = None, show_labels: Any = None, draw_order: Any = None, class_ids: Any = None):
        self._set(half_sizes=half_sizes, centers=centers, colors=colors, line_radii=line_radii, labels=labels,
                  show_labels=show_labels, draw_order=draw_order, class_ids=class_ids)


class GaussianSplats3D(Archetype):
    """3D Gaussian splats: centers, scales, orientations, colors and spherical-harmonics coefficients."""

    _fields = _fields(centers="Position3D", scales="Scale3D", quaternions="RotationQuat", colors="Color",
                      sh_coefficients="SphericalHarmonics3Rgb", spherical_harmonics_degree="SphericalHarmonicsDegree")

    def __init__(self, centers: Any, *, scales: Any = None, quaternions: Any = None, colors: Any = None,
                 sh_coefficients: Any = None, spherical_harmonics_degree: Any = None):
        self._set(centers=centers, scales=scales, quaternions=quaternions, colors=colors,
                  sh_coefficients=sh_coefficients, spherical_harmonics_degree=spherical_harmonics_degree)


class GeoPoints(Archetype):
    """Points on the globe: `lat_lon` in degrees (WGS84)."""

    _fields = _fields(positions="LatLon", radii="Radius", colors="Color", class_ids="ClassId")

    def __init__(self, *, lat_lon: Any, radii: Any = None, colors: Any = None, class_ids: Any = None):
        self._set(positions=lat_lon, radii=radii, colors=colors, class_ids=class_ids)


class GeoLineStrings(Archetype):
    """Line strings on the globe: each a list of (lat, lon) in degrees."""

    _fields = _fields(line_strings="GeoLineString", radii="Radius", colors="Color")

    def __init__(self, *, lat_lon: Any, radii: Any = None, colors: Any = None):
        self._set(line_strings=lat_lon, radii=radii, colors=colors)


class GraphNodes(Archetype):
    """The nodes of a graph, by id, with optional positions, colors, labels and radii."""

    _fields = _fields(node_ids="GraphNode", positions="Position2D", colors="Color", labels="Text",
                      show_labels="ShowLabels", radii="Radius")

    def __init__(self, node_ids: Any, *, positions: Any = None, colors: Any = None, labels: Any = None,
                 show_labels: Any = None, radii: Any = None):
        self._set(node_ids=node_ids, positions=positions, colors=colors, labels=labels, show_labels=show_labels,
                  radii=radii)


class GraphEdges(Archetype):
    """The edges of a graph: pairs of node ids; `graph_type` says whether they are directed."""

    _fields = _fields(edges="GraphEdge", graph_type="GraphType")

    def __init__(self, edges: Any, *, graph_type: Any = None):
        self._set(edges=edges, graph_type=graph_type)


_POSE = {"translation": "Translation3D", "rotation_axis_angle": "RotationAxisAngle", "quaternion": "RotationQuat"}


class GridMap(Archetype):
    """A 2D occupancy/cost grid: image-like cells of `cell_size` meters, placed by a pose."""

    _fields = _fields(data="ImageBuffer", format="ImageFormat", cell_size="CellSize", **_POSE, opacity="Opacity",
                      draw_order="DrawOrder", colormap="Colormap")

    def __init__(self, *, data: Any, format: Any, cell_size: Any, translation: Any = None,
                 rotation_axis_angle: Any = None, quaternion: Any = None, opacity: Any = None,
                 draw_order: Any = None, colormap: Any = None):
        self._set(data=data, format=format, cell_size=cell_size, translation=translation,
                  rotation_axis_angle=rotation_axis_angle, quaternion=quaternion, opacity=opacity,
                  draw_order=draw_order, colormap=colormap)


class VoxelGridMap(Archetype):
    """A sparse voxel grid: integer voxel indices of `voxel_size`, with values or colors, placed by a pose."""

    _fields = _fields(voxel_indices="VoxelIndex", voxel_size="VoxelSize", values="VoxelValue", colors="Color",
                      **_POSE, opacity="Opacity", value_range="ValueRange", colormap="Colormap")

    def __init__(self, voxel_indices: Any, voxel_size: Any, *, values: Any = None, colors: Any = None,
                 translation: Any = None, rotation_axis_angle: Any = None, quaternion: Any = None,
                 opacity: Any = None, value_range: Any = None, colormap: Any = None):
        self._set(voxel_indices=voxel_indices, voxel_size=voxel_size, values=values, colors=colors,
                  translation=translation, rotation_axis_angle=rotation_axis_angle, quaternion=quaternion,
                  opacity=opacity, value_range=value_range, colormap=colormap)


class Volume3D(Archetype):
    """A dense 3D scalar volume (a 3D tensor) with voxel size, pose and transfer function."""

    _fields = _fields(values="TensorData", voxel_size="VoxelSize", translation="Translation3D",
                      quaternion="RotationQuat", value_range="ValueRange", gamma="GammaCorrection",
                      colormap="Colormap", optical_density="OpticalDensity")

    def __init__(self, values: Any, *, voxel_size: Any = None, translation: Any = None, quaternion: Any = None,
                 value_range: Any = None, gamma: Any = None, colormap: Any = None, optical_density: Any = None):
        self._set(values=values, voxel_size=voxel_size, translation=translation, quaternion=quaternion,
                  value_range=value_range, gamma=gamma, colormap=colormap, optical_density=optical_density)


class TransformAxes3D(Archetype):
    """Draw the entity's coordinate axes, `axis_length` long (and optionally the frame's name)."""

    _fields = _fields(axis_length="AxisLength", show_frame="ShowLabels")

    def __init__(self, axis_length: Any, *, show_frame: Any = None):
        self._set(axis_length=axis_length, show_frame=show_frame)


class CoordinateFrame(Archetype):
    """Puts the entity in a named transform frame (see `Transform3D(child_frame=, parent_frame=)`)."""

    _fields = _fields(frame="TransformFrameId")

    def __init__(self, frame: Any):
        self._set(frame=frame)


class StateChange(Archetype):
    """The state an entity enters at this time (drawn on a state timeline)."""

    _fields = _fields(state="Text")

    def __init__(self, *, state: Any = None):
        self._set(state=state)


class StateConfiguration(Archetype):
    """How a state timeline shows each state value: labels, colors, visibility."""

    _fields = _fields(values="Text", labels="Text", colors="Color", visible="Visible")

    def __init__(self, *, values: Any = None, labels: Any = None, colors: Any = None, visible: Any = None):
        self._set(values=values, labels=labels, colors=colors, visible=visible)


class Measurements(Archetype):
    """Scalar measurements with variances and units (plotted like `Scalars`)."""

    _fields = _fields(values="Scalar", variances="Variance", units="Unit", colors="Color", widths="StrokeWidth",
                      names="Name", visible_series="Visible", aggregation_policy="AggregationPolicy",
                      interpolation_mode="InterpolationMode")

    def __init__(self, values: Any, *, variances: Any = None, units: Any = None, colors: Any = None,
                 widths: Any = None, names: Any = None, visible_series: Any = None, aggregation_policy: Any = None,
                 interpolation_mode: Any = None):
        self._set(values=values, variances=variances, units=units, colors=colors, widths=widths, names=names,
                  visible_series=visible_series, aggregation_policy=aggregation_policy,
                  interpolation_mode=interpolation_mode)
