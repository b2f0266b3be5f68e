"""3D visualizers for grids and volumes (0.41): GridMap, VoxelGridMap, Volume3D.

* ``GridMap``: the image buffer as a textured quad on the local XY plane, ``cell_size`` per cell, its
  lower-left corner at the pose (``translation`` + rotation); cell row 0 lies along y = 0 and rows grow
  towards +y (the ROS ``OccupancyGrid`` convention the archetype is made for). Single-channel grids go
  through ``colormap`` over the channel type's range when one is given, else grey. ``opacity`` applies.
* ``VoxelGridMap``: a solid cube per voxel index, centered at ``(index + 0.5) * voxel_size``, colored by
  ``colors``, else by ``values`` through ``colormap`` over ``value_range`` (default: the values' range).
* ``Volume3D``: pygfx's ray-marched ``gfx.Volume`` (``VolumeRayMaterial``) of the [z, y, x] tensor, voxel
  [k, j, i] centered at ``([i, j, k] + 0.5) * voxel_size``, ``colormap`` over ``value_range``.
  Opacity ramps linearly with the normalized value; ``gamma`` and ``optical_density`` are not applied.
These live in ``views`` (not ``viewer``) because they share the image decoding and colormaps of ``_images``.
"""

from __future__ import annotations

import numpy as np
import pygfx as gfx

from ..query import as_float_rows, batch, first_float, first_int, float_values, tensor_from_arrow
from ..query._transforms import rotations_to_mat3s
from ..viewer import _vis_shapes
from ..viewer._colors import per_instance_colors
from ..viewer._registry import register_visualizer
from ._images import GRAYSCALE, VIRIDIS, _LUT_NAMES, _lut, apply_colormap, image_to_rgba

__all__ = ["pose_matrix"]

_RANGES = {np.dtype(np.uint8): (0, 255), np.dtype(np.int8): (-128, 127), np.dtype(np.uint16): (0, 65535),
           np.dtype(np.int16): (-32768, 32767)}


def pose_matrix(result, prefix: str) -> np.ndarray:
    """A 4x4 matrix from an archetype's ``translation`` and ``quaternion`` / ``rotation_axis_angle``."""
    m = np.eye(4)
    rot = rotations_to_mat3s(1, batch(result, f"{prefix}:quaternion"), batch(result, f"{prefix}:rotation_axis_angle"))
    if rot is not None:
        m[:3, :3] = rot[0]
    t = as_float_rows(batch(result, f"{prefix}:translation"), 3)
    if t is not None:
        m[:3, 3] = t[0]
    return m


@register_visualizer("GridMap", "GridMap:data")
def grid_map(prev, result, entity_path):
    fake = {"Image:buffer": batch(result, "GridMap:data"), "Image:format": batch(result, "GridMap:format")}
    from ._images import image_array

    decoded = image_array(fake, "Image")
    if decoded is None:
        return None
    values, fmt = decoded
    colormap = first_int(batch(result, "GridMap:colormap"), 0)
    if colormap and values.shape[-1] == 1 and fmt.get("pixel_format") is None:
        lo, hi = _RANGES.get(values.dtype, (float(values.min()), float(values.max())))
        rgba = apply_colormap(values[..., 0], lo, hi, colormap if colormap in _LUT_NAMES else GRAYSCALE)
    else:
        rgba = image_to_rgba(fake, "Image")
    h, w = rgba.shape[:2]
    cell = float(first_float(batch(result, "GridMap:cell_size"), 0.01))
    positions = np.array([[0, 0, 0], [w, 0, 0], [w, h, 0], [0, h, 0]], np.float32) * cell
    texcoords = np.array([[0, 0], [1, 0], [1, 1], [0, 1]], np.float32)  # texture row 0 at y = 0
    geometry = gfx.Geometry(positions=positions, indices=np.array([[0, 1, 2], [0, 2, 3]], np.uint32),
                            texcoords=texcoords)
    material = gfx.MeshBasicMaterial(map=gfx.Texture(np.ascontiguousarray(rgba), dim=2), side="both",
                                     alpha_mode="blend")
    material.opacity = float(first_float(batch(result, "GridMap:opacity"), 1.0))
    obj = gfx.Mesh(geometry, material)
    obj.local.matrix = pose_matrix(result, "GridMap")
    return obj


