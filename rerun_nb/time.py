"""Timeline kinds, time value conversion (same rules as rerun-sdk 0.41) and TimeColumn."""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone
from typing import Any

import numpy as np
import pyarrow as pa

__all__ = ["KINDS", "TimeColumn", "index_arrow_type", "time_to_int64"]

KINDS = ("sequence", "duration", "timestamp")
_ARROW_BY_KIND = {"sequence": pa.int64(), "duration": pa.duration("ns"), "timestamp": pa.timestamp("ns")}


def index_arrow_type(kind: str) -> pa.DataType:
    return _ARROW_BY_KIND[kind]


def kind_of_arrow_type(arrow_type: pa.DataType) -> str | None:
    if pa.types.is_int64(arrow_type):
        return "sequence"
    if pa.types.is_duration(arrow_type):
        return "duration"
    if pa.types.is_timestamp(arrow_type):
        return "timestamp"
    return None


def _check_finite(value: float, what: str) -> None:
    if not math.isfinite(value):
        raise ValueError(f"{what} must be finite, got {value}")


def sequence_to_int64(value: Any) -> int:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"sequence must be an integer, got {type(value).__name__}")
    return int(value)


def duration_to_ns(value: Any) -> int:
    """Seconds (int/float), timedelta or numpy timedelta64 -> nanoseconds."""
    if isinstance(value, np.timedelta64):
        if np.isnat(value):
            raise ValueError("duration must not be NaT")
        return int(value.astype("timedelta64[ns]").astype(np.int64))
    if isinstance(value, timedelta):
        return round(1e9 * value.total_seconds())
    if isinstance(value, (bool, np.bool_)):
        raise TypeError("duration must be seconds, a timedelta or a numpy.timedelta64, got bool")
    if isinstance(value, (int, np.integer)):
        return 1_000_000_000 * int(value)
    if isinstance(value, (float, np.floating)):
        _check_finite(float(value), "duration")
        return round(1e9 * float(value))
    raise TypeError(f"duration must be seconds, a timedelta or a numpy.timedelta64, got {type(value).__name__}")


def timestamp_to_ns(value: Any) -> int:
    """Seconds since the epoch (int/float), datetime or numpy datetime64 -> nanoseconds since the epoch."""
    if isinstance(value, np.datetime64):
        if np.isnat(value):
            raise ValueError("timestamp must not be NaT")
        return int(value.astype("datetime64[ns]").astype(np.int64))
    if isinstance(value, datetime):
        to_datetime64 = getattr(value, "to_datetime64", None)  # pandas Timestamp keeps its nanoseconds
        if to_datetime64 is not None:
            return int(to_datetime64().astype("datetime64[ns]").astype(np.int64))
        value = value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)
        return round(1e9 * (value - datetime(1970, 1, 1, tzinfo=timezone.utc)).total_seconds())
    if isinstance(value, (bool, np.bool_)):
        raise TypeError("timestamp must be seconds since the epoch, a datetime or a numpy.datetime64, got bool")
    if isinstance(value, (int, np.integer, float, np.floating)):
        _check_finite(float(value), "timestamp")
        if value > 1e11:
            raise ValueError("timestamp: expected seconds since the unix epoch, but this looks like milliseconds")
        return int(np.round(1e9 * float(value)))
    raise TypeError(
        f"timestamp must be seconds since the epoch, a datetime or a numpy.datetime64, got {type(value).__name__}"
    )


_CONVERT = {"sequence": sequence_to_int64, "duration": duration_to_ns, "timestamp": timestamp_to_ns}


def time_to_int64(*, sequence: Any = None, duration: Any = None, timestamp: Any = None,
                  what: str = "set_time") -> tuple[str, int]:
    """Exactly one of the three keyword forms -> (kind, raw int64 value)."""
    given = [(k, v) for k, v in (("sequence", sequence), ("duration", duration), ("timestamp", timestamp))
             if v is not None]
    if len(given) != 1:
        raise ValueError(f"{what}: exactly one of `sequence`, `duration` and `timestamp` must be set")
    kind, value = given[0]
    return kind, _CONVERT[kind](value)


def _column_to_int64(kind: str, values: Any) -> np.ndarray:
    """A whole column of times -> int64 (vectorized for numpy input)."""
    if isinstance(values, (pa.Array, pa.ChunkedArray)):
        values = values.to_numpy(zero_copy_only=False)
    arr = np.asarray(values) if not isinstance(values, np.ndarray) else values
    if arr.dtype.kind == "m" and kind == "duration":
        return arr.astype("timedelta64[ns]").astype(np.int64)
    if arr.dtype.kind == "M" and kind == "timestamp":
        return arr.astype("datetime64[ns]").astype(np.int64)
    if arr.dtype.kind in "iu":
        if kind == "sequence":
            return arr.astype(np.int64)
        if kind == "timestamp" and arr.size and arr.max() > 1e11:
            raise ValueError("timestamp: expected seconds since the unix epoch, but this looks like milliseconds")
        return arr.astype(np.int64) * 1_000_000_000
    if arr.dtype.kind == "f":
        if kind == "sequence":
            raise TypeError("sequence times must be integers, got floats")
        if not np.isfinite(arr).all():
            raise ValueError(f"{kind} times must be finite")
        if kind == "timestamp" and arr.size and arr.max() > 1e11:
            raise ValueError("timestamp: expected seconds since the unix epoch, but this looks like milliseconds")
        return np.round(arr * 1e9).astype(np.int64)
    return np.array([_CONVERT[kind](v) for v in arr.reshape(-1)], np.int64)


class TimeColumn:
    """A column of times for `send_columns`: `TimeColumn("frame", sequence=[0, 1, 2])`."""

    __slots__ = ("kind", "timeline", "times")

    def __init__(self, timeline: str, *, sequence: Iterable[int] | None = None, duration: Any = None,
                 timestamp: Any = None):
        given = [(k, v) for k, v in (("sequence", sequence), ("duration", duration), ("timestamp", timestamp))
                 if v is not None]
        if len(given) != 1:
            raise ValueError("TimeColumn: exactly one of `sequence`, `duration` and `timestamp` must be set")
        self.timeline = timeline
        self.kind, values = given[0]
        self.times = _column_to_int64(self.kind, values).reshape(-1)

    def timeline_name(self) -> str:
        return self.timeline

    def as_arrow_array(self) -> pa.Array:
        return pa.array(self.times, pa.int64()).cast(_ARROW_BY_KIND[self.kind])

    def __len__(self) -> int:
        return len(self.times)
