"""send_columns: many rows of one entity in one call, built straight into one chunk."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyarrow as pa

from ._baseclasses import ComponentColumn, ComponentDescriptor
from .store import Chunk
from .store._chunk import Column, _child_values
from .store._ids import TUIDS
from .time import TimeColumn, kind_of_arrow_type


def _index_column(index: Any) -> tuple[str, str, np.ndarray]:
    if isinstance(index, TimeColumn):
        return index.timeline, index.kind, index.times
    name = index.timeline_name()
    arr = index.as_arrow_array()
    kind = kind_of_arrow_type(arr.type)
    if kind is None:
        raise TypeError(f"time column {name!r} has unsupported type {arr.type}")
    return name, kind, arr.cast(pa.int64()).to_numpy(zero_copy_only=False)


def _flatten_columns(columns: list[Any]) -> list[Any]:
    out = []
    for col in columns:
        if isinstance(col, (list, tuple)):
            out.extend(_flatten_columns(list(col)))
        else:
            out.append(col)
    return out


def _component_column(col: Any, num_rows: int) -> Column:
    if isinstance(col, ComponentColumn):
        desc, data = col.descriptor, col.data
        lengths = np.ones(len(data), np.int64) if col.lengths is None else col.lengths
    elif hasattr(col, "component_descriptor") and hasattr(col, "as_arrow_array"):
        desc = col.component_descriptor()
        arr = col.as_arrow_array()
        if not pa.types.is_list(arr.type):
            raise TypeError(f"column {desc.component!r} must be a list array, got {arr.type}")
        if len(arr) != num_rows:
            raise ValueError(f"column {desc.component!r} has {len(arr)} rows, the time columns have {num_rows}")
        return Column.from_arrow(desc, arr)
    else:
        raise TypeError(f"expected component columns (e.g. rr.Points3D.columns(...)), got {type(col).__name__}")
    if len(lengths) != num_rows:
        raise ValueError(f"column {desc.component!r} has {len(lengths)} rows, the time columns have {num_rows}")
    if (lengths < 0).any():
        raise ValueError(f"column {desc.component!r} has negative partition lengths")
    offsets = np.zeros(num_rows + 1, np.int64)
    np.cumsum(lengths, out=offsets[1:])
    if offsets[-1] != len(data):
        raise ValueError(f"column {desc.component!r}: partition lengths sum to {offsets[-1]}, "
                         f"but it holds {len(data)} instances")
    values = data if isinstance(data, np.ndarray) else _child_values(data)
    return Column(desc if isinstance(desc, ComponentDescriptor) else ComponentDescriptor(str(desc)),
                  offsets, None, values)


def build_columns_chunk(path: str, indexes: list[Any], columns: list[Any],
                        timeline_kinds: dict[str, str]) -> Chunk | None:
    timelines = {}
    num_rows = None
    for index in indexes:
        name, kind, times = _index_column(index)
        known = timeline_kinds.setdefault(name, kind)
        if known != kind:
            raise ValueError(f"timeline {name!r} is a {known} timeline, got a {kind} column")
        if num_rows is not None and len(times) != num_rows:
            raise ValueError(f"time column {name!r} has {len(times)} rows, expected {num_rows}")
        num_rows = len(times)
        timelines[name] = (kind, np.ascontiguousarray(times, np.int64))
    flat = _flatten_columns(columns)
    if num_rows is None:  # static: the row count comes from the columns
        counts = {c.num_rows() if isinstance(c, ComponentColumn) else len(c.as_arrow_array()) for c in flat}
        if len(counts) > 1:
            raise ValueError(f"static columns have different row counts {sorted(counts)}")
        num_rows = counts.pop() if counts else 0
    if num_rows == 0 or not flat:
        return None
    cols = {}
    for col in flat:
        column = _component_column(col, num_rows)
        cols[column.descriptor.component] = column
    row_hi, row_lo = TUIDS.next_many(num_rows)
    return Chunk(path, row_hi, row_lo, timelines, cols)
