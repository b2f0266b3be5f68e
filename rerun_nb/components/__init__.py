"""Components, reachable as `rr.components.*` like Rerun's: `Position3D`, `Position3DBatch`, `Color`, ...

`XBatch(data)` converts data the way the archetypes do; `.described(descriptor)` gives something `rr.log`
accepts. Enum components (`FillMode`, `TransformRelation`, ...) are IntEnums with Rerun's values.
"""

from __future__ import annotations

from typing import Any

from .._baseclasses import ComponentColumn, ComponentDescriptor, ComponentType, DescribedComponentBatch, batch_to_arrow
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

__all__ = [
    "COMPONENT_TYPES",
    "ComponentBatch",
    "AggregationPolicy",
    "Colormap",
    "FillMode",
    "InterpolationMode",
    "MagnificationFilter",
    "MarkerShape",
    "MeshFaceRendering",
    "PointShading",
    "TransformRelation",
]


class ComponentBatch:
    """A converted batch of one component type, not yet tied to an archetype field."""

    _component_type: ComponentType

    def __init__(self, data: Any):
        self.data = self._component_type.convert(data)

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
        return ComponentColumn(desc, self.data, lengths)


def _make_batch_classes() -> None:
    enums = {e.__name__ for e in (AggregationPolicy, Colormap, FillMode, InterpolationMode, MagnificationFilter,
                                  MarkerShape, MeshFaceRendering, PointShading, TransformRelation)}
    for short, ct in COMPONENT_TYPES.items():
        batch_cls = type(f"{short}Batch", (ComponentBatch,), {"_component_type": ct, "__module__": __name__})
        globals()[f"{short}Batch"] = batch_cls
        __all__.append(f"{short}Batch")
        if short not in enums:
            globals()[short] = batch_cls  # a single component value is a batch of one
            __all__.append(short)


_make_batch_classes()
