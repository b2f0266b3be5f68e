"""Row batcher: `log()` appends rows to a pending buffer per (entity, timelines); chunks are built in bulk.

This keeps `log()` to a few list appends. A pending buffer becomes a chunk when it reaches
`MAX_ROWS` rows or `MAX_BYTES` bytes, when it is older than `MAX_AGE_S` at the next append, and
before any query (the store calls `flush()`), so queries always see everything logged before them.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from .._baseclasses import ComponentDescriptor
from ._chunk import Chunk, column_from_row_batches

MAX_ROWS = 4096
MAX_BYTES = 4 * 1024 * 1024
MAX_AGE_S = 0.1


class _Pending:
    __slots__ = (
        "columns",
        "entity_path",
        "kinds",
        "nbytes",
        "row_hi",
        "row_lo",
        "started_s",
        "timeline_names",
        "times",
    )

    def __init__(self, entity_path: str, timeline_names: tuple[str, ...], kinds: tuple[str, ...]):
        self.entity_path = entity_path
        self.timeline_names = timeline_names
        self.kinds = kinds
        self.row_hi: list[int] = []
        self.row_lo: list[int] = []
        self.times: list[tuple[int, ...]] = []
        self.columns: dict[str, tuple[ComponentDescriptor, list[int], list[Any]]] = {}
        self.nbytes = 0
        self.started_s = time.monotonic()

    def to_chunk(self) -> Chunk:
        n = len(self.row_hi)
        times = np.array(self.times, np.int64).reshape(n, len(self.timeline_names))
        timelines = {name: (kind, np.ascontiguousarray(times[:, i]))
                     for i, (name, kind) in enumerate(zip(self.timeline_names, self.kinds))}
        columns = {comp: column_from_row_batches(desc, rows, datas, n)
                   for comp, (desc, rows, datas) in self.columns.items()}
        return Chunk(self.entity_path, np.array(self.row_hi, np.uint64), np.array(self.row_lo, np.uint64),
                     timelines, columns)


class RowBatcher:
    """Collects logged rows and hands finished chunks to `sink` (the store's insert)."""

    def __init__(self, sink: Callable[[list[Chunk]], None]):
        self._sink = sink
        self._pending: dict[tuple, _Pending] = {}
        self._lock = threading.RLock()
        self.rows_appended = 0

    def append(self, entity_path: str, timeline_names: tuple[str, ...], kinds: tuple[str, ...],
               times: tuple[int, ...], row_id: tuple[int, int],
               batches: list[tuple[ComponentDescriptor, Any]]) -> None:
        key = (entity_path, timeline_names)
        with self._lock:
            pending = self._pending.get(key)
            if pending is None:
                pending = self._pending[key] = _Pending(entity_path, timeline_names, kinds)
            elif _types_differ(pending, batches):
                self._flush_keys([key])
                pending = self._pending[key] = _Pending(entity_path, timeline_names, kinds)
            row = len(pending.row_hi)
            pending.row_hi.append(row_id[0])
            pending.row_lo.append(row_id[1])
            pending.times.append(times)
            columns = pending.columns
            nbytes = 0
            for desc, data in batches:
                col = columns.get(desc.component)
                if col is None:
                    col = columns[desc.component] = (desc, [], [])
                col[1].append(row)
                col[2].append(data)
                nbytes += data.nbytes
            pending.nbytes += nbytes
            self.rows_appended += 1
            if (row + 1 >= MAX_ROWS or pending.nbytes >= MAX_BYTES
                    or time.monotonic() - pending.started_s > MAX_AGE_S):
                self._flush_keys([key])

    def append_chunk(self, chunk: Chunk) -> None:
        """A ready chunk (send_columns): flush what is pending for that entity first to keep order."""
        with self._lock:
            keys = [k for k in self._pending if k[0] == chunk.entity_path]
            chunks = [self._pending.pop(k).to_chunk() for k in keys]
            self._sink(chunks + [chunk])

    def _flush_keys(self, keys: list[tuple]) -> None:
        chunks = [self._pending.pop(k).to_chunk() for k in keys]
        if chunks:
            self._sink(chunks)

    def flush(self) -> None:
        with self._lock:
            if self._pending:
                self._flush_keys(list(self._pending))

    @property
    def num_pending_rows(self) -> int:
        with self._lock:
            return sum(len(p.row_hi) for p in self._pending.values())


def _types_differ(pending: _Pending, batches: list[tuple[ComponentDescriptor, Any]]) -> bool:
    """Free-form components (AnyValues) may change type between calls: such rows start a new chunk."""
    for desc, data in batches:
        if desc.component_type is not None:
            continue
        col = pending.columns.get(desc.component)
        if col is None:
            continue
        prev = col[2][-1]
        if type(prev) is not type(data):
            return True
        if isinstance(data, np.ndarray):
            if prev.dtype != data.dtype or prev.shape[1:] != data.shape[1:]:
                return True
        elif prev.type != data.type:
            return True
    return False
