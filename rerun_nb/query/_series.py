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
        self._append_rows(self.store.range(self.entity_path, timeline=self.timeline, components=[SCALARS]))

    def on_new_data(self, earliest_time: int | None, dropped: bool = False) -> None:
        """New chunks arrived whose earliest time on this timeline is ``earliest_time`` (None: static)."""
        if dropped or (self._last_key is not None and earliest_time is not None and earliest_time < self._last_key[0]):
            self.reload()
            return
        start = self._last_key[0] if self._last_key is not None else None
        rows = self.store.range(self.entity_path, timeline=self.timeline, start=start, components=[SCALARS])
        if self._last_key is not None:
            rows = [r for r in rows if (r[0], r[1]) > self._last_key]
        self._append_rows(rows)

    def _append_rows(self, rows) -> None:
        rows = [r for r in rows if SCALARS in r[2]]
        if not rows:
            return
        vals = [np.asarray(r[2][SCALARS], np.float64).reshape(-1) for r in rows]
        width = max(len(v) for v in vals)
        need = self._n + len(rows)
        if need > len(self._times) or width > self._values.shape[1]:
            cap = max(need, 2 * len(self._times))
            times = np.empty(cap, np.int64)
            times[: self._n] = self.times
            values = np.full((cap, max(width, self._values.shape[1])), np.nan)
            values[: self._n, : self._values.shape[1]] = self.values
            self._times, self._values = times, values
        block = np.full((len(rows), self._values.shape[1]), np.nan)
        for i, v in enumerate(vals):
            block[i, : len(v)] = v
        self._times[self._n : need] = [r[0] for r in rows]
        self._values[self._n : need] = block
        self._n = need
        self._last_key = (rows[-1][0], rows[-1][1])
