"""`Chunk.from_record_batch`: read any Arrow record batch as Rerun chunk data (rerun-sdk 0.41's rules).

Each column is the row-id column, an index (timeline) column or a component column. Which columns are
indexes: their `rerun:kind=index` metadata (the default, `AUTO_INDEX`), the column names given in
`index=`, or none (`index=None`: static). A component column's entity is its `rerun:entity_path`, else
the batch's, else the column-name convention `/entity/path:Component`, else `entity_path=`, else `/`.
An identified chunk (row ids + chunk id, e.g. from `Chunk.to_record_batch`) round-trips unchanged when
neither `index` nor `entity_path` is given; otherwise fresh row ids and chunk ids are minted.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyarrow as pa

from .._baseclasses import ComponentDescriptor
from ..store import Chunk as StoreChunk
from ..store import normalize_entity_path
from ..store._chunk import Column
from ..store._ids import TUIDS
from ..time import kind_of_arrow_type

_ROW_ID_NAMES = ("rerun.controls.RowId", "RowId", "rerun_row_id")


class _AutoIndex:
    """The default `index=`: take the index columns from the batch's Rerun metadata."""

    def __repr__(self) -> str:
        return "AUTO_INDEX"


AUTO_INDEX = _AutoIndex()


def _is_row_id(field: pa.Field) -> bool:
    return (field.metadata or {}).get(b"rerun:kind") == b"control" or field.name in _ROW_ID_NAMES


def _is_index_meta(field: pa.Field) -> bool:
    return (field.metadata or {}).get(b"rerun:kind") == b"index"


def store_chunks_from_record_batch(batch: pa.RecordBatch, index: Any = AUTO_INDEX,
                                   entity_path: str | None = None) -> list[StoreChunk]:
    """The store chunks `batch` describes (one per entity path, in first-seen order); ValueError if it can't be read."""
    if not isinstance(batch, pa.RecordBatch):
        raise TypeError(f"expected a pyarrow.RecordBatch, got {type(batch).__name__}")
    meta = batch.schema.metadata or {}
    identified = any(_is_row_id(f) for f in batch.schema) and (b"rerun:id" in meta or b"rerun.id" in meta)
    if identified and index is AUTO_INDEX and entity_path is None:
        return [StoreChunk.from_record_batch(batch)]
    names = [f.name for f in batch.schema]
    if index is AUTO_INDEX:
        index_names = [f.name for f in batch.schema if _is_index_meta(f)]
        if not index_names:
            raise ValueError("the batch has no index metadata (rerun:kind=index): pass index='<column>' for "
                             "temporal data or index=None for static data")
    elif index is None:
        if any(_is_index_meta(f) for f in batch.schema):
            raise ValueError("index=None (static) but the batch has index columns (rerun:kind=index)")
        index_names = []
    else:
        index_names = [index] if isinstance(index, str) else list(index)
        missing = [n for n in index_names if n not in names]
        if missing:
            raise ValueError(f"index column(s) {missing} are not in the batch (columns: {names})")
    timelines = {}
    for name in index_names:
        field, arr = batch.schema.field(name), batch.column(name)
        kind = kind_of_arrow_type(arr.type)
        if kind is None:
            raise ValueError(f"index column {name!r} has type {arr.type}; expected int64, timestamp or duration")
        if arr.null_count:
            raise ValueError(f"index column {name!r} contains nulls (time columns must be dense)")
        timeline = (field.metadata or {}).get(b"rerun:index_name", name.encode()).decode() or name
        timelines[timeline] = (kind, arr.cast(pa.int64()).to_numpy(zero_copy_only=False).copy())
    per_entity: dict[str, dict[str, Column]] = {}
    default_path = (meta.get(b"rerun:entity_path") or b"").decode() or None
    for field, arr in zip(batch.schema, batch.columns):
        if field.name in index_names or _is_row_id(field) or _is_index_meta(field):
            continue
        path, desc = _component_of(field, default_path, entity_path)
        if not (pa.types.is_list(arr.type) or pa.types.is_large_list(arr.type)):
            arr = pa.ListArray.from_arrays(pa.array(np.arange(len(arr) + 1, dtype=np.int32)), arr)
        per_entity.setdefault(path, {})[desc.component] = Column.from_arrow(desc, arr)
    if not per_entity:
        raise ValueError("the batch has no component columns (nothing to log)")
    out = []
    for path, columns in per_entity.items():
        row_hi, row_lo = TUIDS.next_many(batch.num_rows)
        out.append(StoreChunk(path, row_hi, row_lo, dict(timelines), columns))
    return out


def _component_of(field: pa.Field, batch_path: str | None, default: str | None) -> tuple[str, ComponentDescriptor]:
    fmeta = field.metadata or {}
    comp = (fmeta.get(b"rerun:component") or b"").decode() or None
    path = (fmeta.get(b"rerun:entity_path") or b"").decode() or batch_path
    if comp is None:
        comp = field.name
        if path is None and field.name.startswith("/") and ":" in field.name:
            path, comp = field.name.split(":", 1)  # "/point:Points3D:positions"
    archetype = (fmeta.get(b"rerun:archetype") or b"").decode() or None
    component_type = (fmeta.get(b"rerun:component_type") or b"").decode() or None
    path = normalize_entity_path(path or default or "/")
    return path, ComponentDescriptor(comp, archetype=archetype, component_type=component_type)


def record_batches_of(dataframe: Any) -> Any:
    """Record batches of a pyarrow Table / RecordBatch / RecordBatchReader / Arrow C stream (datafusion, polars)."""
    if isinstance(dataframe, pa.RecordBatch):
        return iter([dataframe])
    if isinstance(dataframe, pa.Table):
        return iter(dataframe.to_batches())
    if isinstance(dataframe, pa.RecordBatchReader):
        return iter(dataframe)
    if hasattr(dataframe, "__arrow_c_stream__"):
        return iter(pa.RecordBatchReader.from_stream(dataframe))
    raise TypeError(f"expected a pyarrow Table, RecordBatch, RecordBatchReader or an Arrow C stream, "
                    f"got {type(dataframe).__name__}")
