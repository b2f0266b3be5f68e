"""Scalar history of one entity on one timeline, from range queries, appended incrementally.

A time series view shows every sample of an entity, not only the latest. ``ScalarHistory`` reads
them once with a range query, then on new data reads only the rows after the last one it holds
(appending to growable arrays: O(new rows), not O(history)). Data that arrives out of order (older
than the newest sample held) or dropped data (memory limit) makes it read the whole range again.
"""

from __future__ import annotations

import numpy as np

__all__ = ["ScalarHistory"]

SCALARS = "Scalars:scalars"


class ScalarHistory:
    """Times (int64) and values (n, k) float64 of an entity's ``Scalars`` on one timeline.

    Column j is the entity's j-th scalar (series); rows with fewer scalars are NaN-padded.
    """

    def __init__(self, store, entity_path: str, timeline: str):
        self.store = store
        self.entity_path = entity_path
        self.timeline = timeline
        self._times = np.empty(64, np.int64)
        self._values = np.full((64, 1), np.nan)
        self._n = 0
        self._last_key: tuple[int, int] | None = None
        self.rebuilds = 0
        self.reload()

    @property
    def times(self) -> np.ndarray:
        """Sample times, sorted (a view)."""
        return self._times[: self._n]

    @property
    def values(self) -> np.ndarray:
        """(n, k) values (a view)."""
        return self._values[: self._n]

    def reload(self) -> None:
        """Read the whole history again."""
        self._n, self._last_key = 0, None
        self.rebuilds += 1
        self._append(self.store.range_arrays(self.entity_path, SCALARS, timeline=self.timeline))

    def on_new_data(self, earliest_time: int | None, dropped: bool = False) -> None:
        """New chunks arrived whose earliest time on this timeline is ``earliest_time`` (None: static)."""
        if dropped or (self._last_key is not None and earliest_time is not None and earliest_time < self._last_key[0]):
            self.reload()
            return
        start = self._last_key[0] if self._last_key is not None else None
        self._append(self.store.range_arrays(self.entity_path, SCALARS, timeline=self.timeline, start=start),
                     after=self._last_key)

    def _append(self, arrays, after: tuple[int, int] | None = None) -> None:
        """Append the rows of a `range_arrays` result (those after the (time, row id) `after`), vectorized."""
        if arrays is None:
            return
        times, row_hi, row_lo, offsets, values = arrays
        lengths = np.diff(offsets)
        keep = lengths > 0  # a row that cleared the scalars (zero instances) draws nothing
        if after is not None:
            rid = (row_hi.astype(object) << 64) | row_lo.astype(object) if len(times) else np.empty(0, object)
            keep &= (times > after[0]) | ((times == after[0]) & (rid > after[1]))
        if not keep.any():
            return
        sel = np.flatnonzero(keep)
        width = int(lengths[sel].max())
        need = self._n + len(sel)
        if need > len(self._times) or width > self._values.shape[1]:
            cap = max(need, 2 * len(self._times))
            new_times = np.empty(cap, np.int64)
            new_times[: self._n] = self.times
            new_values = np.full((cap, max(width, self._values.shape[1])), np.nan)
            new_values[: self._n, : self._values.shape[1]] = self.values
            self._times, self._values = new_times, new_values
        flat = np.asarray(values, np.float64).reshape(len(values), -1)[:, 0] if len(values) else np.empty(0)
        block = np.full((len(sel), self._values.shape[1]), np.nan)
        lens = lengths[sel]
        # row r's j-th scalar goes to block[r, j]
        row_of = np.repeat(np.arange(len(sel)), lens)
        col_of = np.arange(int(lens.sum())) - np.repeat(np.cumsum(lens) - lens, lens)
        src = np.repeat(offsets[:-1][sel], lens) + col_of
        block[row_of, col_of] = flat[src]
        self._times[self._n : need] = times[sel]
        self._values[self._n : need] = block
        self._n = need
        last = sel[-1]
        self._last_key = (int(times[last]), (int(row_hi[last]) << 64) | int(row_lo[last]))
