"""`rr.chunk.Chunk`: one immutable chunk of a recording (an Arrow record batch in Rerun's chunk layout)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import pyarrow as pa

from ..store import Chunk as StoreChunk
from ..store import normalize_entity_path
from ..store._ids import TUIDS, tuid_str
from ._from_batch import AUTO_INDEX, record_batches_of, store_chunks_from_record_batch


class Chunk:
    """A single chunk of data: the rows of one entity, its timelines and component columns.

    Build one with `from_columns`, `from_record_batch`, `from_dataframe` or `from_property`; read one with
    `to_record_batch()`. Chunks are immutable: `with_entity_path` returns a new chunk.
    """

    def __init__(self, internal: Any) -> None:
        if isinstance(internal, pa.RecordBatch):
            internal = StoreChunk.from_record_batch(internal)
        if not isinstance(internal, StoreChunk):
            raise TypeError(f"Chunk wraps a store chunk or a Rerun-layout pyarrow.RecordBatch, "
                            f"got {type(internal).__name__}")
        self._chunk = internal

    # --- building ----------------------------------------------------------------------------

    @classmethod
    def from_columns(cls, entity_path: str, indexes: Iterable[Any], columns: Iterable[Any]) -> Chunk:
        """A chunk from `send_columns`-style arguments (fresh chunk id and row ids)."""
        from .._send_columns import build_columns_chunk

        chunk = build_columns_chunk(normalize_entity_path(entity_path), indexes, columns, lambda name, kind: None)
        if chunk is None:
            raise ValueError("Chunk.from_columns: no component columns")
        return cls(chunk)

    @classmethod
    def from_record_batch(cls, record_batch: pa.RecordBatch, *, index: Any = AUTO_INDEX,
                          entity_path: str | None = None) -> list[Chunk]:
        """Read an Arrow record batch as chunk data: one chunk per entity path (see `_from_batch`)."""
        return [cls(c) for c in store_chunks_from_record_batch(record_batch, index, entity_path)]

    @classmethod
    def from_dataframe(cls, dataframe: Any, *, index: Any = AUTO_INDEX,
                       entity_path: str | None = None) -> Iterator[Chunk]:
        """Chunks of every record batch of a pyarrow Table/RecordBatch/Reader or Arrow C stream, lazily."""
        batches = record_batches_of(dataframe)  # raises TypeError now, not at the first next()

        def chunks() -> Iterator[Chunk]:
            for batch in batches:
                yield from cls.from_record_batch(batch, index=index, entity_path=entity_path)

        return chunks()

    @classmethod
    def from_property(cls, name: str, values: Any) -> Chunk:
        """A static chunk of the recording property `name` (as `rr.send_property` logs it)."""
        from .._recording_api import RECORDING_PROPERTIES_PATH
        from ..recording_stream import RecordingStream
        from ..store import new_entity_path

        scratch = RecordingStream("rerun_nb_property", send_properties=False)
        scratch.set_log_time_enabled(False)
        scratch.log(f"{RECORDING_PROPERTIES_PATH}{new_entity_path([name])}", values, static=True, strict=True)
        scratch.flush()
        return cls(scratch.store.store_chunks()[0])

    # --- reading -----------------------------------------------------------------------------

    @property
    def entity_path(self) -> str:
        return self._chunk.entity_path

    @property
    def id(self) -> str:
        return f"chunk_{tuid_str(*self._chunk.id)}"

    @property
    def is_empty(self) -> bool:
        return self._chunk.num_rows == 0

    @property
    def is_static(self) -> bool:
        return self._chunk.is_static

    @property
    def num_rows(self) -> int:
        return self._chunk.num_rows

    @property
    def num_columns(self) -> int:
        """Row-id column + one per timeline + one per component (as in the record batch)."""
        return 1 + len(self._chunk.timelines) + len(self._chunk.columns)

    @property
    def timeline_names(self) -> list[str]:
        return sorted(self._chunk.timelines)

    def to_record_batch(self) -> pa.RecordBatch:
        """The chunk as an Arrow record batch in Rerun's layout (row ids, indexes, components, metadata)."""
        return self._chunk.to_record_batch()

    def with_entity_path(self, entity_path: str) -> Chunk:
        """The same rows under another entity path (a new chunk id)."""
        path = normalize_entity_path(entity_path)
        src = self._chunk
        return Chunk(StoreChunk(path, src.row_hi, src.row_lo, dict(src.timelines), dict(src.columns),
                                chunk_id=TUIDS.next()))

    def format(self, *, width: int = 240, redact: bool = False, trim_metadata_keys: bool = True) -> str:
        """A text table of the chunk: metadata, then one line per row (cells cut to fit `width`)."""
        batch = self.to_record_batch()
        lines = [f"entity_path: {self.entity_path}", f"id: {'<redacted>' if redact else self.id}",
                 f"{self.num_rows} rows, timelines {self.timeline_names}"]
        cols = [f.name for f in batch.schema]
        lines.append(" | ".join(cols))
        row_ids = [tuid_str(hi, lo) for hi, lo in zip(self._chunk.row_hi, self._chunk.row_lo)]
        for row in range(batch.num_rows):
            cells = []
            for field, arr in zip(batch.schema, batch.columns):
                if (field.metadata or {}).get(b"rerun:kind") == b"control":
                    cells.append("row_<redacted>" if redact else f"row_{row_ids[row]}")
                else:
                    cells.append(str(arr[row].as_py()))
            lines.append(" | ".join(cells))
        return "\n".join(line if len(line) <= width else line[: width - 1] + "…" for line in lines)

    def apply_lenses(self, lenses: Any) -> list[Chunk]:
        raise NotImplementedError("Chunk.apply_lenses: lenses are not implemented in rerun_nb yet")

    def apply_selector(self, source: Any, selector: Any) -> Chunk:
        raise NotImplementedError("Chunk.apply_selector: selectors are not implemented in rerun_nb yet")

    def __repr__(self) -> str:
        kind = "static" if self.is_static else ",".join(self.timeline_names)
        return f"Chunk({self.entity_path}, {self.num_rows} rows, {kind})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Chunk) and self.to_record_batch().equals(other.to_record_batch())

    __hash__ = None  # type: ignore[assignment]
