"""Timeline kinds, time value conversion (same rules as rerun-sdk 0.41) and TimeColumn."""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone
from typing import Any, Protocol

import numpy as np
import pyarrow as pa

from .error_utils import RerunError, strict_mode

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


INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


def _check_finite(value: float, what: str) -> None:
    if not math.isfinite(value):
        raise ValueError(f"{what} must be finite, got {value}")


def _check_int64(value: int, what: str, unit: str = "") -> int:
    """Every time value is an int64 in the store and in files: refuse what does not fit, here, at the call."""
    if not INT64_MIN <= value <= INT64_MAX:
        raise ValueError(f"{what} {value}{unit} is out of range: times are 64-bit ({INT64_MIN} to {INT64_MAX}{unit})")
    return value


def sequence_to_int64(value: Any) -> int:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"sequence must be an integer, got {type(value).__name__}")
    return _check_int64(int(value), "sequence")


def duration_to_ns(value: Any) -> int:
    """Seconds (int/float), timedelta or numpy timedelta64 -> nanoseconds."""
    if isinstance(value, np.timedelta64):
        if np.isnat(value):
            raise ValueError("duration must not be NaT")
        return _timedelta64_ns(value, "duration")
    if isinstance(value, timedelta):
        # Exact integer arithmetic: total_seconds() is a float and loses nanoseconds past ~104 days.
        micros = (value.days * 86_400 + value.seconds) * 1_000_000 + value.microseconds
        return _check_int64(micros * 1000, "duration", " ns")
    if isinstance(value, (bool, np.bool_)):
        raise TypeError("duration must be seconds, a timedelta or a numpy.timedelta64, got bool")
    if isinstance(value, (int, np.integer)):
        return _check_int64(1_000_000_000 * int(value), "duration", " ns")
    if isinstance(value, (float, np.floating)):
        _check_finite(float(value), "duration")
        return _check_int64(round(1e9 * float(value)), "duration", " ns")
    raise TypeError(f"duration must be seconds, a timedelta or a numpy.timedelta64, got {type(value).__name__}")


