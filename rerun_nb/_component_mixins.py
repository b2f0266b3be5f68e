"""The mixins user code builds custom components with, as in rerun-sdk 0.41's `_baseclasses`.

`ComponentBatchMixin` turns any class with `as_arrow_array()` and a `_COMPONENT_TYPE` into a component batch
(`component_type()`, `described(descriptor)`, `partition(lengths)`); `ComponentMixin` does the same for a
single value whose class names its `_BATCH_TYPE`. `ComponentBatchLike` is the protocol `rr.log` accepts
(duck-typed: anything with `as_arrow_array()` and a descriptor or component type).
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

import pyarrow as pa

from ._baseclasses import ComponentColumn, ComponentDescriptor, DescribedComponentBatch

__all__ = ["ComponentBatchLike", "ComponentBatchMixin", "ComponentMixin", "described_from_batch_like"]


@runtime_checkable
class ComponentBatchLike(Protocol):
    """Anything that can be logged as a batch of one component: it has `as_arrow_array()`."""

    def as_arrow_array(self) -> pa.Array:
        """The batch as an Arrow array (one element per instance)."""
        ...


def _arrow_of(batch: Any) -> pa.Array:
    arr = batch.as_arrow_array()
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    if not isinstance(arr, pa.Array):
        raise TypeError(f"{type(batch).__name__}.as_arrow_array() returned {type(arr).__name__}, not a pyarrow Array")
    return arr


def described_from_batch_like(batch: Any, descriptor: ComponentDescriptor) -> DescribedComponentBatch:
    """A user's batch (anything with `as_arrow_array()`) under `descriptor`, as `rr.log` takes it."""
    return DescribedComponentBatch(descriptor, _arrow_of(batch))


class ComponentBatchMixin(ComponentBatchLike):
    """Mix into a batch class with `as_arrow_array()`; set `_COMPONENT_TYPE = "my.Component"`."""

    def component_type(self) -> str:
        """The component type name (`_COMPONENT_TYPE`)."""
        return self._COMPONENT_TYPE  # type: ignore[attr-defined, no-any-return]

    def described(self, descriptor: ComponentDescriptor) -> DescribedComponentBatch:
        """This batch under `descriptor`, ready for `rr.log`."""
        return described_from_batch_like(self, descriptor)

    def partition(self, lengths: Any = None) -> ComponentColumn:
        """This batch as a column for `rr.send_columns` (unit-length rows unless `lengths` says otherwise)."""
        desc = ComponentDescriptor(self.component_type(), component_type=self.component_type())
        return ComponentColumn(desc, _arrow_of(self), lengths=lengths)


class ComponentMixin(ComponentBatchLike):
    """Mix into a single-component class; set `_BATCH_TYPE` to its batch class. Logs as a batch of one."""

    @classmethod
    def arrow_type(cls) -> pa.DataType:
        """The Arrow type of the component (`_BATCH_TYPE._ARROW_DATATYPE`)."""
        return cls._BATCH_TYPE._ARROW_DATATYPE  # type: ignore[attr-defined]

    @classmethod
    def component_type(cls) -> str:
        """The component type name (`_BATCH_TYPE._COMPONENT_TYPE`)."""
        return cls._BATCH_TYPE._COMPONENT_TYPE  # type: ignore[attr-defined, no-any-return]

    def as_arrow_array(self) -> pa.Array:
        """This one value as an Arrow array of length 1."""
        return self._BATCH_TYPE([self]).as_arrow_array()  # type: ignore[attr-defined]
