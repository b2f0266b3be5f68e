"""TimeSet: the incremental sorted time index behind change detection and the slider grid."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from rerun_nb.query import TimeSet


@given(st.lists(st.lists(st.integers(-1000, 1000), max_size=20), max_size=20))
def test_timeset_matches_union_of_everything_added(batches):
    ts = TimeSet()
    for b in batches:
        ts.add(np.unique(np.array(b, np.int64)))
    everything = np.unique(np.array([x for b in batches for x in b], np.int64))
    np.testing.assert_array_equal(ts.array, everything)
    gaps = np.diff(everything)
    assert ts.min_gap == (int(gaps.min()) if len(gaps) else None)
