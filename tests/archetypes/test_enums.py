"""Enums and constants match rerun-sdk 0.41: ViewCoordinates, TextLogLevel, MediaType, component and datatype enums."""

from __future__ import annotations

import enum

import numpy as np
import pytest
from _parity import rerun

import rerun_nb as rr

pytestmark = pytest.mark.skipif(rerun is None, reason="rerun-sdk is not installed (CI installs rerun-sdk==0.41.0)")


def _view_coordinate_names():
    from rerun.archetypes.view_coordinates_ext import ViewCoordinatesExt

    return list(ViewCoordinatesExt.__annotations__)


def test_view_coordinates_constants():
    names = _view_coordinate_names()
    assert len(names) == 60  # 48 axis permutations + 12 handedness aliases
    for name in names:
        theirs = [d.value for d in getattr(rerun.ViewCoordinates, name).coordinates]
        ours = getattr(rr.ViewCoordinates, name)
        assert ours.xyz.tolist() == [theirs], name


def test_view_coordinates_constants_are_loggable_and_usable_as_camera_xyz():
    batches = rr.ViewCoordinates.RIGHT_HAND_Z_UP.as_component_batches()
    assert [b.component_descriptor().component for b in batches] == ["ViewCoordinates:xyz"]
    pinhole = rr.Pinhole(focal_length=1, width=2, height=2, camera_xyz=rr.ViewCoordinates.RDF)
    assert pinhole.camera_xyz.tolist() == [[3, 2, 5]]
    assert not hasattr(rr.ViewCoordinates, "XYZ")


def test_text_log_level_constants():
    for name in ("CRITICAL", "ERROR", "WARN", "INFO", "DEBUG", "TRACE"):
        ours = getattr(rr.TextLogLevel, name)
        theirs = getattr(rerun.TextLogLevel, name)
        assert ours == name == str(theirs)
        assert rr.components.TextLogLevel.INFO.as_arrow_array().to_pylist() == ["INFO"]


def test_media_type_constants():
    names = [n for n in dir(rerun.components.MediaType) if n.isupper() and not n.startswith("_")]
    assert names
    for name in names:
        theirs = getattr(rerun.components.MediaType, name)
        ours = getattr(rr.components.MediaType, name)
        assert ours.as_arrow_array().to_pylist() == [str(theirs)], name


def _enums(module):
    return {n: getattr(module, n) for n in dir(module)
            if isinstance(getattr(module, n), type) and issubclass(getattr(module, n), enum.Enum)}


def _check_enum(ours, theirs):
    assert [(m.name, m.value) for m in ours] == [(m.name, m.value) for m in theirs]
    for o, t in zip(ours, theirs):
        assert str(o) == str(t)
        assert ours.auto(t.name.lower()) is o
        assert ours.auto(t.name.upper()) is o
        assert ours.auto(t.value) is o
        assert ours.auto(o) is o


COMPONENT_ENUMS = sorted(_enums(rr.components))


@pytest.mark.parametrize("name", COMPONENT_ENUMS)
def test_component_enums(name):
    _check_enum(getattr(rr.components, name), getattr(rerun.components, name))


def test_component_enums_we_lack_are_the_unsupported_archetypes_only():
    missing = sorted(set(_enums(rerun.components)) - set(COMPONENT_ENUMS))
    assert missing == ["EntryKind"]  # the cloud catalog: excluded (tests/api/_surface.py)


@pytest.mark.parametrize("name", ["ColorModel", "ChannelDatatype", "PixelFormat", "ViewDir"])
def test_datatype_enums(name):
    _check_enum(getattr(rr.datatypes, name), getattr(rerun.encodings, name))


@pytest.mark.parametrize("dtype", ["uint8", "uint16", "uint32", "uint64", "int8", "int16", "int32", "int64",
                                   "float16", "float32", "float64"])
def test_channel_datatype_numpy_round_trip(dtype):
    ours = rr.datatypes.ChannelDatatype.from_np_dtype(np.dtype(dtype))
    theirs = rerun.encodings.ChannelDatatype.from_np_dtype(np.dtype(dtype))
    assert (ours.name, ours.value) == (theirs.name, theirs.value)
    assert ours.to_np_dtype() == theirs.to_np_dtype()


def test_color_model_channels():
    for ours, theirs in zip(rr.datatypes.ColorModel, rerun.encodings.ColorModel):
        assert ours.num_channels() == theirs.num_channels()


def test_box2d_format():
    assert [(m.name, m.value) for m in rr.Box2DFormat] == [(m.name, m.value) for m in rerun.Box2DFormat]


def test_enum_names_and_ints_log_the_same_value():
    for value in (rr.components.FillMode.Solid, "Solid", "solid", 3):
        assert rr.Boxes3D(half_sizes=[1, 1, 1], fill_mode=value).fill_mode.tolist() == [3]
