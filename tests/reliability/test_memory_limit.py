"""The memory limit (issue 8, item 5), as Rerun's GC: oldest temporal data first; never static data, never the
latest value of a component (the scene at the latest time stays whole); rows still being batched count too."""

from __future__ import annotations

import re
import warnings

import numpy as np
import pytest

import rerun_nb as rr

MB = 1_000_000


def _recording(limit: str) -> rr.RecordingStream:
    rec = rr.RecordingStream("gc", send_properties=False, memory_limit=limit)
    rec.set_log_time_enabled(False)
    return rec


@pytest.fixture(autouse=True)
def _warn_not_raise():
    rr.set_strict_mode(False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", rr.RerunWarning)
        yield


def test_a_transform_logged_once_survives(rng):
    rec = _recording("20MB")
    rec.set_time("frame", sequence=0)
    rec.log("world/robot", rr.Transform3D(translation=[1, 2, 3]))
    for frame in range(40):
        rec.set_time("frame", sequence=frame)
        rec.log("world/robot/cloud", rr.Points3D(rng.random((100_000, 3), dtype=np.float32)))  # 1.2 MB each
    store = rec.store
    assert store.dropped_chunks > 0  # the limit did act
    assert store.total_bytes <= 20 * MB
    res = store.latest_at("world/robot", timeline="frame", sequence=39)
    assert res["Transform3D:translation"].tolist() == [[1, 2, 3]]  # logged once at frame 0, still there
    assert store.latest_at("world/robot/cloud", timeline="frame", sequence=39)["Points3D:positions"].shape == (100_000, 3)
    assert not store.latest_at("world/robot/cloud", timeline="frame", sequence=0)  # the oldest cloud went


def test_one_log_bigger_than_the_limit_is_kept(rng):
    rec = _recording("10MB")
    rec.set_time("frame", sequence=0)
    cloud = rng.random((1_000_000, 3), dtype=np.float32)  # 12 MB
    rec.log("big", rr.Points3D(cloud))
    assert rec.store.latest_at("big", timeline="frame")["Points3D:positions"].shape == (1_000_000, 3)
    rec.set_time("frame", sequence=1)
    rec.log("big", rr.Points3D(cloud[:10]))
    rec.flush()
    # the newer (latest) value replaces it; the big one may go now
    assert rec.store.latest_at("big", timeline="frame")["Points3D:positions"].shape == (10, 3)


def test_static_data_over_the_limit_keeps_it_and_the_latest_temporal_rows(rng):
    rec = _recording("1MB")
    rec.log("map", rr.Points3D(rng.random((200_000, 3), dtype=np.float32)), static=True)  # 2.4 MB static
    for i in range(2000):
        rec.set_time("step", sequence=i)
        rec.log("metric", rr.Scalars([float(i)]))
    store = rec.store
    assert store.latest_at("map", timeline="step")["Points3D:positions"].shape == (200_000, 3)  # never dropped
    rows = store.range("metric", timeline="step")
    assert rows, "every temporal row was dropped"
    assert rows[-1][0] == 1999  # the latest value is there
    assert store.latest_at("metric", timeline="step", sequence=1999)["Scalars:scalars"].tolist() == [1999.0]


def test_rows_not_yet_in_a_chunk_count_against_the_limit(rng):
    rec = _recording("4MB")
    peak = 0
    for i in range(60):
        rec.set_time("frame", sequence=i)
        rec.log(f"e{i % 3}", rr.Points3D(rng.random((20_000, 3), dtype=np.float32)))  # 240 kB each
        peak = max(peak, rec.store.total_bytes + rec.store.batcher.pending_bytes)
    # 60 x 240 kB = 14 MB logged; what is held (stored + pending) stays near the limit
    assert peak <= 4 * MB * 1.1, peak


def test_the_warning_counts_what_was_dropped(rng):
    rec = _recording("2MB")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for i in range(300):
            rec.set_time("frame", sequence=i)
            rec.log("cloud", rr.Points3D(rng.random((10_000, 3), dtype=np.float32)))
            rec.flush()
    messages = [str(w.message) for w in caught if "memory limit" in str(w.message)]
    counts = [int(re.search(r"dropped the oldest temporal data: (\d+) chunks", m).group(1)) for m in messages]
    assert len(counts) >= 2 and counts == sorted(counts) and counts[0] < counts[-1], messages
    assert rec.store.dropped_chunks >= counts[-1]
