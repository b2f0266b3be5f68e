"""Timeline helpers without widgets: default timeline, slider grid, labels in the timeline's unit."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from ..time import time_to_int64

__all__ = ["BUILTIN_TIMELINES", "TimeGrid", "default_timeline", "format_time", "to_raw_time"]

BUILTIN_TIMELINES = ("log_time", "log_tick")
MAX_SLIDER_STEPS = 10_000
NS_PER_S = 1_000_000_000


def default_timeline(names) -> str | None:
    """The user's own timeline (first by name) over ``log_time`` / ``log_tick``."""
    names = sorted(names)
    custom = [n for n in names if n not in BUILTIN_TIMELINES]
    if custom:
        return custom[0]
    for name in BUILTIN_TIMELINES:
        if name in names:
            return name
    return None


def format_time(kind: str, raw: int | None) -> str:
    """A time value in its timeline's unit: frames, seconds, or a UTC date."""
    if raw is None:
        return "latest"
    if kind == "sequence":
        return f"#{raw}"
    if kind == "duration":
        secs = raw / NS_PER_S
        return f"{secs:.3f} s" if abs(secs) < 1e5 else f"{secs:.0f} s"
    stamp = _dt.datetime.fromtimestamp(raw // NS_PER_S, tz=_dt.timezone.utc)
    return stamp.strftime("%Y-%m-%d %H:%M:%S") + f".{(raw % NS_PER_S) // 1_000_000:03d}Z"


def to_raw_time(*, sequence=None, duration=None, timestamp=None) -> tuple[str, int]:
    """(kind, raw int64) from ``rr.set_time``-style keywords (the core's conversion, same rules)."""
    return time_to_int64(sequence=sequence, duration=duration, timestamp=timestamp, what="Viewer.set_time")


@dataclass(frozen=True)
class TimeGrid:
    """Uniform slider positions over a timeline's range: index i <-> raw ``t_min + i * step``."""

    t_min: int
    t_max: int
    step: int

    @classmethod
    def for_times(cls, kind: str, t_min: int, t_max: int, min_gap: int | None = None) -> TimeGrid:
        """Step 1 for sequences; else the smallest gap between data times, at most 10k steps."""
        span = max(int(t_max) - int(t_min), 0)
        step = 1 if kind == "sequence" else (int(min_gap) if min_gap else max(span, 1))
        step = max(step, -(-span // MAX_SLIDER_STEPS), 1)
        return cls(int(t_min), int(t_max), step)

    @property
    def n_steps(self) -> int:
        """Largest slider index."""
        return -(-(self.t_max - self.t_min) // self.step)

    def to_index(self, raw: int) -> int:
        """Nearest slider index of a raw time (clamped to the range)."""
        i = round((int(raw) - self.t_min) / self.step)
        return int(min(max(i, 0), self.n_steps))

    def to_raw(self, index: int) -> int:
        """Raw time at a slider index (the last index is exactly ``t_max``)."""
        return min(self.t_min + int(index) * self.step, self.t_max)
