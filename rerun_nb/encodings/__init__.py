"""`rerun.encodings` of rerun-sdk 0.41: every datatype, its batch class and its `Like`/`ArrayLike` aliases.

(`rerun.datatypes` is 0.41's deprecated name for this module; `rerun_nb.datatypes` forwards to it.)
A datatype batch (`Vec3DBatch`, `Rgba32Batch`, ...) converts input exactly like the components built on it,
and a single datatype value (`Vec3D(xyz)`, `Rgba32(rgba)`, `Utf8Pair(first, second)`) is a batch of one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pyarrow as pa

from .._baseclasses import ComponentType
from ..components import _convert as cv
from ..components import _types as _ctypes
from ..components._single import _mat3x3, _plane
from ..datatypes import (
    Angle,
    AnnotationInfo,
    ChannelDatatype,
    ClassDescription,
    ColorModel,
    KeypointPair,
    PixelFormat,
    Quaternion,
    RotationAxisAngle,
    TensorData,
    ViewDir,
)
from ._base import DatatypeBatch, value_class
from ._table import DATATYPES, SINGLE
from ._time_ranges import (
    TensorBuffer,
    TimeInt,
    TimeRange,
    TimeRangeBoundary,
    VisibleTimeRange,
    time_range_types,
)

__all__ = ["DatatypeBatch"]
_HAND_WRITTEN = {
    "Angle": Angle, "AnnotationInfo": AnnotationInfo, "ClassDescription": ClassDescription,
    "KeypointPair": KeypointPair, "Quaternion": Quaternion, "RotationAxisAngle": RotationAxisAngle,
    "TensorData": TensorData, "TimeInt": TimeInt, "TimeRangeBoundary": TimeRangeBoundary, "TimeRange": TimeRange,
    "VisibleTimeRange": VisibleTimeRange, "TensorBuffer": TensorBuffer,
    "ChannelDatatype": ChannelDatatype, "ColorModel": ColorModel, "PixelFormat": PixelFormat, "ViewDir": ViewDir,
}


def _class_descriptions(data: Any) -> pa.Array:
    items = [data] if isinstance(data, ClassDescription | AnnotationInfo) else list(data)
    return _ctypes.annotation_context(items).flatten().field("class_description")


def _class_map_elems(data: Any) -> pa.Array:
    items = [data] if not isinstance(data, list) else data
    pairs = [(getattr(i, "class_id", None), getattr(i, "class_description", None)) if not isinstance(i, tuple)
             else i for i in items]
    descs = [d if isinstance(d, ClassDescription) else ClassDescription(info=d) for _, d in pairs]
    for (cid, _), desc in zip(pairs, descs):
        desc.info.id = int(cid)
    return _ctypes.annotation_context(descs).flatten()


class ClassDescriptionMapElem:
    """One class of an annotation context: `class_id` and its `ClassDescription`."""

    def __init__(self, class_id: Any, class_description: Any) -> None:
        self.class_id = int(class_id)
        self.class_description = class_description


_HAND_WRITTEN["ClassDescriptionMapElem"] = ClassDescriptionMapElem


def _angles(data: Any) -> np.ndarray:
    items = [data] if isinstance(data, Angle | int | float) else list(data)
    return np.array([i.radians if isinstance(i, Angle) else float(i) for i in items], np.float32)


_MORE: dict[str, ComponentType] = {
    **time_range_types(),
    "Angle": ComponentType("rerun.datatypes.Angle", pa.float32(), _angles),
    "ClassDescription": ComponentType("rerun.datatypes.ClassDescription",
                                      _ctypes.ANNOTATION_CONTEXT_TYPE.value_type.field("class_description").type,
                                      _class_descriptions),
    "ClassDescriptionMapElem": ComponentType("rerun.datatypes.ClassDescriptionMapElem",
                                             _ctypes.ANNOTATION_CONTEXT_TYPE.value_type, _class_map_elems),
    **{e.__name__: ComponentType(f"rerun.datatypes.{e.__name__}", pa.uint8(), cv.enum_u8(e))
       for e in (ChannelDatatype, ColorModel, PixelFormat, ViewDir)},
}
_ALL_TYPES = {**DATATYPES, **_MORE}


def _mat4x4_rows(rows: Any = None, columns: Any = None) -> np.ndarray:
    """The matrix as rows (the batch converter stores it column-major)."""
    if (rows is None) == (columns is None):
        raise ValueError("Mat4x4: give exactly one of `rows` or `columns`")
    if rows is not None:
        return np.asarray(rows, np.float32).reshape(4, 4)
    return np.asarray(columns, np.float32).reshape(4, 4).T


def _image_format(width: Any, height: Any, pixel_format: Any = None, color_model: Any = None,
                  channel_datatype: Any = None) -> Any:
    from ..components import ImageFormat as ImageFormatComponent

    return ImageFormatComponent(width, height, pixel_format=pixel_format, color_model=color_model,
                                channel_datatype=channel_datatype).data


def _install() -> None:
    builders = {"Mat3x3": _mat3x3, "Mat4x4": _mat4x4_rows,
        "Plane3D": _plane, "ImageFormat": _image_format}
    for name, ct in _ALL_TYPES.items():
        batch = type(f"{name}Batch", (DatatypeBatch,), {"_component_type": ct, "__module__": __name__,
                                                        "__doc__": f"A batch of `{name}` datatype values."})
        globals()[f"{name}Batch"] = batch
        __all__.append(f"{name}Batch")
        if name in _HAND_WRITTEN:
            globals()[name] = _HAND_WRITTEN[name]
        elif name in SINGLE:
            params, build = SINGLE[name]
            globals()[name] = value_class(name, batch, params, build or builders[name], __name__)
        __all__.append(name)
        _aliases(name, ct.arrow_type)


# Rerun 0.41 declares `XLike = X` for these (only the class itself is accepted as one value).
_LIKE_IS_THE_CLASS = {"AbsoluteTimeRange", "ImageFormat", "Plane3D", "Quaternion", "Range2D", "RotationAxisAngle",
                      "TensorDimensionIndexSelection", "TimeRange", "VisibleTimeRange"}


def _aliases(name: str, arrow_type: pa.DataType) -> None:
    """`XLike` (one value, in any accepted form) and `XArrayLike` (a batch), as typing aliases (hints only)."""
    cls = globals()[name]
    if name in _LIKE_IS_THE_CLASS:
        like: Any = cls
    elif pa.types.is_string(arrow_type):
        like = cls | str
    elif pa.types.is_boolean(arrow_type):
        like = cls | bool
    elif pa.types.is_integer(arrow_type):
        like = cls | int | np.integer
    elif pa.types.is_floating(arrow_type):
        like = cls | float | int | np.number
    else:
        like = cls | Sequence[Any] | np.ndarray
    globals()[f"{name}Like"] = like
    globals()[f"{name}ArrayLike"] = like | Sequence[like] | np.ndarray
    __all__.extend([f"{name}Like", f"{name}ArrayLike"])


_install()
