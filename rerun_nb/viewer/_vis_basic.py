"""Visualizers: Points3D, LineStrips3D, Arrows3D, Mesh3D, Pinhole."""

from __future__ import annotations

import numpy as np

from ..query._transforms import pinhole_frustum_segments
from . import _objects
from ._colors import clamp_rows, per_instance_colors, rgba_float
from ._registry import batch, first_bool, float_rows, float_values, register_visualizer, text_values

# Rerun draws points and lines without radii at a fixed size on screen.
DEFAULT_POINT_DIAMETER_PX = 4.0
DEFAULT_LINE_WIDTH_PX = 1.5


def _sizes(radii: np.ndarray | None, n: int) -> tuple[np.ndarray, str]:
    """Diameters and their space: negative radii are screen-space (UI points), as in Rerun."""
    if radii is None:
        return np.full(n, DEFAULT_POINT_DIAMETER_PX, np.float32), "screen"
    radii = clamp_rows(radii, n)
    space = "screen" if np.all(radii < 0) else "world"
    return (2.0 * np.abs(radii)).astype(np.float32), space


def _line_width(radii: np.ndarray | None) -> tuple[float, str]:
    if radii is None:
        return DEFAULT_LINE_WIDTH_PX, "screen"
    r = float(radii[0])
    return (2.0 * abs(r), "screen") if r < 0 else (2.0 * r, "world")


def labels_for(obj, result, prefix: str, anchors: np.ndarray) -> None:
    """Attach the archetype's labels (when shown) at ``anchors``."""
    labels = text_values(result, f"{prefix}:labels")
    if labels is not None and not first_bool(result, f"{prefix}:show_labels", True):
        labels = None
    n = min(len(anchors), len(labels)) if labels is not None else 0
    _objects.set_labels(obj, labels[:n] if labels else None, anchors[:n] if labels else None)


@register_visualizer("Points3D", "Points3D:positions")
def points3d(prev, result, entity_path):
    positions = float_rows(result, "Points3D:positions", 3)
    n = len(positions)
    colors = per_instance_colors(batch(result, "Points3D:colors"), n, entity_path)
    sizes, space = _sizes(float_values(result, "Points3D:radii"), n)
    obj = _objects.points(prev, positions, colors, sizes, size_space=space)
    labels_for(obj, result, "Points3D", positions)
    return obj


def strips_from_batch(b) -> list[np.ndarray]:
    """A ``LineStrips3D:strips`` batch (pyarrow list array or sequence of (k, 3)) as a list of arrays."""
    if hasattr(b, "offsets") and hasattr(b, "flatten"):
        offsets = b.offsets.to_numpy()
        values = b.flatten()
        coords = np.asarray(values.flatten().to_numpy(zero_copy_only=False), np.float32).reshape(-1, 3)
        offsets = offsets - offsets[0]
        return [coords[offsets[i] : offsets[i + 1]] for i in range(len(b))]
    return [np.asarray(s, np.float32).reshape(-1, 3) for s in b]


