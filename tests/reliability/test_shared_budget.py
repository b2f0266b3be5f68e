"""One memory limit across several recordings (the incoming recordings of a gRPC server): past it the
oldest-arrived temporal data goes first, whichever recording holds it; static data and latest rows stay."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

import rerun_nb as rr
from rerun_nb.store import MemoryBudget

MB = 1_000_000
POINTS = 100_000  # 1.2 MB of positions per cloud


@pytest.fixture(autouse=True)
def _warn_not_raise():
    rr.set_strict_mode(False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", rr.RerunWarning)
        yield


def _rec(name: str) -> rr.RecordingStream:
    rec = rr.RecordingStream(name, send_properties=False)
    rec.set_log_time_enabled(False)
    return rec


def _cloud(rec, frame: int, rng) -> None:
    rec.set_time("frame", sequence=frame)
    rec.log("cloud", rr.Points3D(rng.random((POINTS, 3), dtype=np.float32)))
    rec.flush()


def _frames_kept(rec) -> list[int]:
    times = rec.store.range_arrays("cloud", "Points3D:positions", timeline="frame")[0]
    return times.tolist()


def test_oldest_data_goes_first_across_recordings(rng):
    budget = MemoryBudget(10 * MB)
    early, late = _rec("early"), _rec("late")
    budget.add(early.store)
    budget.add(late.store)
    early.log("config", rr.TextDocument("static"), static=True)
    for frame in range(6):  # ~7 MB: under the limit, nothing dropped yet
        _cloud(early, frame, rng)
    assert early.store.dropped_chunks == 0
    for frame in range(6):  # the second recording takes the pair past 10 MB
        _cloud(late, frame, rng)
    assert budget.total_bytes <= 10 * MB
    # Every drop came from the recording whose data arrived first, oldest frames first; its latest frame
    # and its static data are kept, and the newer recording is whole.
    assert early.store.dropped_chunks > 0 and late.store.dropped_chunks == 0
    kept = _frames_kept(early)
    assert kept == list(range(6 - len(kept), 6)) and len(kept) < 6
    assert _frames_kept(late) == list(range(6))
    assert early.store.latest_at("config", timeline="frame")["TextDocument:text"] is not None


def test_drops_interleave_by_arrival(rng):
    budget = MemoryBudget(8 * MB)
    a, b = _rec("a"), _rec("b")
    budget.add(a.store)
    budget.add(b.store)
    for frame in range(10):  # the two recordings take turns: drops take turns too
        _cloud(a, frame, rng)
        _cloud(b, frame, rng)
    kept_a, kept_b = _frames_kept(a), _frames_kept(b)
    assert budget.total_bytes <= 8 * MB
    assert kept_a[-1] == kept_b[-1] == 9
    assert abs(len(kept_a) - len(kept_b)) <= 1  # neither recording was emptied for the other


def test_static_and_latest_rows_are_never_dropped(rng):
    budget = MemoryBudget(1 * MB)  # smaller than one cloud
    recs = [_rec(f"r{i}") for i in range(3)]
    for rec in recs:
        budget.add(rec.store)
        rec.log("static_cloud", rr.Points3D(rng.random((50_000, 3), dtype=np.float32)), static=True)
        for frame in range(3):
            _cloud(rec, frame, rng)
    for rec in recs:
        assert _frames_kept(rec) == [2]
        assert len(rec.store.latest_at("static_cloud", timeline="frame")["Points3D:positions"]) == 50_000


def test_grpc_server_one_limit_for_all_incoming(rng):
    from rerun_nb.grpc import GrpcServer, wait_for_recording
    from rerun_nb.grpc import _registry

    _registry._forget_all()
    srv = GrpcServer(0, memory_limit=8 * MB)
    try:
        senders = []
        for name in ("first", "second"):
            rec = rr.RecordingStream(name, recording_id=name, send_properties=False)
            rec.set_log_time_enabled(False)
            rec.connect_grpc(srv.url)
            senders.append(rec)
        for frame in range(5):
            for rec in senders:
                rec.set_time("frame", sequence=frame)
                rec.log("cloud", rr.Points3D(rng.random((POINTS, 3), dtype=np.float32)))
            for rec in senders:
                rec.flush()
        for rec in senders:
            rec.disconnect()
        got = [wait_for_recording(name, timeout_sec=10) for name in ("first", "second")]
        import time
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(
                (_frames_kept(g) or [None])[-1] != 4 for g in got):
            time.sleep(0.05)
        total = sum(g.store.total_bytes for g in got)
        assert total <= 8 * MB
        for g in got:
            assert _frames_kept(g)[-1] == 4  # each recording's latest frame is there
            assert g.store.dropped_chunks > 0  # both gave up old frames, none was emptied for the other
    finally:
        srv.stop(grace_sec=0)
        _registry._forget_all()
