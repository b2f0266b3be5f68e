"""Visualizers for parametric shapes: Boxes3D, Ellipsoids3D, Capsules3D, Cylinders3D.

Each instance is a unit template (numpy) placed by ``center + R @ (scale * v)``; all instances of an
entity are merged into one line-segment object (wireframe fill modes) or one mesh (solid).
"""

from __future__ import annotations

import numpy as np

from ..query._transforms import rotations_to_mat3s
from . import _objects
from ._colors import clamp_rows, per_instance_colors
from ._registry import batch, first_int, float_rows, float_values, register_visualizer
from ._vis_basic import _line_width, labels_for

FILL_MAJOR_WIREFRAME, FILL_DENSE_WIREFRAME, FILL_SOLID = 1, 2, 3


# ---- unit templates -----------------------------------------------------------------------------

def _circle(n: int = 32) -> np.ndarray:
    t = np.linspace(0, 2 * np.pi, n + 1)
    return np.stack([np.cos(t), np.sin(t), np.zeros_like(t)], axis=1)


def _polyline_to_segments(poly: np.ndarray) -> np.ndarray:
    return np.repeat(poly, 2, axis=0)[1:-1]


def _box_wire() -> np.ndarray:
    c = np.array([[x, y, z] for x in (-1, 1) for y in (-1, 1) for z in (-1, 1)], np.float64)
    edges = [(i, j) for i in range(8) for j in range(i + 1, 8) if np.sum(c[i] != c[j]) == 1]
    return np.concatenate([c[[i, j]] for i, j in edges])


def _box_solid() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    pos, nrm, idx = [], [], []
    for axis in range(3):
        for sign in (-1.0, 1.0):
            u, v = [a for a in range(3) if a != axis]
            quad = np.zeros((4, 3))
            quad[:, axis] = sign
            quad[:, u] = [-1, 1, 1, -1]
            quad[:, v] = [-1, -1, 1, 1]
            base = len(pos) * 4
            pos.append(quad)
            nrm.append(np.tile(np.eye(3)[axis] * sign, (4, 1)))
            idx += [[base, base + 1, base + 2], [base, base + 2, base + 3]]
    return np.concatenate(pos), np.concatenate(nrm), np.array(idx)


def _sphere(lat: int = 12, lon: int = 24, split_equator: bool = False):
    thetas = list(np.linspace(0, np.pi, lat + 1))
    if split_equator:  # the equator twice: the capsule template stretches between the two rings
        half = lat // 2 + 1
        thetas = list(np.linspace(0, np.pi / 2, half)) + list(np.linspace(np.pi / 2, np.pi, half))
    phis = np.linspace(0, 2 * np.pi, lon + 1)
    th, ph = np.meshgrid(thetas, phis, indexing="ij")
    pos = np.stack([np.sin(th) * np.cos(ph), np.sin(th) * np.sin(ph), np.cos(th)], axis=-1).reshape(-1, 3)
    rows, cols = len(thetas), lon + 1
    idx = []
    for r in range(rows - 1):
        for c in range(lon):
            a, b = r * cols + c, (r + 1) * cols + c
            idx += [[a, b, a + 1], [a + 1, b, b + 1]]
    return pos, pos.copy(), np.array(idx), rows, cols


def _sphere_wire(dense: bool) -> np.ndarray:
    circle = _circle()
    polys = [circle, circle[:, [0, 2, 1]], circle[:, [2, 0, 1]]]
    if dense:
        for z in (-0.7, -0.4, 0.4, 0.7):
            r = np.sqrt(1 - z * z)
            polys.append(circle * [r, r, 0] + [0, 0, z])
        for a in (np.pi / 4, 3 * np.pi / 4):
            rot = np.array([[np.cos(a), -np.sin(a), 0], [np.sin(a), np.cos(a), 0], [0, 0, 1]])
            polys.append(circle[:, [0, 2, 1]] @ rot.T)
    return np.concatenate([_polyline_to_segments(p) for p in polys])


