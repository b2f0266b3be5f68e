"""AnyValues / AnyBatchValue: arbitrary user components, keyed by name (kept and queryable, not drawn).

Values become Arrow the way rerun-sdk 0.41 does it: a pyarrow array as is, else `pa.array(value)`, else a
scalar, else through numpy. Like Rerun, the last type seen for a name is remembered and later values
are converted to it when they can be, so a column keeps one type (`confidence=1` after `confidence=0.5`
logs 1.0). Values that can't be converted (strings after ints) keep their own type: see `any_batch`.
"""

from __future__ import annotations

import contextlib
import threading
from typing import Any

import numpy as np
import pyarrow as pa

from .._baseclasses import (
    AsComponents,
    ComponentColumn,
    ComponentColumnList,
    ComponentDescriptor,
    DescribedComponentBatch,
)
from ..error_utils import RerunError, report_error, strict_mode

_types_lock = threading.Lock()
_type_per_descriptor: dict[ComponentDescriptor, pa.DataType] = {}


def _parse(value: Any, pa_type: pa.DataType | None) -> pa.Array:
    if isinstance(value, (pa.Array, pa.ChunkedArray)):
        return value.combine_chunks() if isinstance(value, pa.ChunkedArray) else value
    if hasattr(value, "as_arrow_array"):
        return value.as_arrow_array()
    if not isinstance(value, (str, bytes)):
        with contextlib.suppress(pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError, TypeError):
            arr = pa.array(value, type=pa_type)
            if arr.type != pa.null():
                return arr
    with contextlib.suppress(pa.ArrowInvalid, pa.ArrowTypeError, TypeError):  # a single value
        return pa.array([pa.scalar(value)], type=pa_type)
    np_value = np.atleast_1d(np.asarray(value))
    try:
        return pa.array(np_value, type=pa_type)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError) as exc:
        raise ValueError(f"can't convert {type(value).__name__} to Arrow"
                         + (f" as {pa_type} (the type this name was first logged with)" if pa_type else "")) from exc


def any_batch(descriptor: ComponentDescriptor, value: Any, *, drop_untyped_nones: bool = True,
              element_type: bool = False) -> pa.Array | None:
    """`value` as an Arrow array, typed like the first value logged under `descriptor` (None: dropped)."""
    with _types_lock:
        cached = _type_per_descriptor.get(descriptor)
    pa_type = pa.list_(cached) if (cached is not None and element_type) else cached
    if cached is None and (value is None or (hasattr(value, "__len__") and len(value) == 0)):
        if not drop_untyped_nones:
            raise ValueError(f"can't log `{descriptor.component}` = {value!r} without a known type")
        return None
    if value is None:
        value = []
    try:
        arr = _parse(value, pa_type)
    except (ValueError, TypeError, OverflowError, pa.ArrowException) as exc:
        if pa_type is None:
            raise ValueError(f"can't convert {type(value).__name__} to Arrow: {exc}") from exc
        # Not convertible to the first type (e.g. strings after floats): as in rerun-sdk, the value is
        # refused (warned and dropped; strict mode raises). A column keeps one type, in the store and in files.
        raise ValueError(f"{_short(value)} can't be converted to {pa_type}, the type `{descriptor.component}` was "
                         "first logged with (a component keeps one type)") from exc
    if cached is not None and not element_type and arr.type != cached:
        # e.g. a pyarrow array of another type: refused for the same reason
        raise ValueError(f"`{descriptor.component}` was first logged as {cached}, now as {arr.type} "
                         "(a component keeps one type)")
    new_type = arr.type.value_type if (element_type and pa.types.is_list(arr.type)) else arr.type
    with _types_lock:
        _type_per_descriptor[descriptor] = new_type
    return arr


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


