"""Query results and store events."""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np
import pyarrow as pa

from ..time import time_to_int64


class TimelineInfo(NamedTuple):
    """A timeline of the store: its kind ("sequence", "duration", "timestamp") and raw int64 bounds."""

    name: str
    kind: str
    min: int
    max: int


def resolve_time(at: int | None, sequence: Any, duration: Any, timestamp: Any) -> int | None:
    if sequence is None and duration is None and timestamp is None:
        return None if at is None else int(at)
    given = sum(x is not None for x in (at, sequence, duration, timestamp))
    if given > 1:
        raise ValueError("give at most one of `at`, `sequence`, `duration` and `timestamp`")
    if at is not None:
        return int(at)
    if given == 0:
        return None
    return time_to_int64(sequence=sequence, duration=duration, timestamp=timestamp, what="latest_at")[1]


class LatestAtResult(dict):
    """Descriptor name (e.g. "Points3D:positions") -> the resolved batch (numpy or Arrow).

    `row_ids[name]` is `(time, row_id)` of the row each batch came from (time None for static data),
    handy to tell whether anything changed since a previous query.
    """

    def __init__(self) -> None:
        super().__init__()
        # component -> (TimeIndex, position) or (None, (row_hi, row_lo)) for static; row_ids is built on demand.
        self._sources: dict[str, tuple[Any, Any]] = {}
        self._row_ids: dict[str, tuple[int | None, int]] | None = None

    @property
    def row_ids(self) -> dict[str, tuple[int | None, int]]:
        if self._row_ids is None:
            row_ids = {}
            for name, (index, where) in self._sources.items():
                if index is None:
                    row_ids[name] = (None, (int(where[0]) << 64) | int(where[1]))
                else:
                    row_ids[name] = (int(index.times[where]),
                                     (int(index.row_hi[where]) << 64) | int(index.row_lo[where]))
            self._row_ids = row_ids
        return self._row_ids

    def clamped(self, name: str, n: int) -> np.ndarray | pa.Array | None:
        """The batch for `name` clamped to `n` instances: a longer one is cut, a shorter one repeats its last value.

        None when the component is absent or empty (the caller then uses its default).
        """
        batch = self.get(name)
        if batch is None or len(batch) == 0:
            return None
        k = len(batch)
        if k == n:
            return batch
        if k > n:
            return batch[:n]
        if isinstance(batch, np.ndarray):
            return np.concatenate([batch, np.repeat(batch[-1:], n - k, axis=0)])
        indices = pa.array(np.minimum(np.arange(n), k - 1))
        return batch.take(indices)


class StoreEvent:
    """A chunk was added to ("add") or dropped from ("drop") the store."""

    __slots__ = ("kind", "store_chunk")

    def __init__(self, kind: str, store_chunk: Any):
        self.kind = kind
        self.store_chunk = store_chunk

    @property
    def entity_path(self) -> str:
        return self.store_chunk.entity_path

    @property
    def chunk(self) -> pa.RecordBatch:
        return self.store_chunk.to_record_batch()

    @property
    def is_static(self) -> bool:
        return self.store_chunk.is_static

    @property
    def timelines(self) -> dict[str, tuple[int, int]]:
        return {name: self.store_chunk.time_range(name) for name in self.store_chunk.timelines}

    @property
    def components(self) -> list[str]:
        return list(self.store_chunk.columns)

    def __repr__(self) -> str:
        return f"StoreEvent({self.kind}, {self.store_chunk!r})"
