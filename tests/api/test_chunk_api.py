"""`rerun.chunk` of 0.41 (Chunk, ChunkStore, RrdReader, LazyStore, LazyChunkStream) and send_chunks /
send_dataframe / send_record_batch, checked against rerun-sdk where it runs in-process."""

from __future__ import annotations

import warnings

import numpy as np
import pyarrow as pa
import pytest

import rerun_nb as rr

rerun = pytest.importorskip("rerun", reason="rerun-sdk 0.41 is the reference")


def _components(chunks) -> dict:
    """{(entity, component): (timelines, values)} of chunks from either SDK (row ids left out)."""
    out = {}
    for chunk in chunks:
        batch = chunk.to_record_batch()
        times = {}
        for field, arr in zip(batch.schema, batch.columns):
            if (field.metadata or {}).get(b"rerun:kind") == b"index":
                times[field.name] = arr.cast(pa.int64()).to_pylist()
        for field, arr in zip(batch.schema, batch.columns):
            meta = field.metadata or {}
            if meta.get(b"rerun:kind", b"data") == b"data":
                out[(chunk.entity_path, meta.get(b"rerun:component", field.name.encode()).decode())] = (
                    times, arr.to_pylist())
    return out


def _both(make):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = make(rerun)
    return make(rr), theirs


def test_from_columns_matches_rerun():
    ours, theirs = _both(lambda m: [m.chunk.Chunk.from_columns(
        "/a", [m.TimeColumn("t", sequence=[1, 2])], m.Points3D.columns(positions=[[1, 2, 3], [4, 5, 6]]))])
    assert _components(ours) == _components(theirs)
    assert (ours[0].num_rows, ours[0].num_columns, ours[0].timeline_names, ours[0].is_static) == (
        theirs[0].num_rows, theirs[0].num_columns, theirs[0].timeline_names, theirs[0].is_static)
    assert ours[0].id.startswith("chunk_") and len(ours[0].id) == len(theirs[0].id)


RAW = pa.record_batch({
    "frame": pa.array([0, 1, 2], pa.int64()),
    "/points:Points3D:positions": pa.array([[[0, 0, 0]], [[1, 1, 1]], [[2, 2, 2]]],
                                           pa.list_(pa.list_(pa.float32(), 3))),
    "/scalar:value": pa.array([0.5, 1.5, 2.5]),
})


def test_from_record_batch_with_index_matches_rerun():
    ours, theirs = _both(lambda m: m.chunk.Chunk.from_record_batch(RAW, index="frame"))
    assert sorted(c.entity_path for c in ours) == sorted(c.entity_path for c in theirs)
    assert _components(ours) == _components(theirs)


def test_from_record_batch_static_and_entity_path_match_rerun():
    batch = pa.record_batch({"speed": pa.array([1.0, 2.0])})
    ours, theirs = _both(lambda m: m.chunk.Chunk.from_record_batch(batch, index=None, entity_path="car"))
    assert _components(ours) == _components(theirs)
    assert ours[0].is_static and theirs[0].is_static


@pytest.mark.parametrize("kwargs", [{}, {"index": "missing"}])
def test_ambiguous_or_bad_batches_raise_like_rerun(kwargs):
    for m in (rr, rerun):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with pytest.raises(ValueError):
                m.chunk.Chunk.from_record_batch(RAW, **kwargs)


def test_identified_chunk_round_trips():
    chunk = rr.chunk.Chunk.from_columns("/a", [rr.TimeColumn("t", sequence=[5])], rr.Scalars.columns(scalars=[1.0]))
    again = rr.chunk.Chunk.from_record_batch(chunk.to_record_batch())
    assert len(again) == 1 and again[0].id == chunk.id and again[0] == chunk
    moved = chunk.with_entity_path("b")
    assert moved.entity_path == "/b" and moved.id != chunk.id


