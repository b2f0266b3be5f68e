"""`rerun_nb.urdf` against rerun-sdk 0.41's `rerun.urdf` on the same files: joints, links, limits, mimic tags,
joint transforms (revolute about a rotated axis, prismatic along it, clamping), and what gets logged."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

import rerun_nb as rr

rerun_urdf = pytest.importorskip("rerun.urdf")

URDF = """<robot name="arm">
  <link name="base"><visual><geometry><box size="1 2 3"/></geometry></visual></link>
  <link name="upper"/>
  <link name="slider"/>
  <link name="wheel"/>
  <joint name="shoulder" type="revolute">
    <parent link="base"/><child link="upper"/>
    <origin xyz="0 0 1" rpy="0.2 -0.4 1.5707963"/>
    <axis xyz="0 1 0"/>
    <limit lower="-1" upper="1" effort="10" velocity="2"/>
  </joint>
  <joint name="slide" type="prismatic">
    <parent link="upper"/><child link="slider"/>
    <origin xyz="1 0 0" rpy="0.3 0 0"/>
    <axis xyz="0 1 1"/>
    <limit lower="0" upper="0.5" effort="1" velocity="1"/>
    <mimic joint="shoulder" multiplier="2" offset="0.1"/>
  </joint>
  <joint name="spin" type="continuous">
    <parent link="slider"/><child link="wheel"/>
    <axis xyz="0 0 1"/>
  </joint>
</robot>
"""


@pytest.fixture
def trees(tmp_path):
    path = tmp_path / "arm.urdf"
    path.write_text(URDF)
    return (rr.urdf.UrdfTree.from_file_path(path, frame_prefix="p/"),
            rerun_urdf.UrdfTree.from_file_path(path, frame_prefix="p/"))


def test_model_matches(trees):
    ours, theirs = trees
    assert repr(ours) == repr(theirs) and ours.name == theirs.name and ours.frame_prefix == theirs.frame_prefix
    assert repr(ours.root_link()) == repr(theirs.root_link())
    for a, b in zip(ours.joints(), theirs.joints(), strict=True):
        assert repr(a) == repr(b)
        for attr in ("joint_type", "parent_link", "child_link", "limit_lower", "limit_upper", "limit_effort",
                     "limit_velocity"):
            assert getattr(a, attr) == getattr(b, attr), attr
        for attr in ("axis", "origin_xyz", "origin_rpy"):
            assert np.allclose(getattr(a, attr), getattr(b, attr)), attr
        assert repr(a.mimic) == repr(b.mimic)
        assert ours.get_joint_child(a).name == theirs.get_joint_child(b).name
    assert ours.get_link_by_name("nope") is None and ours.get_joint_by_name("nope") is None
    assert ours.get_visual_geometry_paths("base") == theirs.get_visual_geometry_paths("base")


def _values(field):
    """A Transform3D field's values as a Python list, whichever SDK built it."""
    if hasattr(field, "as_arrow_array"):
        field = field.as_arrow_array()
    if hasattr(field, "to_pylist"):
        return field.to_pylist()
    return np.asarray(field).tolist()


@pytest.mark.parametrize("joint, value", [("shoulder", 0.5), ("shoulder", 2.0), ("slide", 0.25), ("slide", -1.0),
                                          ("spin", 7.0)])
def test_joint_transforms_match(trees, joint, value):
    ours, theirs = (t.get_joint_by_name(joint) for t in trees)
    with warnings.catch_warnings(record=True) as ours_w:
        warnings.simplefilter("always")
        a = ours.compute_transform(value)
    with warnings.catch_warnings(record=True) as theirs_w:
        warnings.simplefilter("always")
        b = theirs.compute_transform(value)
    assert [str(w.message) for w in ours_w] == [str(w.message) for w in theirs_w]
    for field in ("translation", "quaternion", "parent_frame", "child_frame"):
        x, y = _values(getattr(a, field)), _values(getattr(b, field))
        if isinstance(x[0], str):
            assert x == y
        else:
            assert np.allclose(x, y, atol=1e-6), (field, x, y)
    cols_a = ours.compute_transform_columns([0.1, value], clamp=True)
    cols_b = theirs.compute_transform_columns([0.1, value], clamp=True)
    for ca, cb in zip(cols_a, cols_b, strict=True):
        assert ca.component_descriptor().component == cb.component_descriptor().component


def test_log_urdf_to_recording(trees):
    ours, _ = trees
    rec = rr.RecordingStream("urdf", send_properties=False)
    ours.log_urdf_to_recording(rec)
    assert "/arm/visual_geometries/base/visual_0" in rec.store.entity_paths()
    (tf,) = [c for c in rec.store.store_chunks() if c.entity_path == "/tf_static"]
    assert tf.is_static and tf.num_rows == 3


def test_bad_file_names_the_file(tmp_path):
    path = tmp_path / "bad.urdf"
    path.write_text("<robot><joint")
    with pytest.raises(ValueError, match="bad.urdf"):
        rr.urdf.UrdfTree.from_file_path(path)
