"""Scene builder: one retained pygfx group per entity path, rebuilt only where the data changed.

Design
------
The entity tree maps onto a pygfx group tree: ``/a/b`` is a child group of ``/a``, and its
``Transform3D`` is that group's local matrix, so a parent transform moves its whole subtree for free.
Each entity group holds one ``visuals`` group with the objects its visualizers made (one object per
archetype; with ``InstancePoses3D`` one clone per pose, sharing geometry and material).

Change detection asks the store's events, not the store: for every entity we keep the sorted distinct
times at which it has data on each timeline (taken from the chunks in the events). Between two queries
``(timeline, t0)`` and ``(timeline, t1)`` an entity's latest-at state can only differ if it has data in
``(min(t0, t1), max(t0, t1)]``, or new chunks arrived at or before the time shown, or static data came.
Only those entities are queried again; a visualizer then compares row ids before touching buffers.
A ``Clear`` on an entity marks its subtree as well (recursive clears reach descendants).
"""

from __future__ import annotations

import threading
from typing import Any

import numpy as np
import pyarrow as pa
import pygfx as gfx

from ..error_utils import report_error
from ..query._transforms import (
    as_float_rows,
    instance_poses_to_mat4s,
    transform3d_to_mat4,
    world_up_from_view_coordinates,
)
from . import _vis_basic, _vis_shapes  # noqa: F401  (registers the visualizers)
from ._registry import batch, visualizers_for

__all__ = ["SceneBuilder"]

_STATIC = "static"


def _chunk_entity_path(chunk: pa.RecordBatch) -> str | None:
    meta = chunk.schema.metadata or {}
    raw = meta.get(b"rerun:entity_path")
    return None if raw is None else raw.decode()


def _chunk_times(chunk) -> dict[str, np.ndarray]:
    """Distinct int64 times of each index column of a chunk (a store ``Chunk`` or an Arrow batch)."""
    timelines = getattr(chunk, "timelines", None)
    if isinstance(timelines, dict):  # rerun_nb.store.Chunk: name -> (kind, times)
        return {name: np.unique(np.asarray(entry[1], np.int64)) for name, entry in timelines.items()}
    out = {}
    for i, field in enumerate(chunk.schema):
        meta = field.metadata or {}
        if meta.get(b"rerun:kind") == b"index":
            name = meta.get(b"rerun:index_name", field.name.encode()).decode()
            col = chunk.column(i).cast(pa.int64()).to_numpy(zero_copy_only=False)
            out[name] = np.unique(col)
    return out


class TimeSet:
    """Sorted distinct int64 times, grown in place (appending is the common case), with the min gap."""

    __slots__ = ("_n", "_values", "min_gap")

    def __init__(self):
        self._values = np.empty(16, np.int64)
        self._n = 0
        self.min_gap: int | None = None

    @property
    def array(self) -> np.ndarray:
        """The times, sorted (a view: do not modify)."""
        return self._values[: self._n]

    def add(self, new: np.ndarray) -> None:
        """Add sorted distinct times."""
        if not len(new):
            return
        if self._n and new[0] <= self._values[self._n - 1]:
            last = self._values[self._n - 1]
            seen, new = new[new <= last], new[new > last]
            pos = np.searchsorted(self.array, seen)
            if np.array_equal(self.array[np.minimum(pos, self._n - 1)], seen):  # times other entities had
                self.add(new)
                return
            new = np.concatenate([seen, new])  # really out of order: merge (rare)
            merged = np.union1d(self.array, new)
            self._values, self._n = merged, len(merged)
            gaps = np.diff(merged)
            self.min_gap = int(gaps.min()) if len(gaps) else None
            return
        gaps = np.diff(new)
        if self._n:
            gaps = np.append(gaps, new[0] - self._values[self._n - 1])
        if len(gaps):
            g = int(gaps.min())
            self.min_gap = g if self.min_gap is None else min(self.min_gap, g)
        need = self._n + len(new)
        if need > len(self._values):
            grown = np.empty(max(need, 2 * len(self._values)), np.int64)
            grown[: self._n] = self.array
            self._values = grown
        self._values[self._n : need] = new
        self._n = need


class _Entity:
    __slots__ = ("group", "objects", "path", "poses", "row_ids", "times", "visuals")

    def __init__(self, path: str, group: gfx.Group):
        self.path = path
        self.group = group
        self.visuals = gfx.Group(name=f"{path} visuals")
        group.add(self.visuals)
        self.row_ids: Any = None
        self.objects: dict[str, Any] = {}
        self.poses: np.ndarray | None = None
        self.times: dict[str, TimeSet] = {}

    def times_on(self, timeline: str) -> np.ndarray:
        ts = self.times.get(timeline)
        return ts.array if ts is not None else np.empty(0, np.int64)