def test_rrd_reader_reads_what_rerun_wrote(tmp_path):
    path = tmp_path / "theirs.rrd"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rec = rerun.RecordingStream("rerun_example_chunks", recording_id="r1")
        rec.save(str(path))
        for i in range(3):
            rec.set_time("frame", sequence=i)
            rec.log("points", rerun.Points3D([[i, i, i]]))
        rec.log("static", rerun.TextDocument("hi"), static=True)
        rec.flush()
        rec.disconnect()
    ours_reader = rr.chunk.RrdReader(path)
    [entry] = ours_reader.recordings()
    assert (entry.application_id, entry.recording_id, entry.kind) == ("rerun_example_chunks", "r1", "recording")
    theirs_chunks = rerun.chunk.RrdReader(str(path)).stream().to_chunks()
    ours_chunks = ours_reader.stream().to_chunks()
    assert _components(ours_chunks) == _components(theirs_chunks)
    store = ours_reader.store()
    assert len(store) == len(theirs_chunks)
    static, temporal = store.stream().split(is_static=True)
    assert {c.entity_path for c in static.to_chunks()} >= {"/static"}
    assert all(not c.is_static for c in temporal.to_chunks())
    points = store.stream().filter(content="/points/**").to_chunks()
    assert {c.entity_path for c in points} == {"/points"}


def test_stream_is_one_shot_and_composable(tmp_path):
    chunks = [rr.chunk.Chunk.from_columns(f"/e{i}", [], rr.Scalars.columns(scalars=[float(i)])) for i in range(3)]
    stream = rr.chunk.LazyChunkStream.from_iter(chunks)
    merged = rr.chunk.LazyChunkStream.merge(stream.map(lambda c: c.with_entity_path(c.entity_path + "/x")),
                                            rr.chunk.LazyChunkStream.from_iter(chunks[:1]))
    assert [c.entity_path for c in merged.to_chunks()] == ["/e0/x", "/e1/x", "/e2/x", "/e0"]
    with pytest.raises(RuntimeError, match="consumed"):
        stream.to_chunks()
    store = rr.chunk.LazyChunkStream.from_iter(chunks).drop(content="/e1").collect()
    assert len(store) == 2 and "2 chunks" in store.summary()
    store.write_rrd(tmp_path / "s.rrd", application_id="app", recording_id="rec")
    loaded = rr.load(tmp_path / "s.rrd")
    assert (loaded.application_id, loaded.recording_id) == ("app", "rec")
    assert loaded.store.entity_paths() == ["/e0", "/e2"]


def test_chunk_store_reader_queries_files_and_live_data(tmp_path):
    chunks = rr.chunk.Chunk.from_record_batch(RAW, index="frame")
    table = rr.chunk.ChunkStore.from_chunks(chunks).reader("frame", contents="/scalar").to_arrow_table()
    assert table.column("frame").to_pylist() == [0, 1, 2]
    [values] = [c for c in table.column_names if c.startswith("/scalar")]
    assert table.column(values).to_pylist() == [[0.5], [1.5], [2.5]]


def test_send_chunks_and_dataframes(rec, tmp_path):
    rr.send_chunks(rr.chunk.Chunk.from_record_batch(RAW, index="frame"))
    rr.send_record_batch(pa.record_batch({"t": pa.array([7], pa.int64()), "/rb:x": pa.array([1])}), index="t")
    rr.send_dataframe(pa.table({"/df:y": pa.array([2.0, 3.0])}), index=None)
    store = rec.store
    assert {"/points", "/scalar", "/rb", "/df"} <= set(store.entity_paths())
    res = store.latest_at("points", timeline="frame", sequence=1)
    assert np.asarray(res["Points3D:positions"]).tolist() == [[1.0, 1.0, 1.0]]
    assert np.asarray(store.latest_at("df", timeline="frame", sequence=0)["y"]).tolist() == [3.0]


def test_bad_chunk_input_warns_or_raises(rec):
    with pytest.raises(rr.error_utils.RerunError, match="send_chunks"):
        rr.send_chunks(["not a chunk"])
    with pytest.raises(rr.error_utils.RerunError, match="send_record_batch"):
        rr.send_record_batch(RAW)  # no index metadata: ambiguous
    rr.set_strict_mode(False)
    with pytest.warns(rr.RerunWarning, match="send_dataframe"):
        rr.send_dataframe("not a frame")


def test_not_implemented_names_say_so():
    for name in ("Lens", "Selector", "McapReader", "OptimizationProfile"):
        with pytest.raises(NotImplementedError, match="not implemented in rerun_nb"):
            getattr(rr.chunk, name)()


def test_rrd_reader_on_a_damaged_file_names_it(tmp_path):
    path = tmp_path / "bad.rrd"
    path.write_bytes(b"RRF2" + bytes(40))
    with pytest.raises(rr.rrd.RrdError, match="bad.rrd.*byte offset"):
        rr.chunk.RrdReader(path)
    with pytest.raises(OSError, match="missing.rrd"):
        rr.chunk.RrdReader(tmp_path / "missing.rrd")
