"""Chunk: the rows of one entity, immutable, in Rerun 0.41's chunk layout.

A chunk has a RowId column, one int64 time column per timeline (none: a static chunk) and one sparse
`List<T>` column per component (a null cell = not logged in that row). We keep numpy views of the
columns for queries (offsets, validity, flat values) and build the Arrow record batch only when
someone asks for it (saving, events, the dataframe reader), or keep the one we were given.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyarrow as pa

from .._baseclasses import ComponentDescriptor, batch_to_arrow
from ..time import index_arrow_type, kind_of_arrow_type
from ._ids import TUIDS, normalize_entity_path, tuid_from_str, tuid_str, tuids_from_arrow, tuids_to_arrow

__all__ = ["SORBET_VERSION", "Chunk", "Column"]

SORBET_VERSION = "0.1.4"
_ROW_ID_FIELD = pa.field(
    "rerun.controls.RowId",
    pa.binary(16),
    nullable=False,
    metadata={
        b"rerun:kind": b"control",
        b"ARROW:extension:name": b"rerun.datatypes.TUID",
        b"ARROW:extension:metadata": b'{"namespace":"row"}',
    },
)


class Column:
    """One component column: offsets (n+1), validity (None = all valid) and the flat instance values."""

    __slots__ = ("_arrow", "descriptor", "offsets", "valid", "values")

    def __init__(self, descriptor: ComponentDescriptor, offsets: np.ndarray, valid: np.ndarray | None,
                 values: np.ndarray | pa.Array, arrow: pa.Array | None = None):
        self.descriptor = descriptor
        self.offsets = offsets
        self.valid = valid
        self.values = values
        self._arrow = arrow

    def cell(self, row: int) -> np.ndarray | pa.Array:
        offsets = self.offsets
        return self.values[offsets[row]:offsets[row + 1]]

    def to_arrow(self) -> pa.Array:
        if self._arrow is None:
            values = batch_to_arrow(self.values)
            mask = None if self.valid is None else pa.array(~self.valid)
            self._arrow = pa.ListArray.from_arrays(pa.array(self.offsets, pa.int32()), values, mask=mask)
        return self._arrow

    @classmethod
    def from_arrow(cls, descriptor: ComponentDescriptor, arr: pa.Array) -> Column:
        if isinstance(arr, pa.ChunkedArray):
            arr = arr.combine_chunks()
        if not (pa.types.is_list(arr.type) or pa.types.is_large_list(arr.type)):
            raise ValueError(f"component column {descriptor.component!r} is {arr.type}, expected a List")
        offsets = arr.offsets.to_numpy().astype(np.int64)
        valid = None if arr.null_count == 0 else arr.is_valid().to_numpy(zero_copy_only=False)
        child = arr.values
        return cls(descriptor, offsets, valid, _child_values(child), arr)

    @property
    def nbytes(self) -> int:
        values = self.values
        return int(values.nbytes) + int(self.offsets.nbytes)


def _child_values(child: pa.Array) -> np.ndarray | pa.Array:
    """Flat list values as numpy when they are plain numbers (or fixed-size lists of them)."""
    t = child.type
    if child.null_count == 0:
        if pa.types.is_integer(t) or pa.types.is_floating(t):
            return child.to_numpy(zero_copy_only=False)
        if pa.types.is_fixed_size_list(t) and (pa.types.is_integer(t.value_type) or pa.types.is_floating(t.value_type)):
            flat = child.flatten()
            if flat.null_count == 0:
                return flat.to_numpy(zero_copy_only=False).reshape(-1, t.list_size)
    return child


class Chunk:
    """Rows of one entity (see module docstring). Build with `from_rows` or `from_record_batch`."""

    __slots__ = ("_batch", "columns", "entity_path", "id", "nbytes", "num_rows", "row_hi", "row_lo", "timelines")

    def __init__(self, entity_path: str, row_hi: np.ndarray, row_lo: np.ndarray,
                 timelines: dict[str, tuple[str, np.ndarray]], columns: dict[str, Column],
                 chunk_id: tuple[int, int] | None = None, batch: pa.RecordBatch | None = None):
        self.id = chunk_id if chunk_id is not None else TUIDS.next()
        self.entity_path = entity_path
        self.row_hi = row_hi
        self.row_lo = row_lo
        self.timelines = timelines
        self.columns = columns
        self._batch = batch
        self.num_rows = len(row_hi)
        self.nbytes = 16 * self.num_rows + 8 * self.num_rows * len(timelines) + sum(
            c.nbytes for c in columns.values())

    @property
    def is_static(self) -> bool:
        return not self.timelines

    def time_range(self, timeline: str) -> tuple[int, int] | None:
        entry = self.timelines.get(timeline)
        if entry is None or self.num_rows == 0:
            return None
        times = entry[1]
        return int(times.min()), int(times.max())

    # --- Arrow ------------------------------------------------------------------------------

    def to_record_batch(self) -> pa.RecordBatch:
        if self._batch is None:
            self._batch = self._build_record_batch()
        return self._batch

    def _build_record_batch(self) -> pa.RecordBatch:
        fields = [_ROW_ID_FIELD]
        arrays = [tuids_to_arrow(self.row_hi, self.row_lo)]
        for name in sorted(self.timelines):
            kind, times = self.timelines[name]
            is_sorted = bool(np.all(times[1:] >= times[:-1]))
            meta = {b"rerun:kind": b"index", b"rerun:index_name": name.encode()}
            if is_sorted:
                meta[b"rerun:is_sorted"] = b"true"
            fields.append(pa.field(name, index_arrow_type(kind), nullable=True, metadata=meta))
            arrays.append(pa.array(times, pa.int64()).cast(index_arrow_type(kind)))
        for comp in sorted(self.columns, key=lambda c: (self.columns[c].descriptor.archetype or "", c)):
            col = self.columns[comp]
            arr = col.to_arrow()
            fields.append(pa.field(comp, arr.type, nullable=True, metadata=col.descriptor.arrow_metadata()))
            arrays.append(arr)
        metadata = {
            b"rerun:entity_path": self.entity_path.encode(),
            b"rerun:id": f"chunk_{tuid_str(*self.id)}".encode(),
            b"sorbet:version": SORBET_VERSION.encode(),
        }
        return pa.RecordBatch.from_arrays(arrays, schema=pa.schema(fields, metadata=metadata))

    @classmethod
    def from_record_batch(cls, batch: pa.RecordBatch) -> Chunk:
        """Parse a chunk in Rerun's layout (e.g. from an RRD file). Raises ValueError naming what is wrong."""
        meta = batch.schema.metadata or {}
        raw_path = meta.get(b"rerun:entity_path")
        if raw_path is None:
            raise ValueError("chunk has no rerun:entity_path in its schema metadata")
        entity_path = normalize_entity_path(raw_path.decode())
        raw_id = meta.get(b"rerun:id", meta.get(b"rerun.id"))
        chunk_id = None
        if raw_id is not None:
            text = raw_id.decode()
            text = text.removeprefix("chunk_")
            try:
                chunk_id = tuid_from_str(text)
            except ValueError:
                chunk_id = None
        row_hi = row_lo = None
        timelines: dict[str, tuple[str, np.ndarray]] = {}
        columns: dict[str, Column] = {}
        for field, arr in zip(batch.schema, batch.columns):
            fmeta = field.metadata or {}
            kind = fmeta.get(b"rerun:kind", b"data")
            if kind == b"control" or field.name == "rerun.controls.RowId":
                row_hi, row_lo = tuids_from_arrow(arr)
            elif kind == b"index":
                tl_kind = kind_of_arrow_type(arr.type)
                if tl_kind is None:
                    raise ValueError(f"index column {field.name!r} has unsupported type {arr.type}")
                if arr.null_count:
                    raise ValueError(f"index column {field.name!r} contains nulls")
                name = fmeta.get(b"rerun:index_name", field.name.encode()).decode() or field.name
                timelines[name] = (tl_kind, arr.cast(pa.int64()).to_numpy(zero_copy_only=False))
            else:
                comp = fmeta.get(b"rerun:component", b"").decode() or field.name
                archetype = fmeta.get(b"rerun:archetype")
                ctype = fmeta.get(b"rerun:component_type")
                desc = ComponentDescriptor(comp, archetype=archetype.decode() if archetype else None,
                                           component_type=ctype.decode() if ctype else None)
                columns[comp] = Column.from_arrow(desc, arr)
        if row_hi is None:
            raise ValueError("chunk has no RowId column (rerun:kind=control)")
        return cls(entity_path, row_hi, row_lo, timelines, columns, chunk_id=chunk_id, batch=batch)

    def __repr__(self) -> str:
        kind = "static" if self.is_static else ",".join(self.timelines)
        return f"Chunk({self.entity_path}, {self.num_rows} rows, {kind}, {list(self.columns)})"


