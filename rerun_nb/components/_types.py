"""The component types we support: Rerun 0.41 name, Arrow cell type and input converter."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyarrow as pa

from .._baseclasses import ComponentType
from ..datatypes import (
    AnnotationInfo,
    ClassDescription,
    Quaternion,
    RotationAxisAngle,
    TensorData,
    ViewDir,
    _RerunEnum,
)
from . import _convert as cv


def _fsl(t: pa.DataType, n: int) -> pa.DataType:
    return pa.list_(pa.field("item", t, False), n)


F32x2, F32x3, F32x4, F32x9 = (_fsl(pa.float32(), n) for n in (2, 3, 4, 9))


class FillMode(_RerunEnum):
    MajorWireframe = 1
    DenseWireframe = 2
    Solid = 3
    TransparentFillMajorWireframe = 4


class TransformRelation(_RerunEnum):
    ParentFromChild = 1
    ChildFromParent = 2


class PointShading(_RerunEnum):
    Gradient = 1
    Flat = 2


class MagnificationFilter(_RerunEnum):
    Nearest = 1
    Linear = 2
    Bicubic = 3


class MeshFaceRendering(_RerunEnum):
    DoubleSided = 1
    Front = 2
    Back = 3


class AggregationPolicy(_RerunEnum):
    Off = 1
    Average = 2
    Max = 3
    Min = 4
    MinMax = 5
    MinMaxAverage = 6


class InterpolationMode(_RerunEnum):
    Linear = 1
    StepAfter = 2
    StepBefore = 3
    StepMid = 4


class MarkerShape(_RerunEnum):
    Circle = 1
    Diamond = 2
    Square = 3
    Cross = 4
    Plus = 5
    Up = 6
    Down = 7
    Left = 8
    Right = 9
    Asterisk = 10


class Colormap(_RerunEnum):
    Grayscale = 1
    Inferno = 2
    Magma = 3
    Plasma = 4
    Turbo = 5
    Viridis = 6
    CyanToYellow = 7
    Spectral = 8
    Twilight = 9
    RvizMap = 10
    RvizCostmap = 11
    Costmap = 12


ROTATION_AXIS_ANGLE_TYPE = pa.struct(
    [pa.field("axis", F32x3, False), pa.field("angle", pa.float32(), False)]
)
IMAGE_FORMAT_TYPE = pa.struct([
    pa.field("width", pa.uint32(), False),
    pa.field("height", pa.uint32(), False),
    pa.field("pixel_format", pa.uint8()),
    pa.field("color_model", pa.uint8()),
    pa.field("channel_datatype", pa.uint8()),
])
_TENSOR_UNION_NAMES = ["_null_markers", "U8", "U16", "U32", "U64", "I8", "I16", "I32", "I64", "F16", "F32", "F64"]
_TENSOR_ARROW = [pa.null()] + [pa.list_(pa.field("item", t, False)) for t in (
    pa.uint8(), pa.uint16(), pa.uint32(), pa.uint64(), pa.int8(), pa.int16(), pa.int32(), pa.int64(),
    pa.float16(), pa.float32(), pa.float64())]
TENSOR_BUFFER_TYPE = pa.union(
    [pa.field(n, t, n == "_null_markers") for n, t in zip(_TENSOR_UNION_NAMES, _TENSOR_ARROW)], "dense",
    list(range(12)),
)
TENSOR_DATA_TYPE = pa.struct([
    pa.field("shape", pa.list_(pa.field("item", pa.uint64(), False)), False),
    pa.field("names", pa.list_(pa.field("item", pa.utf8(), False))),
    pa.field("buffer", TENSOR_BUFFER_TYPE),  # nullable in rerun-sdk's Python type, so here too
])
_INFO_TYPE = pa.struct([pa.field("id", pa.uint16(), False), pa.field("label", pa.utf8()),
                        pa.field("color", pa.uint32())])
_CLASS_DESC_TYPE = pa.struct([
    pa.field("info", _INFO_TYPE, False),
    pa.field("keypoint_annotations", pa.list_(pa.field("item", _INFO_TYPE, False)), False),
    pa.field("keypoint_connections", pa.list_(pa.field("item", pa.struct([
        pa.field("keypoint0", pa.uint16(), False), pa.field("keypoint1", pa.uint16(), False)]), False)), False),
])
ANNOTATION_CONTEXT_TYPE = pa.list_(pa.field("item", pa.struct([
    pa.field("class_id", pa.uint16(), False), pa.field("class_description", _CLASS_DESC_TYPE, False)]), False))


def rotation_axis_angle(data: Any) -> pa.Array:
    """RotationAxisAngle(s): one, or a sequence of them."""
    items = [data] if isinstance(data, RotationAxisAngle) else list(data)
    for item in items:
        if not isinstance(item, RotationAxisAngle):
            raise TypeError(f"expected rr.RotationAxisAngle, got {type(item).__name__}")
    axes = np.array([i.axis for i in items], np.float32).reshape(-1)
    angles = np.array([i.angle.radians for i in items], np.float32)
    return pa.StructArray.from_arrays(
        [pa.FixedSizeListArray.from_arrays(pa.array(axes, pa.float32()), type=F32x3), pa.array(angles, pa.float32())],
        fields=list(ROTATION_AXIS_ANGLE_TYPE),
    )


_VEC4 = cv.vec(4)


def quaternion(data: Any) -> np.ndarray:
    """Quaternions: rr.Quaternion(s), or raw xyzw values ((N, 4), flat, ...)."""
    if isinstance(data, Quaternion):
        return data.xyzw.reshape(1, 4).copy()
    if isinstance(data, (list, tuple)) and data and isinstance(data[0], Quaternion):
        return np.array([q.xyzw for q in data], np.float32).reshape(-1, 4)
    return _VEC4(data)


def tensor_data(data: Any) -> pa.Array:
    """One tensor (Rerun does not batch tensors): rr.datatypes.TensorData or anything array-like."""
    if isinstance(data, (list, tuple)) and data and isinstance(data[0], TensorData):
        if len(data) > 1:
            raise ValueError("tensors do not support batches")
        data = data[0]
    tensor = data if isinstance(data, TensorData) else TensorData(array=data)
    arr = tensor.array
    kind = {"u": "U", "i": "I", "f": "F"}[arr.dtype.kind] + str(arr.dtype.itemsize * 8)
    type_code = _TENSOR_UNION_NAMES.index(kind)
    flat = pa.array(np.ascontiguousarray(arr).reshape(-1))
    child = pa.ListArray.from_arrays(pa.array([0, len(flat)], pa.int32()), flat).cast(_TENSOR_ARROW[type_code])
    children = [pa.nulls(0, t) if i != type_code else child for i, t in enumerate(_TENSOR_ARROW)]
    buffer = pa.Array.from_buffers(
        TENSOR_BUFFER_TYPE, 1,
        [None, pa.py_buffer(np.array([type_code], np.int8)), pa.py_buffer(np.array([0], np.int32))],
        children=children,
    )
    shape = pa.array([list(arr.shape)], pa.list_(pa.field("item", pa.uint64(), False)))
    names = [tensor.names] if tensor.names is not None else [None]
    names_arr = pa.array(names, pa.list_(pa.field("item", pa.utf8(), False)))
    return pa.StructArray.from_arrays([shape, names_arr, buffer], fields=list(TENSOR_DATA_TYPE))


def _info_dict(info: AnnotationInfo) -> dict:
    color = None if info.color is None else int(cv.color(info.color)[0])
    label = None if info.label is None else str(info.label)
    return {"id": info.id, "label": label, "color": color}


def annotation_context(data: Any) -> pa.Array:
    """An AnnotationContext: ClassDescriptions, AnnotationInfos, (id, label, color) tuples or ids."""
    items = [data] if isinstance(data, (ClassDescription, AnnotationInfo)) else list(data)
    classes = []
    for item in items:
        desc = item if isinstance(item, ClassDescription) else ClassDescription(info=item)
        classes.append({
            "class_id": desc.info.id,
            "class_description": {
                "info": _info_dict(desc.info),
                "keypoint_annotations": [_info_dict(k) for k in desc.keypoint_annotations],
                "keypoint_connections": [
                    {"keypoint0": k.keypoint0, "keypoint1": k.keypoint1} for k in desc.keypoint_connections
                ],
            },
        })
    return pa.array([classes], ANNOTATION_CONTEXT_TYPE)


def image_format(data: Any) -> pa.Array:
    """ImageFormat struct(s): a pyarrow array of the right type, or dicts with Rerun's field names."""
    if isinstance(data, pa.Array):
        return data.cast(IMAGE_FORMAT_TYPE) if data.type != IMAGE_FORMAT_TYPE else data
    batch_data = getattr(data, "_rnb_data", None)
    if isinstance(batch_data, pa.Array):
        return image_format(batch_data)
    return pa.array(data if isinstance(data, list) else [data], IMAGE_FORMAT_TYPE)


