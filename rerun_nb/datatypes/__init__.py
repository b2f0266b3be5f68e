"""Datatypes that appear inside components: rotations, image format enums, tensor data.

Same names and constructors as `rerun.datatypes` in 0.41 for the ones we support.
"""

from __future__ import annotations

import enum
import math
from typing import Any

import numpy as np

__all__ = [
    "Angle",
    "AnnotationInfo",
    "ChannelDatatype",
    "ClassDescription",
    "ColorModel",
    "KeypointPair",
    "PixelFormat",
    "Quaternion",
    "RotationAxisAngle",
    "TensorData",
    "ViewDir",
]


class Angle:
    """An angle, given in `rad=` or `deg=`; stored in radians."""

    __slots__ = ("radians",)

    def __init__(self, rad: float | None = None, deg: float | None = None):
        if rad is None and deg is None:
            raise ValueError("Angle: give `rad` or `deg`")
        self.radians = float(rad) if rad is not None else math.radians(deg)  # `rad` wins, like Rerun

    def __repr__(self) -> str:
        return f"Angle(rad={self.radians})"


class RotationAxisAngle:
    """A rotation of `angle` around `axis` (axis need not be normalized)."""

    __slots__ = ("angle", "axis")

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


class _RerunEnum(enum.Enum):
    """An enum like Rerun's: `auto()` takes a member, a name (any case) or a value; `str()` is the name."""

    @classmethod
    def auto(cls, val: Any) -> Any:
        if isinstance(val, cls):
            return val
        if isinstance(val, (int, np.integer)) and not isinstance(val, bool):
            return cls(int(val))
        if isinstance(val, str):
            lower = val.lower()
            for member in cls:
                if member.name.lower() == lower:
                    return member
        raise ValueError(f"Cannot convert {val} to {cls.__name__}")

    def __str__(self) -> str:
        return self.name


class ColorModel(_RerunEnum):
    L = 1
    RGB = 2
    RGBA = 3
    BGR = 4
    BGRA = 5

    def num_channels(self) -> int:
        return 1 if self is ColorModel.L else 3 if self in (ColorModel.RGB, ColorModel.BGR) else 4


class ViewDir(_RerunEnum):
    Up = 1
    Down = 2
    Right = 3
    Left = 4
    Forward = 5
    Back = 6


class ChannelDatatype(_RerunEnum):
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

    def to_np_dtype(self) -> type:
        return np.dtype({"U": "u", "I": "i", "F": "f"}[self.name[0]] + str(int(self.name[1:]) // 8)).type


class PixelFormat(_RerunEnum):
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
    """An n-dimensional array with optional dimension names: `array=`, or `shape=` with a flat `buffer=`."""

    __slots__ = ("array", "names")

    def __init__(self, *, shape: Any = None, buffer: Any = None, array: Any = None, dim_names: Any = None):
        if (array is None) == (buffer is None):
            raise ValueError("TensorData: give exactly one of `array` or `buffer`")
        if array is None:
            if shape is None:
                raise ValueError("TensorData: `buffer` needs `shape`")
            flat = np.asarray(buffer.array if isinstance(buffer, TensorData) else buffer).reshape(-1)
            dims = [int(s) for s in shape]
            if flat.size != math.prod(dims):
                raise ValueError(f"TensorData: buffer of {flat.size} values does not match shape {dims}")
            array = flat.reshape(dims)
        elif hasattr(array, "numpy") and not isinstance(array, np.ndarray):
            array = array.numpy(force=True)  # torch tensors, like Rerun
        arr = np.asarray(array)
        if arr.dtype.kind not in "biuf":
            raise TypeError(f"TensorData: expected a numeric array, got {arr.dtype}")
        if arr.dtype == bool:
            arr = arr.astype(np.uint8)
        if shape is not None and tuple(int(s) for s in shape) != arr.shape:
            raise ValueError(f"TensorData: `shape` {tuple(shape)} does not match the array's {arr.shape}")
        self.array = np.array(arr)
        if dim_names:
            dim_names = [str(n) for n in dim_names]
            if len(dim_names) != self.array.ndim:
                raise ValueError(f"TensorData: {len(dim_names)} dim_names for {self.array.ndim} dimensions")
        self.names = dim_names or None

    @property
    def shape(self) -> np.ndarray:
        return np.asarray(self.array.shape, dtype=np.uint64)

    @property
    def buffer(self) -> np.ndarray:
        return self.array.reshape(-1)

    def numpy(self, force: bool = False) -> np.ndarray:
        return self.array


class AnnotationInfo:
    """Label and color of a class id or keypoint id."""

    __slots__ = ("color", "id", "label")

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

    def __init__(self, *, info: Any, keypoint_annotations: Any = [], keypoint_connections: Any = []):  # noqa: B006 - Rerun's defaults; never mutated
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


def __getattr__(name: str) -> Any:
    # 0.41 renamed this module `encodings`; every datatype it has is reachable here too.
    if name.startswith("__"):
        raise AttributeError(name)
    from .. import encodings

    try:
        return getattr(encodings, name)
    except AttributeError:
        raise AttributeError(f"module 'rerun_nb.datatypes' has no attribute {name!r}") from None
