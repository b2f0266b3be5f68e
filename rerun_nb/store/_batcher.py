"""Row batcher: `log()` appends rows to a pending buffer per (entity, timelines); chunks are built in bulk.

This keeps `log()` to a few list appends. A pending buffer becomes a chunk when it reaches
`MAX_ROWS` rows or `MAX_BYTES` bytes, when it is older than `MAX_AGE_S` (checked at the next append
and by a background flusher thread, so a row never waits for the next log call, a query or exit to
reach the store and its sinks), when pending rows would take the store past its memory limit, and
before any query (the store calls `flush()`), so queries always see everything logged before them.

Nothing invalid reaches a pending buffer: `append` checks what it can't trust (a free-form component
changing type) before it changes anything, and raises `ValueError` to the log call, which reports it.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Callable
from typing import Any

import numpy as np
import pyarrow as pa

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
    """Collects logged rows and hands finished chunks to `sink` (the store's insert).

    `flush_above_bytes` (set by the store from its memory limit) flushes as soon as the pending rows
    alone would take the store past the limit, so the limit also counts rows not yet in a chunk.
    """

    def __init__(self, sink: Callable[[list[Chunk]], None], *, on_error: Callable[[str], None] | None = None):
        self._sink = sink
        self._on_error = on_error
        self._pending: dict[tuple, _Pending] = {}
        self._lock = threading.RLock()
        self.rows_appended = 0
        self.pending_bytes = 0
        self.flush_above_bytes: int | None = None
        # (entity, component) -> the type signature of a free-form (untyped) component, across flushes
        self._free_types: dict[tuple[str, str], Any] = {}

    def append(self, entity_path: str, timeline_names: tuple[str, ...], kinds: tuple[str, ...],
               times: tuple[int, ...], row_id: tuple[int, int],
               batches: list[tuple[ComponentDescriptor, Any]], *, check_all_types: bool = False) -> None:
        """Add one row. Raises ValueError (and changes nothing) for a component changing type: untyped
        components are always checked, the others with `check_all_types` (batches not built by our archetypes,
        whose conversion already fixes the type)."""
        key = (entity_path, timeline_names)
        with self._lock:
            self._check_free_types(entity_path, batches, check_all_types)
            pending = self._pending.get(key)
            if pending is None:
                if not self._pending:
                    _AGE_FLUSHER.wake(self)
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
            self.pending_bytes += nbytes
            self.rows_appended += 1
            limit = self.flush_above_bytes
            if limit is not None and self.pending_bytes > limit:
                self._flush_keys(list(self._pending))
            elif (row + 1 >= MAX_ROWS or pending.nbytes >= MAX_BYTES
                    or time.monotonic() - pending.started_s > MAX_AGE_S):
                self._flush_keys([key])

    def _check_free_types(self, entity_path: str, batches: list[tuple[ComponentDescriptor, Any]],
                          check_all: bool = False) -> None:
        """A component without a component type (AnyValues, custom batches) keeps the type it was first logged
        with on this entity: a column of two types can't be stored as one Arrow column (nor saved)."""
        new = None
        for desc, data in batches:
            if desc.component_type is not None and not check_all:
                continue
            signature = _signature(data)
            known = self._free_types.get((entity_path, desc.component))
            if known is None:
                new = new or {}
                new[(entity_path, desc.component)] = signature
            elif known != signature:
                raise ValueError(f"`{desc.component}` was first logged on {entity_path} as {_describe(known)}, "
                                 f"now as {_describe(signature)} (a component keeps one type)")
        if new:
            self._free_types.update(new)

    def check_chunk(self, chunk: Chunk) -> None:
        """The same type check for a ready chunk (send_columns), before it is appended."""
        with self._lock:
            self._check_free_types(chunk.entity_path, [(col.descriptor, col.values) for col in chunk.columns.values()],
                                   check_all=True)

    def append_chunk(self, chunk: Chunk) -> None:
        """A ready chunk (send_columns): flush what is pending for that entity first to keep order."""
        with self._lock:
            keys = [k for k in self._pending if k[0] == chunk.entity_path]
            self._sink(self._build(keys) + [chunk])

    def _build(self, keys: list[tuple]) -> list[Chunk]:
        """Chunks from these pending buffers. A buffer that can't become a chunk (a bug, never user input:
        that is checked in `append`) is reported; the other buffers still become chunks."""
        chunks = []
        for key in keys:
            pending = self._pending.pop(key)
            self.pending_bytes -= pending.nbytes
            try:
                chunks.append(pending.to_chunk())
            except Exception as exc:  # noqa: BLE001 - one bad buffer must not lose the others
                if self._on_error is not None:
                    self._on_error(f"rerun_nb: could not build a chunk of {pending.entity_path} "
                                   f"({len(pending.row_hi)} rows): {type(exc).__name__}: {exc}")
        if not self._pending:
            self.pending_bytes = 0
        return chunks

    def _flush_keys(self, keys: list[tuple]) -> None:
        chunks = self._build(keys)
        if chunks:
            self._sink(chunks)

    def flush(self) -> None:
        with self._lock:
            if self._pending:
                self._flush_keys(list(self._pending))

    def flush_older_than(self, age_s: float) -> bool:
        """Flush the buffers started more than `age_s` ago; True while rows are still pending."""
        if not self._pending:
            return False
        with self._lock:
            cutoff = time.monotonic() - age_s
            old = [k for k, p in self._pending.items() if p.started_s <= cutoff]
            if old:
                self._flush_keys(old)
            return bool(self._pending)

    @property
    def lock(self) -> threading.RLock:
        """Held while rows are appended or flushed; hold it to keep new rows out for a moment."""
        return self._lock

    @property
    def num_pending_rows(self) -> int:
        with self._lock:
            return sum(len(p.row_hi) for p in self._pending.values())


class _AgeFlusher:
    """One daemon thread for all batchers: flushes rows older than `MAX_AGE_S`, as Rerun's batcher
    flushes on its tick. It sleeps on an event while no batcher has pending rows, so an idle process pays
    nothing, and holds batchers weakly, so it never keeps a recording alive."""

    def __init__(self) -> None:
        self._batchers: weakref.WeakSet[RowBatcher] = weakref.WeakSet()
        self._lock = threading.Lock()
        self._event = threading.Event()
        self._thread: threading.Thread | None = None

    def wake(self, batcher: RowBatcher) -> None:
        with self._lock:
            self._batchers.add(batcher)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="rerun_nb-batcher", daemon=True)
                self._thread.start()
        self._event.set()

    def _run(self) -> None:
        while True:
            self._event.wait()
            self._event.clear()
            busy = True
            while busy:
                time.sleep(MAX_AGE_S / 2)
                busy = False
                with self._lock:
                    batchers = list(self._batchers)
                for batcher in batchers:
                    try:
                        busy = batcher.flush_older_than(MAX_AGE_S) or busy
                    except Exception:  # noqa: BLE001 - reported by the store; the thread must live on
                        busy = True
                del batchers


_AGE_FLUSHER = _AgeFlusher()


def _signature(data: Any) -> Any:
    """The Arrow type a batch becomes (numpy (N,) -> T, (N, k) -> FixedSizeList<T, k>), as a comparable key."""
    if isinstance(data, (pa.Array, pa.ChunkedArray)):
        return data.type
    if isinstance(data, np.ndarray):
        try:
            arrow_type = pa.from_numpy_dtype(data.dtype)
        except (pa.ArrowNotImplementedError, TypeError):
            return ("numpy", data.dtype.str, data.shape[1:])
        for size in reversed(data.shape[1:]):
            arrow_type = pa.list_(arrow_type, size)
        return arrow_type
    return ("python", type(data).__name__)


def _describe(signature: Any) -> str:
    return str(signature) if isinstance(signature, pa.DataType) else " ".join(map(str, signature))