def column_from_row_batches(descriptor: ComponentDescriptor, rows: list[int], datas: list[Any],
                            num_rows: int) -> Column:
    """Build a column from the batches logged in some rows of a pending chunk."""
    lengths = np.zeros(num_rows, np.int64)
    lengths[rows] = [len(d) for d in datas]
    offsets = np.zeros(num_rows + 1, np.int64)
    np.cumsum(lengths, out=offsets[1:])
    valid = None
    if len(rows) != num_rows:
        valid = np.zeros(num_rows, bool)
        valid[rows] = True
    if all(isinstance(d, np.ndarray) for d in datas):
        values = datas[0] if len(datas) == 1 else np.concatenate(datas)
    else:
        arrays = [batch_to_arrow(d) for d in datas]
        values = arrays[0] if len(arrays) == 1 else pa.concat_arrays(arrays)
        values = _child_values(values)
    return Column(descriptor, offsets, valid, values)


def concat_chunks(a: Chunk, b: Chunk) -> Chunk | None:
    """One chunk with `a`'s rows then `b`'s (a new id), for the store's compaction; None when they do not fit
    together: another entity, static data, other timelines or components, or cells of another type."""
    if (a.entity_path != b.entity_path or a.is_static or b.is_static or a.timelines.keys() != b.timelines.keys()
            or a.columns.keys() != b.columns.keys()):
        return None
    if any(a.timelines[name][0] != b.timelines[name][0] for name in a.timelines):
        return None
    columns = {}
    for comp, ca in a.columns.items():
        merged = _concat_columns(ca, b.columns[comp], a.num_rows, b.num_rows)
        if merged is None:
            return None
        columns[comp] = merged
    timelines = {name: (kind, np.concatenate([times, b.timelines[name][1]])) for name, (kind, times) in a.timelines.items()}
    return Chunk(a.entity_path, np.concatenate([a.row_hi, b.row_hi]), np.concatenate([a.row_lo, b.row_lo]),
                 timelines, columns)


