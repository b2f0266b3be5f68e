"""Datatypes that appear inside components: rotations, image format enums, tensor data.

Same names and constructors as `rerun.datatypes` in 0.41 for the ones we support.
"""

from __future__ import annotations

import enum
from typing import Any

import numpy as np

__all__ = [
    "Angle",
    "RotationAxisAngle",
    "Quaternion",
    "ColorModel",
    "ChannelDatatype",
    "PixelFormat",
    "TensorData",
    "ClassDescription",
    "AnnotationInfo",
    "KeypointPair",
]


class Angle:
    """An angle, given in `rad=` or `deg=`; stored in radians."""

    __slots__ = ("radians",)

    def __init__(self, rad: float | None = None, deg: float | None = None):
        if (rad is None) == (deg is None):
            raise ValueError("Angle: give exactly one of `rad` or `deg`")
        self.radians = float(rad) if rad is not None else float(np.deg2rad(deg))

    def __repr__(self) -> str:
        return f"Angle(rad={self.radians})"


class RotationAxisAngle:
    """A rotation of `angle` around `axis` (axis need not be normalized)."""

    __slots__ = ("axis", "angle")

    def __init__(self, axis: Any, angle: Angle | float | None = None, *, radians: float | None = None,
                 degrees: float | None = None):
        given = sum(x is not None for x in (angle, radians, degrees))
        if given != 1:
            raise ValueError("RotationAxisAngle: give exactly one of `angle`, `radians` or `degrees`")
        axis_arr = np.asarray(axis, dtype=np.float32).reshape(-1)
        if axis_arr.shape != (3,):
            raise ValueError(f"RotationAxisAngle: axis must have 3 values, got {axis_arr.shape}")
        self.axis = axis_arr
        if angle is not None:
            self.angle = Angle(rad=angle.radians if isinstance(angle, Angle) else float(angle))
        elif radians is not None:
            self.angle = Angle(rad=radians)
        else:
            self.angle = Angle(deg=degrees)

    def __repr__(self) -> str:
        return f"RotationAxisAngle(axis={self.axis.tolist()}, radians={self.angle.radians})"


class Quaternion:
    """A rotation quaternion given as `xyzw=[x, y, z, w]` (Rerun's order)."""

    __slots__ = ("xyzw",)

    def __init__(self, *, xyzw: Any):
        arr = np.asarray(xyzw, dtype=np.float32).reshape(-1)
        if arr.shape != (4,):
            raise ValueError(f"Quaternion: xyzw must have 4 values, got {arr.shape}")
        self.xyzw = arr

    @classmethod
    def identity(cls) -> Quaternion:
        return cls(xyzw=[0, 0, 0, 1])

    def __repr__(self) -> str:
        return f"Quaternion(xyzw={self.xyzw.tolist()})"


class ColorModel(enum.IntEnum):
    L = 1
    RGB = 2
    RGBA = 3
    BGR = 4
    BGRA = 5


class ChannelDatatype(enum.IntEnum):
    U8 = 6
    I8 = 7
    U16 = 8
    I16 = 9
    U32 = 10
    I32 = 11
    U64 = 12
    I64 = 13
    F16 = 33
    F32 = 34
    F64 = 35

    @classmethod
    def from_np_dtype(cls, dtype: Any) -> ChannelDatatype:
        name = {"u": "U", "i": "I", "f": "F"}.get(np.dtype(dtype).kind)
        member = getattr(cls, f"{name}{np.dtype(dtype).itemsize * 8}", None) if name else None
        if member is None:
            raise ValueError(f"unsupported image channel dtype {np.dtype(dtype)}")
        return member

    def to_np_dtype(self) -> np.dtype:
        return np.dtype({"U": "u", "I": "i", "F": "f"}[self.name[0]] + str(int(self.name[1:]) // 8))


class PixelFormat(enum.IntEnum):
    Y_U_V12_LimitedRange = 20
    NV12 = 26
    YUY2 = 27
    Y8_FullRange = 30
    Y_U_V24_LimitedRange = 39
    Y_U_V24_FullRange = 40
    Y8_LimitedRange = 41
    Y_U_V12_FullRange = 44
    Y_U_V16_LimitedRange = 49
    Y_U_V16_FullRange = 50
    BayerRGGB8 = 128
    BayerBGGR8 = 129
    BayerGBRG8 = 130
    BayerGRBG8 = 131


class TensorData:
    """An n-dimensional array with optional dimension names (`array=`, `dim_names=`)."""

    __slots__ = ("array", "names")

    def __init__(self, *, array: Any = None, dim_names: Any = None, shape: Any = None, buffer: Any = None,
                 names: Any = None):
        if array is None:
            if buffer is None or shape is None:
                raise ValueError("TensorData: give `array`, or `shape` and `buffer`")
            array = np.asarray(buffer).reshape([int(s) for s in shape])
        arr = np.asarray(array)
        if arr.dtype.kind not in "biuf":
            raise TypeError(f"TensorData: expected a numeric array, got {arr.dtype}")
        if arr.dtype == bool:
            arr = arr.astype(np.uint8)
        self.array = np.array(arr)
        dim_names = dim_names if dim_names is not None else names
        if dim_names is not None:
            dim_names = [str(n) for n in dim_names]
            if len(dim_names) != self.array.ndim:
                raise ValueError(f"TensorData: {len(dim_names)} dim_names for {self.array.ndim} dimensions")
        self.names = dim_names


class AnnotationInfo:
    """Label and color of a class id or keypoint id."""

    __slots__ = ("id", "label", "color")

    def __init__(self, id: int, label: str | None = None, color: Any = None):
        self.id = int(id)
        self.label = label
        self.color = color


class KeypointPair:
    __slots__ = ("keypoint0", "keypoint1")

    def __init__(self, keypoint0: int, keypoint1: int):
        self.keypoint0 = int(keypoint0)
        self.keypoint1 = int(keypoint1)


class ClassDescription:
    """A class in an AnnotationContext: its info, keypoint annotations and keypoint connections."""

    __slots__ = ("info", "keypoint_annotations", "keypoint_connections")

    def __init__(self, *, info: Any, keypoint_annotations: Any = (), keypoint_connections: Any = ()):
        self.info = _as_info(info)
        self.keypoint_annotations = [_as_info(k) for k in keypoint_annotations]
        self.keypoint_connections = [
            k if isinstance(k, KeypointPair) else KeypointPair(*k) for k in keypoint_connections
        ]


def _as_info(info: Any) -> AnnotationInfo:
    if isinstance(info, AnnotationInfo):
        return info
    if isinstance(info, (tuple, list)):
        return AnnotationInfo(*info)
    if isinstance(info, int):
        return AnnotationInfo(info)
    raise TypeError(f"expected AnnotationInfo or (id, label, color), got {type(info).__name__}")
