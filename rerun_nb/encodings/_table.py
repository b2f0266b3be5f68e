"""Every datatype of rerun-sdk 0.41's `rerun.encodings`: Arrow type, converter, and single-value constructor.

Converters are the components' (`rerun_nb.components._convert`) wherever Rerun's component and datatype
share a layout, so `Vec3DBatch` and `Position3DBatch` convert the same inputs to the same values.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyarrow as pa

from .._baseclasses import ComponentType
from ..components import COMPONENT_TYPES as C
from ..components import _convert as cv
from ..components._types_more import _structs
from ._base import KW, param


def _fsl(t: pa.DataType, n: int) -> pa.DataType:
    return pa.list_(pa.field("item", t, False), n)


def _dt(name: str, arrow_type: pa.DataType, convert: Any) -> ComponentType:
    return ComponentType(f"rerun.datatypes.{name}", arrow_type, convert)


def _like(component: str, name: str) -> ComponentType:
    ct = C[component]
    return _dt(name, ct.arrow_type, ct.convert)


def mat4x4(data: Any) -> np.ndarray:
    """4x4 matrices given row-major as (4, 4), 16 values, or a batch of those; stored column-major (N, 16)."""
    cv._check_numeric(data)
    arr = np.array(data, dtype=np.float32)
    if arr.size == 16:
        arr = arr.reshape(1, 4, 4)
    elif arr.size % 16 == 0 and arr.size:
        arr = arr.reshape(-1, 4, 4)
    elif arr.size == 0:
        return np.empty((0, 16), np.float32)
    else:
        raise ValueError(f"expected a 4x4 matrix (or a batch of them), got shape {arr.shape}")
    return np.ascontiguousarray(arr.transpose(0, 2, 1)).reshape(-1, 16)


def _uuid(data: Any) -> np.ndarray:
    items = [data] if isinstance(data, bytes | bytearray) else list(data)
    rows = []
    for item in items:
        raw = bytes(item) if isinstance(item, bytes | bytearray) else getattr(item, "bytes", None)
        if raw is None:
            raw = np.asarray(item, dtype=np.uint8).tobytes()
        if len(raw) != 16:
            raise ValueError(f"a UUID is 16 bytes, got {len(raw)}")
        rows.append(np.frombuffer(raw, np.uint8))
    return np.array(rows, np.uint8).reshape(-1, 16)


_RANGE1D = _fsl(pa.float64(), 2)
RANGE2D_TYPE = pa.struct([pa.field("x_range", _RANGE1D, False), pa.field("y_range", _RANGE1D, False)])
ABS_RANGE_TYPE = pa.struct([pa.field("min", pa.int64(), False), pa.field("max", pa.int64(), False)])
KEYPOINT_PAIR_TYPE = pa.struct([pa.field("keypoint0", pa.uint16(), False), pa.field("keypoint1", pa.uint16(), False)])
CHANNEL_COUNT_TYPE = pa.struct([pa.field("channel_id", pa.uint16(), False),
                                pa.field("message_count", pa.uint64(), False)])
_INFO_TYPE = pa.struct([pa.field("id", pa.uint16(), False), pa.field("label", pa.utf8()),
                        pa.field("color", pa.uint32())])


def _range2d(data: Any) -> pa.Array:
    items = [data] if hasattr(data, "x_range") else list(data)
    rows = []
    for item in items:
        x, y = (item.x_range, item.y_range) if hasattr(item, "x_range") else item
        rows.append({"x_range": [float(v) for v in np.asarray(x).reshape(2)],
                     "y_range": [float(v) for v in np.asarray(y).reshape(2)]})
    return pa.array(rows, RANGE2D_TYPE)


def _annotation_infos(data: Any) -> pa.Array:
    from ..datatypes import AnnotationInfo, _as_info

    items = [data] if isinstance(data, AnnotationInfo) or (isinstance(data, tuple) and data
                                                         and isinstance(data[0], int)) else list(data)
    rows = []
    for item in items:
        info = _as_info(item)
        color = None if info.color is None else int(cv.color(info.color)[0])
        rows.append({"id": info.id, "label": None if info.label is None else str(info.label), "color": color})
    return pa.array(rows, _INFO_TYPE)


DATATYPES: dict[str, ComponentType] = {
    "Vec2D": _like("Position2D", "Vec2D"),
    "Vec3D": _like("Position3D", "Vec3D"),
    "Vec4D": _dt("Vec4D", _fsl(pa.float32(), 4), cv.vec(4)),
    "DVec2D": _like("LatLon", "DVec2D"),
    "IVec3D": _like("VoxelIndex", "IVec3D"),
    "UVec2D": _dt("UVec2D", _fsl(pa.uint32(), 2), cv.vec(2, np.uint32)),
    "UVec3D": _dt("UVec3D", _fsl(pa.uint32(), 3), cv.vec(3, np.uint32)),
    "UVec4D": _dt("UVec4D", _fsl(pa.uint32(), 4), cv.vec(4, np.uint32)),
    "Float32": _like("Radius", "Float32"),
    "Float64": _like("Scalar", "Float64"),
    "UInt16": _like("ChannelId", "UInt16"),
    "UInt32": _like("SphericalHarmonicsDegree", "UInt32"),
    "UInt64": _like("Count", "UInt64"),
    "Bool": _like("Visible", "Bool"),
    "Utf8": _like("Text", "Utf8"),
    "EntityPath": _like("EntityPath", "EntityPath"),
    "Rgba32": _like("Color", "Rgba32"),
    "ClassId": _like("ClassId", "ClassId"),
    "KeypointId": _like("KeypointId", "KeypointId"),
    "Blob": _like("Blob", "Blob"),
    "Mat3x3": _like("TransformMat3x3", "Mat3x3"),
    "Mat4x4": _dt("Mat4x4", _fsl(pa.float32(), 16), mat4x4),
    "Plane3D": _like("Plane3D", "Plane3D"),
    "Range1D": _like("Range1D", "Range1D"),
    "Range2D": _dt("Range2D", RANGE2D_TYPE, _range2d),
    "Utf8Pair": _like("GraphEdge", "Utf8Pair"),
    "Uuid": _dt("Uuid", _fsl(pa.uint8(), 16), _uuid),
    "VideoTimestamp": _like("VideoTimestamp", "VideoTimestamp"),
    "ViewCoordinates": _like("ViewCoordinates", "ViewCoordinates"),
    "TimeInt": _dt("TimeInt", pa.int64(), cv.scalar(np.int64)),
    "AbsoluteTimeRange": _dt("AbsoluteTimeRange", ABS_RANGE_TYPE, _structs(ABS_RANGE_TYPE, ("min", "max"))),
    "KeypointPair": _dt("KeypointPair", KEYPOINT_PAIR_TYPE, _structs(KEYPOINT_PAIR_TYPE, ("keypoint0", "keypoint1"))),
    "ChannelCountPair": _dt("ChannelCountPair", CHANNEL_COUNT_TYPE,
                            _structs(CHANNEL_COUNT_TYPE, ("channel_id", "message_count"))),
    "TensorDimensionIndexSelection": _like("TensorDimensionIndexSelection", "TensorDimensionIndexSelection"),
    "TensorDimensionSelection": _like("TensorHeightDimension", "TensorDimensionSelection"),
    "ImageFormat": _like("ImageFormat", "ImageFormat"),
    "RotationAxisAngle": _like("RotationAxisAngle", "RotationAxisAngle"),
    "Quaternion": _like("RotationQuat", "Quaternion"),
    "SphericalHarmonics3Rgb": _like("SphericalHarmonics3Rgb", "SphericalHarmonics3Rgb"),
    "TensorData": _like("TensorData", "TensorData"),
    "AnnotationInfo": _dt("AnnotationInfo", _INFO_TYPE, _annotation_infos),
}

_E = param  # shorthand below: (name, default, kind)
# Datatype -> (constructor parameters, how they make the batch-of-one input). Hand-written classes
# (Angle, AnnotationInfo, ClassDescription, KeypointPair, Quaternion, RotationAxisAngle, TensorData, the
# time ranges) live in rerun_nb.datatypes / _time_ranges.py instead.
SINGLE: dict[str, tuple[list, Any]] = {
    **{n: ([_E("xy")], lambda xy: [xy]) for n in ("Vec2D", "DVec2D", "UVec2D")},
    **{n: ([_E("xyz")], lambda xyz: [xyz]) for n in ("Vec3D", "IVec3D", "UVec3D")},
    **{n: ([_E("xyzw")], lambda xyzw: [xyzw]) for n in ("Vec4D", "UVec4D")},
    **{n: ([_E("value")], lambda value: value) for n in ("Float32", "Float64", "UInt16", "UInt32", "UInt64",
                                                            "Bool", "Utf8")},
    "EntityPath": ([_E("path")], lambda path: path),
    "Rgba32": ([_E("rgba")], lambda rgba: rgba),
    "ClassId": ([_E("id")], lambda id: id),
    "KeypointId": ([_E("id")], lambda id: id),
    "Blob": ([_E("data")], lambda data: [data]),
    "Range1D": ([_E("range")], lambda range: [range]),
    "Range2D": ([_E("x_range"), _E("y_range")], lambda x_range, y_range: [(x_range, y_range)]),
    "Utf8Pair": ([_E("first"), _E("second")], lambda first, second: [(first, second)]),
    "Uuid": ([_E("bytes")], lambda bytes: [bytes]),
    "VideoTimestamp": ([_E("timestamp_ns")], lambda timestamp_ns: timestamp_ns),
    "ViewCoordinates": ([_E("coordinates")], lambda coordinates: coordinates),
    "SphericalHarmonics3Rgb": ([_E("coefficients")], lambda coefficients: coefficients),
    "AbsoluteTimeRange": ([_E("min"), _E("max")], lambda min, max: [(int(min), int(max))]),
    "ChannelCountPair": ([_E("channel_id"), _E("message_count")],
                         lambda channel_id, message_count: [(int(channel_id), int(message_count))]),
    "TensorDimensionIndexSelection": ([_E("dimension"), _E("index")],
                                      lambda dimension, index: [(int(dimension), int(index))]),
    "TensorDimensionSelection": ([_E("dimension"), _E("invert", False, KW)],
                                 lambda dimension, invert: [(int(dimension), bool(invert))]),
    "Mat3x3": ([_E("rows", None), _E("columns", None, KW)], None),  # filled in from the components' builder
    "Mat4x4": ([_E("rows", None), _E("columns", None, KW)], None),
    "Plane3D": ([_E("normal"), _E("distance", None)], None),
    "ImageFormat": ([_E("width"), _E("height"), _E("pixel_format", None, KW), _E("color_model", None, KW),
                     _E("channel_datatype", None, KW)], None),
}
