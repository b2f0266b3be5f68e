"""Visible time ranges: every row of an entity inside a window around the time cursor, as one result.

Rerun 0.41 draws an entity with a ``VisibleTimeRange`` by a range query over the window instead of a
latest-at query: each row that holds an archetype's required component (``Points3D:positions``, ...)
is drawn with the other components of that archetype as of that row (the latest value at or before
it, static values and the state just before the window included). ``range_result`` does that query
and concatenates the rows into one result shaped like a latest-at result, so the same visualizers
draw a trail of points without knowing about ranges. Components of other archetypes (transforms,
``Pinhole``, ``ViewCoordinates``) stay latest-at at the cursor, as in Rerun.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pyarrow as pa

from ._arrays import clamp_rows

__all__ = ["RangeResult", "range_result", "resolve_time_range"]

_MIN_T = np.iinfo(np.int64).min + 1


def _boundary(boundary: Any, cursor: int) -> int | None:
    """One ``TimeRangeBoundary`` (``kind`` cursor_relative / absolute / infinite, ``value``) as a raw time."""
    if boundary is None:
        return None
    kind = str(getattr(boundary, "kind", "infinite")).lower().replace("_", "")
    value = int(getattr(boundary, "value", 0) or 0)
    if kind == "cursorrelative":
        return cursor + value
    if kind == "absolute":
        return value
    return None


def resolve_time_range(time_range: Any, cursor: int) -> tuple[int | None, int | None]:
    """(start, end) raw times of a ``TimeRange`` at ``cursor`` (None: unbounded on that side)."""
    return _boundary(getattr(time_range, "start", None), cursor), _boundary(getattr(time_range, "end", None), cursor)


class RangeResult(dict):
    """Descriptor -> batch, like a latest-at result; ``row_ids`` identifies every row it was made of."""

    def __init__(self, row_ids: dict):
        super().__init__()
        self.row_ids = row_ids


def _concat(parts: list) -> Any:
    if isinstance(parts[0], np.ndarray):
        return np.concatenate(parts)
    arrays = [p if isinstance(p, pa.Array) else pa.array(p) for p in parts]
    return pa.concat_arrays(arrays)


def _padded_labels(value: Any, n: int) -> Any:
    """Labels are not splatted to other instances (Rerun shows each label once): pad with empty ones."""
    labels = value.to_pylist() if hasattr(value, "to_pylist") else list(value)
    labels = [("" if s is None else str(s)) for s in labels[:n]]
    return pa.array(labels + [""] * (n - len(labels)), pa.utf8())


def _combine(entries: list[dict[str, Any]], required: str) -> dict[str, Any]:
    """One batch per descriptor from many rows: each row's batches clamped to its instance count."""
    names = sorted({name for entry in entries for name in entry})
    out: dict[str, Any] = {}
    for name in names:
        parts = []
        fallback = next(entry[name] for entry in entries if name in entry)  # a row without it: the nearest value
        for entry in entries:
            n = len(entry[required])
            value = entry.get(name, fallback)
            if name == required:
                parts.append(value)
            elif name.endswith(":labels"):
                parts.append(_padded_labels(value, n))
            elif len(value):
                parts.append(clamp_rows(value, n))
        if parts:
            out[name] = _concat(parts)
    return out


def range_result(store, entity_path: str, *, timeline: str, at: int | None, start: int | None, end: int | None,
                 required: Mapping[str, str], concatenable: set[str] | frozenset[str]) -> RangeResult:
    """The rows of ``entity_path`` with ``start <= time <= end`` on ``timeline`` as one result.

    ``required`` maps each archetype drawn by the caller to its required component; archetypes in
    ``concatenable`` draw every row of the window (points, lines, boxes ...), the others only the
    newest row in the window (an image, a mesh). Everything else is the latest-at state at ``at``.
    """
    latest = store.latest_at(entity_path, timeline=timeline, at=at)
    before = store.latest_at(entity_path, timeline=timeline, at=_MIN_T if start is None else max(start - 1, _MIN_T))
    rows = store.range(entity_path, timeline=timeline, start=start, end=end)
    static = {name for name, (t, _rid) in before.row_ids.items() if t is None}
    prefixes = {arch + ":": arch for arch in required}

    def archetype_of(name: str) -> str | None:
        return prefixes.get(name.split(":", 1)[0] + ":")

    state: dict[str, Any] = {name: v for name, v in before.items() if archetype_of(name) is not None}
    entries: dict[str, list[dict[str, Any]]] = {arch: [] for arch in required}
    for arch, req in required.items():  # a static required component: drawn once, whatever the window
        if req in static:
            entries[arch].append({k: v for k, v in state.items() if archetype_of(k) == arch})
    row_keys = []
    for t, rid, comps in rows:
        ours = {k: v for k, v in comps.items() if archetype_of(k) is not None}
        if not ours:
            continue
        state.update(ours)
        row_keys.append((t, rid))
        for arch, req in required.items():
            if req in ours and req not in static:
                entries[arch].append({k: v for k, v in state.items() if archetype_of(k) == arch})
    out = RangeResult({"window": (start, end), "rows": tuple(row_keys),
                       "latest": tuple(sorted((k, v) for k, v in latest.row_ids.items() if archetype_of(k) is None))})
    for name, value in latest.items():
        if archetype_of(name) is None:
            out[name] = value
    for arch, arch_entries in entries.items():
        arch_entries = [e for e in arch_entries if len(e.get(required[arch], ())) > 0]
        if not arch_entries:
            continue
        if arch not in concatenable:
            out.update(arch_entries[-1])
        else:
            out.update(_combine(arch_entries, required[arch]))
    return out
