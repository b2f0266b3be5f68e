"""Malformed archetype input: strict mode raises RerunError; otherwise the archetype keeps a clear `_error`
(naming the archetype, the field and the reason) and `rr.log` warns once with the entity path and drops it.

Where rerun-sdk 0.41 is installed we also check that it rejects the same input (in its strict mode). The
few cases where rerun_nb is deliberately stricter are marked False, with the reason next to them.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from _parity import rerun

import rerun_nb as rr
from rerun_nb import error_utils
from rerun_nb.error_utils import RerunError, RerunWarning

P3 = [[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]

# case -> (make(rr), words the error message must contain (lower-case), rerun also rejects it)
BAD = {
    "positions-wrong-shape": (lambda m: m.Points3D([[1, 2], [3, 4]]), ["points3d", "positions", "shape"], True),
    "positions-strings": (lambda m: m.Points3D(["a", "b", "c"]), ["positions"], True),
    "positions-2d-for-3d-flat": (lambda m: m.Points3D([1, 2, 3, 4]), ["positions", "multiple of 3"], True),
    "colors-word": (lambda m: m.Points3D(P3, colors="red"), ["colors"], True),
    # rerun casts NaN to uint8 (garbage, with a numpy RuntimeWarning); we refuse to log a made-up color.
    "colors-nan": (lambda m: m.Points3D(P3, colors=[np.nan, 0.0, 0.0]), ["colors", "nan"], False),
    "radii-strings": (lambda m: m.Points3D(P3, radii=["big"]), ["radii"], True),
    "shading-unknown-name": (lambda m: m.Points3D(P3, point_shading="shiny"), ["point_shading", "shiny"], True),
    "shading-bad-value": (lambda m: m.Points3D(P3, point_shading=7), ["point_shading", "7"], True),
    "fill-mode-unknown": (lambda m: m.Boxes3D(half_sizes=[1, 1, 1], fill_mode="filled"), ["fill_mode", "filled"], True),
    "class-ids-strings": (lambda m: m.Points3D(P3, class_ids=["person"]), ["class_ids"], True),
    "boxes-sizes-and-half-sizes": (lambda m: m.Boxes3D(sizes=[1, 1, 1], half_sizes=[1, 1, 1]),
                                   ["sizes", "half_sizes"], True),
    "boxes-mins-and-centers": (lambda m: m.Boxes2D(sizes=[1, 1], mins=[0, 0], centers=[1, 1]), ["mins", "centers"], True),
    "boxes-mins-alone": (lambda m: m.Boxes3D(mins=[0, 0, 0]), ["mins"], True),
    "boxes2d-array-no-format": (lambda m: m.Boxes2D(array=[1, 2, 3, 4]), ["array_format"], True),
    "boxes2d-array-and-sizes": (lambda m: m.Boxes2D(array=[1, 2, 3, 4], array_format=m.Box2DFormat.XYWH,
                                                    sizes=[1, 1]), ["array", "sizes"], True),
    "boxes3d-rotations-and-quaternions": (lambda m: m.Boxes3D(half_sizes=[1, 1, 1], quaternions=[0, 0, 0, 1],
                                                              rotations=[0, 0, 0, 1]), ["rotations"], True),
    "transform-rotation-and-quaternion": (lambda m: m.Transform3D(rotation=m.Quaternion(xyzw=[0, 0, 0, 1]),
                                                                  quaternion=[0, 0, 0, 1]), ["rotation"], True),
    "transform-rotation-garbage": (lambda m: m.Transform3D(rotation="north"), ["rotation"], True),
    "transform-from-parent-and-relation": (lambda m: m.Transform3D(from_parent=True, relation="ChildFromParent"),
                                           ["from_parent", "relation"], True),
    "transform-relation-unknown": (lambda m: m.Transform3D(relation="SiblingOf"), ["relation", "siblingof"], True),
    "transform-mat-8-values": (lambda m: m.Transform3D(mat3x3=list(range(8))), ["mat3x3"], True),
    "transform-translation-2d": (lambda m: m.Transform3D(translation=[1, 2]), ["translation"], True),
    "quaternion-3-values": (lambda m: m.Transform3D(quaternion=[0, 0, 1]), ["quaternion"], True),
    "strips-2d-points-in-3d": (lambda m: m.LineStrips3D([[[0, 0], [1, 1]]]), ["strips"], True),
    "image-2-channels": (lambda m: m.Image(np.zeros((4, 4, 2), np.uint8)), ["image", "channels"], True),
    "image-4d": (lambda m: m.Image(np.zeros((2, 4, 4, 3), np.uint8)), ["image", "shape"], True),
    "image-strings": (lambda m: m.Image(np.array([["a", "b"], ["c", "d"]])), ["image", "dtype"], True),
    "image-color-model-mismatch": (lambda m: m.Image(np.zeros((4, 4, 3), np.uint8), "RGBA"), ["4 channels"], True),
    "image-nothing": (lambda m: m.Image(), ["image", "bytes"], True),
    "image-bytes-no-size": (lambda m: m.Image(bytes=b"\0" * 4, color_model="L", datatype="U8"),
                            ["width", "height"], True),
    "image-bytes-format-and-datatype": (lambda m: m.Image(bytes=b"\0" * 6, width=2, height=2, pixel_format="NV12",
                                                          datatype="U8"), ["datatype", "pixel_format"], True),
    "image-width-mismatch": (lambda m: m.Image(np.zeros((4, 5), np.uint8), width=4), ["width"], True),
    "depth-3-channels": (lambda m: m.DepthImage(np.zeros((4, 4, 3), np.uint16)), ["depthimage", "2d"], True),
    "segmentation-complex": (lambda m: m.SegmentationImage(np.zeros((2, 2), np.complex64)), ["dtype"], True),
    "encoded-both-path-and-contents": (lambda m: m.EncodedImage(path="x.png", contents=b"x"),
                                       ["path", "contents"], True),
    "encoded-contents-no-media-type": (lambda m: m.EncodedImage(contents=b"\x89PNG"), ["media_type"], True),
    "encoded-missing-file": (lambda m: m.EncodedImage(path="/nonexistent/x.png"), ["x.png"], True),
    "mesh-texture-2d": (lambda m: m.Mesh3D(vertex_positions=P3 + [[0, 0, 0]], albedo_texture=np.zeros((2, 2))),
                        ["albedo texture", "3 dimensions"], True),
    "tensor-dim-names-count": (lambda m: m.Tensor(np.zeros((2, 3)), dim_names=["a"]), ["dim_names"], True),
    "tensor-strings": (lambda m: m.Tensor(np.array(["a", "b"])), ["tensor"], True),
    "bar-chart-2d": (lambda m: m.BarChart(np.zeros((2, 3))), ["bar chart", "1-d"], True),
    "view-coordinates-unknown": (lambda m: m.ViewCoordinates(["Up", "Down", "Sideways"]), ["xyz"], True),
    "view-coordinates-two": (lambda m: m.ViewCoordinates([1, 2]), ["xyz", "3"], True),
    "pinhole-nothing": (lambda m: m.Pinhole(), ["image_from_camera", "focal_length"], True),
    # rerun silently uses the first two of three focal lengths.
    "pinhole-focal-3": (lambda m: m.Pinhole(focal_length=[1, 2, 3], width=2, height=2), ["focal_length"], False),
    "scalars-string": (lambda m: m.Scalars("abc"), ["scalars"], True),
    "scalars-dict": (lambda m: m.Scalars({"a": 1}), ["scalars"], True),
    "rotation-axis-angle-garbage": (lambda m: m.Boxes3D(half_sizes=[1, 1, 1], rotation_axis_angles=[(1, 2)]),
                                    ["rotation_axis_angles"], True),
}


def _rerun_rejects(make) -> bool:
    rerun.set_strict_mode(True)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            obj = make(rerun)
            obj.as_component_batches()
    except Exception:  # noqa: BLE001
        return True
    return False


@pytest.fixture
def strict():
    old = rr.strict_mode()
    rr.set_strict_mode(True)
    yield
    rr.set_strict_mode(old)


@pytest.fixture
def lenient():
    old = rr.strict_mode()
    rr.set_strict_mode(False)
    error_utils._reset_warned()
    yield
    rr.set_strict_mode(old)
    error_utils._reset_warned()


@pytest.mark.parametrize("case", list(BAD))
def test_strict_raises(case, strict):
    make, words, _ = BAD[case]
    with pytest.raises(RerunError) as info:
        make(rr)
    message = str(info.value).lower()
    for word in words:
        assert word in message, f"{word!r} not in {message!r}"


@pytest.mark.parametrize("case", [c for c, (_, _, rejects) in BAD.items() if rejects])
@pytest.mark.skipif(rerun is None, reason="rerun-sdk is not installed")
def test_rerun_rejects_too(case):
    assert _rerun_rejects(BAD[case][0])


@pytest.mark.parametrize("case", list(BAD))
def test_lenient_keeps_error(case, lenient):
    make, words, _ = BAD[case]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # building must not warn: the warning belongs to rr.log
        obj = make(rr)
    assert obj._error is not None
    message = obj._error.lower()
    assert message.startswith(type(obj).__name__.lower())
    for word in words:
        assert word in message, f"{word!r} not in {message!r}"
    assert obj.as_component_batches() == []


def test_log_warns_once_with_path_and_drops(lenient):
    rec = rr.RecordingStream("bad_input_test", send_properties=False)
    rec.set_log_time_enabled(False)
    rec.log("good", rr.Points3D(P3))
    bad = rr.Points3D(P3, colors="red")
    with pytest.warns(RerunWarning) as record:  # noqa: PT031 - the second call must stay silent
        rec.log("robot/arm", bad)
        rec.log("robot/arm", bad)  # same problem again: no second warning
    assert len(record) == 1
    message = str(record[0].message)
    assert "robot/arm" in message and "colors" in message and "Points3D" in message
    assert rec.store.entity_paths() == ["/good"]


def test_log_drops_whole_call_keeps_other_calls(lenient):
    rec = rr.RecordingStream("bad_input_test2", send_properties=False)
    rec.set_log_time_enabled(False)
    with pytest.warns(RerunWarning, match="points"):
        rec.log("points", rr.Points3D(P3, radii=["big"]), rr.AnyValues(parity_bad_extra=1.0))
    rec.log("points", rr.Points3D(P3))
    assert rec.store.entity_paths() == ["/points"]
    assert sorted(rec.store.components("/points")) == ["Points3D:positions"]


def test_pinhole_doubtful_input_warns_and_continues(lenient):
    # Rerun warns (raises in strict mode) but still logs the pinhole with a default focal length.
    with pytest.warns(RerunWarning, match="focal_length"):
        pinhole = rr.Pinhole(width=4, height=9)
    assert pinhole._error is None
    np.testing.assert_allclose(pinhole.image_from_camera[0], [6, 0, 0, 0, 6, 0, 2, 4.5, 1])


def test_strict_pinhole_doubtful_input_raises(strict):
    with pytest.raises(RerunError, match="focal_length"):
        rr.Pinhole(width=4, height=9)
