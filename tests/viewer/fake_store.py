"""A tiny stand-in for rerun_nb.store.ChunkStore (same query/event surface), for viewer tests.

It keeps rows in Python lists and answers latest-at naively (static shadows temporal, Clear applied),
so the viewer can be tested before and independently of the real store.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa


@dataclass(frozen=True)
class TimelineInfo:
    name: str
    kind: str
    min: int
    max: int


class FakeResult(dict):
    """dict descriptor -> batch, with ``row_ids`` like LatestAtResult."""

    row_ids: dict


@dataclass
class FakeEvent:
    kind: str
    entity_path: str
    chunk: pa.RecordBatch
    is_static: bool
    timelines: dict
    components: list = field(default_factory=list)


def _norm(path: str) -> str:
    return "/" + path.strip("/")


class FakeStore:
    def __init__(self):
        self._rows = []  # (path, times: dict|None, row_id, components)
        self._subs = []
        self._lock = threading.Lock()
        self._chunks = []
        self.generation = 0
        self.timeline_kinds = {}

    def subscribe(self, cb):
        self._subs.append(cb)
        return lambda: self._subs.remove(cb)

    def chunks(self):
        return list(self._chunks)

    def log(self, path, components: dict, *, times: dict | None = None, kind="duration"):
        """Log one row. ``times`` maps timeline -> raw int64; None = static."""
        path = _norm(path)
        with self._lock:
            row_id = len(self._rows) + 1
            self._rows.append((path, times, row_id, components))
            fields, cols = [], []
            for name, t in (times or {}).items():
                self.timeline_kinds.setdefault(name, kind)
                fields.append(pa.field(name, pa.int64(), metadata={b"rerun:kind": b"index"}))
                cols.append(pa.array([t], pa.int64()))
            for comp in components:
                fields.append(pa.field(comp, pa.int8(), metadata={b"rerun:component": comp.encode()}))
                cols.append(pa.array([0], pa.int8()))
            schema = pa.schema(fields, metadata={b"rerun:entity_path": path.encode()})
            chunk = pa.RecordBatch.from_arrays(cols, schema=schema)
            self._chunks.append(chunk)
            self.generation += 1
        ev = FakeEvent("add", path, chunk, times is None, {k: (v, v) for k, v in (times or {}).items()},
                       list(components))
        for cb in list(self._subs):
            cb([ev])

    def entity_paths(self):
        return sorted({r[0] for r in self._rows})

    def timelines(self):
        ranges = {}
        for _, times, _, _ in self._rows:
            for name, t in (times or {}).items():
                lo, hi = ranges.get(name, (t, t))
                ranges[name] = (min(lo, t), max(hi, t))
        return {name: TimelineInfo(name, self.timeline_kinds[name], lo, hi) for name, (lo, hi) in ranges.items()}

    def latest_at(self, path, *, timeline, at=None):
        path = _norm(path)
        best = {}  # comp -> (key, batch)
        clears = []  # keys of clears affecting this entity
        for p, times, row_id, comps in self._rows:
            if times is None:
                key = (-(2**63), row_id, True)
            elif timeline in times and (at is None or times[timeline] <= at):
                key = (times[timeline], row_id, False)
            else:
                continue
            if p == path:
                for c, b in comps.items():
                    old = best.get(c)
                    if old is None or (key[2], key[:2]) > (old[0][2], old[0][:2]):
                        best[c] = (key, b)
            if "Clear:is_recursive" in comps and (p == path or (path.startswith(p.rstrip("/") + "/")
                                                               and bool(np.asarray(comps["Clear:is_recursive"])[0]))):
                clears.append(key)
        out = FakeResult()
        out.row_ids = {}
        for c, (key, b) in best.items():
            if c.startswith("Clear:"):
                continue
            if not key[2] and any(ck[:2] > key[:2] for ck in clears):
                continue
            out[c] = b
            out.row_ids[c] = (key[0], key[1])
        return out
