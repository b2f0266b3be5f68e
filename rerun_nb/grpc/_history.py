"""What a server keeps for readers that attach later (ReadMessages), within a memory limit.

Messages are kept serialized, exactly as they arrived, so a reader gets byte-identical copies (as from
Rerun's proxy). Three groups, each in arrival order: *persistent* (store infos, blueprint data, blueprint
activations; never dropped), *static* chunks, and *temporal* chunks. Over the memory limit the oldest
temporal messages go first, then the oldest static ones. A reader gets the history (persistent, static,
temporal; temporal newest first with ``newest_first``) and then every new message live, through a bounded
queue: a reader that falls too far behind is cut off with a logged reason instead of growing memory.
"""

from __future__ import annotations

import collections
import logging
import threading
from collections.abc import Iterator

__all__ = ["PERSISTENT", "STATIC", "TEMPORAL", "MessageHistory"]

PERSISTENT, STATIC, TEMPORAL = "persistent", "static", "temporal"
_LOG = logging.getLogger("rerun_nb.grpc")


class ReaderTooSlow(RuntimeError):
    """A live reader's queue went over its byte budget."""


class _Reader:
    def __init__(self, max_queued_bytes: int) -> None:
        self.queue: collections.deque[bytes] = collections.deque()
        self.queued_bytes = 0
        self.max_queued_bytes = max_queued_bytes
        self.overflowed = False
        self.closed = False


class MessageHistory:
    """Serialized log messages for late readers, bounded by ``memory_limit_bytes`` (0 keeps no history)."""

    def __init__(self, memory_limit_bytes: int | None = 2**30, *, newest_first: bool = False,
                 max_reader_queue_bytes: int = 512 * 2**20) -> None:
        self.memory_limit_bytes = memory_limit_bytes
        self.newest_first = newest_first
        self.max_reader_queue_bytes = max_reader_queue_bytes
        self._groups: dict[str, collections.deque[bytes]] = {g: collections.deque() for g in (PERSISTENT, STATIC, TEMPORAL)}
        self._droppable_bytes = 0  # static + temporal
        self.dropped_messages = 0
        self._readers: list[_Reader] = []
        self._cond = threading.Condition()
        self._closed = False

    def add(self, raw: bytes, group: str) -> None:
        """Keep ``raw`` (a serialized ReadMessagesResponse) and hand it to every live reader."""
        with self._cond:
            if self._closed:
                return
            if self.memory_limit_bytes != 0:
                self._groups[group].append(raw)
                if group != PERSISTENT:
                    self._droppable_bytes += len(raw)
                    self._enforce_limit()
            for reader in self._readers:
                if reader.queued_bytes + len(raw) > reader.max_queued_bytes:
                    reader.overflowed = True
                    continue
                reader.queue.append(raw)
                reader.queued_bytes += len(raw)
            self._cond.notify_all()

    def _enforce_limit(self) -> None:
        limit = self.memory_limit_bytes
        if limit is None:
            return
        for group in (TEMPORAL, STATIC):
            queue = self._groups[group]
            while self._droppable_bytes > limit and queue:
                self._droppable_bytes -= len(queue.popleft())
                self.dropped_messages += 1

    @property
    def num_messages(self) -> int:
        with self._cond:
            return sum(len(q) for q in self._groups.values())

    @property
    def droppable_bytes(self) -> int:
        """Bytes held in static and temporal messages (what the memory limit bounds)."""
        return self._droppable_bytes

    def read(self, is_active=lambda: True) -> Iterator[bytes]:
        """History, then live messages until `close` (or ``is_active()`` turns false)."""
        reader = _Reader(self.max_reader_queue_bytes)
        with self._cond:
            temporal = list(self._groups[TEMPORAL])
            history = [*self._groups[PERSISTENT], *self._groups[STATIC],
                       *(reversed(temporal) if self.newest_first else temporal)]
            self._readers.append(reader)
        try:
            yield from self._replay(history, reader, is_active)
            while True:
                raw = self._next_live(reader, is_active)
                if raw is None:
                    return
                yield raw
        finally:
            with self._cond:
                if reader in self._readers:
                    self._readers.remove(reader)

    def _replay(self, history: list[bytes], reader: _Reader, is_active) -> Iterator[bytes]:
        for raw in history:
            if self.newest_first:  # live messages go first
                while reader.queue:
                    raw_live = self._next_live(reader, is_active, wait=False)
                    if raw_live is not None:
                        yield raw_live
            yield raw

    def _next_live(self, reader: _Reader, is_active, *, wait: bool = True) -> bytes | None:
        with self._cond:
            while not reader.queue:
                if reader.overflowed:
                    raise ReaderTooSlow(f"the reader fell more than {reader.max_queued_bytes} bytes behind")
                if self._closed or not is_active() or not wait:
                    return None
                self._cond.wait(0.5)
            raw = reader.queue.popleft()
            reader.queued_bytes -= len(raw)
            return raw

    def close(self) -> None:
        """End every live reader (server shutdown)."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()
