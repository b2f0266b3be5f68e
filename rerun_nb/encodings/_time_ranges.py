"""Time-range datatypes of 0.41 (`TimeInt`, `TimeRangeBoundary`, `TimeRange`, `VisibleTimeRange`,
`TensorBuffer`): Arrow dense unions built exactly as rerun-sdk builds them."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyarrow as pa

from .._baseclasses import ComponentType

BOUNDARY_TYPE = pa.union([
    pa.field("_null_markers", pa.null(), True), pa.field("CursorRelative", pa.int64(), False),
    pa.field("Absolute", pa.int64(), False), pa.field("Infinite", pa.null(), True)], "dense", [0, 1, 2, 3])
TIME_RANGE_TYPE = pa.struct([pa.field("start", BOUNDARY_TYPE), pa.field("end", BOUNDARY_TYPE)])
VISIBLE_TIME_RANGE_TYPE = pa.struct([pa.field("timeline", pa.utf8(), False),
                                     pa.field("range", TIME_RANGE_TYPE, False)])
_KIND_CODES = {"cursor_relative": 1, "absolute": 2, "infinite": 3}


def _time_value(what: str, time: Any, seq: Any, seconds: Any, nanos: Any) -> int | None:
    given = [(k, v) for k, v in (("time", time), ("seq", seq), ("seconds", seconds), ("nanos", nanos))
             if v is not None]
    if len(given) > 1:
        raise ValueError(f"{what}: give at most one of the time, `seq`, `seconds` or `nanos`")
    if not given:
        return None
    kind, value = given[0]
    if kind == "time":
        return int(getattr(value, "value", value))
    return int(value * 1e9) if kind == "seconds" else int(value)


class TimeInt:
    """A time value on a timeline: `seq=` (sequence), `seconds=` or `nanos=` (stored as int64 `value`)."""

    def __init__(self, *, seq: int | None = None, seconds: float | None = None, nanos: int | None = None) -> None:
        value = _time_value("TimeInt", None, seq, seconds, nanos)
        if value is None:
            raise ValueError("TimeInt: give one of `seq`, `seconds` or `nanos`")
        self.value = value

    def __int__(self) -> int:
        return self.value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TimeInt) and other.value == self.value

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"TimeInt(value={self.value})"


class TimeRangeBoundary:
    """One end of a time range: relative to the time cursor, absolute, or infinite."""

    def __init__(self, inner: TimeInt | None, kind: str = "cursor_relative") -> None:
        if kind not in _KIND_CODES:
            raise ValueError(f"TimeRangeBoundary kind must be one of {list(_KIND_CODES)}, got {kind!r}")
        self.inner = inner
        self.kind = kind

    @staticmethod
    def cursor_relative(offset: TimeInt | None = None, *, seq: int | None = None, seconds: float | None = None,
                        nanos: int | None = None) -> TimeRangeBoundary:
        value = _time_value("cursor_relative", offset, seq, seconds, nanos)
        return TimeRangeBoundary(TimeInt(nanos=0 if value is None else value), "cursor_relative")

    @staticmethod
    def absolute(time: TimeInt | None = None, *, seq: int | None = None, seconds: float | None = None,
                 nanos: int | None = None) -> TimeRangeBoundary:
        value = _time_value("absolute", time, seq, seconds, nanos)
        if value is None:
            raise ValueError("absolute: give the time, `seq`, `seconds` or `nanos`")
        return TimeRangeBoundary(TimeInt(nanos=value), "absolute")

    @staticmethod
    def infinite() -> TimeRangeBoundary:
        return TimeRangeBoundary(None, "infinite")

    def __repr__(self) -> str:
        return f"TimeRangeBoundary(inner={self.inner!r}, kind={self.kind!r})"


def boundaries_to_arrow(items: list[TimeRangeBoundary | None]) -> pa.Array:
    codes, offsets, cursor, absolute = [], [], [], []
    n_null = n_inf = 0
    for b in items:
        if b is None:
            codes.append(0)
            offsets.append(n_null)
            n_null += 1
        elif b.kind == "infinite":
            codes.append(3)
            offsets.append(n_inf)
            n_inf += 1
        else:
            target = cursor if b.kind == "cursor_relative" else absolute
            codes.append(_KIND_CODES[b.kind])
            offsets.append(len(target))
            target.append(int(b.inner.value))
    children = [pa.nulls(n_null), pa.array(cursor, pa.int64()), pa.array(absolute, pa.int64()), pa.nulls(n_inf)]
    return pa.Array.from_buffers(BOUNDARY_TYPE, len(codes),
                                 [None, pa.py_buffer(np.array(codes, np.int8)), pa.py_buffer(np.array(offsets, np.int32))],
                                 children=children)


class TimeRange:
    """A time range: `start` and `end` boundaries."""

    def __init__(self, start: TimeRangeBoundary, end: TimeRangeBoundary) -> None:
        self.start = start
        self.end = end

    def __repr__(self) -> str:
        return f"TimeRange(start={self.start!r}, end={self.end!r})"


def time_ranges_to_arrow(items: list[TimeRange]) -> pa.Array:
    return pa.StructArray.from_arrays([boundaries_to_arrow([r.start for r in items]),
                                       boundaries_to_arrow([r.end for r in items])], fields=list(TIME_RANGE_TYPE))


class VisibleTimeRange:
    """The time range a view shows on `timeline`: `range=TimeRange(...)` or `start=` / `end=`."""

    def __init__(self, timeline: str, range: TimeRange | None = None, *,
                 start: TimeRangeBoundary | None = None, end: TimeRangeBoundary | None = None) -> None:
        if range is None:
            if start is None or end is None:
                raise ValueError("VisibleTimeRange: give `range=` or both `start=` and `end=`")
            range = TimeRange(start, end)
        elif start is not None or end is not None:
            raise ValueError("VisibleTimeRange: give `range=` or `start=`/`end=`, not both")
        self.timeline = str(timeline)
        self.range = range

    def __repr__(self) -> str:
        return f"VisibleTimeRange({self.timeline!r}, range={self.range!r})"


def _as_list(data: Any, cls: type) -> list:
    return [data] if isinstance(data, cls) else list(data)


def _boundary_batch(data: Any) -> pa.Array:
    return boundaries_to_arrow(_as_list(data, TimeRangeBoundary))


def _time_range_batch(data: Any) -> pa.Array:
    return time_ranges_to_arrow(_as_list(data, TimeRange))


def _visible_batch(data: Any) -> pa.Array:
    items = _as_list(data, VisibleTimeRange)
    return pa.StructArray.from_arrays([pa.array([v.timeline for v in items], pa.utf8()),
                                       time_ranges_to_arrow([v.range for v in items])],
                                      fields=list(VISIBLE_TIME_RANGE_TYPE))


def _time_ints(data: Any) -> np.ndarray:
    items = [data] if isinstance(data, TimeInt | int) else list(data)
    return np.array([int(getattr(i, "value", i)) for i in items], np.int64)


class TensorBuffer:
    """The flat values of a tensor, tagged with their type (`TensorBuffer(np.array([...], np.uint8))`)."""

    def __init__(self, inner: Any) -> None:
        self.inner = np.asarray(inner).reshape(-1)

    def __repr__(self) -> str:
        return f"TensorBuffer(inner={self.inner!r})"


def _tensor_buffers(data: Any) -> pa.Array:
    from ..components._types import _TENSOR_ARROW, _TENSOR_UNION_NAMES, TENSOR_BUFFER_TYPE

    items = [data] if isinstance(data, TensorBuffer | np.ndarray) else list(data)
    arrays = [np.asarray(getattr(i, "inner", i)).reshape(-1) for i in items]
    per_code: dict[int, list[np.ndarray]] = {}
    codes, offsets = [], []
    for arr in arrays:
        kind = {"u": "U", "i": "I", "f": "F"}.get(arr.dtype.kind)
        if kind is None:
            raise TypeError(f"a tensor buffer holds numbers, got {arr.dtype}")
        code = _TENSOR_UNION_NAMES.index(f"{kind}{arr.dtype.itemsize * 8}")
        codes.append(code)
        offsets.append(len(per_code.setdefault(code, [])))
        per_code[code].append(arr)
    children = []
    for code, arrow_type in enumerate(_TENSOR_ARROW):
        if code == 0:
            children.append(pa.nulls(0))
            continue
        rows = per_code.get(code, [])
        lengths = np.zeros(len(rows) + 1, np.int32)
        np.cumsum([len(r) for r in rows], out=lengths[1:])
        flat = np.concatenate(rows) if rows else np.empty(0, arrow_type.value_type.to_pandas_dtype())
        children.append(pa.ListArray.from_arrays(pa.array(lengths), pa.array(flat)).cast(arrow_type))
    return pa.Array.from_buffers(TENSOR_BUFFER_TYPE, len(codes),
                                 [None, pa.py_buffer(np.array(codes, np.int8)),
                                  pa.py_buffer(np.array(offsets, np.int32))], children=children)


def _ct(name: str, arrow_type: pa.DataType, convert: Any) -> ComponentType:
    return ComponentType(f"rerun.datatypes.{name}", arrow_type, convert)


def time_range_types() -> dict[str, ComponentType]:
    from ..components._types import TENSOR_BUFFER_TYPE

    return {
        "TimeRangeBoundary": _ct("TimeRangeBoundary", BOUNDARY_TYPE, _boundary_batch),
        "TimeRange": _ct("TimeRange", TIME_RANGE_TYPE, _time_range_batch),
        "VisibleTimeRange": _ct("VisibleTimeRange", VISIBLE_TIME_RANGE_TYPE, _visible_batch),
        "TensorBuffer": _ct("TensorBuffer", TENSOR_BUFFER_TYPE, _tensor_buffers),
        "TimeInt": _ct("TimeInt", pa.int64(), _time_ints),
    }