def _join_strips(strips: list[np.ndarray], colors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Concatenate strips with a NaN row between them; per-vertex colors follow their strip."""
    pos_parts, col_parts = [], []
    nan = np.full((1, 3), np.nan, np.float32)
    for i, strip in enumerate(strips):
        if i:
            pos_parts.append(nan)
            col_parts.append(colors[i : i + 1])
        pos_parts.append(strip)
        col_parts.append(np.repeat(colors[i : i + 1], len(strip), axis=0))
    return np.concatenate(pos_parts).astype(np.float32), np.concatenate(col_parts).astype(np.float32)


def _strips_by_width(prev, strips, colors, radii):
    """Per-strip widths: one line object per distinct radius (pygfx lines have one thickness each), grouped."""
    import pygfx as gfx

    group = gfx.Group()
    previous = {getattr(c, "_rnb_radius", None): c for c in prev.children} if type(prev) is gfx.Group else {}
    for r in np.unique(radii):
        idx = np.flatnonzero(radii == r)
        positions, vertex_colors = _join_strips([strips[i] for i in idx], colors[idx])
        width, space = _line_width(np.array([r]))
        line = _objects.lines(previous.get(float(r)), positions, vertex_colors, thickness=width, thickness_space=space)
        line._rnb_radius = float(r)
        group.add(line)
    return group


@register_visualizer("LineStrips3D", "LineStrips3D:strips")
def line_strips3d(prev, result, entity_path):
    strips = [s for s in strips_from_batch(batch(result, "LineStrips3D:strips")) if len(s)]
    if not strips:
        return None
    colors = per_instance_colors(batch(result, "LineStrips3D:colors"), len(strips), entity_path)
    radii = float_values(result, "LineStrips3D:radii")
    if radii is not None and len(np.unique(clamp_rows(radii, len(strips)))) > 1:
        obj = _strips_by_width(prev, strips, colors, clamp_rows(radii, len(strips)))
    else:
        positions, vertex_colors = _join_strips(strips, colors)
        width, space = _line_width(radii)
        obj = _objects.lines(prev, positions, vertex_colors, thickness=width, thickness_space=space)
    labels_for(obj, result, "LineStrips3D", np.array([s.mean(axis=0) for s in strips], np.float32))
    return obj


@register_visualizer("Arrows3D", "Arrows3D:vectors")
def arrows3d(prev, result, entity_path):
    vectors = float_rows(result, "Arrows3D:vectors", 3)
    n = len(vectors)
    origins = float_rows(result, "Arrows3D:origins", 3)
    origins = np.zeros_like(vectors) if origins is None else clamp_rows(origins, n)
    positions = np.empty((2 * n, 3), np.float32)
    positions[0::2], positions[1::2] = origins, origins + vectors
    colors = np.repeat(per_instance_colors(batch(result, "Arrows3D:colors"), n, entity_path), 2, axis=0)
    width, space = _line_width(float_values(result, "Arrows3D:radii"))
    obj = _objects.lines(prev, positions, colors, thickness=max(width, 3.0) if space == "screen" else width,
                         thickness_space=space,
                         segments=True, arrows=True)
    labels_for(obj, result, "Arrows3D", origins + vectors)
    return obj


@register_visualizer("Mesh3D", "Mesh3D:vertex_positions")
def mesh3d(prev, result, entity_path):
    positions = float_rows(result, "Mesh3D:vertex_positions", 3)
    n = len(positions)
    indices = batch(result, "Mesh3D:triangle_indices")
    if indices is None:
        indices = np.arange(n - n % 3, dtype=np.uint32)
    elif hasattr(indices, "flatten") and not isinstance(indices, np.ndarray):
        indices = indices.flatten().to_numpy(zero_copy_only=False)
    indices = np.ascontiguousarray(np.asarray(indices, np.uint32).reshape(-1, 3))
    if len(indices) and int(indices.max()) >= n:
        raise ValueError(f"Mesh3D triangle index {int(indices.max())} out of range ({n} vertices)")
    colors = rgba_float(batch(result, "Mesh3D:vertex_colors"))
    if colors is None:
        albedo = rgba_float(batch(result, "Mesh3D:albedo_factor"))
        base = albedo[0] if albedo is not None else per_instance_colors(None, 1, entity_path)[0]
        colors = np.broadcast_to(base, (n, 4))
    colors = np.ascontiguousarray(clamp_rows(colors, n), np.float32)
    normals = float_rows(result, "Mesh3D:vertex_normals", 3)
    if normals is not None and len(normals) != n:
        normals = None
    return _objects.mesh(prev, positions, indices, colors, normals)


@register_visualizer("Pinhole", "Pinhole:image_from_camera")
def pinhole(prev, result, entity_path):
    distance = float_values(result, "Pinhole:image_plane_distance")
    xyz = float_rows(result, "Pinhole:camera_xyz", 3)
    resolution = float_rows(result, "Pinhole:resolution", 2)
    segs = pinhole_frustum_segments(
        float_rows(result, "Pinhole:image_from_camera", 9)[0],
        resolution=None if resolution is None else resolution[0],
        camera_xyz=None if xyz is None else xyz[0].astype(np.uint8),
        image_plane_distance=1.0 if distance is None else float(distance[0]),
    ).astype(np.float32)
    color = rgba_float(batch(result, "Pinhole:color"))
    color = np.array([0.85, 0.85, 0.85, 1.0], np.float32) if color is None else color[0]
    width = float_values(result, "Pinhole:line_width")
    return _objects.lines(prev, segs, np.ascontiguousarray(np.broadcast_to(color, (len(segs), 4))),
                          thickness=1.5 if width is None else float(abs(width[0])), thickness_space="screen",
                          segments=True)