class AnyBatchValue:
    """One arbitrary component batch: `rr.AnyBatchValue("confidence", [0.3, 0.9])`."""

    def __init__(self, descriptor: str | ComponentDescriptor, value: Any, *, drop_untyped_nones: bool = True,
                 expect_column: bool = False):
        self.descriptor = ComponentDescriptor(descriptor) if isinstance(descriptor, str) else descriptor
        self.pa_array: pa.Array | None = None
        try:
            # `expect_column`: `value` holds one batch per row (a list array); the type kept is the element type
            self.pa_array = any_batch(self.descriptor, value, drop_untyped_nones=drop_untyped_nones,
                                      element_type=expect_column)
        except Exception as exc:  # noqa: BLE001 - any conversion failure is the user's input: warn and drop
            report_error(f"AnyBatchValue: bad `{self.descriptor.component}`: {exc}")

    def is_valid(self) -> bool:
        return self.pa_array is not None

    def component_descriptor(self) -> ComponentDescriptor:
        return self.descriptor

    def as_arrow_array(self) -> pa.Array | None:
        return self.pa_array

    def as_component_batches(self) -> list[DescribedComponentBatch]:
        return [] if self.pa_array is None else [DescribedComponentBatch(self.descriptor, self.pa_array)]

    @classmethod
    def column(cls, descriptor: str | ComponentDescriptor, value: Any,
               drop_untyped_nones: bool = True) -> ComponentColumn | None:
        """A column for `send_columns`: one row per element of `value` (or per list, for nested values)."""
        desc = ComponentDescriptor(descriptor) if isinstance(descriptor, str) else descriptor
        if value is not None and not isinstance(value, (pa.Array, str, bytes)):
            try:
                arr = np.asarray(value)
            except ValueError:
                arr = None
            if arr is not None and arr.ndim == 1 and arr.dtype.kind != "O":
                value = [[x] for x in value]
        pa_array = any_batch(desc, value, drop_untyped_nones=drop_untyped_nones, element_type=True)
        if pa_array is None:
            return None
        if pa.types.is_list(pa_array.type):
            lengths = np.diff(pa_array.offsets.to_numpy())
            return ComponentColumn(desc, pa_array.flatten(), lengths=lengths)
        return ComponentColumn(desc, pa_array)


class AnyValues(AsComponents):
    """Log arbitrary values: `rr.AnyValues(confidence=[0.3, 0.9], description="...")`."""

    def __init__(self, drop_untyped_nones: bool = True, **kwargs: Any):
        self._batches: list[tuple[ComponentDescriptor, Any]] = []
        self._error: str | None = None
        for name, value in kwargs.items():
            if not self._add(ComponentDescriptor(name), value, drop_untyped_nones):
                return

    def _add(self, descriptor: ComponentDescriptor, value: Any, drop_untyped_nones: bool) -> bool:
        try:
            if not isinstance(descriptor.component, str) or not descriptor.component:
                raise TypeError(f"the component name must be a non-empty string, got {descriptor.component!r}")
            arr = any_batch(descriptor, value, drop_untyped_nones=drop_untyped_nones)
        except Exception as exc:
            message = f"AnyValues: bad `{descriptor.component}`: {exc}"
            if strict_mode():
                raise RerunError(message) from exc
            self._batches, self._error = [], message
            return False
        if arr is not None:
            self._batches.append((descriptor, arr))
        return True

    def with_component_from_data(self, descriptor: str, value: Any, *, drop_untyped_nones: bool = True) -> AnyValues:
        """Add one more component, named `descriptor`."""
        if self._error is None:
            self._add(ComponentDescriptor(descriptor), value, drop_untyped_nones)
        return self

    def with_component_override(self, field: str, component_type: str, value: Any, *,
                                drop_untyped_nones: bool = True) -> AnyValues:
        """Add a component with an explicit component type (e.g. "rerun.components.Scalar")."""
        if self._error is None:
            self._add(ComponentDescriptor(field, component_type=component_type), value, drop_untyped_nones)
        return self

    @classmethod
    def columns(cls, drop_untyped_nones: bool = True, **kwargs: Any) -> ComponentColumnList:
        """Columns for `send_columns`, one row per element of each value."""
        out = ComponentColumnList([])
        for name, value in kwargs.items():
            try:
                column = AnyBatchValue.column(name, value, drop_untyped_nones=drop_untyped_nones)
            except Exception as exc:  # noqa: BLE001 - the whole call is dropped, as for a bad archetype column
                from .._baseclasses import _column_list_error

                return _column_list_error(f"AnyValues.columns: bad `{name}`: {exc}")
            if column is not None:
                out.append(column)
        return out

    @property
    def component_batches(self) -> list[DescribedComponentBatch]:
        return self.as_component_batches()

    def as_component_batches(self) -> list[DescribedComponentBatch]:
        return [DescribedComponentBatch(d, b) for d, b in self._batches]

    def _rnb_batches(self) -> list[tuple[ComponentDescriptor, Any]]:
        return list(self._batches)
