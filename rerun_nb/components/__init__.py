"""Components, reachable as `rr.components.*` like Rerun's: `Position3D`, `Position3DBatch`, `Color`, ...

`XBatch(data)` converts data the way the archetypes do; `.described(descriptor)` gives something `rr.log`
accepts. Enum components (`FillMode`, `TransformRelation`, ...) are Enums with Rerun's names and values,
`auto()` and `str()` (the member name), like Rerun's.
"""

from __future__ import annotations

import enum
from typing import Any

import numpy as np

from .._baseclasses import (
    ComponentColumn,
    ComponentDescriptor,
    ComponentType,
    DescribedComponentBatch,
    batch_to_arrow,
)
from ._types import (
    COMPONENT_TYPES,
    AggregationPolicy,
    Colormap,
    FillMode,
    InterpolationMode,
    MagnificationFilter,
    MarkerShape,
    MeshFaceRendering,
    PointShading,
    TransformRelation,
)
from ._types_more import MORE_COMPONENT_TYPES, GraphType, VideoCodec

COMPONENT_TYPES.update(MORE_COMPONENT_TYPES)

__all__ = [
    "COMPONENT_TYPES",
    "AggregationPolicy",
    "Colormap",
    "ComponentBatch",
    "FillMode",
    "GraphType",
    "InterpolationMode",
    "MagnificationFilter",
    "MarkerShape",
    "MeshFaceRendering",
    "PointShading",
    "TransformRelation",
    "VideoCodec",
]


class ComponentBatch:
    """A converted batch of one component type, not yet tied to an archetype field."""

    _component_type: ComponentType

    def __init__(self, data: Any, strict: bool | None = None):
        try:
            from ..encodings._base import join_single_values

            joined = join_single_values(data)  # e.g. [Color(...), Color(...)]
            self.data = joined if joined is not None else self._component_type.convert(data)
        except (ValueError, TypeError, OverflowError) as exc:
            # As Rerun's batches: strict mode (or `strict=True`) raises; otherwise warn once and hold no instances.
            from .._baseclasses import _empty_batch
            from ..error_utils import report_error

            report_error(f"{type(self).__name__}: {exc}", strict=strict)
            self.data = _empty_batch(self._component_type)

    @property
    def _rnb_data(self):
        """The converted batch (lets converters accept a batch, e.g. `media_type=rr.MediaType.MARKDOWN`)."""
        return self.data

    def __array__(self, dtype=None, copy=None):
        if not isinstance(self.data, np.ndarray):
            return np.asarray(self.data.to_pylist(), dtype=dtype)
        return self.data if dtype is None else self.data.astype(dtype)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.as_arrow_array().to_pylist()!r})"

    @classmethod
    def component_type(cls) -> str:
        return cls._component_type.name

    def as_arrow_array(self):
        return batch_to_arrow(self.data, self._component_type.arrow_type)

    def __len__(self) -> int:
        return len(self.data)

    def described(self, descriptor: ComponentDescriptor | str) -> DescribedComponentBatch:
        if isinstance(descriptor, str):
            descriptor = ComponentDescriptor(descriptor, component_type=self._component_type.name)
        return DescribedComponentBatch(descriptor, self.data)

    def partition(self, lengths=None) -> ComponentColumn:
        desc = ComponentDescriptor(self._component_type.name, component_type=self._component_type.name)
        return ComponentColumn(desc, self.data, lengths=lengths)


def _make_batch_classes() -> None:
    enums = {e.__name__ for e in (AggregationPolicy, Colormap, FillMode, InterpolationMode, MagnificationFilter,
                                  MarkerShape, MeshFaceRendering, PointShading, TransformRelation, GraphType, VideoCodec)}
    for short, ct in COMPONENT_TYPES.items():
        batch_cls = type(f"{short}Batch", (ComponentBatch,), {"_component_type": ct, "__module__": __name__})
        globals()[f"{short}Batch"] = batch_cls
        __all__.append(f"{short}Batch")
        if short not in enums:
            globals()[short] = batch_cls  # a single component value is a batch of one
            __all__.append(short)


_make_batch_classes()


def _install_rerun_constructors() -> None:
    from ._single import SINGLE_PARAM, single_value_class, special_classes

    for name in SINGLE_PARAM:
        if name in globals() and name not in ("Scale3D",):
            globals()[name] = single_value_class(name, globals()[f"{name}Batch"], __name__)
    batches = {name[:-5]: cls for name, cls in globals().items() if name.endswith("Batch") and name != "ComponentBatch"}
    globals().update(special_classes(batches, __name__))
    for name in ("GeoLineString", "GraphEdge", "Plane3D", "RotationAxisAngle", "RotationQuat", "TensorData",
                 "TensorDimensionIndexSelection", "TensorHeightDimension", "TensorWidthDimension", "Timestamp",
                 "TransformMat3x3", "PinholeProjection", "VideoTimestamp"):
        if name not in __all__:
            __all__.append(name)


