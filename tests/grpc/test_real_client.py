"""A real rerun-sdk 0.41 process logs into our in-kernel server with ``rr.connect_grpc``."""

from __future__ import annotations

import pathlib

import numpy as np
import pyarrow as pa
import pytest

import rerun_nb as rr
from rerun_nb.grpc import incoming_recordings, wait_for_recording

from .conftest import run_python

TUTORIAL = pathlib.Path(__file__).parents[1] / "core" / "dna_tutorial.py"
SEED = "np.random.seed(20261201)"


def _tutorial_source(sdk: str, url: str | None) -> str:
    """The DNA tutorial for ``sdk`` ("rerun" or "rerun_nb"): seeded, not spawning, optionally streaming."""
    src = TUTORIAL.read_text()
    src = src.replace("import rerun_nb as rr", f"import {sdk} as rr").replace("from rerun_nb.utilities",
                                                                              f"from {sdk}.utilities")
    init = 'rr.init("rerun_example_dna_abacus", spawn=True)'
    assert init in src
    connect = f"\nrr.connect_grpc({url!r})" if url else ""
    src = src.replace(init, f'rr.init("rerun_example_dna_abacus", recording_id="dna-over-grpc"){connect}\n{SEED}')
    return src + ("\nrr.disconnect()\n" if url else "")


@pytest.fixture(scope="module")
def local_dna_store():
    src = _tutorial_source("rerun_nb", None)
    exec(compile(src, "dna_local", "exec"), {"__name__": "__main__"})  # noqa: S102 - the tutorial, seeded
    rec = rr.get_global_data_recording()
    rr.set_global_data_recording(None)
    return rec.store


def _table(store, timeline="stable_time") -> pa.Table:
    return store.reader(timeline).to_arrow_table()


def test_real_sdk_dna_lands_in_kernel_store(server, local_dna_store):
    proc = run_python(_tutorial_source("rerun", server.url))
    assert "ERROR" not in proc.stderr, proc.stderr[-2000:]
    rec = wait_for_recording("rerun_example_dna_abacus", timeout_sec=30)
    assert rec.recording_id == "dna-over-grpc"
    assert incoming_recordings() == [rec]
    got, want = rec.store, local_dna_store
    assert got.entity_paths() == want.entity_paths()
    for path in want.entity_paths():
        assert got.components(path) == want.components(path), path
        assert len(got.range(path, timeline="stable_time")) == len(want.range(path, timeline="stable_time")), path
    assert set(got.timelines()) == {"stable_time", "log_time"}
    assert got.timelines()["stable_time"] == want.timelines()["stable_time"]
    # every row of every component, as a dataframe on stable_time (log_time differs between runs)
    assert _table(want).num_rows == 400
    assert _table(got).equals(_table(want))
    for t in (0.0, 0.5, 1.234, 2.0, 3.99):
        for path in want.entity_paths():
            a = got.latest_at(path, timeline="stable_time", duration=t)
            b = want.latest_at(path, timeline="stable_time", duration=t)
            assert sorted(a) == sorted(b), (path, t)
            for comp in b:
                assert np.array_equal(np.asarray(a[comp]), np.asarray(b[comp])) if not isinstance(
                    b[comp], pa.Array) else a[comp].equals(b[comp]), (path, t, comp)
    assert server.connection_errors == []


def test_two_real_recording_streams_share_a_process(server):
    run_python(f"""
        import rerun as rr
        a = rr.RecordingStream("app_a", recording_id="one")
        b = rr.RecordingStream("app_b", recording_id="two")
        a.connect_grpc({server.url!r}); b.connect_grpc({server.url!r})
        for i in range(30):
            a.set_time("step", sequence=i); a.log("x", rr.Scalars(float(i)))
            b.set_time("step", sequence=i); b.log("y", rr.Scalars(-float(i)))
        a.disconnect(); b.disconnect()
    """)
    rec_a = wait_for_recording("app_a", timeout_sec=30)
    rec_b = wait_for_recording("app_b", timeout_sec=30)
    assert rec_a.store.entity_paths() == ["/x"] and rec_b.store.entity_paths() == ["/y"]
    assert len(rec_a.store.range("x", timeline="step")) == 30
    res = rec_b.store.latest_at("y", timeline="step", sequence=29)
    assert res["Scalars:scalars"].tolist() == [-29.0]


def test_serve_grpc_routes_same_ids_into_the_kernel_recording():
    rec = rr.RecordingStream("shared_app", recording_id="same")
    url = rec.serve_grpc(grpc_port=0)
    try:
        assert url.startswith("rerun+http://127.0.0.1:") and url.endswith("/proxy")
        rec.log("kernel/side", rr.Points3D([[1, 2, 3]]))
        run_python(f"""
            import rerun as rr
            rr.init("shared_app", recording_id="same")
            rr.connect_grpc({url!r})
            rr.log("remote/side", rr.Points3D([[4, 5, 6]]), static=True)
            rr.disconnect()
        """)
        import time

        deadline = time.monotonic() + 30
        while "/remote/side" not in rec.store.entity_paths() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert rec.store.entity_paths() == ["/kernel/side", "/remote/side"]
        assert incoming_recordings() == []  # it went into the served recording, not a new one
    finally:
        rec.disconnect()