def _lut_colors(values: np.ndarray, result, prefix: str) -> np.ndarray:
    rng = float_values(batch(result, f"{prefix}:value_range"))
    lo, hi = (float(rng[0]), float(rng[1])) if rng is not None and len(rng) >= 2 else (
        float(values.min()), float(values.max()))
    rgba = apply_colormap(values.reshape(-1, 1), lo, hi, first_int(batch(result, f"{prefix}:colormap"), VIRIDIS))
    return rgba.reshape(-1, 4).astype(np.float32) / 255


@register_visualizer("VoxelGridMap", "VoxelGridMap:voxel_indices")
def voxel_grid_map(prev, result, entity_path):
    idx = as_float_rows(batch(result, "VoxelGridMap:voxel_indices"), 3).astype(np.float64)
    n = len(idx)
    size = as_float_rows(batch(result, "VoxelGridMap:voxel_size"), 3)
    size = np.ones(3) if size is None else size[0].astype(np.float64)
    values = float_values(batch(result, "VoxelGridMap:values"))
    if batch(result, "VoxelGridMap:colors") is None and values is not None:
        colors = _lut_colors(np.resize(values, n), result, "VoxelGridMap")
    else:
        colors = per_instance_colors(batch(result, "VoxelGridMap:colors"), n, entity_path)
    centers = (idx + 0.5) * size
    obj = _vis_shapes._solid(prev, _vis_shapes._BOX_SOLID, centers, None, np.tile(size / 2, (n, 1)), colors)
    obj.local.matrix = pose_matrix(result, "VoxelGridMap")
    opacity = first_float(batch(result, "VoxelGridMap:opacity"), None)
    if opacity is not None:
        obj.material.opacity = float(opacity)
    return obj


@register_visualizer("Volume3D", "Volume3D:values")
def volume3d(prev, result, entity_path):
    decoded = tensor_from_arrow(batch(result, "Volume3D:values"))
    if decoded is None:
        return None
    data = np.ascontiguousarray(np.asarray(decoded[0], np.float32))
    if data.ndim != 3:
        raise ValueError(f"Volume3D values must be a 3D tensor [z, y, x], got shape {data.shape}")
    rng = float_values(batch(result, "Volume3D:value_range"))
    clim = (float(rng[0]), float(rng[1])) if rng is not None and len(rng) >= 2 else (
        float(np.nanmin(data)), float(np.nanmax(data)))
    lut = _lut(_LUT_NAMES.get(first_int(batch(result, "Volume3D:colormap"), VIRIDIS), "viridis"))
    # opacity ramps with the value (an emission-absorption transfer function): low values are see-through
    rgba = np.c_[lut.astype(np.float32) / 255, np.linspace(0, 1, 256, dtype=np.float32)]
    cmap = gfx.TextureMap(gfx.Texture(np.ascontiguousarray(rgba), dim=1), filter="linear", wrap="clamp")
    obj = gfx.Volume(gfx.Geometry(grid=gfx.Texture(data, dim=3)), gfx.VolumeRayMaterial(clim=clim, map=cmap))
    size = as_float_rows(batch(result, "Volume3D:voxel_size"), 3)
    size = np.ones(3) if size is None else size[0].astype(np.float64)
    scale = np.diag([*size, 1.0])
    offset = np.eye(4)
    offset[:3, 3] = 0.5  # pygfx centers voxel 0 on the origin; Rerun puts its minimum corner there
    obj.local.matrix = pose_matrix(result, "Volume3D") @ scale @ offset
    return obj
