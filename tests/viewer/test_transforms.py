"""Transform math (numpy only): composition order, rotations, relation, poses, view coordinates."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pytest

from rerun_nb.query._transforms import (
    axis_angle_to_mat3,
    instance_poses_to_mat4s,
    pinhole_frustum_segments,
    quaternion_xyzw_to_mat3,
    transform3d_to_mat4,
    world_up_from_view_coordinates,
)


def _apply(m, p):
    return (m @ np.append(p, 1.0))[:3]


def test_axis_angle_matches_quaternion():
    angle = 0.7
    q = [0, 0, np.sin(angle / 2), np.cos(angle / 2)]
    np.testing.assert_allclose(axis_angle_to_mat3([0, 0, 2], angle), quaternion_xyzw_to_mat3(q), atol=1e-12)
    np.testing.assert_allclose(axis_angle_to_mat3([0, 0, 1], np.pi / 2) @ [1, 0, 0], [0, 1, 0], atol=1e-12)


def test_scale_then_rotate_then_translate():
    aa = pa.StructArray.from_arrays(
        [pa.array([[0, 0, 1]], pa.list_(pa.float32(), 3)), pa.array([np.pi / 2], pa.float32())], ["axis", "angle"])
    m = transform3d_to_mat4({
        "Transform3D:translation": np.array([[0, 0, 1]], np.float32),
        "Transform3D:rotation_axis_angle": aa,
        "Transform3D:scale": np.array([[2, 2, 2]], np.float32),
    })
    np.testing.assert_allclose(_apply(m, [1, 0, 0]), [0, 2, 1], atol=1e-6)


def test_mat3x3_is_column_major_and_relation_inverts():
    # Column-major [0,1,0, -1,0,0, 0,0,1] is a +90 deg rotation about z.
    mat = np.array([[0, 1, 0, -1, 0, 0, 0, 0, 1]], np.float32)
    m = transform3d_to_mat4({"Transform3D:mat3x3": mat, "Transform3D:translation": np.array([[1, 0, 0]])})
    np.testing.assert_allclose(_apply(m, [1, 0, 0]), [1, 1, 0], atol=1e-6)
    inv = transform3d_to_mat4({"Transform3D:mat3x3": mat, "Transform3D:translation": np.array([[1, 0, 0]]),
                               "Transform3D:relation": np.array([2], np.uint8)})
    np.testing.assert_allclose(inv @ m, np.eye(4), atol=1e-6)


def test_no_transform_components_is_none_and_empty_batches_count_as_absent():
    assert transform3d_to_mat4({}) is None
    assert transform3d_to_mat4({"Transform3D:translation": np.zeros((0, 3))}) is None


def test_instance_poses_clamp_to_longest():
    poses = instance_poses_to_mat4s({
        "InstancePoses3D:translations": np.array([[1, 0, 0], [2, 0, 0], [3, 0, 0]], np.float32),
        "InstancePoses3D:scales": np.array([[2, 2, 2]], np.float32),
    })
    assert poses.shape == (3, 4, 4)
    np.testing.assert_allclose([_apply(p, [1, 0, 0]) for p in poses], [[3, 0, 0], [4, 0, 0], [5, 0, 0]])


@pytest.mark.parametrize(("xyz", "up"), [((3, 5, 1), (0, 0, 1)), ((3, 1, 6), (0, 1, 0)), ((3, 2, 5), (0, -1, 0))])
def test_world_up_from_view_coordinates(xyz, up):
    np.testing.assert_allclose(world_up_from_view_coordinates(xyz), up, atol=1e-12)


def test_pinhole_frustum_corners_at_image_plane_distance():
    k = np.array([100, 0, 0, 0, 100, 0, 50, 40, 1], np.float32)  # column-major, principal point (50, 40)
    segs = pinhole_frustum_segments(k, resolution=[100, 80], image_plane_distance=2.0)
    corners = segs[1::4]
    np.testing.assert_allclose(corners[:, 2], 2.0)  # RDF: forward is +Z
    np.testing.assert_allclose(corners[0], [-1.0, -0.8, 2.0], atol=1e-6)
