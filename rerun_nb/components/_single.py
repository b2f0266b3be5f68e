"""Single-value component classes with rerun-sdk 0.41's constructors: `Color(rgba)`, `Position3D(xyz)`,
`Timestamp(*, seq=, seconds=, nanos=)`, `GraphEdge(first, second)`, ...

Each is a batch of one instance (a subclass of the `XBatch` class), so it logs and converts exactly like the
batch; only the constructor's parameter names (and defaults) follow Rerun's.
"""

from __future__ import annotations

import inspect
from typing import Any

import numpy as np

# Component -> Rerun's name for the one positional parameter (and its default, if any).
SINGLE_PARAM: dict[str, tuple[str, Any]] = {
    **{name: ("value", inspect.Parameter.empty) for name in (
        "AxisLength", "Bool", "CellSize", "ChannelId", "Count", "DepthMeter", "DrawOrder", "FillRatio", "Flag",
        "GammaCorrection", "GraphNode", "ImagePlaneDistance", "Interactive", "IsKeyframe", "Length", "LinearSpeed",
        "MarkerSize", "MediaType", "Name", "Opacity", "OpticalDensity", "Radius", "Scalar", "SchemaId",
        "ShowLabels", "SphericalHarmonicsDegree", "StrokeWidth", "Text", "TextLogLevel", "TransformFrameId", "Unit",
        "Url", "Variance", "Visible", "VoxelValue")},
    **{name: ("xyz", inspect.Parameter.empty) for name in (
        "HalfSize3D", "Position3D", "Translation3D", "TriangleIndices", "Vector3D", "VoxelIndex", "VoxelSize")},
    **{name: ("xy", inspect.Parameter.empty) for name in (
        "HalfSize2D", "LatLon", "Position2D", "Resolution", "Texcoord2D", "Vector2D")},
    **{name: ("data", inspect.Parameter.empty) for name in ("Blob", "ImageBuffer", "Thumbnail", "VideoSample")},
    **{name: ("rgba", inspect.Parameter.empty) for name in ("AlbedoFactor", "Color")},
    **{name: ("id", inspect.Parameter.empty) for name in ("ClassId", "KeypointId")},
    **{name: ("points", inspect.Parameter.empty) for name in ("LineStrip2D", "LineStrip3D")},
    **{name: ("range", inspect.Parameter.empty) for name in ("Range1D", "ValueRange")},
    "AnnotationContext": ("class_map", inspect.Parameter.empty),
    "ChannelMessageCounts": ("counts", inspect.Parameter.empty),
    "ClearIsRecursive": ("recursive", True),
    "EntityPath": ("path", inspect.Parameter.empty),
    "KeyValuePairs": ("pairs", inspect.Parameter.empty),
    "SphericalHarmonics3Rgb": ("coefficients", inspect.Parameter.empty),
    "ViewCoordinates": ("coordinates", inspect.Parameter.empty),
}

_POS = inspect.Parameter.POSITIONAL_OR_KEYWORD
_KW = inspect.Parameter.KEYWORD_ONLY
_SELF = inspect.Parameter("self", _POS)


def single_value_class(name: str, batch_cls: type, module: str) -> type:
    """`name(<param>)`: one instance of `batch_cls`, the parameter named as in Rerun."""
    param, default = SINGLE_PARAM[name]
    sig = inspect.Signature([_SELF, inspect.Parameter(param, _POS, default=default)])

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        bound = sig.bind(self, *args, **kwargs)
        bound.apply_defaults()
        batch_cls.__init__(self, bound.arguments[param])

    __init__.__signature__ = sig
    __init__.__doc__ = f"One `{name}` (a batch of one instance)."
    return type(name, (batch_cls,), {"__init__": __init__, "__module__": module,
                                     "__doc__": f"**Component**: one {name} (Rerun's `{name}({param})`)."})


def _kw_only_class(name: str, batch_cls: type, module: str, params: list[inspect.Parameter], build: Any) -> type:
    from ..encodings._base import value_class  # not at import time: rerun_nb.encodings imports this module

    return value_class(name, batch_cls, params, build, module, what="Component")


def _p(name: str, default: Any = inspect.Parameter.empty, kind: Any = _POS) -> inspect.Parameter:
    return inspect.Parameter(name, kind, default=default)


