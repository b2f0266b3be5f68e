"""Sorted time index of one (entity, component, timeline): latest-at is one binary search.

Entries are kept sorted by (time, row id). Appends in order (the common case: time moves forward)
stay sorted for free; an out-of-order append marks the index unsorted and the next query re-sorts
it once. Among equal times the entry with the greatest row id sorts last, so `searchsorted(...,
side="right") - 1` finds the winner of a tie: the later log call, as in Rerun.
"""

from __future__ import annotations

import numpy as np


class TimeIndex:
    __slots__ = ("chunk_nos", "is_sorted", "n", "reordered", "row_hi", "row_lo", "rows", "times")

    def __init__(self, capacity: int = 16):
        self.times = np.empty(capacity, np.int64)
        self.row_hi = np.empty(capacity, np.uint64)
        self.row_lo = np.empty(capacity, np.uint64)
        self.chunk_nos = np.empty(capacity, np.int64)
        self.rows = np.empty(capacity, np.int64)
        self.n = 0
        self.is_sorted = True
        self.reordered = False  # entries were ever moved by a sort (see `rename_chunk`)

    def _grow(self, needed: int) -> None:
        capacity = max(needed, 2 * len(self.times))
        for name in ("times", "row_hi", "row_lo", "chunk_nos", "rows"):
            old = getattr(self, name)
            new = np.empty(capacity, old.dtype)
            new[: self.n] = old[: self.n]
            setattr(self, name, new)

    def extend(self, times: np.ndarray, row_hi: np.ndarray, row_lo: np.ndarray, chunk_no: int,
               rows: np.ndarray) -> None:
        k = len(times)
        if k == 0:
            return
        n = self.n
        if n == 0 and k > len(self.times):  # a first large block (send_columns, a file): take copies of it as is
            self.times, self.row_hi, self.row_lo = (np.array(times, np.int64), np.array(row_hi, np.uint64),
                                                    np.array(row_lo, np.uint64))
            self.chunk_nos = np.full(k, chunk_no, np.int64)
            self.rows = np.array(rows, np.int64)
            self.is_sorted = _is_sorted_after(self, 0, self.times, self.row_hi, self.row_lo)
            self.n = k
            return
        if n + k > len(self.times):
            self._grow(n + k)
        if self.is_sorted:
            self.is_sorted = _is_sorted_after(self, n, times, row_hi, row_lo)
        self.times[n:n + k] = times
        self.row_hi[n:n + k] = row_hi
        self.row_lo[n:n + k] = row_lo
        self.chunk_nos[n:n + k] = chunk_no
        self.rows[n:n + k] = rows
        self.n = n + k

    def _sort(self) -> None:
        n = self.n
        order = np.lexsort((self.row_lo[:n], self.row_hi[:n], self.times[:n]))
        for name in ("times", "row_hi", "row_lo", "chunk_nos", "rows"):
            arr = getattr(self, name)
            arr[:n] = arr[:n][order]
        self.is_sorted = True
        self.reordered = True

    def rename_chunk(self, old: int, new: int, max_entries: int) -> None:
        """Point the entries of chunk `old` at chunk `new` (the store compacted it into `new`, same rows).
        `old` is its entity's newest chunk, so while no sort has moved entries they are among the last
        `max_entries`: a short scan instead of one over the whole index."""
        n = self.n
        part = self.chunk_nos[: n] if self.reordered else self.chunk_nos[max(0, n - max_entries): n]
        part[part == old] = new

    def latest_at(self, t: int) -> int:
        """Position of the entry with the greatest (time, row id) at or before `t`; -1 if none."""
        if not self.is_sorted:
            self._sort()
        return int(self.times[: self.n].searchsorted(t, "right")) - 1

    def latest(self) -> int:
        if not self.is_sorted:
            self._sort()
        return self.n - 1

    def range(self, start: int, end: int) -> tuple[int, int]:
        """Positions [lo, hi) of entries with start <= time <= end."""
        if not self.is_sorted:
            self._sort()
        times = self.times[: self.n]
        return int(np.searchsorted(times, start, side="left")), int(np.searchsorted(times, end, side="right"))

    def key(self, pos: int) -> tuple[int, int, int]:
        return int(self.times[pos]), int(self.row_hi[pos]), int(self.row_lo[pos])

    def time_bounds(self) -> tuple[int, int] | None:
        if self.n == 0:
            return None
        if not self.is_sorted:
            self._sort()
        return int(self.times[0]), int(self.times[self.n - 1])


def _is_sorted_after(index: TimeIndex, n: int, times: np.ndarray, row_hi: np.ndarray, row_lo: np.ndarray) -> bool:
    """Whether appending these entries keeps (time, row_hi, row_lo) ascending."""
    if len(times) > 1:
        dt = np.diff(times)
        if (dt < 0).any():
            return False
        ties = dt == 0
        if ties.any():
            prev = (row_hi[:-1][ties], row_lo[:-1][ties])
            nxt = (row_hi[1:][ties], row_lo[1:][ties])
            if ((nxt[0] < prev[0]) | ((nxt[0] == prev[0]) & (nxt[1] < prev[1]))).any():
                return False
    if n == 0:
        return True
    last = (index.times[n - 1], index.row_hi[n - 1], index.row_lo[n - 1])
    first = (times[0], row_hi[0], row_lo[0])
    return first >= last
