"""`ChunkStore` (in memory), `RrdReader` / `LazyStore` / `StoreEntry` (files), `send_chunks`."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import Any

import pyarrow as pa

from ..error_utils import report_error
from ._chunk import Chunk
from ._from_batch import AUTO_INDEX, record_batches_of
from ._stream import LazyChunkStream


def write_chunks_rrd(path: Any, chunks: Iterable[Chunk], application_id: str, recording_id: str) -> None:
    """Write chunks as one recording store to an .rrd file."""
    from ..rrd import StoreId, write_rrd
    from ..rrd._messages import STORE_KIND_RECORDING
    from ..rrd._sink import prepare_chunk

    store_id = StoreId(STORE_KIND_RECORDING, str(application_id), str(recording_id))
    write_rrd(os.fspath(path), [(store_id, [prepare_chunk(c.to_record_batch()) for c in chunks])])


def _summary(chunks: Sequence[Chunk]) -> str:
    entities = sorted({c.entity_path for c in chunks})
    timelines = sorted({t for c in chunks for t in c.timeline_names})
    rows = sum(c.num_rows for c in chunks)
    return f"{len(chunks)} chunks, {rows} rows, {len(entities)} entities, timelines {timelines}"


def _schema(chunks: Sequence[Chunk]) -> pa.Schema:
    """Index fields (one per timeline), then one field per `/entity:component` (first type seen)."""
    fields: dict[str, pa.Field] = {}
    for chunk in chunks:
        batch = chunk.to_record_batch()
        for field in batch.schema:
            kind = (field.metadata or {}).get(b"rerun:kind")
            if kind == b"control":
                continue
            name = field.name if kind == b"index" else f"{chunk.entity_path}:{field.name}"
            fields.setdefault(name, field.with_name(name))
    index = [f for f in fields.values() if (f.metadata or {}).get(b"rerun:kind") == b"index"]
    rest = [f for f in fields.values() if f not in index]
    return pa.schema(index + rest)


class ChunkStore:
    """A fully materialized, in-memory chunk store: `from_chunks`, `stream()`, the dataframe `reader(...)`."""

    def __init__(self, internal: Any) -> None:
        self._chunks: list[Chunk] = list(internal)
        self._store: Any = None

    @staticmethod
    def from_chunks(chunks: Sequence[Chunk]) -> ChunkStore:
        return ChunkStore(chunks)

    def _queryable(self) -> Any:
        if self._store is None:
            from ..store import ChunkStore as StoreChunkStore

            store = StoreChunkStore()
            for chunk in self._chunks:
                store.insert_chunk(chunk._chunk)
            self._store = store
        return self._store

    def reader(self, index: str | None, *, contents: Any = None, include_semantically_empty_columns: bool = False,
               include_tombstone_columns: bool = False, fill_latest_at: bool = False,
               using_index_values: Any = None, ctx: Any = None) -> Any:
        """The dataframe query (Rerun's `reader`): rows per `index` value, `/entity:component` columns.

        Returns rerun_nb's reader (`to_arrow_table()`, `to_pandas()`, `to_polars()`); with a datafusion
        `ctx`, a datafusion DataFrame of the same table, as Rerun returns.
        """
        reader = self._queryable().reader(index, contents=contents, fill_latest_at=fill_latest_at,
                                          using_index_values=using_index_values)
        if ctx is not None:
            return ctx.from_arrow(reader.to_arrow_table())
        return reader

    def schema(self) -> pa.Schema:
        return _schema(self._chunks)

    def stream(self) -> LazyChunkStream:
        return LazyChunkStream(list(self._chunks))

    def summary(self) -> str:
        return _summary(self._chunks)

    def write_rrd(self, path: Any, *, application_id: str, recording_id: str) -> None:
        write_chunks_rrd(path, self._chunks, application_id, recording_id)

    def __len__(self) -> int:
        return len(self._chunks)

    def __repr__(self) -> str:
        return f"ChunkStore({self.summary()})"


class StoreEntry:
    """One store found in an RRD file: `kind` ("recording" / "blueprint"), application and recording id."""

    def __init__(self, internal: Any) -> None:
        self._store = internal

    @property
    def application_id(self) -> str:
        return self._store.application_id

    @property
    def recording_id(self) -> str:
        return self._store.recording_id

    @property
    def kind(self) -> str:
        return self._store.kind

    def __repr__(self) -> str:
        return f"StoreEntry({self.kind}, {self.application_id!r}, {self.recording_id!r})"


class LazyStore:
    """The chunks of one store of an RRD file (rerun_nb reads the file when the reader opens it)."""

    def __init__(self, internal: Any) -> None:
        self._store = internal
        self._chunks: list[Chunk] | None = None

    def _all(self) -> list[Chunk]:
        if self._chunks is None:
            self._chunks = [Chunk(batch) for batch in self._store.chunks]
        return self._chunks

    def schema(self) -> pa.Schema:
        return _schema(self._all())

    def stream(self) -> LazyChunkStream:
        return LazyChunkStream(list(self._all()))

    def summary(self) -> str:
        return _summary(self._all())

    def write_rrd(self, path: Any, *, application_id: str, recording_id: str) -> None:
        write_chunks_rrd(path, self._all(), application_id, recording_id)

    def __len__(self) -> int:
        return len(self._store.chunks)


class RrdReader:
    """Read chunks from an .rrd file: `recordings()`/`blueprints()`, then `stream()` or `store()`."""

    def __init__(self, path: str | os.PathLike) -> None:
        from ..rrd import RrdError, read_rrd

        self.path = os.fspath(path)
        # Damage: strict mode raises the first RrdError (offset and what was expected); otherwise one
        # warning per problem and the stores that could be read (as `rr.load`).
        try:
            self._stores = read_rrd(self.path)
        except RrdError as err:
            raise RrdError(f"{self.path}: {err}") from err
        except OSError as err:
            raise OSError(f"RrdReader: can't read {self.path}: {err.strerror or err}") from err

    def recordings(self) -> list[StoreEntry]:
        return [StoreEntry(s) for s in self._stores if s.kind == "recording"]

    def blueprints(self) -> list[StoreEntry]:
        return [StoreEntry(s) for s in self._stores if s.kind == "blueprint"]

    def _pick(self, store: StoreEntry | None) -> Any:
        if store is not None:
            return store._store
        recordings = [s for s in self._stores if s.kind == "recording"]
        if len(recordings) != 1:
            raise ValueError(f"{self.path} holds {len(recordings)} recordings; pick one with store=")
        return recordings[0]

    def stream(self, *, store: StoreEntry | None = None) -> LazyChunkStream:
        return LazyStore(self._pick(store)).stream()

    def store(self, *, store: StoreEntry | None = None) -> LazyStore:
        return LazyStore(self._pick(store))


def _as_chunks(chunks: Any) -> Iterable[Chunk]:
    if isinstance(chunks, Chunk):
        return [chunks]
    if isinstance(chunks, (LazyStore, ChunkStore)):
        return chunks.stream()
    return chunks


def send_chunks(chunks: Any, *, recording: Any = None) -> None:
    """Log chunks as they are (their row ids and times) into the recording."""
    from ..recording_stream import get_data_recording

    rec = get_data_recording(recording)
    if rec is None or not rec.is_enabled():
        return
    try:
        items = list(_as_chunks(chunks))
        for chunk in items:
            if not isinstance(chunk, Chunk):
                raise TypeError(f"expected rr.chunk.Chunk objects, got {type(chunk).__name__}")
            rec.store.batcher.check_chunk(chunk._chunk)
    except Exception as exc:  # noqa: BLE001 - bad input must not break the user's loop
        report_error(f"rr.send_chunks: {exc}; nothing was sent")
        return
    for chunk in items:
        rec.store.batcher.append_chunk(chunk._chunk)


def send_record_batch(batch: pa.RecordBatch, recording: Any = None, *, index: Any = AUTO_INDEX,
                      entity_path: str | None = None) -> None:
    """`Chunk.from_record_batch(batch, ...)` sent to the recording."""
    _send_frames([batch], recording, index, entity_path, "rr.send_record_batch")


def send_dataframe(df: Any, recording: Any = None, *, index: Any = AUTO_INDEX,
                   entity_path: str | None = None) -> None:
    """`Chunk.from_dataframe(df, ...)` sent to the recording."""
    _send_frames(df, recording, index, entity_path, "rr.send_dataframe")


def _send_frames(frames: Any, recording: Any, index: Any, entity_path: str | None, what: str) -> None:
    try:
        batches = [frames[0]] if isinstance(frames, list) else list(record_batches_of(frames))
        chunks = [c for b in batches for c in Chunk.from_record_batch(b, index=index, entity_path=entity_path)]
    except Exception as exc:  # noqa: BLE001 - bad input must not break the user's loop
        report_error(f"{what}: {exc}; nothing was sent")
        return
    send_chunks(chunks, recording=recording)