def _one_of(what: str, **given: Any) -> tuple[str, Any]:
    chosen = [(k, v) for k, v in given.items() if v is not None]
    if len(chosen) != 1:
        raise ValueError(f"{what}: give exactly one of {', '.join(f'`{k}`' for k in given)}")
    return chosen[0]


def _timestamp(seq: Any = None, seconds: Any = None, nanos: Any = None) -> list[int]:
    kind, value = _one_of("Timestamp", seq=seq, seconds=seconds, nanos=nanos)
    return [int(value * 1e9) if kind == "seconds" else int(value)]


def _video_timestamp(nanoseconds: Any = None, seconds: Any = None) -> list[int]:
    kind, value = _one_of("VideoTimestamp", nanoseconds=nanoseconds, seconds=seconds)
    return [int(value * 1e9 + 0.5) if kind == "seconds" else int(value)]


def _mat3x3(rows: Any = None, columns: Any = None) -> Any:
    kind, value = _one_of("a 3x3 matrix", rows=rows, columns=columns)
    arr = np.asarray(value, dtype=np.float32).reshape(3, 3)
    return arr if kind == "rows" else arr.T


def _rotation_axis_angle(axis: Any, angle: Any = None, radians: Any = None, degrees: Any = None) -> Any:
    from ..datatypes import RotationAxisAngle

    return RotationAxisAngle(axis, angle, radians=radians, degrees=degrees)


def _plane(normal: Any, distance: Any = None) -> list[list[float]]:
    n = np.asarray(normal, dtype=np.float32).reshape(3)
    return [[*n.tolist(), float(distance or 0.0)]]


def _tensor(shape: Any = None, buffer: Any = None, array: Any = None, dim_names: Any = None) -> Any:
    from ..datatypes import TensorData

    return TensorData(shape=shape, buffer=buffer, array=array, dim_names=dim_names)


def special_classes(batches: dict[str, type], module: str) -> dict[str, type]:
    """The components whose Rerun constructor takes several (or keyword-only) parameters."""
    out = {
        "GraphEdge": _kw_only_class("GraphEdge", batches["GraphEdge"], module, [_p("first"), _p("second")],
                                    lambda first, second: [(first, second)]),
        "GeoLineString": _kw_only_class("GeoLineString", batches["GeoLineString"], module, [_p("lat_lon", kind=_KW)],
                                        lambda lat_lon: [lat_lon]),
        "RotationQuat": _kw_only_class("RotationQuat", batches["RotationQuat"], module, [_p("xyzw", kind=_KW)],
                                       lambda xyzw: [xyzw]),
        "Timestamp": _kw_only_class("Timestamp", batches["Timestamp"], module,
                                    [_p("seq", None, _KW), _p("seconds", None, _KW), _p("nanos", None, _KW)],
                                    _timestamp),
        "VideoTimestamp": _kw_only_class("VideoTimestamp", batches["VideoTimestamp"], module,
                                         [_p("nanoseconds", None, _KW), _p("seconds", None, _KW)], _video_timestamp),
        "RotationAxisAngle": _kw_only_class(
            "RotationAxisAngle", batches["RotationAxisAngle"], module,
            [_p("axis"), _p("angle", None), _p("radians", None, _KW), _p("degrees", None, _KW)], _rotation_axis_angle),
        "Plane3D": _kw_only_class("Plane3D", batches["Plane3D"], module, [_p("normal"), _p("distance", None)], _plane),
        "TensorData": _kw_only_class(
            "TensorData", batches["TensorData"], module,
            [_p("shape", None, _KW), _p("buffer", None, _KW), _p("array", None, _KW), _p("dim_names", None, _KW)],
            _tensor),
        "TensorDimensionIndexSelection": _kw_only_class(
            "TensorDimensionIndexSelection", batches["TensorDimensionIndexSelection"], module,
            [_p("dimension"), _p("index")], lambda dimension, index: [(int(dimension), int(index))]),
    }
    for name in ("TensorHeightDimension", "TensorWidthDimension"):
        out[name] = _kw_only_class(name, batches[name], module, [_p("dimension"), _p("invert", False, _KW)],
                                   lambda dimension, invert: [(int(dimension), bool(invert))])
    for name in ("TransformMat3x3", "PinholeProjection"):
        out[name] = _kw_only_class(name, batches[name], module, [_p("rows", None), _p("columns", None, _KW)],
                                   _mat3x3)
    return out
