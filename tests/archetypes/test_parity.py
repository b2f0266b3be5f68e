"""rerun_nb's archetypes log exactly what rerun-sdk 0.41's do: same descriptors, Arrow types and values.

Each case is `make(rr)`, run once with `rr = rerun` and once with `rr = rerun_nb` (both strict). The input
matrix follows the spirit of rerun's own `common_arrays.py`: lists, tuples, numpy arrays of several
dtypes, single values vs batches, flat vs (N, k), the color forms, enums by member / name / int, ...
"""

from __future__ import annotations

import inspect

import numpy as np
import pytest
from _cases_more import add_more_cases
from _parity import build_both, differences, rerun

import rerun_nb

pytestmark = pytest.mark.skipif(rerun is None, reason="rerun-sdk is not installed (CI installs rerun-sdk==0.41.0)")

P3 = [[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]
P2 = [[0.0, 1.0], [2.0, 3.0]]

VEC3_INPUTS = {
    "list": P3,
    "tuple": tuple(tuple(p) for p in P3),
    "flat_list": [0, 1, 2, 3, 4, 5],
    "f32": np.array(P3, np.float32),
    "f64": np.array(P3, np.float64),
    "i32": np.array(P3, np.int32),
    "u8": np.array(P3, np.uint8),
    "flat_f64": np.arange(6, dtype=np.float64),
    "one_vec": [1, 2, 3],
    "one_vec_np": np.array([1.0, 2.0, 3.0]),
    "n13": np.arange(6, dtype=np.float32).reshape(2, 1, 3),
    "n31": np.arange(6, dtype=np.float32).reshape(2, 3, 1),
    "empty": [],
    "empty_np": np.zeros((0, 3), np.float32),
    "noncontiguous": np.arange(12, dtype=np.float32).reshape(2, 6)[:, ::2],
}

COLOR_INPUTS = {
    "rgb_list": [255, 0, 0],
    "rgba_list": [255, 0, 0, 128],
    "rgb_tuple": (10, 20, 30),
    "rgb_u8": np.array([10, 20, 30], np.uint8),
    "rgba_u8_n": np.array([[255, 0, 0, 128], [0, 255, 0, 255]], np.uint8),
    "rgb_u8_n": np.array([[255, 0, 0], [0, 255, 0]], np.uint8),
    "rgb_int_n": [[255, 0, 0], [0, 255, 0]],
    "float_rgb": [1.0, 0.5, 0.0],
    "float_rgba_np32": np.array([[1.0, 0.5, 0.25, 1.0], [0.0, 0.0, 1.0, 0.5]], np.float32),
    "float_rgb_np64_n": np.array([[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]]),
    "packed_int": 0xFF0000FF,
    "packed_list": [0xFF0000FF, 0x00FF00FF],
    "packed_list3": [0xFF0000FF, 0x00FF00FF, 0x0000FFFF],
    "packed_u32": np.array([0xFF0000FF, 0x00FF00FF], np.uint32),
    "packed_u32_4": np.array([1, 2, 3, 4], np.uint32),
    "flat_u8_rgba_x2": np.array([255, 0, 0, 255, 0, 255, 0, 255], np.uint8),
    "nested_1x3": np.array([[1, 2, 3]], np.uint8),
    "list_of_tuples": [(255, 0, 0), (0, 0, 255)],
    "empty": [],
}

SCALAR_INPUTS = {
    "float": 0.5,
    "int": 2,
    "list": [0.1, 0.2],
    "tuple": (1, 2),
    "np_f64": np.array([0.1, 0.2]),
    "np_f16": np.array([0.5, 1.5], np.float16),
    "np_i64": np.array([1, 2], np.int64),
    "np_scalar": np.float32(3.0),
    "np_2d": np.array([[0.1], [0.2]]),
    "empty": [],
}

TEXT_INPUTS = {
    "str": "hello",
    "list": ["a", "b"],
    "tuple": ("a", "b"),
    "np_str": np.array(["a", "b"]),
    "empty": [],
}

def _enc(rr):
    """rerun 0.41 renamed `datatypes` to `encodings` (the old name recurses in its lazy loader)."""
    return getattr(rr, "encodings", None) or rr.datatypes


CLASS_ID_INPUTS = {"int": 3, "list": [1, 2], "np_u16": np.array([1, 2], np.uint16), "np_i64": np.array([1, 2])}


def _cases():
    cases = {}

    def add(name, make):
        assert name not in cases, name
        cases[name] = make

    # --- Points3D / Points2D: every input form of every field
    for key, value in VEC3_INPUTS.items():
        add(f"Points3D-positions-{key}", lambda rr, v=value: rr.Points3D(v))
        add(f"Arrows3D-vectors-{key}", lambda rr, v=value: rr.Arrows3D(vectors=v))
    for key, value in COLOR_INPUTS.items():
        add(f"Points3D-colors-{key}", lambda rr, v=value: rr.Points3D(P3, colors=v))
    for key, value in SCALAR_INPUTS.items():
        add(f"Points3D-radii-{key}", lambda rr, v=value: rr.Points3D(P3, radii=v))
        add(f"Scalars-{key}", lambda rr, v=value: rr.Scalars(v))
    for key, value in TEXT_INPUTS.items():
        add(f"Points3D-labels-{key}", lambda rr, v=value: rr.Points3D(P3, labels=v))
    for key, value in CLASS_ID_INPUTS.items():
        add(f"Points3D-class_ids-{key}", lambda rr, v=value: rr.Points3D(P3, class_ids=v))
        add(f"Points2D-keypoint_ids-{key}", lambda rr, v=value: rr.Points2D(P2, keypoint_ids=v, class_ids=1))
    add("Points3D-keypoints-imply-class0", lambda rr: rr.Points3D(P3, keypoint_ids=[0, 1]))
    add("Points2D-keypoints-imply-class0", lambda rr: rr.Points2D(P2, keypoint_ids=[0, 1]))
    add("Points3D-show_labels-bool", lambda rr: rr.Points3D(P3, labels=["a", "b"], show_labels=False))
    add("Points3D-show_labels-np-bool", lambda rr: rr.Points3D(P3, show_labels=np.bool_(True)))
    add("Points3D-shading-member", lambda rr: rr.Points3D(P3, point_shading=rr.components.PointShading.Flat))
    add("Points3D-shading-name", lambda rr: rr.Points3D(P3, point_shading="flat"))
    add("Points3D-shading-Name", lambda rr: rr.Points3D(P3, point_shading="Gradient"))
    add("Points3D-shading-int", lambda rr: rr.Points3D(P3, point_shading=2))
    add("Points3D-all", lambda rr: rr.Points3D(P3, radii=[0.1, 0.2], colors=[[255, 0, 0], [0, 255, 0]],
                                               labels=["a", "b"], show_labels=True, point_shading="Flat",
                                               class_ids=[1, 2], keypoint_ids=[3, 4]))
    add("Points2D-all", lambda rr: rr.Points2D(P2, radii=0.5, colors=0x112233FF, labels="x", show_labels=True,
                                               draw_order=3, class_ids=1, keypoint_ids=[1, 2]))
    add("Points2D-flat", lambda rr: rr.Points2D([1, 2, 3, 4]))
    add("Points2D-np-i64", lambda rr: rr.Points2D(np.array([[1, 2], [3, 4]])))
    add("Points2D-draw_order-np", lambda rr: rr.Points2D(P2, draw_order=np.float64(2.5)))

    # --- line strips
    add("LineStrips3D-nested-list", lambda rr: rr.LineStrips3D([[[0, 0, 0], [1, 1, 1]], [[2, 2, 2], [3, 3, 3], [4, 4, 4]]]))
    add("LineStrips3D-one-strip", lambda rr: rr.LineStrips3D([[0, 0, 0], [1, 1, 1]]))
    add("LineStrips3D-one-strip-np", lambda rr: rr.LineStrips3D(np.arange(9, dtype=np.float32).reshape(3, 3)))
    add("LineStrips3D-3d-np", lambda rr: rr.LineStrips3D(np.arange(18, dtype=np.float64).reshape(2, 3, 3)))
    add("LineStrips3D-list-of-np", lambda rr: rr.LineStrips3D([np.zeros((2, 3)), np.ones((4, 3), np.float32)]))
    add("LineStrips3D-list-of-np-vecs", lambda rr: rr.LineStrips3D([np.zeros(3), np.ones(3)]))
    add("LineStrips3D-empty", lambda rr: rr.LineStrips3D([]))
    add("LineStrips3D-styled", lambda rr: rr.LineStrips3D([[[0, 0, 0], [1, 1, 1]]], radii=0.1, colors=[0, 0, 255],
                                                          labels="l", show_labels=True, class_ids=2))
    add("LineStrips2D-nested", lambda rr: rr.LineStrips2D([[[0, 0], [1, 1]], [[2, 2], [3, 3], [4, 5]]], draw_order=2))
    add("LineStrips2D-one", lambda rr: rr.LineStrips2D([[0, 0], [1, 1], [2, 0]], radii=[0.5], colors=[[1.0, 0, 0]]))

    # --- boxes
    add("Boxes3D-half_sizes", lambda rr: rr.Boxes3D(half_sizes=[1, 2, 3]))
    add("Boxes3D-sizes", lambda rr: rr.Boxes3D(sizes=[[2, 4, 6], [1, 1, 1]]))
    add("Boxes3D-sizes-mins", lambda rr: rr.Boxes3D(sizes=[[1, 2, 3]], mins=[[0, 0, 0]]))
    add("Boxes3D-half_sizes-mins", lambda rr: rr.Boxes3D(half_sizes=[1, 2, 3], mins=[0, 0, 0]))
    add("Boxes3D-centers", lambda rr: rr.Boxes3D(half_sizes=[1, 2, 3], centers=[[1, 1, 1]], colors=[0, 255, 0],
                                                 radii=0.01, fill_mode="solid", labels="b", show_labels=False,
                                                 class_ids=4))
    add("Boxes3D-rotations-axis-angle", lambda rr: rr.Boxes3D(
        half_sizes=[1, 2, 3], rotations=rr.RotationAxisAngle(axis=[0, 0, 1], degrees=30)))
    add("Boxes3D-rotations-quaternion", lambda rr: rr.Boxes3D(
        half_sizes=[1, 2, 3], rotations=rr.Quaternion(xyzw=[0, 0, 0, 1])))
    add("Boxes3D-rotations-quaternion-list", lambda rr: rr.Boxes3D(
        half_sizes=[[1, 2, 3]] * 2, rotations=[rr.Quaternion(xyzw=[0, 0, 0, 1]), rr.Quaternion(xyzw=[1, 0, 0, 0])]))
    add("Boxes3D-rotations-raw-xyzw", lambda rr: rr.Boxes3D(half_sizes=[1, 2, 3], rotations=[0, 0, 0, 1]))
    add("Boxes3D-quaternions", lambda rr: rr.Boxes3D(half_sizes=[1, 2, 3], quaternions=[[0, 0, 0, 1]]))
    add("Boxes3D-rotation_axis_angles", lambda rr: rr.Boxes3D(
        half_sizes=[1, 2, 3], rotation_axis_angles=[rr.RotationAxisAngle([1, 0, 0], rr.Angle(rad=0.5)),
                                                    rr.RotationAxisAngle([0, 1, 0], radians=1.0)]))
    add("Boxes3D-fill-mode-member", lambda rr: rr.Boxes3D(half_sizes=[1, 1, 1],
                                                          fill_mode=rr.components.FillMode.DenseWireframe))
    add("Boxes3D-fill-mode-int", lambda rr: rr.Boxes3D(half_sizes=[1, 1, 1], fill_mode=4))
    add("Boxes3D-fill-mode-lower", lambda rr: rr.Boxes3D(half_sizes=[1, 1, 1], fill_mode="majorwireframe"))
    add("Boxes2D-half_sizes", lambda rr: rr.Boxes2D(half_sizes=[1, 2]))
    add("Boxes2D-sizes-mins", lambda rr: rr.Boxes2D(sizes=[1, 2], mins=[3, 4]))
    add("Boxes2D-styled", lambda rr: rr.Boxes2D(half_sizes=[[1, 2]], centers=[[0, 0]], radii=0.5, colors=[0, 0, 255],
                                                labels=["a"], show_labels=True, draw_order=2, class_ids=[5]))
    for fmt in ("XYWH", "YXHW", "XYXY", "YXYX", "XCYCWH", "XCYCW2H2"):
        add(f"Boxes2D-array-{fmt}", lambda rr, f=fmt: rr.Boxes2D(array=[[1, 2, 7, 9]],
                                                                 array_format=getattr(rr.Box2DFormat, f)))
    for fmt in ("XYWH", "XYXY", "XCYCWH", "XCYCW2H2"):  # rerun reverses the rows for YX formats: see below
        add(f"Boxes2D-array-rows-{fmt}", lambda rr, f=fmt: rr.Boxes2D(array=[[1, 2, 7, 9], [0, 0, 2, 2]],
                                                                      array_format=getattr(rr.Box2DFormat, f)))
    add("Boxes2D-array-flat", lambda rr: rr.Boxes2D(array=[1, 2, 3, 4], array_format=rr.Box2DFormat.XYWH))
    add("Boxes2D-array-zeros", lambda rr: rr.Boxes2D(array=np.zeros(4), array_format=rr.Box2DFormat.XYWH))

    # --- arrows and shapes
    add("Arrows3D-all", lambda rr: rr.Arrows3D(vectors=[[1, 2, 3]], origins=[0, 0, 0], radii=0.1, colors=[255, 0, 0],
                                               labels="a", show_labels=True, class_ids=1))
    add("Arrows2D-all", lambda rr: rr.Arrows2D(vectors=[[1, 2]], origins=[0, 0], radii=[0.1], colors=0xFF00FFFF,
                                               labels=["a"], show_labels=False, draw_order=1, class_ids=[7]))
    add("Ellipsoids3D-half_sizes", lambda rr: rr.Ellipsoids3D(half_sizes=[[1, 2, 3]], centers=[1, 2, 3]))
    add("Ellipsoids3D-radii", lambda rr: rr.Ellipsoids3D(radii=[1, 2], centers=[[0, 0, 0], [1, 1, 1]]))
    add("Ellipsoids3D-all", lambda rr: rr.Ellipsoids3D(
        half_sizes=[1, 2, 3], quaternions=[0, 0, 0, 1], colors=[1.0, 0, 0], line_radii=0.01, fill_mode="Solid",
        labels="e", show_labels=True, class_ids=1))
    add("Ellipsoids3D-axis-angle", lambda rr: rr.Ellipsoids3D(
        half_sizes=[1, 2, 3], rotation_axis_angles=rr.RotationAxisAngle(axis=(0, 1, 0), degrees=45)))
    add("Capsules3D-all", lambda rr: rr.Capsules3D(
        lengths=[1, 2], radii=[0.5, 0.25], translations=[[0, 0, 0], [1, 0, 0]], quaternions=[[0, 0, 0, 1]] * 2,
        colors=[[255, 0, 0], [0, 255, 0]], line_radii=0.01, fill_mode=3, labels=["a", "b"], show_labels=True,
        class_ids=[1, 2]))
    add("Capsules3D-scalar", lambda rr: rr.Capsules3D(lengths=1.0, radii=0.5))
    add("Cylinders3D-all", lambda rr: rr.Cylinders3D(
        lengths=[1], radii=[0.5], centers=[[0, 0, 0]], rotation_axis_angles=[rr.RotationAxisAngle([0, 0, 1], 0.3)],
        colors=[0, 0, 255], line_radii=0.02, fill_mode="DenseWireframe", labels="c", show_labels=False,
        class_ids=9))

    # --- mesh
    tri = [[0, 0, 0], [1, 0, 0], [0, 1, 0]]
    add("Mesh3D-min", lambda rr: rr.Mesh3D(vertex_positions=tri))
    add("Mesh3D-indices-flat", lambda rr: rr.Mesh3D(vertex_positions=tri, triangle_indices=[0, 1, 2]))
    add("Mesh3D-indices-np", lambda rr: rr.Mesh3D(vertex_positions=np.array(tri, np.float32),
                                                  triangle_indices=np.array([[0, 1, 2]], np.int64)))
    add("Mesh3D-all", lambda rr: rr.Mesh3D(
        vertex_positions=tri, triangle_indices=[[0, 1, 2]], vertex_normals=[0, 0, 1], vertex_colors=[[255, 0, 0]] * 3,
        vertex_texcoords=[[0, 0], [1, 0], [0, 1]], albedo_factor=[0.5, 0.5, 0.5], face_rendering="Front",
        class_ids=2))
    add("Mesh3D-albedo-factor-packed", lambda rr: rr.Mesh3D(vertex_positions=tri, albedo_factor=0xFF8800FF))
    add("Mesh3D-texture-rgb", lambda rr: rr.Mesh3D(vertex_positions=tri, albedo_texture=np.arange(12, dtype=np.uint8)
                                                   .reshape(2, 2, 3)))
    add("Mesh3D-texture-rgba-f32", lambda rr: rr.Mesh3D(vertex_positions=tri,
                                                        albedo_texture=np.ones((2, 3, 4), np.float32)))
    add("Mesh3D-face-member", lambda rr: rr.Mesh3D(vertex_positions=tri,
                                                   face_rendering=rr.components.MeshFaceRendering.Back))

    # --- transforms
    add("Transform3D-empty", lambda rr: rr.Transform3D())
    add("Transform3D-translation", lambda rr: rr.Transform3D(translation=[1, 2, 3]))
    add("Transform3D-translation-np", lambda rr: rr.Transform3D(translation=np.array([1, 2, 3], np.int32)))
    add("Transform3D-rotation-quat", lambda rr: rr.Transform3D(rotation=rr.Quaternion(xyzw=[0, 0, 0.7071, 0.7071])))
    add("Transform3D-rotation-axis-angle", lambda rr: rr.Transform3D(
        rotation=rr.RotationAxisAngle(axis=[0, 0, 1], angle=rr.Angle(deg=90))))
    add("Transform3D-rotation-axis-angle-list", lambda rr: rr.Transform3D(
        rotation=[rr.RotationAxisAngle(axis=[0, 0, 1], radians=1.0)]))
    add("Transform3D-quaternion-raw", lambda rr: rr.Transform3D(quaternion=[0, 0, 0, 1]))
    add("Transform3D-quaternion-obj", lambda rr: rr.Transform3D(quaternion=rr.Quaternion(xyzw=[1, 0, 0, 0])))
    add("Transform3D-axis-angle-field", lambda rr: rr.Transform3D(
        rotation_axis_angle=rr.RotationAxisAngle(axis=[1, 0, 0], degrees=10)))
    add("Transform3D-scale-uniform", lambda rr: rr.Transform3D(scale=2))
    add("Transform3D-scale-uniform-list1", lambda rr: rr.Transform3D(scale=[2.0]))
    add("Transform3D-scale-xyz", lambda rr: rr.Transform3D(scale=[1, 2, 3]))
    add("Transform3D-mat3x3-rows", lambda rr: rr.Transform3D(mat3x3=[[1, 2, 3], [4, 5, 6], [7, 8, 9]]))
    add("Transform3D-mat3x3-flat", lambda rr: rr.Transform3D(mat3x3=[1, 2, 3, 4, 5, 6, 7, 8, 9]))
    add("Transform3D-mat3x3-np", lambda rr: rr.Transform3D(mat3x3=np.arange(9, dtype=np.float64).reshape(3, 3)))
    add("Transform3D-mat3x3-and-translation", lambda rr: rr.Transform3D(translation=[1, 0, 0], mat3x3=np.eye(3)))
    add("Transform3D-mat3x3-and-scale", lambda rr: rr.Transform3D(mat3x3=np.eye(3), scale=2))
    add("Transform3D-relation-member", lambda rr: rr.Transform3D(
        translation=[1, 2, 3], relation=rr.TransformRelation.ChildFromParent))
    add("Transform3D-relation-name", lambda rr: rr.Transform3D(translation=[1, 2, 3], relation="ChildFromParent"))
    add("Transform3D-relation-int", lambda rr: rr.Transform3D(relation=1))
    add("Transform3D-from_parent", lambda rr: rr.Transform3D(translation=[1, 2, 3], from_parent=True))
    add("Transform3D-from_parent-false", lambda rr: rr.Transform3D(translation=[1, 2, 3], from_parent=False))
    add("Transform3D-frames", lambda rr: rr.Transform3D(translation=[1, 2, 3], child_frame="a", parent_frame="b"))
    add("Transform3D-all", lambda rr: rr.Transform3D(translation=(1, 2, 3), quaternion=[0, 0, 0, 1], scale=(1, 2, 3)))
    add("InstancePoses3D-translations", lambda rr: rr.InstancePoses3D(translations=[[1, 2, 3], [4, 5, 6]]))
    add("InstancePoses3D-all", lambda rr: rr.InstancePoses3D(
        translations=[1, 2, 3], rotation_axis_angles=[rr.RotationAxisAngle([0, 0, 1], degrees=5)],
        quaternions=[[0, 0, 0, 1]], scales=[[1, 2, 3]], mat3x3=[np.eye(3), 2 * np.eye(3)]))
    add("InstancePoses3D-mat-flat", lambda rr: rr.InstancePoses3D(mat3x3=[1, 0, 0, 0, 1, 0, 0, 0, 1]))
    add("InstancePoses3D-mat-n99", lambda rr: rr.InstancePoses3D(mat3x3=np.arange(18, dtype=np.float32).reshape(2, 3, 3)))

    # --- view coordinates and pinhole
    for name in ("RDF", "RUB", "FLU", "LFU", "RIGHT_HAND_Z_UP", "LEFT_HAND_Y_DOWN", "RIGHT_HAND_X_DOWN"):
        add(f"ViewCoordinates-{name}", lambda rr, n=name: rr.ViewCoordinates(getattr(rr.ViewCoordinates, n)))
        add(f"ViewCoordinates-const-{name}", lambda rr, n=name: getattr(rr.ViewCoordinates, n))
    add("ViewCoordinates-list", lambda rr: rr.ViewCoordinates([3, 2, 5]))
    add("ViewCoordinates-np", lambda rr: rr.ViewCoordinates(np.array([1, 3, 5], np.uint8)))
    add("Pinhole-focal-width-height", lambda rr: rr.Pinhole(focal_length=500, width=640, height=480))
    add("Pinhole-focal-xy", lambda rr: rr.Pinhole(focal_length=[500, 400], principal_point=[320, 240],
                                                  resolution=[640, 480]))
    add("Pinhole-focal-float-np", lambda rr: rr.Pinhole(focal_length=np.float32(300.0), resolution=(64, 48)))
    add("Pinhole-resolution-only", lambda rr: rr.Pinhole(resolution=[640, 480]))
    add("Pinhole-matrix", lambda rr: rr.Pinhole(image_from_camera=[[500, 0, 320], [0, 500, 240], [0, 0, 1]]))
    add("Pinhole-matrix-np", lambda rr: rr.Pinhole(image_from_camera=np.array([[5, 0, 3], [0, 5, 2], [0, 0, 1]])))
    add("Pinhole-fov", lambda rr: rr.Pinhole(fov_y=1.0, aspect_ratio=1.5))
    add("Pinhole-all", lambda rr: rr.Pinhole(
        focal_length=100, width=64, height=48, camera_xyz=rr.ViewCoordinates.RDF, child_frame="cam",
        parent_frame="world", image_plane_distance=2.0, color=[255, 0, 0], line_width=0.5))
    add("Pinhole-camera-xyz-list", lambda rr: rr.Pinhole(focal_length=1, width=2, height=2, camera_xyz=[3, 2, 5]))

    # --- time series
    add("SeriesLines-default", lambda rr: rr.SeriesLines())
    add("SeriesLines-all", lambda rr: rr.SeriesLines(colors=[255, 0, 0], widths=2, names="a", visible_series=True,
                                                     aggregation_policy="Max", interpolation_mode="StepAfter"))
    add("SeriesLines-lists", lambda rr: rr.SeriesLines(colors=[[255, 0, 0], [0, 255, 0]], widths=[1, 2],
                                                       names=["a", "b"], visible_series=[True, False],
                                                       aggregation_policy=rr.components.AggregationPolicy.MinMax,
                                                       interpolation_mode=rr.components.InterpolationMode.StepMid))
    add("SeriesPoints-default", lambda rr: rr.SeriesPoints())
    add("SeriesPoints-all", lambda rr: rr.SeriesPoints(colors=[255, 0, 0], markers="circle", names="a",
                                                       visible_series=[True], marker_sizes=3))
    add("SeriesPoints-markers", lambda rr: rr.SeriesPoints(markers=[rr.components.MarkerShape.Cross, "Diamond", 3]))
    add("SeriesPoints-colors-only", lambda rr: rr.SeriesPoints(colors=[0, 0, 255]))
    add("Scalars-np-f32", lambda rr: rr.Scalars(np.array([1, 2, 3], np.float32)))

    # --- text
    add("TextLog-plain", lambda rr: rr.TextLog("hello"))
    add("TextLog-level-str", lambda rr: rr.TextLog("hello", level="INFO", color=[255, 0, 0]))
    add("TextLog-level-const", lambda rr: rr.TextLog("hello", level=rr.TextLogLevel.WARN))
    add("TextLog-level-custom", lambda rr: rr.TextLog("hello", level="VERBOSE"))
    for level in ("CRITICAL", "ERROR", "WARN", "INFO", "DEBUG", "TRACE"):
        add(f"TextLog-{level}", lambda rr, lv=level: rr.TextLog("x", level=getattr(rr.TextLogLevel, lv)))
    add("TextDocument-plain", lambda rr: rr.TextDocument("plain"))
    add("TextDocument-markdown", lambda rr: rr.TextDocument("# hi", media_type="text/markdown"))
    add("TextDocument-mediatype-const", lambda rr: rr.TextDocument("# hi", media_type=rr.components.MediaType.MARKDOWN))

    # --- bar charts and tensors
    add("BarChart-list", lambda rr: rr.BarChart([1, 2, 3], color=[255, 0, 0]))
    add("BarChart-f32", lambda rr: rr.BarChart(np.array([1, 2, 3], np.float32), abscissa=[0, 1, 2], widths=[1, 1, 1]))
    add("BarChart-u8", lambda rr: rr.BarChart(np.array([1, 2, 3], np.uint8)))
    add("BarChart-i16-abscissa-f64", lambda rr: rr.BarChart(np.arange(4, dtype=np.int16),
                                                            abscissa=np.linspace(0, 1, 4), widths=0.5))
    add("BarChart-column", lambda rr: rr.BarChart(np.arange(4, dtype=np.float64).reshape(4, 1)))
    for dtype in ("uint8", "uint16", "uint32", "uint64", "int8", "int16", "int32", "int64", "float16", "float32",
                  "float64"):
        add(f"Tensor-{dtype}", lambda rr, d=dtype: rr.Tensor(np.arange(6).astype(d).reshape(2, 3)))
    add("Tensor-dim-names", lambda rr: rr.Tensor(np.zeros((2, 3), np.uint8), dim_names=["a", "b"], value_range=[0, 1]))
    add("Tensor-list", lambda rr: rr.Tensor([[1.0, 2.0], [3.0, 4.0]]))
    add("Tensor-tensordata", lambda rr: rr.Tensor(_enc(rr).TensorData(array=np.ones((2, 2, 2), np.float32),
                                                                         dim_names=["x", "y", "z"])))
    add("Tensor-3d", lambda rr: rr.Tensor(np.arange(24, dtype=np.int32).reshape(2, 3, 4), value_range=(0.0, 24.0)))

    # --- images
    add("Image-rgb-u8", lambda rr: rr.Image(np.arange(60, dtype=np.uint8).reshape(4, 5, 3)))
    add("Image-rgba-u16", lambda rr: rr.Image(np.arange(80, dtype=np.uint16).reshape(4, 5, 4)))
    add("Image-gray-f32", lambda rr: rr.Image(np.zeros((4, 5), np.float32), opacity=0.5, draw_order=1,
                                              magnification_filter="Nearest"))
    add("Image-gray-hw1", lambda rr: rr.Image(np.zeros((4, 5, 1), np.uint8)))
    add("Image-1hw3", lambda rr: rr.Image(np.zeros((1, 4, 5, 3), np.uint8)))
    add("Image-bgr", lambda rr: rr.Image(np.zeros((4, 5, 3), np.uint8), "BGR"))
    add("Image-bgr-member", lambda rr: rr.Image(np.zeros((4, 5, 3), np.uint8), rr.ColorModel.BGR))
    add("Image-color-model-kw", lambda rr: rr.Image(np.zeros((4, 5, 4), np.uint8), color_model="bgra"))
    add("Image-bool", lambda rr: rr.Image(np.zeros((4, 5), np.float64)))
    add("Image-list", lambda rr: rr.Image([[0, 1], [2, 3]]))
    add("Image-mag-member", lambda rr: rr.Image(np.zeros((2, 2), np.uint8),
                                                magnification_filter=rr.components.MagnificationFilter.Bicubic))
    add("Image-bytes-model", lambda rr: rr.Image(bytes=b"\0" * 12, width=2, height=2, color_model="RGB",
                                                 datatype="U8"))
    add("Image-bytes-np-dtype", lambda rr: rr.Image(bytes=b"\0" * 24, width=2, height=2, color_model="RGB",
                                                    datatype=np.uint16))
    add("Image-bytes-pixel-format", lambda rr: rr.Image(bytes=b"\0" * 6, width=2, height=2,
                                                        pixel_format=rr.PixelFormat.NV12))
    add("Image-bytes-pixel-format-name", lambda rr: rr.Image(bytes=b"\0" * 8, width=2, height=2,
                                                             pixel_format="YUY2"))
    add("Image-width-matches", lambda rr: rr.Image(np.zeros((4, 5), np.uint8), width=5, height=4))
    add("DepthImage-u16", lambda rr: rr.DepthImage(np.arange(20, dtype=np.uint16).reshape(4, 5), meter=1000,
                                                   colormap="Viridis", depth_range=[0, 10], point_fill_ratio=0.5,
                                                   draw_order=1, magnification_filter="Linear"))
    add("DepthImage-f32", lambda rr: rr.DepthImage(np.ones((4, 5), np.float32)))
    add("DepthImage-hw1", lambda rr: rr.DepthImage(np.ones((4, 5, 1), np.float64),
                                                   colormap=rr.components.Colormap.Turbo))
    add("DepthImage-colormap-int", lambda rr: rr.DepthImage(np.ones((2, 2), np.uint8), colormap=5))
    add("SegmentationImage-u8", lambda rr: rr.SegmentationImage(np.arange(20, dtype=np.uint8).reshape(4, 5),
                                                                opacity=0.5, draw_order=2))
    add("SegmentationImage-i32", lambda rr: rr.SegmentationImage(np.ones((2, 3), np.int32)))
    add("SegmentationImage-list", lambda rr: rr.SegmentationImage([[0, 1], [2, 3]]))
    add("EncodedImage-contents", lambda rr: rr.EncodedImage(contents=b"\x89PNG....", media_type="image/png",
                                                            opacity=0.5, draw_order=1,
                                                            magnification_filter="Nearest"))
    add("EncodedImage-contents-no-media-type", lambda rr: rr.EncodedImage(contents=b"\x89PNG...."))
    add("EncodedImage-mediatype-const", lambda rr: rr.EncodedImage(contents=b"\xff\xd8..", media_type=rr.components.MediaType.JPEG))

    # --- annotations and clear
    add("AnnotationContext-tuples", lambda rr: rr.AnnotationContext([(1, "a", [255, 0, 0]), (2, "b")]))
    add("AnnotationContext-info", lambda rr: rr.AnnotationContext(
        [rr.AnnotationInfo(id=1, label="a", color=(0, 255, 0)), rr.AnnotationInfo(2)]))
    add("AnnotationContext-one-info", lambda rr: rr.AnnotationContext(rr.AnnotationInfo(id=1, label="a")))
    add("AnnotationContext-classdesc", lambda rr: rr.AnnotationContext([rr.ClassDescription(
        info=(1, "person"), keypoint_annotations=[(0, "nose", [255, 0, 0]), (1, "eye")],
        keypoint_connections=[(0, 1), _enc(rr).KeypointPair(1, 0)])]))
    add("AnnotationContext-one-classdesc", lambda rr: rr.AnnotationContext(rr.ClassDescription(info=(7, "x"))))
    add("AnnotationContext-ids", lambda rr: rr.AnnotationContext([1, 2]))
    add("Clear-recursive", lambda rr: rr.Clear(recursive=True))
    add("Clear-flat", lambda rr: rr.Clear(recursive=False))
    add("Clear.flat", lambda rr: rr.Clear.flat())
    add("Clear.recursive", lambda rr: rr.Clear.recursive())

    # --- partial updates
    add("from_fields-points", lambda rr: rr.Points3D.from_fields(radii=[0.1], colors=[255, 0, 0]))
    add("from_fields-clear_unset", lambda rr: rr.Points3D.from_fields(clear_unset=True, positions=P3))
    add("cleared-transform", lambda rr: rr.Transform3D.cleared())
    add("cleared-boxes2d", lambda rr: rr.Boxes2D.cleared())
    add("cleared-image", lambda rr: rr.Image.cleared())
    add("cleared-tensor", lambda rr: rr.Tensor.cleared())
    add("cleared-annotation", lambda rr: rr.AnnotationContext.cleared())
    add("cleared-strips", lambda rr: rr.LineStrips3D.cleared())

    # --- odd but accepted forms (each checked against rerun)
    add("Points3D-labels-ints", lambda rr: rr.Points3D(P3, labels=[1, 2]))
    add("Points3D-colors-bools", lambda rr: rr.Points3D(P3, colors=[True, False, True]))
    add("Points3D-colors-ragged", lambda rr: rr.Points3D(P3, colors=[[1, 2, 3], [4, 5, 6, 7]]))
    add("Points3D-colors-list-of-np", lambda rr: rr.Points3D(P3, colors=[np.array([1, 2, 3], np.uint8),
                                                                         np.array([4, 5, 6], np.uint8)]))
    add("Points3D-colors-u16-rgb", lambda rr: rr.Points3D(P3, colors=np.array([1, 2, 3], np.uint16)))
    add("Points3D-colors-negative", lambda rr: rr.Points3D(P3, colors=[-1, 0, 0]))
    add("Points3D-colors-float-flat8", lambda rr: rr.Points3D(P3, colors=[1.0, 0.5, 0, 1, 0, 0, 1, 1]))
    add("Points3D-radii-column", lambda rr: rr.Points3D(P3, radii=[[0.1], [0.2]]))
    add("Points3D-positions-3d", lambda rr: rr.Points3D(np.zeros((2, 2, 3))))
    add("Points3D-class-ids-floats", lambda rr: rr.Points3D(P3, class_ids=np.array([1.7, 2.2])))
    add("ViewCoordinates-names", lambda rr: rr.ViewCoordinates(["Right", "Down", "Forward"]))
    add("ViewCoordinates-batch", lambda rr: rr.ViewCoordinates([[3, 2, 5], [1, 3, 5]]))
    add("Pinhole-camera-xyz-names", lambda rr: rr.Pinhole(focal_length=1, width=2, height=2,
                                                          camera_xyz=["Right", "Down", "Forward"]))
    add("TextLog-level-none", lambda rr: rr.TextLog("x", level=None))
    add("TextLog-batch", lambda rr: rr.TextLog(["a", "b"]))
    add("Clear-int", lambda rr: rr.Clear(recursive=1))
    add("InstancePoses3D-mat-n9", lambda rr: rr.InstancePoses3D(mat3x3=np.arange(18, dtype=np.float32).reshape(2, 9)))
    add("Scalars-2d", lambda rr: rr.Scalars([[1, 2], [3, 4]]))
    add("Boxes3D-centers-only", lambda rr: rr.Boxes3D(centers=[1, 2, 3]))
    add("Boxes3D-one-quaternion", lambda rr: rr.Boxes3D(half_sizes=[[1, 2, 3]],
                                                        quaternions=rr.Quaternion(xyzw=[0, 0, 0, 1])))
    add("Transform3D-axis-np", lambda rr: rr.Transform3D(
        rotation_axis_angle=rr.RotationAxisAngle(axis=np.array([0, 1, 0]), angle=rr.Angle(deg=45))))
    add("Transform3D-batched-translation", lambda rr: rr.Transform3D(translation=[[1, 2, 3]]))
    add("Transform3D-batched-mat", lambda rr: rr.Transform3D(mat3x3=[[[1, 0, 0], [0, 1, 0], [0, 0, 1]]]))
    add("Mesh3D-flat-texcoords", lambda rr: rr.Mesh3D(vertex_positions=np.zeros((3, 3)), vertex_texcoords=[0, 0, 1, 0, 0, 1],
                                                      triangle_indices=np.array([0, 1, 2], np.uint32)))
    add("Mesh3D-albedo-rgba", lambda rr: rr.Mesh3D(vertex_positions=np.zeros((3, 3)), albedo_factor=[255, 0, 0, 128]))
    add("EncodedImage-np-contents", lambda rr: rr.EncodedImage(contents=np.frombuffer(b"\x89PNGxx", np.uint8),
                                                               media_type="image/png"))
    add("AnnotationContext-packed-color", lambda rr: rr.AnnotationContext([rr.AnnotationInfo(1, "a", 0xFF0000FF)]))
    add("AnnotationContext-float-color", lambda rr: rr.AnnotationContext([(1, "a", (1.0, 0.0, 0.0))]))
    add("AnnotationContext-one-tuple", lambda rr: rr.AnnotationContext((1, "a")))
    add("LineStrips3D-empty-strip", lambda rr: rr.LineStrips3D([[[0, 0, 0]], []]))
    add("Points2D-draw-order-list", lambda rr: rr.Points2D([[0, 0]], draw_order=[1, 2]))
    add("Tensor-bool", lambda rr: rr.Tensor(np.zeros((2, 3), bool)))
    import pathlib
    import tempfile

    add_more_cases(add, pathlib.Path(tempfile.mkdtemp(prefix="rnb-parity-")))
    return cases


CASES = _cases()

# Inputs rerun-sdk 0.41 rejects only because of a bug in its own conversion code; rerun_nb accepts them
# (and logs what the equivalent well-formed input logs). Key: case -> the rerun bug.
RERUN_BUGS = {
    "Pinhole-focal-float-np": "`type(focal_length) in (int, float)` rejects numpy scalars",
    "AnnotationContext-one-info": "a lone AnnotationInfo is iterated as if it were a sequence",
    "Tensor-bool": "bool arrays hit an assert in TensorData's dtype table (rerun_nb logs them as U8)",
    "Transform3D-scale-uniform-list1": "Scale3D([s]) builds [[s], [s], [s]], which then fails the Vec3D check",
}


@pytest.mark.parametrize("case", list(CASES))
def test_same_batches_as_rerun(case):
    ours, theirs = build_both(CASES[case])
    if case in RERUN_BUGS:
        assert isinstance(theirs, Exception), f"rerun fixed {RERUN_BUGS[case]!r}: move {case} back to the matrix"
        assert not isinstance(ours, Exception), ours
        return
    if isinstance(theirs, Exception) or isinstance(ours, Exception):
        # Both reject, or both accept: rejecting input rerun accepts (or the reverse) is a mismatch.
        assert isinstance(theirs, Exception) and isinstance(ours, Exception), f"ours={ours!r} theirs={theirs!r}"
        return
    assert differences(ours, theirs) == []


@pytest.mark.parametrize("fmt", ["YXHW", "YXYX"])
def test_boxes2d_yx_formats_keep_row_order(fmt):
    # rerun-sdk 0.41 uses np.flip without an axis for YX formats, which also reverses the order of the boxes
    # (so their labels/colors no longer line up). We keep the row order: each row matches its single-row result.
    rows = [[1, 2, 7, 9], [0, 0, 2, 2]]
    fmt_enum = getattr(rerun_nb.Box2DFormat, fmt)
    both = rerun_nb.Boxes2D(array=rows, array_format=fmt_enum)
    for i, row in enumerate(rows):
        one = rerun_nb.Boxes2D(array=[row], array_format=fmt_enum)
        np.testing.assert_array_equal(both.half_sizes[i], one.half_sizes[0])
        np.testing.assert_array_equal(both.centers[i], one.centers[0])


def test_every_archetype_has_a_case():
    covered = {name.split("-")[0].split(".")[0] for name in CASES}
    missing = [a for a in ARCHETYPES if a not in covered and a != "AnyValues"]
    assert missing == []


NOT_ARCHETYPES = ("TextLogLevel", "Box2DFormat", "AnyBatchValue")
ARCHETYPES = [a for a in rerun_nb.archetypes.__all__ if a not in NOT_ARCHETYPES]


def _params(func):
    return [(p.name, p.kind, p.default) for p in inspect.signature(func).parameters.values()]


@pytest.mark.parametrize("name", ARCHETYPES)
def test_constructor_signature(name):
    ours = getattr(rerun_nb.archetypes, name)
    theirs = getattr(rerun.archetypes, name, None) or getattr(rerun, name)  # AnyValues is top-level only
    assert _params(ours.__init__) == _params(theirs.__init__)


@pytest.mark.parametrize("name", [a for a in ARCHETYPES if a != "AnyValues"])
@pytest.mark.parametrize("method", ["from_fields", "columns"])
def test_classmethod_signature(name, method):
    ours = [(n, k, d) for n, k, d in _params(getattr(getattr(rerun_nb.archetypes, name), method))]
    theirs = [(n, k, d) for n, k, d in _params(getattr(getattr(rerun.archetypes, name), method))]
    assert ours == theirs


@pytest.mark.parametrize("name", [a for a in ARCHETYPES if a != "AnyValues"])
def test_archetype_names_and_fields(name):
    ours, theirs = getattr(rerun_nb.archetypes, name), getattr(rerun.archetypes, name)
    assert ours.archetype() == theirs.archetype()
    assert ours.archetype_short_name() == theirs.archetype_short_name()
    fields = [d for d in dir(theirs) if d.startswith("descriptor_")]
    for attr in fields:
        o, t = getattr(ours, attr)(), getattr(theirs, attr)()
        assert (o.component, o.archetype, o.component_type) == (t.component, t.archetype, t.component_type)
    assert sorted(d for d in dir(ours) if d.startswith("descriptor_")) == sorted(fields)


def test_component_batch_names_exist_in_rerun():
    ours = [n for n in rerun_nb.components.__all__ if n.endswith("Batch") and n != "ComponentBatch"]
    assert ours, "no *Batch classes exported"
    assert [n for n in ours if not hasattr(rerun.components, n)] == []


@pytest.mark.parametrize("name", [n for n in rerun_nb.components.__all__ if n.endswith("Batch") and n != "ComponentBatch"])
def test_component_batch_component_type(name):
    assert getattr(rerun_nb.components, name).component_type() == getattr(rerun.components, name)._COMPONENT_TYPE


ANY_VALUES = {
    "float_list": [0.3, 0.9],
    "string": "hello",
    "int": 3,
    "bool": True,
    "u8_array": np.arange(3, dtype=np.uint8),
    "f32_array": np.linspace(0, 1, 4, dtype=np.float32),
    "strings": ["a", "b"],
    "nested": [[1, 2], [3]],
    "pa_array": None,  # filled in below (needs pyarrow)
}


@pytest.mark.parametrize("key", list(ANY_VALUES))
def test_any_values_same_as_rerun(key):
    import pyarrow as pa

    value = pa.array([1, 2], pa.int16()) if key == "pa_array" else ANY_VALUES[key]
    name = f"parity_any_{key}"  # both SDKs remember each name's first type: keep names unique per test
    ours, theirs = build_both(lambda rr: rr.AnyValues(**{name: value}))
    assert differences(ours, theirs) == []


def test_any_values_drop_untyped_and_columns():
    ours, theirs = build_both(lambda rr: rr.AnyValues(parity_none=None, parity_empty=[], parity_kept=1.5))
    assert differences(ours, theirs) == []
    for make in (lambda rr: rr.AnyValues.columns(parity_col_f=[0.5, 1.5, 2.5]),
                 lambda rr: rr.AnyValues.columns(parity_col_nested=[[1, 2], [3], []])):
        ours, theirs = build_both(make)
        assert [c.component_descriptor().component for c in ours] == [c.component_descriptor().component for c in theirs]
        for o, t in zip(ours, theirs):
            assert o.as_arrow_array().equals(t.as_arrow_array()), (o.as_arrow_array(), t.as_arrow_array())


def test_columns_same_as_rerun():
    cases = [
        lambda rr: rr.Points3D.columns(positions=np.arange(15).reshape(5, 3)).partition([2, 3]),
        lambda rr: rr.Points3D.columns(positions=np.arange(15).reshape(5, 3), colors=[0xFF0000FF] * 5,
                                       radii=np.ones(5)).partition([1, 4]),
        lambda rr: rr.Scalars.columns(scalars=np.sin(np.arange(4))),
        lambda rr: rr.Transform3D.columns(translation=[[1, 2, 3], [4, 5, 6]], scale=[[1, 1, 1], [2, 2, 2]]),
        lambda rr: rr.Transform3D.columns(mat3x3=[np.eye(3), np.eye(3)], quaternion=[[0, 0, 0, 1], [1, 0, 0, 0]]),
        lambda rr: rr.TextLog.columns(text=["a", "b"], level=["INFO", "WARN"]),
        lambda rr: rr.Boxes3D.columns(half_sizes=[[1, 1, 1]] * 3, fill_mode=["solid"] * 3),
        lambda rr: rr.Clear.columns(is_recursive=[True, False]),
        lambda rr: rr.LineStrips3D.columns(strips=[[[0, 0, 0], [1, 1, 1]], [[2, 2, 2], [3, 3, 3]]]),
        lambda rr: rr.Points3D.columns(labels=["a", "b", "c"]).partition([3]),
        lambda rr: rr.ViewCoordinates.columns(xyz=[[3, 2, 5]]),
    ]
    for make in cases:
        ours, theirs = build_both(make)
        assert not isinstance(ours, Exception) and not isinstance(theirs, Exception), (ours, theirs)
        od = [(c.component_descriptor().component, c.component_descriptor().component_type) for c in ours]
        td = [(c.component_descriptor().component, c.component_descriptor().component_type) for c in theirs]
        assert od == td
        for o, t in zip(ours, theirs):
            assert o.as_arrow_array().equals(t.as_arrow_array()), (o.as_arrow_array(), t.as_arrow_array())


def test_radius_ui_points_and_scale3d_components():
    np.testing.assert_array_equal(rerun_nb.components.Radius.ui_points([1, -2.5]),
                                  rerun.components.Radius.ui_points([1, -2.5]))
    # rerun's Scale3D([s]) fails (it builds [[s], [s], [s]]); ours takes it as uniform.
    assert rerun_nb.components.Scale3D([3.0]).as_arrow_array().to_pylist() == [[3.0, 3.0, 3.0]]
    for value in (2, 2.5, [1, 2, 3]):
        ours = rerun_nb.components.Scale3D(value).as_arrow_array()
        theirs = rerun.components.Scale3DBatch(rerun.components.Scale3D(value)).as_arrow_array()
        assert ours.equals(theirs), (value, ours, theirs)
    ours, theirs = build_both(lambda rr: rr.Points3D(P3, radii=rr.components.Radius.ui_points(3)))
    assert differences(ours, theirs) == []
