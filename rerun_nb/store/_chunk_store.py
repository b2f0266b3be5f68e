"""ChunkStore: the in-kernel columnar store behind a recording.

Semantics (Rerun 0.41's):
- Latest-at `(timeline, t)`: each component of an entity resolves to the row with the greatest
  `(time, row id)` at or before `t`. Static data (rows with no timeline) shadows temporal data of the
  same component; among static writes the greatest row id wins.
- `Clear` is a tombstone resolved at query time: a component whose resolved row is older than the
  entity's latest Clear, or than an ancestor's latest Clear when that one is recursive, at or before
  `t`, is absent. A static Clear is newer than every temporal row (it clears the entity at every time)
  and clears static data logged before it; a temporal Clear never clears static data.
- Range `(timeline, start, end)`: every row with `start <= time <= end`, sorted by (time, row id).

Chunks are immutable and kept as given; per (entity, component, timeline) a `TimeIndex` holds the
sorted times. The store emits `StoreEvent`s on insert and drop and knows nothing of its consumers.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
import pyarrow as pa

from ..error_utils import report_error
from ._batcher import MAX_BYTES, RowBatcher
from ._chunk import Chunk, concat_chunks
from ._gather import gather_cells
from ._ids import ancestors, normalize_entity_path
from ._index import TimeIndex
from ._results import LatestAtResult, StoreEvent, TimelineInfo, resolve_time

__all__ = ["ChunkStore"]

CLEAR_COMPONENT = "Clear:is_recursive"
_RECURSIVE_CLEAR = "\x00recursive-clear"  # pseudo component: rows whose Clear is recursive
STATIC_KEY_TIME = 2**63  # the time of static rows when compared with Clears: after every temporal row
_GC_TARGET = 0.9  # a memory-limit pass drops down to this fraction of the limit
# Compaction, with Rerun 0.41's ChunkStoreConfig defaults: a new temporal chunk is merged into its entity's newest
# chunk while the two stay under these bounds, so that queries over many rows read a few large chunks.
COMPACT_MAX_BYTES = 12 * 8 * 4096
COMPACT_MAX_ROWS = 4096
COMPACT_MAX_ROWS_IF_UNSORTED = 1024
# Arrival order of chunks across every store of the process: a memory budget shared by several stores (the
# recordings arriving over gRPC) drops the oldest-arrived temporal chunk first, whichever store holds it.
_ARRIVALS = itertools.count()


class _EntityData:
    __slots__ = ("chunk_nos", "descriptors", "static", "temporal")

    def __init__(self) -> None:
        self.chunk_nos: list[int] = []
        # component -> (row_hi, row_lo, chunk_no, row)
        self.static: dict[str, tuple[int, int, int, int]] = {}
        # timeline -> component -> TimeIndex
        self.temporal: dict[str, dict[str, TimeIndex]] = {}
        self.descriptors: dict[str, Any] = {}


class ChunkStore:
    """See the module docstring. Thread-safe; every query first flushes rows still being batched."""

    def __init__(self, *, memory_limit: int | None = None):
        self._lock = threading.RLock()
        self._chunks: dict[int, Chunk] = {}
        self._arrival: dict[int, int] = {}  # chunk_no -> position in the process-wide arrival order
        self._next_chunk_no = 0
        self._entities: dict[str, _EntityData] = {}
        self._timeline_kinds: dict[str, str] = {}
        self._timeline_bounds: dict[str, tuple[int, int]] = {}
        self._clear_entities: set[str] = set()
        self._ancestors: dict[str, list[str]] = {}
        self._subscribers: list[Callable[[list[StoreEvent]], None]] = []
        self._inserts = 0
        self.total_bytes = 0
        self.memory_limit = memory_limit
        self.dropped_chunks = 0  # chunks and rows dropped so far to stay under `memory_limit`
        self.dropped_rows = 0
        self._reader_cache: dict = {}  # the dataframe reader's column lists and types, by store version
        self.memory_budget = None  # a shared `MemoryBudget` (several stores, one limit), set by `MemoryBudget.add`
        self.batcher = RowBatcher(self._insert_chunks,
                                  on_error=lambda message: report_error(message, strict=False))
        self._update_flush_budget()

    # --- writing -------------------------------------------------------------------------

    def insert_chunk(self, chunk: Chunk) -> list[StoreEvent]:
        """Insert one chunk; raises ValueError (inserting nothing) if it does not fit the store."""
        with self._lock:
            self._check_timeline_kinds(chunk)
            return self._insert_chunks([chunk])

    def insert_record_batch(self, batch: pa.RecordBatch) -> list[StoreEvent]:
        """Insert a chunk in Rerun's chunk layout (from an RRD file or the network); raises ValueError
        (inserting nothing) if it does not fit the store, e.g. a timeline of another kind."""
        self.flush()
        return self.insert_chunk(Chunk.from_record_batch(batch))

    def _insert_chunks(self, chunks: list[Chunk]) -> list[StoreEvent]:
        events = []
        with self._lock:
            for chunk in chunks:
                if chunk.num_rows == 0:
                    continue
                try:
                    # Logged rows were checked at the log call; this is the last guard: a chunk that does not
                    # fit is refused alone, never with its neighbours in the same flush.
                    self._check_timeline_kinds(chunk)
                except ValueError as exc:
                    report_error(f"rerun_nb: dropped a chunk of {chunk.entity_path} ({chunk.num_rows} rows): {exc}",
                                 strict=False)
                    continue
                if not self._compact(chunk):
                    chunk_no = self._next_chunk_no
                    self._next_chunk_no += 1
                    self._chunks[chunk_no] = chunk
                    self._arrival[chunk_no] = next(_ARRIVALS)
                    self._index_chunk(chunk_no, chunk)
                    self.total_bytes += chunk.nbytes
                self._inserts += 1
                events.append(StoreEvent("add", chunk))
            if self.memory_limit is not None and self.total_bytes > self.memory_limit:
                events.extend(self._enforce_memory_limit())
            self._update_flush_budget()
            subscribers = list(self._subscribers)
        self._notify(subscribers, events)
        budget = self.memory_budget
        if budget is not None and events:
            budget.enforce()  # outside this store's lock: the budget takes other stores' locks one at a time
        return events

    @staticmethod
    def _notify(subscribers: list, events: list[StoreEvent]) -> None:
        """Call each subscriber; one that fails (a full disk under a file sink) is reported and the others
        still run: a consumer's error never reaches the log call that caused the insert."""
        if not events:
            return
        for callback in subscribers:
            try:
                callback(events)
            except Exception as exc:  # noqa: BLE001 - consumers are outside the store's control
                report_error(f"rerun_nb: a consumer of the recording failed on new data: {type(exc).__name__}: {exc}",
                             key=f"subscriber-{id(callback)}-{type(exc).__name__}", strict=False)

    def _update_flush_budget(self) -> None:
        """Rows still being batched count against the memory limit too: the batcher flushes early (and the
        limit is enforced) once they would take the store past it. They may still gather up to 1/16 of the limit
        so that a store already at its limit keeps building whole chunks instead of one chunk per row, which
        the next pass would drop all but the newest of."""
        limit = self.memory_limit
        self.batcher.flush_above_bytes = (None if limit is None else
                                          max(limit - self.total_bytes, min(MAX_BYTES, limit // 16)))

    def _check_timeline_kinds(self, chunk: Chunk) -> None:
        for name, (kind, _times) in chunk.timelines.items():
            known = self._timeline_kinds.get(name)
            if known is not None and known != kind:
                raise ValueError(
                    f"timeline {name!r} is a {known} timeline; {chunk.entity_path} logs it as {kind}"
                )

    def _compact(self, chunk: Chunk) -> bool:
        """Merge `chunk` into its entity's newest chunk (a new chunk, under a new number: chunks stay immutable
        and in insertion order) when both are small and fit together; False when it is to be stored alone.
        Subscribers still get an event with the chunk as given (sinks write what was logged)."""
        entity = self._entities.get(chunk.entity_path)
        if entity is None or not entity.chunk_nos or chunk.is_static:
            return False
        old_no = entity.chunk_nos[-1]
        old = self._chunks.get(old_no)
        if old is None or old.num_rows + chunk.num_rows > COMPACT_MAX_ROWS \
                or old.nbytes + chunk.nbytes > COMPACT_MAX_BYTES:
            return False
        merged = concat_chunks(old, chunk)
        if merged is None:
            return False
        if merged.num_rows > COMPACT_MAX_ROWS_IF_UNSORTED and any(
                (np.diff(times) < 0).any() for _kind, times in merged.timelines.values()):
            return False
        new_no = self._next_chunk_no
        self._next_chunk_no += 1
        del self._chunks[old_no]
        del self._arrival[old_no]
        self._chunks[new_no] = merged
        self._arrival[new_no] = next(_ARRIVALS)  # the end of the insertion order, which arrivals must follow
        for per_comp in entity.temporal.values():
            for index in per_comp.values():
                index.rename_chunk(old_no, new_no, old.num_rows)
        entity.chunk_nos[-1] = new_no
        self._index_chunk(new_no, chunk, row_offset=old.num_rows)
        self.total_bytes += merged.nbytes - old.nbytes
        return True

    def _index_chunk(self, chunk_no: int, chunk: Chunk, row_offset: int = 0) -> None:
        """Index `chunk`'s rows as rows `row_offset + i` of store chunk `chunk_no` (offset: compacted into it)."""
        path = chunk.entity_path
        entity = self._entities.get(path)
        if entity is None:
            entity = self._entities[path] = _EntityData()
            self._ancestors[path] = ancestors(path)
        if not row_offset:
            entity.chunk_nos.append(chunk_no)
        row_hi, row_lo = chunk.row_hi, chunk.row_lo
        for name, (kind, times) in chunk.timelines.items():
            self._timeline_kinds[name] = kind
            lo, hi = int(times.min()), int(times.max())
            old = self._timeline_bounds.get(name)
            self._timeline_bounds[name] = (lo, hi) if old is None else (min(old[0], lo), max(old[1], hi))
        for comp, column in chunk.columns.items():
            entity.descriptors[comp] = column.descriptor
            rows = np.arange(chunk.num_rows) if column.valid is None else np.flatnonzero(column.valid)
            if len(rows) == 0:
                continue
            targets = [(comp, rows)]
            if comp == CLEAR_COMPONENT:
                self._clear_entities.add(path)
                targets.append((_RECURSIVE_CLEAR, _recursive_rows(column, rows)))
            for target, target_rows in targets:
                if len(target_rows) == 0:
                    continue
                if chunk.is_static:
                    self._index_static(entity, target, chunk_no, chunk, target_rows)
                    continue
                for name, (_kind, times) in chunk.timelines.items():
                    per_comp = entity.temporal.setdefault(name, {})
                    index = per_comp.get(target)
                    if index is None:
                        index = per_comp[target] = TimeIndex()
                    index.extend(times[target_rows], row_hi[target_rows], row_lo[target_rows], chunk_no,
                                 target_rows + row_offset)

    @staticmethod
    def _index_static(entity: _EntityData, comp: str, chunk_no: int, chunk: Chunk, rows: np.ndarray) -> None:
        # The greatest row id among these rows, compared to what is there.
        keys = list(zip(chunk.row_hi[rows].tolist(), chunk.row_lo[rows].tolist(), rows.tolist()))
        hi, lo, row = max(keys)
        current = entity.static.get(comp)
        if current is None or (hi, lo) > current[:2]:
            entity.static[comp] = (hi, lo, chunk_no, row)

    def _enforce_memory_limit(self) -> list[StoreEvent]:
        """Drop the oldest temporal chunks until under the limit, as Rerun's GC does: static data is never
        dropped, nor a chunk that holds the latest row of any component on any timeline (the current state of
        the scene stays whole, however small the limit). Drops go down to `_GC_TARGET` of the limit so that a
        store at its limit does not run this on every insert."""
        return self._drop_oldest(self.total_bytes - int(self.memory_limit * _GC_TARGET), self.memory_limit)

    def oldest_droppable_arrival(self) -> int | None:
        """Position in the process-wide arrival order of the oldest chunk a memory limit may drop (temporal and
        not holding any component's latest row), or None if there is none."""
        with self._lock:
            protected = self._latest_chunk_nos()
            for chunk_no, chunk in self._chunks.items():
                if not chunk.is_static and chunk_no not in protected:
                    return self._arrival[chunk_no]
            return None

    def drop_oldest_temporal(self, nbytes: int, *, arrived_before: int | None = None, limit_bytes: int | None = None) -> int:
        """Drop the oldest droppable temporal chunks (as the memory limit does) until ``nbytes`` are freed or
        the next one arrived at or after ``arrived_before``; returns the bytes freed. Subscribers get the
        drop events. ``limit_bytes`` is the limit named in the warning."""
        with self._lock:
            before = self.total_bytes
            events = self._drop_oldest(nbytes, limit_bytes, arrived_before=arrived_before)
            freed = before - self.total_bytes
            subscribers = list(self._subscribers)
        self._notify(subscribers, events)
        return freed

    def _drop_oldest(self, nbytes: int, limit_bytes: int | None, *, arrived_before: int | None = None) -> list[StoreEvent]:
        dropped: list[StoreEvent] = []
        affected: set[str] = set()
        target = self.total_bytes - nbytes
        protected = self._latest_chunk_nos()
        for chunk_no, chunk in list(self._chunks.items()):  # insertion order = oldest first
            if self.total_bytes <= target:
                break
            if chunk.is_static or chunk_no in protected:
                continue
            if arrived_before is not None and self._arrival[chunk_no] >= arrived_before:
                break
            del self._chunks[chunk_no]
            del self._arrival[chunk_no]
            self.total_bytes -= chunk.nbytes
            affected.add(chunk.entity_path)
            dropped.append(StoreEvent("drop", chunk))
        if not dropped:
            return dropped
        for path in affected:
            self._reindex_entity(path)
        self._timeline_bounds = {}
        for chunk in self._chunks.values():
            for name in chunk.timelines:
                lo, hi = chunk.time_range(name)
                old = self._timeline_bounds.get(name)
                self._timeline_bounds[name] = (lo, hi) if old is None else (min(old[0], lo), max(old[1], hi))
        self.dropped_chunks += len(dropped)
        self.dropped_rows += sum(e.store_chunk.num_rows for e in dropped)
        # Warn at the first drop, then each time the total reaches the next power of ten, with the totals.
        magnitude = len(str(self.dropped_chunks)) - 1
        report_error(
            f"rerun_nb: the recording went over its memory limit of {limit_bytes} bytes; dropped the oldest "
            f"temporal data: {self.dropped_chunks} chunks ({self.dropped_rows} rows) so far. Static data and the "
            "latest value of each component are kept.",
            key=f"memory-limit-{id(self)}-{magnitude}", strict=False,
        )
        return dropped

    def _latest_chunk_nos(self) -> set[int]:
        """Chunks holding the latest row of some (entity, timeline, component)."""
        out: set[int] = set()
        for entity in self._entities.values():
            for per_comp in entity.temporal.values():
                for index in per_comp.values():
                    pos = index.latest()
                    if pos >= 0:
                        out.add(int(index.chunk_nos[pos]))
        return out

    def _reindex_entity(self, path: str) -> None:
        old = self._entities.pop(path)
        self._clear_entities.discard(path)
        for chunk_no in old.chunk_nos:
            chunk = self._chunks.get(chunk_no)
            if chunk is not None:
                self._index_chunk(chunk_no, chunk)

    def flush(self) -> None:
        """Turn rows still being batched into chunks (queries do this themselves)."""
        self.batcher.flush()

    def subscribe(self, callback: Callable[[list[StoreEvent]], None]) -> Callable[[], None]:
        """Call `callback(events)` after every insert or drop; returns a function that unsubscribes."""
        with self._lock:
            self._subscribers.append(callback)

        def unsubscribe() -> None:
            with self._lock:
                if callback in self._subscribers:
                    self._subscribers.remove(callback)

        return unsubscribe

    def subscribe_from_start(self, callback: Callable[[list[StoreEvent]], None]) -> tuple[list[Chunk], Callable[[], None]]:
        """Subscribe and get the chunks already in the store, atomically: every chunk is in exactly one of the
        two (the snapshot, or a later event), however many threads log meanwhile. A sink set while others log
        (`rr.save`) uses this so that it writes no chunk twice and misses none."""
        with self.batcher.lock:  # batcher, then store: the order every flush takes them in
            self.batcher.flush()
            with self._lock:
                snapshot = [self._chunks[no] for no in self._chunks]
                unsubscribe = self.subscribe(callback)
        return snapshot, unsubscribe

    @property
    def generation(self) -> int:
        """Increases whenever data is logged or inserted: cheap to poll for changes."""
        return self._inserts + self.batcher.rows_appended

    # --- reading: metadata ---------------------------------------------------------------

    def entity_paths(self, *, include_properties: bool = False) -> list[str]:
        """Entity paths with data, sorted; recording properties (`/__properties...`) only if asked for."""
        self.flush()
        with self._lock:
            return sorted(p for p in self._entities if include_properties or not p.startswith("/__properties"))

    def components(self, entity_path: str) -> list[str]:
        self.flush()
        with self._lock:
            entity = self._entities.get(normalize_entity_path(entity_path))
            return sorted(entity.descriptors) if entity else []

    def descriptor(self, entity_path: str, component: str) -> Any:
        with self._lock:
            entity = self._entities.get(normalize_entity_path(entity_path))
            return None if entity is None else entity.descriptors.get(component)

    def timelines(self) -> dict[str, TimelineInfo]:
        self.flush()
        with self._lock:
            return {name: TimelineInfo(name, self._timeline_kinds[name], lo, hi)
                    for name, (lo, hi) in sorted(self._timeline_bounds.items())}

    def chunks(self) -> list[pa.RecordBatch]:
        """All chunks as Arrow record batches in Rerun's chunk layout, in insertion order."""
        return [chunk.to_record_batch() for chunk in self.store_chunks()]

    def store_chunks(self) -> list[Chunk]:
        self.flush()
        with self._lock:
            return [self._chunks[no] for no in sorted(self._chunks)]

    # --- reading: queries ----------------------------------------------------------------

    def latest_at(self, entity_path: str, *, timeline: str, at: int | None = None, sequence: Any = None,
                  duration: Any = None, timestamp: Any = None,
                  components: Iterable[str] | None = None) -> LatestAtResult:
        """The latest-at state of one entity: descriptor name -> batch (see the module docstring).

        `at` is the raw int64 index value (ns for duration/timestamp timelines); or use the keyword
        that `rr.set_time` takes. With no time at all: the latest state.
        """
        t = resolve_time(at, sequence, duration, timestamp)
        path = normalize_entity_path(entity_path)
        if self.batcher._pending:
            self.flush()
        with self._lock:
            entity = self._entities.get(path)
            result = LatestAtResult()
            if entity is None:
                return result
            per_comp = entity.temporal.get(timeline, {})
            wanted = entity.descriptors if components is None else components
            clear_key = self._clear_key(path, timeline, t) if self._clear_entities else None
            chunks = self._chunks
            sources = result._sources
            static = entity.static
            for comp in wanted:
                entry = static.get(comp)
                if entry is not None:
                    hi, lo, chunk_no, row = entry
                    if (clear_key is not None and comp != CLEAR_COMPONENT
                            and (STATIC_KEY_TIME, hi, lo) < clear_key):
                        continue  # static data logged before a static Clear
                    result[comp] = chunks[chunk_no].columns[comp].cell(row)
                    sources[comp] = (None, (hi, lo))
                    continue
                index = per_comp.get(comp)
                if index is None:
                    continue
                pos = index.latest() if t is None else index.latest_at(t)
                if pos < 0:
                    continue
                if clear_key is not None and comp != CLEAR_COMPONENT and index.key(pos) < clear_key:
                    continue
                result[comp] = chunks[index.chunk_nos[pos]].columns[comp].cell(index.rows[pos])
                sources[comp] = (index, pos)
            return result

    def _clear_key(self, path: str, timeline: str, t: int | None) -> tuple[int, int, int] | None:
        """The (time, row_hi, row_lo) of the newest Clear that applies to `path` at `t` (time `STATIC_KEY_TIME`
        for a static Clear, which is newer than any temporal row).

        As in Rerun's query engine, only each entity's *latest* Clear counts: the entity's own, whatever its
        kind, and each ancestor's if that latest one is recursive (a later non-recursive Clear on a parent
        ends the effect of an earlier recursive one on its children). A static Clear shadows temporal ones.
        """
        best = None
        own = (path, True)
        for owner, always in (own, *((a, False) for a in self._ancestors[path])):
            if owner not in self._clear_entities:
                continue
            key, recursive = self._latest_clear(self._entities[owner], timeline, t)
            if key is not None and (always or recursive) and (best is None or key > best):
                best = key
        return best

    @staticmethod
    def _latest_clear(entity: _EntityData, timeline: str, t: int | None) -> tuple[tuple | None, bool]:
        """(key, is_recursive) of an entity's latest Clear at `t`."""
        static = entity.static.get(CLEAR_COMPONENT)
        if static is not None:
            rec = entity.static.get(_RECURSIVE_CLEAR)
            return (STATIC_KEY_TIME, static[0], static[1]), rec is not None and rec[:2] == static[:2]
        per_comp = entity.temporal.get(timeline, {})
        index = per_comp.get(CLEAR_COMPONENT)
        if index is None:
            return None, False
        pos = index.latest() if t is None else index.latest_at(t)
        if pos < 0:
            return None, False
        key = index.key(pos)
        rec_index = per_comp.get(_RECURSIVE_CLEAR)
        if rec_index is None:
            return key, False
        rec_pos = rec_index.latest() if t is None else rec_index.latest_at(t)
        return key, rec_pos >= 0 and rec_index.key(rec_pos) == key

    def clear_events(self, entity_path: str, timeline: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(times, row_hi, row_lo) of the temporal Clears on `timeline` that apply to an entity: its own, and
        its ancestors' recursive ones (every one of them, not only the latest: the dataframe reader shows each)."""
        path = normalize_entity_path(entity_path)
        with self._lock:
            parts = []
            for owner, comp in [(path, CLEAR_COMPONENT)] + [(a, _RECURSIVE_CLEAR) for a in self._ancestors.get(path, [])]:
                if owner not in self._clear_entities:
                    continue
                index = self._entities[owner].temporal.get(timeline, {}).get(comp)
                if index is not None and index.n:
                    parts.append((index.times[: index.n], index.row_hi[: index.n], index.row_lo[: index.n]))
            if not parts:
                empty = np.empty(0, np.int64)
                return empty, empty.astype(np.uint64), empty.astype(np.uint64)
            return tuple(np.concatenate(cols) for cols in zip(*parts))  # type: ignore[return-value]

    def range(self, entity_path: str, *, timeline: str, start: int | None = None, end: int | None = None,
              components: Iterable[str] | None = None) -> list[tuple[int, int, dict[str, Any]]]:
        """All rows of one entity with `start <= time <= end` (raw int64): [(time, row_id, {component: batch})]."""
        self.flush()
        path = normalize_entity_path(entity_path)
        lo_t = np.iinfo(np.int64).min + 1 if start is None else int(start)
        hi_t = np.iinfo(np.int64).max if end is None else int(end)
        with self._lock:
            entity = self._entities.get(path)
            if entity is None:
                return []
            per_comp = entity.temporal.get(timeline, {})
            wanted = [c for c in (entity.descriptors if components is None else components) if c in per_comp]
            rows: dict[tuple[int, int], dict[str, Any]] = {}
            for comp in wanted:
                index = per_comp[comp]
                a, b = index.range(lo_t, hi_t)
                for pos in range(a, b):
                    key = (int(index.times[pos]), (int(index.row_hi[pos]) << 64) | int(index.row_lo[pos]))
                    cell = self._chunks[int(index.chunk_nos[pos])].columns[comp].cell(int(index.rows[pos]))
                    rows.setdefault(key, {})[comp] = cell
            return [(t, rid, comps) for (t, rid), comps in sorted(rows.items())]

    def range_arrays(self, entity_path: str, component: str, *, timeline: str, start: int | None = None,
                     end: int | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, Any] | None:
        """One component's rows with `start <= time <= end` as arrays, for bulk readers (plots):
        `(times, row_hi, row_lo, offsets, values)` sorted by (time, row id); row i's instances are
        `values[offsets[i]:offsets[i+1]]`. Numeric components are gathered with numpy (no per-row Python);
        None if the component holds no numeric values (use `range`)."""
        self.flush()
        path = normalize_entity_path(entity_path)
        lo_t = np.iinfo(np.int64).min if start is None else int(start)
        hi_t = np.iinfo(np.int64).max if end is None else int(end)
        with self._lock:
            entity = self._entities.get(path)
            index = None if entity is None else entity.temporal.get(timeline, {}).get(component)
            if index is None or index.n == 0:
                empty = np.empty(0, np.int64)
                return empty, empty.astype(np.uint64), empty.astype(np.uint64), np.zeros(1, np.int64), np.empty(0)
            a, b = index.range(lo_t, hi_t)
            rows, chunk_nos = index.rows[a:b], index.chunk_nos[a:b]
            gathered = gather_cells(self._chunks, component, chunk_nos, rows, np.ones(b - a, bool))
            if gathered is None:
                return None
            offsets, values = gathered
            return index.times[a:b].copy(), index.row_hi[a:b].copy(), index.row_lo[a:b].copy(), offsets, values

    def reader(self, index: str | None, *, contents: Any = None, fill_latest_at: bool = False,
               using_index_values: Any = None):
        """A dataframe view of the store, shaped like Rerun 0.41's: see `rerun_nb.store.DataframeReader`."""
        from ._reader import DataframeReader

        return DataframeReader(self, index, contents=contents, fill_latest_at=fill_latest_at,
                               using_index_values=using_index_values)

    def to_parquet(self, directory: Any) -> dict:
        """Write one Parquet file per entity under `directory` (for DuckDB/Polars/Spark); returns {entity: path}."""
        from ..rrd._parquet import to_parquet  # the exporter lives with the other file formats

        return to_parquet(self, directory)

    def timeline_kind(self, timeline: str) -> str | None:
        with self._lock:
            return self._timeline_kinds.get(timeline)

    def __repr__(self) -> str:
        with self._lock:
            return f"ChunkStore({len(self._entities)} entities, {len(self._chunks)} chunks, {self.total_bytes} bytes)"


def _recursive_rows(column: Any, rows: np.ndarray) -> np.ndarray:
    values = column.values
    flags = values.to_numpy(zero_copy_only=False) if isinstance(values, pa.Array) else np.asarray(values)
    keep = [r for r in rows.tolist() if column.offsets[r + 1] > column.offsets[r] and bool(flags[column.offsets[r]])]
    return np.array(keep, np.int64)