def _cylinder_wire() -> np.ndarray:
    circle = _circle()
    parts = [_polyline_to_segments(circle + [0, 0, z]) for z in (-0.5, 0.5)]
    for t in np.linspace(0, 2 * np.pi, 8, endpoint=False):
        parts.append(np.array([[np.cos(t), np.sin(t), -0.5], [np.cos(t), np.sin(t), 0.5]]))
    return np.concatenate(parts)


def _cylinder_solid(n: int = 32):
    t = np.linspace(0, 2 * np.pi, n + 1)
    ring = np.stack([np.cos(t), np.sin(t), np.zeros_like(t)], axis=1)
    side = np.concatenate([ring + [0, 0, -0.5], ring + [0, 0, 0.5]])
    side_n = np.concatenate([ring, ring])
    idx = [[i, i + n + 1, i + 1] for i in range(n)] + [[i + 1, i + n + 1, i + n + 2] for i in range(n)]
    pos, nrm = [side], [side_n]
    base = len(side)
    for z in (-0.5, 0.5):
        cap = np.concatenate([[[0, 0, z]], ring[:-1] + [0, 0, z]])
        pos.append(cap)
        nrm.append(np.tile([0, 0, np.sign(z)], (len(cap), 1)))
        idx += [[base, base + 1 + i, base + 1 + (i + 1) % n] for i in range(n)]
        base += len(cap)
    return np.concatenate(pos), np.concatenate(nrm), np.array(idx)


_BOX_WIRE = _box_wire()
_BOX_SOLID = _box_solid()
_SPHERE = _sphere()
_SPHERE_WIRE = {False: _sphere_wire(False), True: _sphere_wire(True)}
_CYL_WIRE = _cylinder_wire()
_CYL_SOLID = _cylinder_solid()
_CAPSULE = _sphere(lat=12, lon=24, split_equator=True)


# ---- placing instances --------------------------------------------------------------------------

def _place(template: np.ndarray, centers: np.ndarray, rots: np.ndarray | None, scales: np.ndarray) -> np.ndarray:
    """(n * len(template), 3) float32: each instance's copy of the template, scaled, rotated, moved."""
    v = template[None, :, :] * scales[:, None, :]
    if rots is not None:
        v = np.einsum("nij,nvj->nvi", rots, v)
    return (v + centers[:, None, :]).reshape(-1, 3).astype(np.float32)


def _solid(prev, template, centers, rots, scales, colors, *, per_instance_positions=None):
    pos_t, nrm_t, idx_t = template[:3]
    n, nv = len(centers), len(pos_t)
    positions = per_instance_positions if per_instance_positions is not None else _place(
        pos_t, centers, rots, scales)
    normals = nrm_t[None] / np.maximum(scales[:, None, :], 1e-12)
    if rots is not None:
        normals = np.einsum("nij,nvj->nvi", rots, normals)
    normals = normals / np.maximum(np.linalg.norm(normals, axis=-1, keepdims=True), 1e-12)
    indices = (idx_t[None] + (np.arange(n) * nv)[:, None, None]).reshape(-1, 3).astype(np.uint32)
    vcolors = np.repeat(colors, nv, axis=0).astype(np.float32)
    return _objects.mesh(prev, positions, indices, vcolors, normals.reshape(-1, 3).astype(np.float32))


def _wire(prev, template, centers, rots, scales, colors, radii):
    positions = _place(template, centers, rots, scales)
    vcolors = np.repeat(colors, len(template), axis=0).astype(np.float32)
    width, space = _line_width(radii)
    return _objects.lines(prev, positions, vcolors, thickness=width, thickness_space=space, segments=True)


def _common(result, prefix, n, entity_path, center_key="centers"):
    centers = float_rows(result, f"{prefix}:{center_key}", 3)
    centers = np.zeros((n, 3)) if centers is None else clamp_rows(centers, n).astype(np.float64)
    rots = rotations_to_mat3s(n, batch(result, f"{prefix}:quaternions"), batch(result, f"{prefix}:rotation_axis_angles"))
    colors = per_instance_colors(batch(result, f"{prefix}:colors"), n, entity_path)
    return centers, rots, colors