_DIR_LETTERS = {"U": ViewDir.Up, "D": ViewDir.Down, "R": ViewDir.Right, "L": ViewDir.Left, "F": ViewDir.Forward,
                "B": ViewDir.Back}


def _view_dirs(item: Any) -> list[int]:
    if isinstance(item, str) and len(item) == 3 and item.upper() == item:
        item = [_DIR_LETTERS[c] for c in item]  # "RDF": our shorthand for the constants' names
    dirs = [ViewDir.auto(v).value for v in item]
    if len(dirs) != 3:
        raise ValueError(f"view coordinates need 3 directions, got {len(dirs)}")
    return dirs


def view_coordinates(data: Any) -> np.ndarray:
    """ViewCoordinates: 3 directions (ViewDir members, names or values), one or a batch; or a constant."""
    batch_data = getattr(data, "_rnb_data", None)  # a components.ViewCoordinates batch
    if batch_data is None and not isinstance(data, (list, tuple, str, np.ndarray)):
        batch_data = getattr(data, "xyz", None)  # an rr.ViewCoordinates archetype, e.g. rr.ViewCoordinates.RDF
    if isinstance(batch_data, np.ndarray):
        return batch_data.copy()
    if isinstance(data, str) or not any(hasattr(item, "__len__") and not isinstance(item, str) for item in data):
        rows = [_view_dirs(data)]  # one orientation: 3 directions
    else:
        rows = [_view_dirs(item) for item in data]
    return np.array(rows, np.uint8).reshape(-1, 3)


