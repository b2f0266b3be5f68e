"""send_columns: many rows of one entity in one call, built straight into one chunk."""

from __future__ import annotations

from collections.abc import Callable
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
        if index._error is not None:
            raise ValueError(index._error)
        return index.timeline, index.kind, index.times
    if not (hasattr(index, "timeline_name") and hasattr(index, "as_arrow_array")):
        raise TypeError(f"`indexes` must hold rr.TimeColumn(...) objects, got {type(index).__name__}")
    name = index.timeline_name()
    arr = index.as_arrow_array()
    kind = kind_of_arrow_type(arr.type)
    if kind is None:
        raise TypeError(f"time column {name!r} has unsupported type {arr.type}")
    if arr.null_count:
        raise ValueError(f"time column {name!r} has {arr.null_count} null times")
    return name, kind, arr.cast(pa.int64()).to_numpy(zero_copy_only=False)


def _as_list(value: Any, what: str) -> list[Any]:
    """`indexes` / `columns` as a list; a string or a single object is not a sequence of them."""
    error = getattr(value, "_error", None)
    if isinstance(error, str):
        raise ValueError(error)  # noqa: TRY004 - the value's content was bad (reported by its constructor)
    if isinstance(value, (str, bytes, dict)) or not hasattr(value, "__iter__"):
        raise TypeError(f"`{what}` must be a list, got {type(value).__name__}")
    return list(value)


def _flatten_columns(columns: list[Any]) -> list[Any]:
    out = []
    for col in columns:
        if isinstance(getattr(col, "_error", None), str):  # a column list built from bad input
            raise ValueError(col._error)  # noqa: TRY004 - its content was bad, not its type
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


def build_columns_chunk(path: str, indexes: Any, columns: Any,
                        check_timeline_kind: Callable[[str, str], None]) -> Chunk | None:
    """One chunk from `send_columns`' arguments; raises TypeError/ValueError for bad input (nothing is
    logged then). `check_timeline_kind(name, kind)` raises if a timeline already has another kind."""
    timelines = {}
    num_rows = None
    for index in _as_list(indexes, "indexes"):
        name, kind, times = _index_column(index)
        check_timeline_kind(name, kind)
        if name in timelines:
            raise ValueError(f"timeline {name!r} is given twice")
        if num_rows is not None and len(times) != num_rows:
            raise ValueError(f"time column {name!r} has {len(times)} rows, expected {num_rows}")
        num_rows = len(times)
        timelines[name] = (kind, np.ascontiguousarray(times, np.int64))
    flat = _flatten_columns(_as_list(columns, "columns"))
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
