"""MemoryBudget: one memory limit shared by several stores (the recordings a gRPC server receives).

Rerun's viewer has one memory limit for everything it holds and, past it, drops the oldest temporal data
first whichever recording it belongs to. A budget does the same across ``ChunkStore``s: after any insert
into one of its stores, while the stores together hold more than the limit, the temporal chunk that
arrived first (in the process-wide arrival order the stores keep) is dropped, down to 90% of the limit.
Static data and each component's latest row are never dropped, as with a single store's limit.
"""

from __future__ import annotations

import threading
import weakref

__all__ = ["MemoryBudget"]

_TARGET = 0.9  # a pass drops down to this fraction of the limit (as a single store's limit does)


class MemoryBudget:
    """``limit_bytes`` shared by the stores added with ``add`` (held weakly: a closed recording leaves)."""

    def __init__(self, limit_bytes: int):
        self.limit_bytes = int(limit_bytes)
        self._stores: weakref.WeakSet = weakref.WeakSet()
        self._lock = threading.Lock()

    def add(self, store) -> None:
        """Make ``store`` share this budget (its own ``memory_limit`` is turned off)."""
        store.memory_limit = None
        store.memory_budget = self
        self._stores.add(store)

    @property
    def total_bytes(self) -> int:
        """Bytes the stores of this budget hold together."""
        return sum(store.total_bytes for store in list(self._stores))

    def enforce(self) -> int:
        """Drop the oldest temporal data across the stores until under the limit; returns the bytes freed.

        Never blocks: if another thread is enforcing already (it may be waiting on a lock this thread
        holds), this returns 0 and that thread's pass covers the new data too."""
        if self.total_bytes <= self.limit_bytes or not self._lock.acquire(blocking=False):
            return 0
        try:
            freed = 0
            excess = self.total_bytes - int(self.limit_bytes * _TARGET)
            while excess > 0:
                candidates = sorted(
                    (arrival, id(store), store) for store in list(self._stores)
                    if (arrival := store.oldest_droppable_arrival()) is not None)
                if not candidates:
                    break  # only static data and latest rows are left: they stay
                _arrival, _key, store = candidates[0]
                next_arrival = candidates[1][0] if len(candidates) > 1 else None
                got = store.drop_oldest_temporal(excess, arrived_before=next_arrival, limit_bytes=self.limit_bytes)
                if got <= 0:
                    break
                freed += got
                excess -= got
            return freed
        finally:
            self._lock.release()
