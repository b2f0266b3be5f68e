"""Change detection from store events: which entities may look different at a new (timeline, time).

For every entity the tracker keeps the sorted distinct times at which it has data on each timeline
(taken from the chunks in the store's events, never by re-scanning the store), the components it
has, and whether it holds Clears. Between two queries ``(timeline, t0)`` and ``(timeline, t1)`` an
entity's latest-at state can only differ if it has data in ``(min(t0, t1), max(t0, t1)]``, or new
chunks arrived at or before the time shown, or static data came. A ``Clear`` marks its subtree.

Events arrive on the logging thread and are only recorded there; ``dirty`` drains them on the
thread that queries.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import numpy as np

from ._timeset import TimeSet

__all__ = ["ChangeTracker"]


class _EntityTimes:
    __slots__ = ("archetypes", "components", "times")

    def __init__(self) -> None:
        self.times: dict[str, TimeSet] = {}
        self.components: set[str] = set()
        self.archetypes: set[str] = set()


def sorted_unique(values) -> np.ndarray:
    """Sorted distinct int64 values; O(n) for the usual already-sorted time column of a chunk (np.unique
    sorts or hashes, ~20x slower on small columns, and the live thread drains hundreds of chunks)."""
    t = np.asarray(values, np.int64)
    if len(t) < 2:
        return t.copy()
    step = np.diff(t)
    if (step >= 0).all():
        return t[np.r_[True, step > 0]]
    return np.unique(t)


class ChangeTracker:
    """Per-entity data times, components and change marks, kept from a store's events.

    Parameters
    ----------
    store
        A ``rerun_nb.store.ChunkStore`` (uses ``subscribe`` and ``store_chunks``).
    include
        Entities to track (default: all).
    """

    def __init__(self, store, include: Callable[[str], bool] | None = None):
        self._include = include or (lambda _path: True)
        self._entities: dict[str, _EntityTimes] = {}
        self._clear_paths: set[str] = set()
        self._events: list = []
        self._arrivals: list[tuple[str, str, bool, dict[str, np.ndarray]]] = []
        self._lock = threading.Lock()
        self._query: tuple[str, int | None] | None = None
        self.schema_version = 0  # grows when an entity gets a component it did not have
        self._unsubscribe = store.subscribe(self._on_events)
        for chunk in store.store_chunks():
            self._note_chunk(chunk.entity_path, chunk)

    def _on_events(self, events) -> None:
        with self._lock:
            self._events.extend(events)

    def close(self) -> None:
        """Stop listening to the store."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def _note_chunk(self, path: str, chunk) -> dict[str, np.ndarray] | None:
        if path.startswith("/__properties") or not self._include(path):  # recording properties are not drawn
            return None
        ent = self._entities.get(path)
        if ent is None:
            ent = self._entities[path] = _EntityTimes()
        times = {name: sorted_unique(entry[1]) for name, entry in chunk.timelines.items()}
        for name, values in times.items():
            ent.times.setdefault(name, TimeSet()).add(values)
        for comp in chunk.columns:
            if comp not in ent.components:
                self.schema_version += 1
                ent.components.add(comp)
                ent.archetypes.add(comp.split(":", 1)[0])
            if comp.startswith("Clear:"):
                self._clear_paths.add(path)
        return times

    def drain(self) -> None:
        """Record the chunks of newly arrived events."""
        with self._lock:
            events, self._events = self._events, []
        for ev in events:
            times = self._note_chunk(ev.entity_path, ev.store_chunk)
            if times is not None:
                self._arrivals.append((ev.entity_path, ev.kind, ev.is_static, times))

    # ---- what the views ask -----------------------------------------------------------------------
    @property
    def entity_paths(self) -> list[str]:
        """Tracked entity paths with data (sorted)."""
        self.drain()
        return sorted(self._entities)

    def archetypes(self, path: str) -> set[str]:
        """Archetype names (``"Points3D"``, ...) of the components an entity has."""
        ent = self._entities.get(path)
        return set() if ent is None else set(ent.archetypes)

    def has_component(self, path: str, component: str) -> bool:
        """True when the entity has ever had ``component`` (a descriptor name)."""
        ent = self._entities.get(path)
        return ent is not None and component in ent.components

    def times_on(self, path: str, timeline: str) -> np.ndarray:
        """Sorted distinct times of one entity on ``timeline`` (a view: do not modify)."""
        ent = self._entities.get(path)
        ts = None if ent is None else ent.times.get(timeline)
        return ts.array if ts is not None else np.empty(0, np.int64)

    def data_times(self, timeline: str) -> np.ndarray:
        """Sorted distinct times at which any tracked entity has data on ``timeline``."""
        self.drain()
        parts = [self.times_on(p, timeline) for p in self._entities]
        return np.unique(np.concatenate(parts)) if parts else np.empty(0, np.int64)

    def min_time_gap(self, timeline: str) -> int | None:
        """Smallest gap between two data times of one entity on ``timeline`` (kept incrementally)."""
        self.drain()
        gaps = [ent.times[timeline].min_gap for ent in self._entities.values() if timeline in ent.times]
        gaps = [g for g in gaps if g]
        return min(gaps) if gaps else None

    def take_arrivals(self) -> list[tuple[str, str, bool, dict[str, np.ndarray]]]:
        """New chunks since the last call: (entity path, "add"|"drop", is static, {timeline: times})."""
        self.drain()
        arrivals, self._arrivals = self._arrivals, []
        return arrivals

    def dirty(self, timeline: str, at: int | None) -> set[str]:
        """Entities whose latest-at state may differ from the previous call's ``(timeline, at)``."""
        arrivals = self.take_arrivals()
        dirty: set[str] = set()
        for path, kind, is_static, times in arrivals:
            t_min = times[timeline].min() if timeline in times and len(times[timeline]) else None
            if kind != "add" or is_static or at is None or (t_min is not None and t_min <= at):
                dirty.add(path)
        previous, self._query = self._query, (timeline, at)
        if previous is None or previous[0] != timeline:
            dirty.update(self._entities)
        elif previous[1] != at:
            dirty.update(self.changed_between(timeline, previous[1], at))
        for path in [p for p in dirty if p in self._clear_paths]:
            prefix = path.rstrip("/") + "/"
            dirty.update(p2 for p2 in self._entities if p2.startswith(prefix))
        return dirty

    def changed_between(self, timeline: str, t0: int | None, t1: int | None) -> list[str]:
        """Entities with data in ``(min(t0, t1), max(t0, t1)]`` on ``timeline`` (None = the end of time)."""
        big = np.iinfo(np.int64).max
        lo, hi = sorted((big if t0 is None else t0, big if t1 is None else t1))
        changed = []
        for path in self._entities:
            times = self.times_on(path, timeline)
            if len(times) and np.searchsorted(times, hi, "right") > np.searchsorted(times, lo, "right"):
                changed.append(path)
        return changed