def timestamp_to_ns(value: Any) -> int:
    """Seconds since the epoch (int/float), datetime or numpy datetime64 -> nanoseconds since the epoch."""
    if isinstance(value, np.datetime64):
        if np.isnat(value):
            raise ValueError("timestamp must not be NaT")
        return _timedelta64_ns(value - np.datetime64(0, "s"), "timestamp")
    if isinstance(value, datetime):
        to_datetime64 = getattr(value, "to_datetime64", None)  # pandas Timestamp keeps its nanoseconds
        if to_datetime64 is not None:
            return int(to_datetime64().astype("datetime64[ns]").astype(np.int64))
        value = value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)
        delta = value - datetime(1970, 1, 1, tzinfo=timezone.utc)
        micros = (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds
        return _check_int64(micros * 1000, "timestamp", " ns")
    if isinstance(value, (bool, np.bool_)):
        raise TypeError("timestamp must be seconds since the epoch, a datetime or a numpy.datetime64, got bool")
    if isinstance(value, (int, np.integer, float, np.floating)):
        _check_finite(float(value), "timestamp")
        if value > 1e11:
            raise ValueError("timestamp: expected seconds since the unix epoch, but this looks like milliseconds")
        return _check_int64(int(np.round(1e9 * float(value))), "timestamp", " ns")
    raise TypeError(
        f"timestamp must be seconds since the epoch, a datetime or a numpy.datetime64, got {type(value).__name__}"
    )


def _timedelta64_ns(value: np.timedelta64, what: str) -> int:
    """Nanoseconds of a numpy timedelta64 in any unit, exactly (numpy's own cast wraps around silently)."""
    unit, count = np.datetime_data(value.dtype)
    per_unit_ns = {"W": 604_800 * 10**9, "D": 86_400 * 10**9, "h": 3_600 * 10**9, "m": 60 * 10**9, "s": 10**9,
                   "ms": 10**6, "us": 10**3, "ns": 1}.get(unit)
    if per_unit_ns is None:  # months / years have no fixed length; finer than ns is rounded by numpy
        return int(value.astype("timedelta64[ns]").astype(np.int64))
    return _check_int64(int(value.astype(np.int64)) * count * per_unit_ns, what, " ns")


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
    """A whole column of times -> int64 (vectorized for numpy input); refuses values outside int64."""
    if isinstance(values, (pa.Array, pa.ChunkedArray)):
        values = values.to_numpy(zero_copy_only=False)
    arr = np.asarray(values) if not isinstance(values, np.ndarray) else values
    if arr.dtype.kind in "mM":
        if arr.dtype.kind != ("m" if kind == "duration" else "M") or kind == "sequence":
            raise TypeError(f"{kind} times can't be numpy {arr.dtype}")
        if np.isnat(arr).any():
            raise ValueError(f"{kind} times must not be NaT")
        ns = arr.astype(f"{arr.dtype.kind}8[ns]")
        if (ns.astype(arr.dtype) != arr).any():  # numpy wraps around silently when ns overflow int64
            raise ValueError(f"{kind} times are out of range: they do not fit 64-bit nanoseconds")
        return ns.astype(np.int64)
    if arr.dtype.kind in "iu":
        if arr.size and arr.dtype.kind == "u" and arr.max() > INT64_MAX:
            raise ValueError(f"{kind} times are out of range: {int(arr.max())} does not fit 64 bits")
        if kind == "sequence":
            return arr.astype(np.int64)
        if kind == "timestamp" and arr.size and arr.max() > 1e11:
            raise ValueError("timestamp: expected seconds since the unix epoch, but this looks like milliseconds")
        if arr.size and max(abs(int(arr.min())), abs(int(arr.max()))) > INT64_MAX // 1_000_000_000:
            raise ValueError(f"{kind} times are out of range: seconds * 1e9 do not fit 64-bit nanoseconds")
        return arr.astype(np.int64) * 1_000_000_000
    if arr.dtype.kind == "f":
        if kind == "sequence":
            raise TypeError("sequence times must be integers, got floats")
        if not np.isfinite(arr).all():
            raise ValueError(f"{kind} times must be finite")
        if kind == "timestamp" and arr.size and arr.max() > 1e11:
            raise ValueError("timestamp: expected seconds since the unix epoch, but this looks like milliseconds")
        ns = np.round(arr.astype(np.float64) * 1e9)
        if ns.size and np.abs(ns).max() >= 2.0**63:
            raise ValueError(f"{kind} times are out of range: they do not fit 64-bit nanoseconds")
        return ns.astype(np.int64)
    if arr.dtype.kind == "b":
        raise TypeError(f"{kind} times can't be booleans")
    if arr.dtype.kind not in "O":
        raise TypeError(f"{kind} times must be numbers (or datetimes/timedeltas), got {arr.dtype}")
    return np.array([_CONVERT[kind](v) for v in arr.reshape(-1)], np.int64)


class TimeColumn:
    """A column of times for `send_columns`: `TimeColumn("frame", sequence=[0, 1, 2])`."""

    __slots__ = ("_error", "kind", "timeline", "times")

    def __init__(self, timeline: str, *, sequence: Iterable[int] | None = None, duration: Any = None,
                 timestamp: Any = None):
        # Bad input is reported here (strict mode raises a RerunError) and kept in `_error`, so that
        # `send_columns` drops the call with the entity path instead of raising in the user's loop.
        self._error: str | None = None
        self.timeline = timeline
        self.kind, self.times = "sequence", np.empty(0, np.int64)
        try:
            if not isinstance(timeline, str) or not timeline:
                raise TypeError(f"the timeline name must be a non-empty string, got {timeline!r}")
            given = [(k, v) for k, v in (("sequence", sequence), ("duration", duration), ("timestamp", timestamp))
                     if v is not None]
            if len(given) != 1:
                raise ValueError("exactly one of `sequence`, `duration` and `timestamp` must be set")
            kind, values = given[0]
            self.kind, self.times = kind, _column_to_int64(kind, values).reshape(-1)
        except (TypeError, ValueError, OverflowError) as exc:
            self._error = f"rr.TimeColumn({timeline!r}): {exc}"
            if strict_mode():
                raise RerunError(self._error) from exc

    def timeline_name(self) -> str:
        return self.timeline

    def as_arrow_array(self) -> pa.Array:
        return pa.array(self.times, pa.int64()).cast(_ARROW_BY_KIND[self.kind])

    def __len__(self) -> int:
        return len(self.times)


# --- rerun.time's public names --------------------------------------------------------------


def to_nanos(duration: Any) -> int:
    """A duration (seconds as int/float, timedelta, numpy timedelta64) in nanoseconds, as `set_time(duration=)`."""
    return duration_to_ns(duration)


def to_nanos_since_epoch(timestamp: Any) -> int:
    """A timestamp (seconds since the epoch, datetime, numpy datetime64, pyarrow timestamp) in ns since the epoch."""
    if isinstance(timestamp, pa.TimestampScalar):
        return int(timestamp.cast(pa.timestamp("ns")).value)
    return timestamp_to_ns(timestamp)


class TimeColumnLike(Protocol):
    """What `send_columns` takes as an index: a timeline name and its times as an Arrow array."""

    def timeline_name(self) -> str:
        """The name of the timeline."""
        ...

    def as_arrow_array(self) -> pa.Array:
        """The times."""
        ...


_SDK_TIME_FUNCTIONS = ("set_time", "reset_time", "disable_timeline", "set_log_time_enabled", "set_log_tick_enabled")


def __getattr__(name: str) -> Any:
    # rerun.time also holds the time-cursor functions; they live with the SDK front-end (`_log`), which
    # imports this module, so they are looked up on first use.
    if name in _SDK_TIME_FUNCTIONS:
        from . import _log

        return getattr(_log, name)
    raise AttributeError(f"module 'rerun_nb.time' has no attribute {name!r}")