class SceneBuilder:
    """Keeps a pygfx group tree in sync with a store's latest-at state at a (timeline, time)."""

    def __init__(self, store):
        self.store = store
        self.root = gfx.Group(name="/")
        self.view_up = np.array([0.0, 0.0, 1.0])
        self._entities: dict[str, _Entity] = {}
        self._groups: dict[str, gfx.Group] = {"/": self.root}
        self._events: list = []
        self._arrivals: list[tuple[str, str, bool, dict[str, np.ndarray]]] = []
        self._events_lock = threading.Lock()
        self._clear_paths: set[str] = set()
        self._hidden: set[str] = set()
        self._query: tuple[str, int | None] | None = None
        self._unsubscribe = store.subscribe(self._on_events)
        if hasattr(store, "store_chunks"):  # rerun_nb's ChunkStore: no Arrow conversion needed
            for chunk in store.store_chunks():
                self._note_chunk(chunk.entity_path, chunk, list(chunk.columns))
        else:
            for chunk in store.chunks():
                path = _chunk_entity_path(chunk)
                if path is not None:
                    self._note_chunk(path, chunk, chunk_components(chunk))

    # ---- events (called from the logging thread: only record) --------------------------------------
    def _on_events(self, events) -> None:
        with self._events_lock:
            self._events.extend(events)

    def close(self) -> None:
        """Stop listening to the store."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def _entity(self, path: str) -> _Entity:
        ent = self._entities.get(path)
        if ent is None:
            ent = self._entities[path] = _Entity(path, self._group(path))
        return ent

    def _group(self, path: str) -> gfx.Group:
        group = self._groups.get(path)
        if group is None:
            parent_path = path.rsplit("/", 1)[0] or "/"
            group = self._groups[path] = gfx.Group(name=path, visible=path not in self._hidden)
            self._group(parent_path).add(group)
        return group

    def _note_chunk(self, path: str, chunk: pa.RecordBatch | None, components) -> dict[str, np.ndarray]:
        ent = self._entity(path)
        times = _chunk_times(chunk) if chunk is not None else {}
        for name, values in times.items():
            ent.times.setdefault(name, TimeSet()).add(values)
        if any(c.startswith("Clear:") for c in components):
            self._clear_paths.add(path)
        return times

    # ---- public --------------------------------------------------------------------------------
    @property
    def entity_paths(self) -> list[str]:
        """Entity paths seen so far (sorted)."""
        return sorted(self._entities)

    def data_times(self, timeline: str) -> np.ndarray:
        """Sorted distinct times at which any entity has data on ``timeline`` (from the events seen)."""
        self._drain_events()
        parts = [ent.times_on(timeline) for ent in self._entities.values()]
        return np.unique(np.concatenate(parts)) if parts else np.empty(0, np.int64)

    def min_time_gap(self, timeline: str) -> int | None:
        """Smallest gap between two data times of one entity on ``timeline`` (cheap: kept incrementally)."""
        self._drain_events()
        gaps = [ent.times[timeline].min_gap for ent in self._entities.values() if timeline in ent.times]
        gaps = [g for g in gaps if g]
        return min(gaps) if gaps else None

    def _drain_events(self) -> None:
        """Record the times of newly arrived chunks; keep (path, kind, static, times) for dirty marking."""
        with self._events_lock:
            events, self._events = self._events, []
        for ev in events:
            times = self._note_chunk(ev.entity_path, _event_chunk(ev), getattr(ev, "components", ()))
            self._arrivals.append((ev.entity_path, ev.kind, ev.is_static, times))

    def set_visible(self, path: str, visible: bool) -> None:
        """Show or hide an entity and its subtree."""
        (self._hidden.discard if visible else self._hidden.add)(path)
        group = self._groups.get(path)
        if group is not None:
            group.visible = visible

    def update(self, timeline: str, at: int | None) -> set[str]:
        """Bring the scene to the latest-at state at ``(timeline, at)``; returns the entities rebuilt."""
        self._drain_events()
        arrivals, self._arrivals = self._arrivals, []
        dirty: set[str] = set()
        for path, kind, is_static, times in arrivals:
            t_min = times[timeline].min() if timeline in times else None
            if kind != "add" or is_static or at is None or (t_min is not None and t_min <= at):
                dirty.add(path)
        previous, self._query = self._query, (timeline, at)
        if previous is None or previous[0] != timeline:
            dirty.update(self._entities)
        elif previous[1] != at:
            dirty.update(self._changed_between(timeline, previous[1], at))
        for path in [p for p in dirty if p in self._clear_paths]:
            dirty.update(p2 for p2 in self._entities if p2.startswith(path.rstrip("/") + "/"))
        rebuilt = set()
        for path in sorted(dirty):
            if self._refresh(self._entity(path), timeline, at):
                rebuilt.add(path)
        return rebuilt

    def _changed_between(self, timeline: str, t0: int | None, t1: int | None) -> list[str]:
        big = np.iinfo(np.int64).max
        lo, hi = sorted((big if t0 is None else t0, big if t1 is None else t1))
        changed = []
        for path, ent in self._entities.items():
            times = ent.times_on(timeline)
            if len(times) and np.searchsorted(times, hi, "right") > np.searchsorted(times, lo, "right"):
                changed.append(path)
        return changed

    # ---- per entity ----------------------------------------------------------------------------
    def _refresh(self, ent: _Entity, timeline: str, at: int | None) -> bool:
        result = self.store.latest_at(ent.path, timeline=timeline, at=at)
        row_ids = getattr(result, "row_ids", None)
        if row_ids is not None and ent.row_ids is not None and dict(row_ids) == ent.row_ids:
            return False
        ent.row_ids = None if row_ids is None else dict(row_ids)
        self._apply_transform(ent, result)
        objects = {}
        for vis in visualizers_for(result):
            try:
                obj = vis.fn(ent.objects.get(vis.archetype), result, ent.path)
            except Exception as exc:  # noqa: BLE001 - bad data must not break the view of everything else
                self._warn_once(ent.path, vis.archetype, exc)
                continue
            if obj is not None:
                objects[vis.archetype] = obj
        poses = instance_poses_to_mat4s(result)
        if objects != ent.objects or not _same_poses(poses, ent.poses):
            self._place_visuals(ent, objects, poses)
        ent.objects, ent.poses = objects, poses
        return True

    def _apply_transform(self, ent: _Entity, result) -> None:
        m = transform3d_to_mat4(result)
        ent.group.local.matrix = np.eye(4) if m is None else m
        if ent.path == "/":
            xyz = as_float_rows(batch(result, "ViewCoordinates:xyz"), 3)
            up = np.array([0.0, 0.0, 1.0]) if xyz is None else world_up_from_view_coordinates(xyz[0].astype(np.uint8))
            self.view_up = up

    def _place_visuals(self, ent: _Entity, objects: dict[str, Any], poses: np.ndarray | None) -> None:
        ent.visuals.clear()
        if poses is None:
            for obj in objects.values():
                ent.visuals.add(obj)
            return
        for pose in poses:
            holder = gfx.Group()
            holder.local.matrix = pose
            for obj in objects.values():
                holder.add(type(obj)(obj.geometry, obj.material))
            ent.visuals.add(holder)

    def _warn_once(self, path: str, archetype: str, exc: Exception) -> None:
        report_error(f"rerun_nb viewer: cannot draw {archetype} at {path!r}: {exc}",
                     key=f"viewer:{path}:{archetype}", strict=False)

    # ---- bounds ---------------------------------------------------------------------------------
    def world_bounds(self) -> np.ndarray | None:
        """(2, 3) min/max corners of everything visible, in world space (None when empty)."""
        corners = []
        for obj in _iter_visible(self.root):
            if isinstance(obj, (gfx.Points, gfx.Line, gfx.Mesh)):
                pos = obj.geometry.positions.data
                finite = pos[np.all(np.isfinite(pos), axis=1)]
                if not len(finite):
                    continue
                lo, hi = finite.min(axis=0), finite.max(axis=0)
                box = np.array([[x, y, z, 1.0] for x in (lo[0], hi[0]) for y in (lo[1], hi[1]) for z in (lo[2], hi[2])])
                corners.append((obj.world.matrix @ box.T).T[:, :3])
        if not corners:
            return None
        allc = np.concatenate(corners)
        return np.stack([allc.min(axis=0), allc.max(axis=0)])


def chunk_components(chunk: pa.RecordBatch) -> list[str]:
    """Component descriptors of a chunk's data columns."""
    out = []
    for field in chunk.schema:
        meta = field.metadata or {}
        if meta.get(b"rerun:kind", b"data") == b"data":
            out.append(meta.get(b"rerun:component", field.name.encode()).decode() or field.name)
    return out


def _event_chunk(ev):
    """The event's chunk: the store's own ``Chunk`` when available (no Arrow conversion), else Arrow."""
    chunk = getattr(ev, "store_chunk", None)
    return chunk if chunk is not None else getattr(ev, "chunk", None)


def _iter_visible(obj):
    if not obj.visible:
        return
    yield obj
    for child in obj.children:
        yield from _iter_visible(child)


def _same_poses(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return a.shape == b.shape and np.array_equal(a, b)