@register_visualizer("Boxes3D", "Boxes3D:half_sizes")
def boxes3d(prev, result, entity_path):
    half = float_rows(result, "Boxes3D:half_sizes", 3).astype(np.float64)
    n = len(half)
    centers, rots, colors = _common(result, "Boxes3D", n, entity_path)
    if first_int(result, "Boxes3D:fill_mode", FILL_MAJOR_WIREFRAME) == FILL_SOLID:
        obj = _solid(prev, _BOX_SOLID, centers, rots, half, colors)
    else:
        obj = _wire(prev, _BOX_WIRE, centers, rots, half, colors, float_values(result, "Boxes3D:radii"))
    labels_for(obj, result, "Boxes3D", centers.astype(np.float32))
    return obj


@register_visualizer("Ellipsoids3D", "Ellipsoids3D:half_sizes")
def ellipsoids3d(prev, result, entity_path):
    half = float_rows(result, "Ellipsoids3D:half_sizes", 3).astype(np.float64)
    n = len(half)
    centers, rots, colors = _common(result, "Ellipsoids3D", n, entity_path)
    mode = first_int(result, "Ellipsoids3D:fill_mode", FILL_DENSE_WIREFRAME)
    if mode == FILL_SOLID:
        obj = _solid(prev, _SPHERE, centers, rots, half, colors)
    else:
        obj = _wire(prev, _SPHERE_WIRE[mode == FILL_DENSE_WIREFRAME], centers, rots, half, colors,
                    float_values(result, "Ellipsoids3D:line_radii"))
    labels_for(obj, result, "Ellipsoids3D", centers.astype(np.float32))
    return obj


@register_visualizer("Cylinders3D", "Cylinders3D:lengths")
def cylinders3d(prev, result, entity_path):
    lengths = float_values(result, "Cylinders3D:lengths").astype(np.float64)
    n = len(lengths)
    radii = float_values(result, "Cylinders3D:radii")
    radii = np.ones(n) if radii is None else clamp_rows(radii, n).astype(np.float64)
    centers, rots, colors = _common(result, "Cylinders3D", n, entity_path)
    scales = np.stack([radii, radii, lengths], axis=1)
    if first_int(result, "Cylinders3D:fill_mode", FILL_SOLID) == FILL_SOLID:
        obj = _solid(prev, _CYL_SOLID, centers, rots, scales, colors)
    else:
        obj = _wire(prev, _CYL_WIRE, centers, rots, scales, colors, float_values(result, "Cylinders3D:line_radii"))
    labels_for(obj, result, "Cylinders3D", centers.astype(np.float32))
    return obj


@register_visualizer("Capsules3D", "Capsules3D:lengths")
def capsules3d(prev, result, entity_path):
    """Capsules run from their translation along local +Z by ``length``, with hemispherical ends."""
    lengths = float_values(result, "Capsules3D:lengths").astype(np.float64)
    n = len(lengths)
    radii = float_values(result, "Capsules3D:radii")
    radii = np.ones(n) if radii is None else clamp_rows(radii, n).astype(np.float64)
    centers, rots, colors = _common(result, "Capsules3D", n, entity_path, center_key="translations")
    pos_t, _, _, rows, cols = _CAPSULE
    upper = np.zeros(len(pos_t), bool)
    upper[: (rows // 2) * cols] = True  # rows from the north pole down to the first equator ring
    v = pos_t[None] * radii[:, None, None]
    v[:, upper, 2] += lengths[:, None]
    if rots is not None:
        v = np.einsum("nij,nvj->nvi", rots, v)
    positions = (v + centers[:, None, :]).reshape(-1, 3).astype(np.float32)
    scales = np.ones((n, 3))
    obj = _solid(prev, _CAPSULE, centers, rots, scales, colors, per_instance_positions=positions)
    labels_for(obj, result, "Capsules3D", centers.astype(np.float32))
    return obj