def text_log_level(data: Any) -> pa.Array:
    return cv.utf8(data)


def _ct(name: str, arrow_type: pa.DataType, convert) -> ComponentType:
    return ComponentType(f"rerun.components.{name}", arrow_type, convert)


_F32 = cv.scalar(np.float32)
COMPONENT_TYPES: dict[str, ComponentType] = {ct.name.rsplit(".", 1)[1]: ct for ct in [
    _ct("Position3D", F32x3, cv.vec(3)),
    _ct("Position2D", F32x2, cv.vec(2)),
    _ct("Vector3D", F32x3, cv.vec(3)),
    _ct("Vector2D", F32x2, cv.vec(2)),
    _ct("HalfSize3D", F32x3, cv.vec(3)),
    _ct("HalfSize2D", F32x2, cv.vec(2)),
    _ct("Translation3D", F32x3, cv.vec(3)),
    _ct("Scale3D", F32x3, cv.vec(3)),
    _ct("Texcoord2D", F32x2, cv.vec(2)),
    _ct("Resolution", F32x2, cv.vec(2)),
    _ct("RotationQuat", F32x4, quaternion),
    _ct("TransformMat3x3", F32x9, cv.mat3x3),
    _ct("PinholeProjection", F32x9, cv.mat3x3),
    _ct("TriangleIndices", _fsl(pa.uint32(), 3), cv.vec(3, np.uint32)),
    _ct("ViewCoordinates", _fsl(pa.uint8(), 3), view_coordinates),
    _ct("ValueRange", _fsl(pa.float64(), 2), cv.vec(2, np.float64)),
    _ct("Radius", pa.float32(), _F32),
    _ct("DrawOrder", pa.float32(), _F32),
    _ct("ImagePlaneDistance", pa.float32(), _F32),
    _ct("Opacity", pa.float32(), _F32),
    _ct("Length", pa.float32(), _F32),
    _ct("StrokeWidth", pa.float32(), _F32),
    _ct("MarkerSize", pa.float32(), _F32),
    _ct("DepthMeter", pa.float32(), _F32),
    _ct("FillRatio", pa.float32(), _F32),
    _ct("Scalar", pa.float64(), cv.scalar(np.float64)),
    _ct("Timestamp", pa.int64(), cv.scalar(np.int64)),
    _ct("ClassId", pa.uint16(), cv.scalar(np.uint16)),
    _ct("KeypointId", pa.uint16(), cv.scalar(np.uint16)),
    _ct("Color", pa.uint32(), cv.color),
    _ct("AlbedoFactor", pa.uint32(), cv.color),
    _ct("Text", pa.utf8(), cv.utf8),
    _ct("Name", pa.utf8(), cv.utf8),
    _ct("MediaType", pa.utf8(), cv.utf8),
    _ct("TransformFrameId", pa.utf8(), cv.utf8),
    _ct("TextLogLevel", pa.utf8(), text_log_level),
    _ct("ShowLabels", pa.bool_(), cv.boolean),
    _ct("Visible", pa.bool_(), cv.boolean),
    _ct("ClearIsRecursive", pa.bool_(), cv.boolean),
    _ct("FillMode", pa.uint8(), cv.enum_u8(FillMode)),
    _ct("TransformRelation", pa.uint8(), cv.enum_u8(TransformRelation)),
    _ct("PointShading", pa.uint8(), cv.enum_u8(PointShading)),
    _ct("MagnificationFilter", pa.uint8(), cv.enum_u8(MagnificationFilter)),
    _ct("MeshFaceRendering", pa.uint8(), cv.enum_u8(MeshFaceRendering)),
    _ct("AggregationPolicy", pa.uint8(), cv.enum_u8(AggregationPolicy)),
    _ct("InterpolationMode", pa.uint8(), cv.enum_u8(InterpolationMode)),
    _ct("MarkerShape", pa.uint8(), cv.enum_u8(MarkerShape)),
    _ct("Colormap", pa.uint8(), cv.enum_u8(Colormap)),
    _ct("LineStrip3D", pa.list_(pa.field("item", F32x3, False)), cv.strips(3)),
    _ct("LineStrip2D", pa.list_(pa.field("item", F32x2, False)), cv.strips(2)),
    _ct("ImageBuffer", cv.BLOB_TYPE, cv.blob),
    _ct("Blob", cv.BLOB_TYPE, cv.blob),
    _ct("RotationAxisAngle", ROTATION_AXIS_ANGLE_TYPE, rotation_axis_angle),
    _ct("ImageFormat", IMAGE_FORMAT_TYPE, image_format),
    _ct("TensorData", TENSOR_DATA_TYPE, tensor_data),
    _ct("AnnotationContext", ANNOTATION_CONTEXT_TYPE, annotation_context),
]}
