"""Descriptors, component batches and the Archetype base (numpy + pyarrow only).

A component batch is the data one log call writes for one component: N instances. We hold it as a
numpy array when the component is a primitive or a fixed-size list of primitives (positions (N, 3)
float32, colors (N,) uint32, ...) because that is what the log hot path and the viewer want, and as a
pyarrow Array otherwise (strings, structs, nested lists). Arrow conversion happens once per chunk,
not once per log call.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, ClassVar

import numpy as np
import pyarrow as pa

from .error_utils import RerunError, strict_mode

__all__ = [
    "Archetype",
    "AsComponents",
    "ComponentColumn",
    "ComponentColumnList",
    "ComponentDescriptor",
    "ComponentType",
    "DescribedComponentBatch",
    "batch_to_arrow",
]


class ComponentDescriptor:
    """Names a component column: `Points3D:positions`, its archetype and its component type."""

    __slots__ = ("_hash", "archetype", "component", "component_type")

    def __init__(self, component: str, archetype: str | None = None, component_type: str | None = None):
        self.component = component
        self.archetype = archetype
        self.component_type = component_type
        self._hash = hash((component, archetype, component_type))

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, ComponentDescriptor)
            and self.component == other.component
            and self.archetype == other.archetype
            and self.component_type == other.component_type
        )

    def __hash__(self) -> int:
        return self._hash

    def __repr__(self) -> str:
        return f"ComponentDescriptor({self.component!r}, archetype={self.archetype!r}, type={self.component_type!r})"

    def __str__(self) -> str:
        return self.component

    def with_overrides(
        self, archetype: str | None = None, component_type: str | None = None
    ) -> ComponentDescriptor:
        return ComponentDescriptor(
            self.component,
            archetype=archetype or self.archetype,
            component_type=component_type or self.component_type,
        )

    def or_with_overrides(
        self, archetype: str | None = None, component_type: str | None = None
    ) -> ComponentDescriptor:
        """Fill in `archetype` / `component_type` only where this descriptor has none."""
        return ComponentDescriptor(
            self.component,
            archetype=self.archetype or archetype,
            component_type=self.component_type or component_type,
        )

    def with_builtin_archetype(self, archetype: str) -> ComponentDescriptor:
        """The same component inside `archetype`: `conf` -> `MyArch:conf` (Rerun's naming)."""
        return ComponentDescriptor(f"{archetype}:{self.component}", archetype=archetype,
                                   component_type=self.component_type)

    def arrow_metadata(self) -> dict[bytes, bytes]:
        meta = {b"rerun:component": self.component.encode()}
        if self.archetype:
            meta[b"rerun:archetype"] = self.archetype.encode()
        if self.component_type:
            meta[b"rerun:component_type"] = self.component_type.encode()
        return meta


def batch_to_arrow(data: np.ndarray | pa.Array, arrow_type: pa.DataType | None = None) -> pa.Array:
    """One batch (or a concatenation of batches) as an Arrow array of its inner (cell) type."""
    if isinstance(data, (pa.Array, pa.ChunkedArray)):
        return data.combine_chunks() if isinstance(data, pa.ChunkedArray) else data
    if data.ndim == 2:
        flat = pa.array(np.ascontiguousarray(data).reshape(-1))
        # Rerun declares the fixed-size-list child non-nullable: match it exactly.
        return pa.FixedSizeListArray.from_arrays(flat, type=pa.list_(pa.field("item", flat.type, False), data.shape[1]))
    if arrow_type is not None and not pa.types.is_fixed_size_list(arrow_type):
        return pa.array(data, type=arrow_type)
    return pa.array(data)


def _descriptor_getter(desc: ComponentDescriptor) -> Callable[[], ComponentDescriptor]:
    """`Points3D.descriptor_positions()`: no parameters, as in Rerun."""

    def descriptor() -> ComponentDescriptor:
        return desc

    return descriptor


class ComponentType:
    """How one Rerun component type (`rerun.components.Color`, ...) turns user input into a batch."""

    __slots__ = ("arrow_type", "convert", "name")

    def __init__(self, name: str, arrow_type: pa.DataType, convert: Callable[[Any], np.ndarray | pa.Array]):
        self.name = name
        self.arrow_type = arrow_type
        self.convert = convert

    def __repr__(self) -> str:
        return f"ComponentType({self.name!r}, {self.arrow_type})"


class DescribedComponentBatch:
    """A batch of instances for one component, with the descriptor it is logged under."""

    __slots__ = ("data", "descriptor")

    def __init__(self, batch: Any, descriptor: Any):
        # Rerun's order is (batch, descriptor), with `batch` anything that has `as_arrow_array()`;
        # rerun_nb's own code passes (descriptor, data) with data already numpy/Arrow. Both are accepted.
        if isinstance(batch, ComponentDescriptor):
            batch, descriptor = descriptor, batch
        if not isinstance(descriptor, ComponentDescriptor):
            raise TypeError(f"DescribedComponentBatch needs a ComponentDescriptor, got {type(descriptor).__name__}")
        if not isinstance(batch, np.ndarray | pa.Array):
            getter = getattr(batch, "as_arrow_array", None)
            if getter is None:
                raise TypeError(f"DescribedComponentBatch needs a component batch, got {type(batch).__name__}")
            batch = getter()
        self.descriptor = descriptor
        self.data = batch

    def component_descriptor(self) -> ComponentDescriptor:
        return self.descriptor

    def as_arrow_array(self) -> pa.Array:
        return batch_to_arrow(self.data)

    def __len__(self) -> int:
        return len(self.data)

    def partition(self, lengths: Iterable[int] | None = None) -> ComponentColumn:
        return ComponentColumn(self.descriptor, self.data, lengths=lengths)

    def __repr__(self) -> str:
        return f"DescribedComponentBatch({self.descriptor.component}, {len(self)} instances)"


class ComponentColumn:
    """A column of batches for `send_columns`: a component batch split into rows (Rerun 0.41's signature).

    ``component_batch`` is a numpy/Arrow array of instances or anything with ``as_arrow_array()`` (a
    ``rr.components.*Batch``); rows are one instance each unless ``lengths`` (instances per row) or
    ``offsets`` (int32, with the leading 0) say otherwise. ``descriptor`` may be a plain component name.
    """

    __slots__ = ("data", "descriptor", "lengths")

    def __init__(self, descriptor: str | ComponentDescriptor, component_batch: Any, *, lengths=None,
                 offsets=None) -> None:
        if isinstance(descriptor, str):
            descriptor = ComponentDescriptor(descriptor)
        if lengths is not None and offsets is not None:
            raise ValueError("Cannot specify both `lengths` and `offsets`.")
        if hasattr(component_batch, "as_arrow_array") and not isinstance(component_batch, (pa.Array, np.ndarray)):
            component_batch = component_batch.as_arrow_array()
        self.descriptor = descriptor
        self.data = component_batch  # the instances, numpy or Arrow
        if offsets is not None:
            lengths = np.diff(np.asarray(offsets, dtype=np.int64).reshape(-1))
        if lengths is not None:
            lengths = np.asarray(lengths, dtype=np.int64)
            if lengths.ndim != 1:
                raise ValueError("Lengths must be a 1D array.")
        self.lengths = lengths  # instances per row; None: one per row

    @property
    def component_batch(self) -> Any:
        """The instances the rows are cut from."""
        return self.data

    def partition(self, lengths: Iterable[int] | None = None) -> ComponentColumn:
        """Group the instances into rows: `lengths[i]` instances go to row i (None: one per row)."""
        return ComponentColumn(self.descriptor, self.data, lengths=lengths)

    def num_rows(self) -> int:
        return len(self.data) if self.lengths is None else len(self.lengths)

    def component_descriptor(self) -> ComponentDescriptor:
        return self.descriptor

    def as_arrow_array(self) -> pa.Array:
        """The column as `List<T>`: one list per row."""
        values = batch_to_arrow(self.data)
        lengths = np.ones(len(self.data), np.int64) if self.lengths is None else self.lengths
        if int(lengths.sum()) != len(values):
            raise ValueError(
                f"{self.descriptor.component}: partition lengths sum to {int(lengths.sum())} "
                f"but the column holds {len(values)} instances"
            )
        offsets = np.zeros(len(lengths) + 1, np.int32)
        np.cumsum(lengths, out=offsets[1:])
        return pa.ListArray.from_arrays(pa.array(offsets), values)


class ComponentColumnList(list):
    """The columns returned by `Archetype.columns(...)`; `.partition(lengths)` applies to all.

    A list (so `send_columns(..., columns=[*a, *b])` works), built as Rerun builds it:
    `ComponentColumnList(columns)`.

    Built from bad input (outside strict mode) it is empty and holds the reason in `_error`, which
    `send_columns` reports with the entity path when it drops the call.
    """

    _error: str | None = None

    def __init__(self, columns: Iterable[ComponentColumn]) -> None:
        super().__init__(columns)

    def partition(self, lengths: Iterable[int] | None = None) -> ComponentColumnList:
        if self._error is not None:
            return self
        try:
            lengths = None if lengths is None else np.asarray(lengths, dtype=np.int64)
            if lengths is not None and lengths.ndim != 1:
                raise ValueError(f"partition lengths must be a 1-D sequence of integers, got shape {lengths.shape}")
            return ComponentColumnList(col.partition(lengths) for col in self)
        except (TypeError, ValueError, OverflowError) as exc:
            return _column_list_error(f"partition: {exc}")


def _column_list_error(message: str) -> ComponentColumnList:
    if strict_mode():
        raise RerunError(message)
    out = ComponentColumnList([])
    out._error = message
    return out


class AsComponents:
    """Anything with `as_component_batches()` can be logged (duck-typed, like Rerun)."""

    def as_component_batches(self) -> list[DescribedComponentBatch]:  # pragma: no cover - protocol
        raise NotImplementedError


def _rows_from_shape(param: Any, data: Any) -> list[int] | None:
    """Rerun's `columns()` rule: a (rows, k) array of scalars is `rows` rows of k instances each.

    Only for primitive / fixed-size-list components whose input shape says more than one instance per row
    (e.g. ``Scalars.columns(scalars=np.column_stack([sin, cos]))``); None keeps one instance per row.
    """
    if isinstance(data, pa.Array):
        typ = data.type
        primitive, fsl = pa.types.is_primitive(typ), pa.types.is_fixed_size_list(typ)
        list_size = typ.list_size if fsl else None
    elif isinstance(data, np.ndarray) and data.dtype.kind in "biuf":
        primitive, fsl = data.ndim == 1, data.ndim == 2
        list_size = data.shape[1] if fsl else None
    else:
        return None
    if not (primitive or fsl):
        return None
    try:
        shape = np.shape(param)
    except ValueError:  # ragged input
        return None
    if len(shape) < 2:
        return None
    if fsl and list_size == int(np.prod(shape[1:])):
        return None
    sizes = [int(shape[1])] * int(shape[0])
    return sizes if sum(sizes) == len(data) and shape[1] != 1 else None


class Archetype(AsComponents):
    """Base of all archetypes: one converted batch per field that was given.

    Subclasses set `_fields` (field name -> ComponentType) and call `self._set(...)` from `__init__`.
    Conversion errors are raised in strict mode, otherwise kept in `_error` so that `log` can report
    them with the entity path and drop the whole call.
    """

    _short_name: ClassVar[str] = ""
    _archetype_name: ClassVar[str] = ""
    _fields: ClassVar[dict[str, ComponentType]] = {}
    _descriptors: ClassVar[dict[str, ComponentDescriptor]] = {}
    __slots__ = ("_batches", "_error")

    def __init_subclass__(cls, archetype_name: str | None = None, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if not cls._fields:
            return
        short = cls.__name__ if archetype_name is None else archetype_name.rsplit(".", 1)[-1]
        cls._short_name = short
        cls._archetype_name = archetype_name or f"rerun.archetypes.{short}"
        cls._descriptors = {
            name: ComponentDescriptor(f"{short}:{name}", archetype=cls._archetype_name, component_type=ct.name)
            for name, ct in cls._fields.items()
        }
        for name, desc in cls._descriptors.items():
            setattr(cls, f"descriptor_{name}", staticmethod(_descriptor_getter(desc)))

    def _set(self, **values: Any) -> None:
        batches: dict[str, np.ndarray | pa.Array] = {}
        self._error: str | None = None
        fields = self._fields
        for name, value in values.items():
            if value is None:
                continue
            try:
                batches[name] = fields[name].convert(value)
            except Exception as exc:
                message = f"{type(self).__name__}: bad `{name}`: {exc}"
                if strict_mode():
                    raise RerunError(message) from exc
                self._error = message
                batches = {}
                break
        self._batches = batches

    def _set_error(self, reason: str) -> None:
        """A constructor-level input error (bad combination of arguments)."""
        message = f"{type(self).__name__}: {reason}"
        if strict_mode():
            raise RerunError(message)
        self._batches = {}
        self._error = message

    @classmethod
    def archetype(cls) -> str:
        return cls._archetype_name

    @classmethod
    def archetype_short_name(cls) -> str:
        return cls._short_name

    def visualizer(self, *, mappings: list | None = None):
        """A ``rrb.Visualizer`` of this archetype, its set fields as overrides (rerun-sdk 0.41's
        ``overrides={path: rr.Points3D.from_fields(...).visualizer()}``)."""
        from .blueprint.visualizers import Visualizer

        return Visualizer(self._short_name, overrides=self.as_component_batches(), mappings=mappings)

    def as_component_batches(self) -> list[DescribedComponentBatch]:
        descriptors = self._descriptors
        return [DescribedComponentBatch(descriptors[name], data) for name, data in self._batches.items()]

    def _rnb_batches(self) -> list[tuple[ComponentDescriptor, np.ndarray | pa.Array]]:
        descriptors = self._descriptors
        return [(descriptors[name], data) for name, data in self._batches.items()]

    @classmethod
    def from_fields(cls, *, clear_unset: bool = False, **kwargs: Any) -> Archetype:
        """Build an archetype from any subset of its fields (partial update); `clear_unset` empties the rest."""
        unknown = set(kwargs) - set(cls._fields)
        if unknown:
            raise TypeError(f"{cls.__name__}.from_fields: unknown field(s) {sorted(unknown)}")
        inst = cls.__new__(cls)
        inst._set(**kwargs)
        if clear_unset and inst._error is None:
            for name, ct in cls._fields.items():
                if name not in inst._batches:
                    inst._batches[name] = _empty_batch(ct)
        return inst

    @classmethod
    def cleared(cls) -> Archetype:
        """An archetype that clears every field (zero instances each)."""
        return cls.from_fields(clear_unset=True)

    @classmethod
    def columns(cls, **kwargs: Any) -> ComponentColumnList:
        """Columns for `send_columns`: each field's instances, one per row until `.partition(lengths)`."""
        unknown = set(kwargs) - set(cls._fields)
        if unknown:
            return _column_list_error(f"{cls.__name__}.columns: unknown field(s) {sorted(unknown)}")
        inst = cls.from_fields(**kwargs)
        if inst._error is not None:
            return _column_list_error(inst._error)
        columns = []
        for name, data in inst._batches.items():
            column = ComponentColumn(cls._descriptors[name], data)
            sizes = _rows_from_shape(kwargs.get(name), data)
            columns.append(column if sizes is None else column.partition(sizes))
        return ComponentColumnList(columns)

    def __repr__(self) -> str:
        parts = ", ".join(f"{name}={len(data)}" for name, data in self._batches.items())
        return f"rr.{type(self).__name__}({parts})"

    def __getattr__(self, name: str) -> Any:
        # Field access like rerun's attrs classes: `points.positions` -> the batch (or None).
        if name in type(self)._fields:
            return self._batches.get(name)
        raise AttributeError(name)


def _empty_batch(ct: ComponentType) -> np.ndarray | pa.Array:
    arrow_type = ct.arrow_type
    if pa.types.is_fixed_size_list(arrow_type) and pa.types.is_primitive(arrow_type.value_type):
        return np.empty((0, arrow_type.list_size), dtype=arrow_type.value_type.to_pandas_dtype())
    if pa.types.is_primitive(arrow_type) and not pa.types.is_boolean(arrow_type):
        return np.empty(0, dtype=arrow_type.to_pandas_dtype())
    return pa.array([], type=arrow_type)
