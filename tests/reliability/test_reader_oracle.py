"""The dataframe reader over many rows and compacted chunks, compared with rerun-sdk 0.41's reader.

The same recording is logged by both SDKs (rerun-sdk writes a file that its `RrdReader` reads back); ours is
flushed every few hundred rows so that the store compacts many small chunks, with gaps, out-of-order times,
cells of varying length and a string component. Queries pick many index values at once (the vectorised path),
with and without `fill_latest_at`, so both the in-order fast path and the general gather are compared.
"""

from __future__ import annotations

import importlib.util
import os

import numpy as np
import pytest

import rerun_nb

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("rerun") is None or importlib.util.find_spec("datafusion") is None,
    reason="rerun-sdk's dataframe reader needs datafusion")

FRAMES = 5000


def _replay(rr, rec, flush_every: int | None) -> None:
    rng = np.random.default_rng(7)
    for f in range(FRAMES):
        frame = f if f % 997 else f - 500  # now and then a time out of order
        rec.set_time("frame", sequence=frame)
        if f % 3:
            n = 1 + f % 4
            rec.log("world/a", rr.Points3D(rng.random((n, 3), dtype=np.float32), radii=0.1 * n))
        if f % 5 == 0:
            rec.log("world/b", rr.Scalars(float(f)))
        if f % 50 == 0:
            rec.log("world/c", rr.TextLog(f"line {f}"))
        if flush_every and f % flush_every == 0:
            rec.flush()


def _ours():
    rec = rerun_nb.RecordingStream("oracle")
    _replay(rerun_nb, rec, flush_every=300)
    rec.flush()
    assert len(rec.store.store_chunks()) < FRAMES / 300  # compaction merged the flushed chunks
    return rec.store


def _theirs(tmp_path):
    import rerun as rr
    from rerun.chunk import RrdReader

    rec = rr.RecordingStream("oracle")
    path = os.path.join(tmp_path, "theirs.rrd")
    rec.save(path)
    _replay(rr, rec, flush_every=None)
    rec.flush()
    rec.disconnect()
    return RrdReader(path).stream().collect()


def _table(reader) -> dict:
    table = reader.to_arrow_table()
    return {name: table.column(name).to_pylist() for name in table.column_names
            if "log_time" not in name and "log_tick" not in name}


def test_reader_over_many_rows_matches_rerun_sdk(tmp_path):
    ours, theirs = _ours(), _theirs(tmp_path)
    rng = np.random.default_rng(1)
    picks = np.sort(rng.choice(np.arange(-10, FRAMES + 10), 700, replace=False))
    queries = [
        {"fill_latest_at": True, "using_index_values": picks},
        {"using_index_values": picks},
        {"fill_latest_at": True, "using_index_values": np.arange(FRAMES)},
        {"fill_latest_at": True, "using_index_values": [2500]},
        {},
    ]
    for contents in ("/world/**", "/world/a", ["/world/a", "/world/c"]):
        for query in queries:
            expected = _table(theirs.reader("frame", contents=contents, **query))
            got = _table(ours.reader("frame", contents=contents, **query))
            assert got.keys() == expected.keys(), (contents, query)
            for name in expected:
                assert got[name] == expected[name], (contents, {k: v for k, v in query.items()
                                                                if k != "using_index_values"}, name)
