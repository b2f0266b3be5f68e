"""TimeSet: the sorted distinct times of one entity on one timeline, grown as chunks arrive."""

from __future__ import annotations

import numpy as np

__all__ = ["TimeSet"]


class TimeSet:
    """Sorted distinct int64 times, grown in place (appending is the common case), with the min gap."""

    __slots__ = ("_n", "_values", "min_gap")

    def __init__(self):
        self._values = np.empty(16, np.int64)
        self._n = 0
        self.min_gap: int | None = None

    @property
    def array(self) -> np.ndarray:
        """The times, sorted (a view: do not modify)."""
        return self._values[: self._n]

    def add(self, new: np.ndarray) -> None:
        """Add sorted distinct times."""
        if not len(new):
            return
        if self._n and new[0] <= self._values[self._n - 1]:
            last = self._values[self._n - 1]
            seen, new = new[new <= last], new[new > last]
            pos = np.searchsorted(self.array, seen)
            if np.array_equal(self.array[np.minimum(pos, self._n - 1)], seen):  # times other entities had
                self.add(new)
                return
            new = np.concatenate([seen, new])  # really out of order: merge (rare)
            merged = np.union1d(self.array, new)
            self._values, self._n = merged, len(merged)
            gaps = np.diff(merged)
            self.min_gap = int(gaps.min()) if len(gaps) else None
            return
        gaps = np.diff(new)
        if self._n:
            gaps = np.append(gaps, new[0] - self._values[self._n - 1])
        if len(gaps):
            g = int(gaps.min())
            self.min_gap = g if self.min_gap is None else min(self.min_gap, g)
        need = self._n + len(new)
        if need > len(self._values):
            grown = np.empty(max(need, 2 * len(self._values)), np.int64)
            grown[: self._n] = self.array
            self._values = grown
        self._values[self._n : need] = new
        self._n = need