_install_rerun_constructors()


def _add_constants() -> None:
    media_type = globals()["MediaType"]
    for name, value in [("TEXT", "text/plain"), ("MARKDOWN", "text/markdown"), ("JPEG", "image/jpeg"),
                        ("PNG", "image/png"), ("GLB", "model/gltf-binary"), ("GLTF", "model/gltf+json"),
                        ("OBJ", "model/obj"), ("PLY", "application/x-ply"), ("STL", "model/stl"),
                        ("RVL", "application/rvl"), ("MP4", "video/mp4"), ("AAC", "audio/aac"),
                        ("FLAC", "audio/flac"), ("M4A", "audio/mp4"), ("MP3", "audio/mpeg"), ("OGG", "audio/ogg"),
                        ("WAV", "audio/wav")]:
        setattr(media_type, name, media_type(value))
    level = globals()["TextLogLevel"]
    for name in ("CRITICAL", "ERROR", "WARN", "INFO", "DEBUG", "TRACE"):
        setattr(level, name, level(name))
    plane = globals()["Plane3D"]

    def _xyzd(self) -> np.ndarray:
        return np.asarray(self.as_arrow_array().flatten(), dtype=np.float32)[:4]

    # Rerun's Plane3D extras: the three axis planes through the origin, normal/distance, with_distance
    plane.normal = lambda self: _xyzd(self)[:3]
    plane.distance = lambda self: float(_xyzd(self)[3])
    plane.with_distance = lambda self, distance: type(self)(_xyzd(self)[:3], float(distance))
    plane.XY = plane([0.0, 0.0, 1.0], 0.0)
    plane.YZ = plane([1.0, 0.0, 0.0], 0.0)
    plane.ZX = plane([0.0, 1.0, 0.0], 0.0)


_add_constants()


def _ui_points(radii: Any) -> np.ndarray:
    """Radii in UI points rather than scene units (negative values, like Rerun's `Radius.ui_points`)."""
    return -np.abs(np.array(radii, dtype=np.float32))


class Scale3D(globals()["Scale3DBatch"]):
    """A 3D scale: one number for a uniform scale, or per-axis [x, y, z] (like Rerun's `Scale3D`)."""

    def __init__(self, uniform_or_per_axis: Any = True):
        if not hasattr(uniform_or_per_axis, "__len__") or len(uniform_or_per_axis) == 1:
            value = float(np.asarray(uniform_or_per_axis, dtype=np.float32).reshape(-1)[0])
            uniform_or_per_axis = [value, value, value]
        super().__init__(uniform_or_per_axis)


globals()["Radius"].ui_points = staticmethod(_ui_points)


class ImageFormat(globals()["ImageFormatBatch"]):
    """An image's size and pixel layout (Rerun's `ImageFormat(width, height, *, pixel_format=, ...)`)."""

    def __init__(self, width: int, height: int, *, pixel_format: Any = None, color_model: Any = None,
                 channel_datatype: Any = None):
        from ..datatypes import ChannelDatatype, ColorModel, PixelFormat

        def value(enum_cls: Any, item: Any) -> int | None:
            return None if item is None else enum_cls.auto(item).value

        super().__init__({"width": int(width), "height": int(height),
                          "pixel_format": value(PixelFormat, pixel_format),
                          "color_model": value(ColorModel, color_model),
                          "channel_datatype": value(ChannelDatatype, channel_datatype)})


def _install_aliases() -> None:
    """`XLike` / `XArrayLike` typing aliases for each component (type hints only, as in Rerun)."""
    from collections.abc import Sequence

    from .._baseclasses import ComponentType  # noqa: F401 - documents what the aliases stand for

    for name in list(__all__):
        cls = globals().get(name)
        if name.endswith(("Batch", "Like")) or not isinstance(cls, type) or name == "ComponentBatch":
            continue
        like = cls | str | int if issubclass(cls, enum.Enum) else cls | Sequence[Any] | np.ndarray
        globals()[f"{name}Like"] = like
        globals()[f"{name}ArrayLike"] = like | Sequence[like] | np.ndarray
        __all__.extend([f"{name}Like", f"{name}ArrayLike"])


_install_aliases()
