"""Transform math for the 3D view (numpy only, so it is testable without pygfx).

Semantics follow Rerun 0.41:

* ``Transform3D`` on an entity maps the entity (and its whole subtree) into its parent's space.
  The components combine as ``parent_from_child = T @ M @ R @ S``: scale first, then the rotation
  (axis-angle, then quaternion, when both are given), then the 3x3 matrix, then the translation.
  ``relation = ChildFromParent`` (2) means the logged transform is the inverse.
* ``InstancePoses3D`` repeats everything the entity draws, once per pose, each pose built the same
  way (translations, rotations, scales, mat3x3, clamped to the longest of them).
* ``ViewCoordinates`` are three ``ViewDir`` codes (Up=1, Down=2, Right=3, Left=4, Forward=5, Back=6)
  naming what +X, +Y, +Z mean.
* ``Pinhole`` gives ``image_from_camera`` (3x3, column-major) and a resolution; its frustum is drawn
  in the camera's space, whose convention is ``camera_xyz`` (RDF by default).

Batches arrive as a ``LatestAtResult`` mapping descriptor -> batch, where numeric batches are numpy
arrays and structs (``RotationAxisAngle``) are pyarrow arrays; the coercions here accept both.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from ._arrays import as_float_rows as _as_float_rows

__all__ = [
    "pinhole_camera_basis",
    "pinhole_image_plane_matrix",
    "RELATION_CHILD_FROM_PARENT",
    "as_float_rows",
    "axis_angle_to_mat3",
    "axis_angles_from_batch",
    "instance_poses_to_mat4s",
    "pinhole_frustum_segments",
    "quaternion_xyzw_to_mat3",
    "rotations_to_mat3s",
    "transform3d_to_mat4",
    "view_coordinates_to_mat3",
    "world_up_from_view_coordinates",
]

RELATION_CHILD_FROM_PARENT = 2

# ViewDir code -> unit vector in a right-handed "RFU-like" canonical frame: +X right, +Y forward, +Z up.
_VIEW_DIR_VECTORS = {
    1: (0.0, 0.0, 1.0),  # Up
    2: (0.0, 0.0, -1.0),  # Down
    3: (1.0, 0.0, 0.0),  # Right
    4: (-1.0, 0.0, 0.0),  # Left
    5: (0.0, 1.0, 0.0),  # Forward
    6: (0.0, -1.0, 0.0),  # Back
}
_RDF = (3, 2, 5)


def as_float_rows(batch: Any, width: int) -> np.ndarray | None:
    """Return ``batch`` as a float64 array of shape (n, width), or None when absent or empty.

    Accepts numpy arrays, nested sequences and pyarrow FixedSizeList arrays (the one conversion of
    ``rerun_nb.query``, in float64 for transform math).
    """
    return _as_float_rows(batch, width, np.float64)


def axis_angles_from_batch(batch: Any) -> tuple[np.ndarray, np.ndarray] | None:
    """Split a ``RotationAxisAngle`` batch into axes (n, 3) and angles in radians (n,).

    Accepts a pyarrow StructArray ``{axis, angle}``, a numpy structured array with those fields,
    or an (n, 4) array of ``[x, y, z, radians]``.
    """
    if batch is None or len(batch) == 0:
        return None
    if hasattr(batch, "field") and hasattr(batch, "type"):  # pyarrow StructArray
        axes = as_float_rows(batch.field("axis"), 3)
        angles = np.asarray(batch.field("angle").to_numpy(zero_copy_only=False), dtype=np.float64)
        return axes, angles
    arr = np.asarray(batch)
    if arr.dtype.names:
        return arr["axis"].astype(np.float64).reshape(-1, 3), arr["angle"].astype(np.float64).reshape(-1)
    arr = arr.astype(np.float64).reshape(-1, 4)
    return arr[:, :3], arr[:, 3]


def axis_angle_to_mat3(axis: np.ndarray, radians: float) -> np.ndarray:
    """Rotation matrix for a right-handed rotation of ``radians`` about ``axis`` (normalized here)."""
    axis = np.asarray(axis, dtype=np.float64)
    norm = float(np.linalg.norm(axis))
    if norm == 0.0 or not np.isfinite(norm):
        return np.eye(3)
    x, y, z = axis / norm
    c, s = np.cos(radians), np.sin(radians)
    t = 1.0 - c
    return np.array(
        [
            [t * x * x + c, t * x * y - s * z, t * x * z + s * y],
            [t * x * y + s * z, t * y * y + c, t * y * z - s * x],
            [t * x * z - s * y, t * y * z + s * x, t * z * z + c],
        ]
    )


def quaternion_xyzw_to_mat3(q: np.ndarray) -> np.ndarray:
    """Rotation matrix of a quaternion given as ``[x, y, z, w]`` (normalized here)."""
    q = np.asarray(q, dtype=np.float64)
    norm = float(np.linalg.norm(q))
    if norm == 0.0 or not np.isfinite(norm):
        return np.eye(3)
    x, y, z, w = q / norm
    return np.array(
        [
            [1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)],
            [2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)],
            [2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)],
        ]
    )


def _clamped_row(rows: np.ndarray | None, i: int) -> np.ndarray | None:
    if rows is None:
        return None
    return rows[min(i, len(rows) - 1)]


def _compose(translation, axis_angle, quaternion, scale, mat3) -> np.ndarray:
    m = np.eye(4)
    linear = np.eye(3)
    if scale is not None:
        linear = np.diag(np.broadcast_to(scale, (3,)).astype(np.float64))
    if axis_angle is not None:
        linear = axis_angle_to_mat3(axis_angle[0], axis_angle[1]) @ linear
    if quaternion is not None:
        linear = quaternion_xyzw_to_mat3(quaternion) @ linear
    if mat3 is not None:
        linear = np.asarray(mat3, dtype=np.float64).reshape(3, 3, order="F") @ linear
    m[:3, :3] = linear
    if translation is not None:
        m[:3, 3] = translation
    return m


def _scale_rows(batch: Any) -> np.ndarray | None:
    if batch is None or len(batch) == 0:
        return None
    arr = as_float_rows(batch, 1) if np.asarray(batch).ndim == 1 else as_float_rows(batch, 3)
    return np.repeat(arr, 3, axis=1) if arr.shape[1] == 1 else arr


def transform3d_to_mat4(result: Mapping[str, Any], prefix: str = "Transform3D") -> np.ndarray | None:
    """``parent_from_child`` 4x4 matrix of the ``Transform3D`` components in ``result``.

    Returns None when the entity has no transform component at all (identity, nothing logged).
    """
    parts = {k: result.get(f"{prefix}:{k}") for k in ("translation", "rotation_axis_angle", "quaternion",
                                                       "scale", "mat3x3", "relation")}
    if all(v is None or len(v) == 0 for v in parts.values()):
        return None
    aa = axis_angles_from_batch(parts["rotation_axis_angle"])
    m = _compose(
        _clamped_row(as_float_rows(parts["translation"], 3), 0),
        None if aa is None else (aa[0][0], aa[1][0]),
        _clamped_row(as_float_rows(parts["quaternion"], 4), 0),
        _clamped_row(_scale_rows(parts["scale"]), 0),
        _clamped_row(as_float_rows(parts["mat3x3"], 9), 0),
    )
    relation = parts["relation"]
    if relation is not None and len(relation) and int(np.asarray(relation).reshape(-1)[0]) == RELATION_CHILD_FROM_PARENT:
        m = _safe_inverse(m)
    return m


def _safe_inverse(m: np.ndarray) -> np.ndarray:
    try:
        return np.linalg.inv(m)
    except np.linalg.LinAlgError:
        return np.eye(4)


def rotations_to_mat3s(n: int, quaternions: Any = None, axis_angles: Any = None) -> np.ndarray | None:
    """Per-instance rotation matrices (n, 3, 3) from optional quaternion / axis-angle batches (clamped)."""
    quats = as_float_rows(quaternions, 4)
    aa = axis_angles_from_batch(axis_angles)
    if quats is None and aa is None:
        return None
    out = np.empty((n, 3, 3))
    for i in range(n):
        r = np.eye(3)
        if aa is not None:
            j = min(i, len(aa[1]) - 1)
            r = axis_angle_to_mat3(aa[0][j], aa[1][j]) @ r
        if quats is not None:
            r = quaternion_xyzw_to_mat3(quats[min(i, len(quats) - 1)]) @ r
        out[i] = r
    return out


def instance_poses_to_mat4s(result: Mapping[str, Any], prefix: str = "InstancePoses3D") -> np.ndarray | None:
    """Per-pose ``entity_from_instance`` matrices (n, 4, 4), or None when no pose is logged."""
    tr = as_float_rows(result.get(f"{prefix}:translations"), 3)
    aa = axis_angles_from_batch(result.get(f"{prefix}:rotation_axis_angles"))
    quats = as_float_rows(result.get(f"{prefix}:quaternions"), 4)
    scales = _scale_rows(result.get(f"{prefix}:scales"))
    mats = as_float_rows(result.get(f"{prefix}:mat3x3"), 9)
    counts = [len(x) for x in (tr, quats, scales, mats) if x is not None]
    if aa is not None:
        counts.append(len(aa[1]))
    if not counts:
        return None
    n = max(counts)
    out = np.empty((n, 4, 4))
    for i in range(n):
        aa_i = None if aa is None else (aa[0][min(i, len(aa[1]) - 1)], aa[1][min(i, len(aa[1]) - 1)])
        out[i] = _compose(_clamped_row(tr, i), aa_i, _clamped_row(quats, i), _clamped_row(scales, i),
                          _clamped_row(mats, i))
    return out


def view_coordinates_to_mat3(xyz: Any) -> np.ndarray:
    """Matrix whose columns are the canonical (+X right, +Y forward, +Z up) directions of X, Y, Z."""
    codes = [int(c) for c in np.asarray(xyz).reshape(-1)[:3]]
    try:
        return np.array([_VIEW_DIR_VECTORS[c] for c in codes]).T
    except KeyError:
        raise ValueError(f"invalid ViewCoordinates {codes}: each code must be 1..6") from None


def world_up_from_view_coordinates(xyz: Any) -> np.ndarray:
    """The axis (in the entity's own coordinates) that points up, for camera fitting."""
    basis = view_coordinates_to_mat3(xyz)  # canonical_from_entity
    return np.linalg.solve(basis, np.array([0.0, 0.0, 1.0])) if np.linalg.det(basis) != 0 else np.array(
        [0.0, 0.0, 1.0]
    )


def pinhole_frustum_segments(
    image_from_camera: Any, resolution: Any = None, camera_xyz: Any = None, image_plane_distance: float = 1.0
) -> np.ndarray:
    """Line segments (2k, 3) of a pinhole frustum, in the pinhole entity's space.

    ``image_from_camera`` is the 3x3 column-major intrinsics. Without a resolution, the principal point
    times two is used (as Rerun does).
    """
    k = np.asarray(image_from_camera, dtype=np.float64).reshape(-1)[:9].reshape(3, 3, order="F")
    if resolution is not None and np.asarray(resolution).size >= 2:
        w, h = np.asarray(resolution, dtype=np.float64).reshape(-1)[:2]
    else:
        w, h = 2 * k[0, 2], 2 * k[1, 2]
    try:
        inv_k = np.linalg.inv(k)
    except np.linalg.LinAlgError:
        return np.zeros((0, 3))
    corners_px = np.array([[0, 0, 1], [w, 0, 1], [w, h, 1], [0, h, 1]], dtype=np.float64)
    corners = (inv_k @ corners_px.T).T * image_plane_distance  # RDF camera space, z = distance
    # RDF -> the pinhole's own camera convention -> entity space.
    rdf = view_coordinates_to_mat3(_RDF)
    cam = view_coordinates_to_mat3(camera_xyz if camera_xyz is not None else _RDF)
    corners = (np.linalg.solve(cam, rdf) @ corners.T).T
    origin = np.zeros(3)
    segs = []
    for i in range(4):
        segs += [origin, corners[i], corners[i], corners[(i + 1) % 4]]
    return np.array(segs)


def pinhole_camera_basis(camera_xyz: Any = None) -> np.ndarray:
    """3x3 taking RDF camera-space vectors (x right, y down, z forward) into the pinhole entity's space."""
    rdf = view_coordinates_to_mat3(_RDF)
    cam = view_coordinates_to_mat3(camera_xyz if camera_xyz is not None else _RDF)
    return np.linalg.solve(cam, rdf)


def pinhole_image_plane_matrix(image_from_camera: Any, camera_xyz: Any = None,
                               image_plane_distance: float = 1.0, z_step: float = 1e-4) -> np.ndarray | None:
    """4x4 taking the pinhole's 2D space (pixel x right, y down, z = draw order) onto its image plane in 3D.

    Pixel (u, v) lands where its ray meets the plane at ``image_plane_distance`` in front of the camera
    (the pinhole entity's space, as the frustum); z moves a tiny step towards the camera per unit, so a
    higher draw order is drawn over a lower one. None for singular intrinsics. The linear part is a
    rotation times a scale (no shear unless the intrinsics have skew): pygfx keeps transforms as
    translation, rotation and scale.
    """
    k = np.asarray(image_from_camera, dtype=np.float64).reshape(-1)[:9].reshape(3, 3, order="F")
    try:
        inv_k = np.linalg.inv(k)
    except np.linalg.LinAlgError:
        return None
    basis = pinhole_camera_basis(camera_xyz)
    a = image_plane_distance * basis @ inv_k
    m = np.eye(4)
    m[:3, 0], m[:3, 1], m[:3, 3] = a[:, 0], a[:, 1], a[:, 2]
    m[:3, 2] = -z_step * image_plane_distance * basis[:, 2]
    return m
