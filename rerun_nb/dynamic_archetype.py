"""`rr.DynamicArchetype`: log components under an archetype name chosen at run time (`MyArch:field`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._baseclasses import AsComponents, ComponentColumnList, ComponentDescriptor, DescribedComponentBatch
from .archetypes._any_values import AnyBatchValue
from .error_utils import RerunError, report_error, strict_mode

__all__ = ["DynamicArchetype"]


class DynamicArchetype(AsComponents):
    """Components grouped under `archetype`: `DynamicArchetype("MyArch", components={"confidence": [0.3]})`.

    Values are converted like `AnyValues` (a Rerun batch such as `rr.components.ColorBatch(...)` keeps its
    Arrow form); each is logged as `"{archetype}:{name}"` with archetype `archetype`.
    """

    def __init__(self, archetype: str, drop_untyped_nones: bool = True,
                 components: Mapping[str, Any] | None = None) -> None:
        self._archetype: str | None = archetype
        self._batches: list[tuple[ComponentDescriptor, Any]] = []
        self._error: str | None = None
        if not isinstance(drop_untyped_nones, bool) and drop_untyped_nones is not None:
            self._fail(f"DynamicArchetype: components go in `components=`, not positionally "
                       f"(got a {type(drop_untyped_nones).__name__} for `drop_untyped_nones`)")
            return
        if not isinstance(archetype, str) or not archetype:
            self._fail(f"DynamicArchetype: the archetype name must be a non-empty string, got {archetype!r}")
            return
        for name, value in (components or {}).items():
            self.with_component_from_data(name, value, drop_untyped_nones=drop_untyped_nones)

    def _fail(self, message: str) -> None:
        if strict_mode():
            raise RerunError(message)
        self._batches, self._error = [], message

    def _descriptor(self, field: str, component_type: str | None = None) -> ComponentDescriptor:
        desc = ComponentDescriptor(field, component_type=component_type)
        return desc if self._archetype is None else desc.with_builtin_archetype(self._archetype)

    def _add(self, descriptor: ComponentDescriptor, value: Any, drop_untyped_nones: bool) -> DynamicArchetype:
        if self._error is not None:
            return self
        if not isinstance(descriptor.component, str) or descriptor.component.endswith(":"):
            self._fail(f"DynamicArchetype: bad component name {descriptor.component!r}")
            return self
        batch = AnyBatchValue(descriptor, value, drop_untyped_nones=drop_untyped_nones)
        if batch.is_valid():
            self._batches.append((descriptor, batch.as_arrow_array()))
        elif value is not None and not (hasattr(value, "__len__") and len(value) == 0):
            self._error = f"DynamicArchetype: bad `{descriptor.component}`"  # AnyBatchValue warned already
            self._batches = []
        return self

    def with_component_from_data(self, field: str, value: Any, *, drop_untyped_nones: bool = True) -> DynamicArchetype:
        """Add the component `field` (converted like `AnyValues`)."""
        return self._add(self._descriptor(field), value, drop_untyped_nones)

    def with_component_override(self, field: str, component_type: str, value: Any, *,
                                drop_untyped_nones: bool = True) -> DynamicArchetype:
        """Add the component `field` with an explicit component type (e.g. "rerun.components.Scalar")."""
        return self._add(self._descriptor(field, component_type), value, drop_untyped_nones)

    def as_component_batches(self) -> list[DescribedComponentBatch]:
        if not self._batches and self._error is None:
            report_error("DynamicArchetype: no valid component batches to log", key="DynamicArchetype:empty")
        return [DescribedComponentBatch(d, b) for d, b in self._batches]

    def _rnb_batches(self) -> list[tuple[ComponentDescriptor, Any]]:
        return list(self._batches)

    @classmethod
    def columns(cls, archetype: str, drop_untyped_nones: bool = True,
                components: Mapping[str, Any] | None = None) -> ComponentColumnList:
        """Columns for `rr.send_columns`: one row per element of each value."""
        out = ComponentColumnList([])
        for name, value in (components or {}).items():
            desc = ComponentDescriptor(name).with_builtin_archetype(archetype)
            column = AnyBatchValue.column(desc, value, drop_untyped_nones=drop_untyped_nones)
            if column is not None:
                out.append(column)
        return out

    def __repr__(self) -> str:
        return f"rr.DynamicArchetype({self._archetype!r}, {[d.component for d, _ in self._batches]})"