def _concat_columns(a: Column, b: Column, rows_a: int, rows_b: int) -> Column | None:
    if a.descriptor != b.descriptor:
        return None
    if (a._arrow is None) != (b._arrow is None):  # one from a file or the network: its exact Arrow type counts
        return None
    arrow = None
    if a._arrow is not None:
        if a._arrow.type != b._arrow.type:
            return None
        arrow = pa.concat_arrays([a._arrow, b._arrow])
    va, vb = a.values, b.values
    if isinstance(va, np.ndarray) and isinstance(vb, np.ndarray):
        if va.dtype != vb.dtype or va.shape[1:] != vb.shape[1:]:
            return None
        values: Any = np.concatenate([va, vb])
    elif isinstance(va, pa.Array) and isinstance(vb, pa.Array):
        if va.type != vb.type:
            return None
        values = pa.concat_arrays([va, vb])
    else:
        return None
    offsets = np.concatenate([a.offsets, b.offsets[1:] + a.offsets[-1]])
    valid = None
    if a.valid is not None or b.valid is not None:
        valid = np.concatenate([np.ones(rows_a, bool) if a.valid is None else a.valid,
                                np.ones(rows_b, bool) if b.valid is None else b.valid])
    return Column(a.descriptor, offsets, valid, values, arrow)
