"""Checks that a decoded record batch has Rerun's chunk layout (rrd-format.md section 6)."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from ._errors import RrdError

ROW_ID_NAME = "rerun.controls.RowId"
_INDEX_TYPES = "int64, duration[ns] or timestamp[ns]"


def field_kind(f: pa.Field) -> str:
    meta = f.metadata or {}
    return meta.get(b"rerun:kind", b"data").decode("utf-8", "replace")


def is_index_type(t: pa.DataType) -> bool:
    return (t == pa.int64() or (pa.types.is_duration(t) and t.unit == "ns")
            or (pa.types.is_timestamp(t) and t.unit == "ns"))


def chunk_entity_path(batch: pa.RecordBatch) -> str | None:
    meta = batch.schema.metadata or {}
    raw = meta.get(b"rerun:entity_path")
    return None if raw is None else raw.decode("utf-8", "replace")


def chunk_id_text(batch: pa.RecordBatch) -> str | None:
    meta = batch.schema.metadata or {}
    raw = meta.get(b"rerun:id", meta.get(b"rerun.id"))
    return None if raw is None else raw.decode("utf-8", "replace")


def check_chunk(batch: pa.RecordBatch, offset: int) -> None:
    """Raise `RrdError` (naming ``offset``) unless ``batch`` is a well-formed Rerun chunk."""
    if chunk_entity_path(batch) is None:
        raise RrdError("chunk schema has no 'rerun:entity_path' metadata", offset=offset,
                       expected="schema metadata rerun:entity_path")
    if chunk_id_text(batch) is None:
        raise RrdError("chunk schema has no 'rerun:id' metadata", offset=offset, expected="schema metadata rerun:id")
    row_ids = 0
    for i, f in enumerate(batch.schema):
        kind = field_kind(f)
        col = batch.column(i)
        if kind == "control":
            if f.type != pa.binary(16):
                raise RrdError(f"control column {f.name!r} has type {f.type}", offset=offset,
                               expected="fixed_size_binary[16] row ids")
            if col.null_count:
                raise RrdError(f"row id column {f.name!r} contains nulls", offset=offset, expected="no nulls")
            row_ids += 1
        elif kind == "index":
            if not is_index_type(f.type):
                raise RrdError(f"index column {f.name!r} has type {f.type}", offset=offset, expected=_INDEX_TYPES)
            if col.null_count:
                raise RrdError(f"index column {f.name!r} contains nulls", offset=offset, expected="no nulls")
    if row_ids != 1:
        raise RrdError(f"chunk has {row_ids} row id columns", offset=offset,
                       expected="exactly one column with rerun:kind=control")


def int64_values(col: pa.Array) -> np.ndarray:
    """Values of a null-free int64/duration/timestamp column as a numpy view of its data buffer.

    (``Array.cast`` and ``to_numpy`` import pandas inside pyarrow; reading the buffer does not.)
    """
    data = col.buffers()[1]
    return np.frombuffer(data, dtype=np.int64)[col.offset:col.offset + len(col)] if data is not None else \
        np.zeros(0, np.int64)


def list_offsets(col: pa.Array) -> np.ndarray:
    """The n+1 offsets of a List/LargeList column as a numpy view."""
    dtype = np.int64 if pa.types.is_large_list(col.type) else np.int32
    return np.frombuffer(col.buffers()[1], dtype=dtype)[col.offset:col.offset + len(col) + 1]
