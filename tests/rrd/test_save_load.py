"""rr.save / RecordingStream.save (FileSink), rerun_nb.load, log_file_from_path, save_recording, to_parquet."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pyarrow as pa
import pytest

import rerun_nb as rr
from rerun_nb.rrd import StoreId, decode_rrd, read_rrd, save_recording, to_parquet, write_rrd

from ._helpers import needs_cli, run_cli, sample_chunks

ROOT = Path(__file__).resolve().parents[2]


def _rec(name: str = "rrd_test") -> rr.RecordingStream:
    return rr.RecordingStream(name, recording_id=f"{name}-id")


def _log_frames(rec, start: int, stop: int) -> None:
    for i in range(start, stop):
        rec.set_time("frame", sequence=i)
        rec.log("points", rr.Points3D([[i, 0, 0], [0, i, 0]], radii=0.5))


def _rows(path, entity: str) -> int:
    (store,) = [s for s in read_rrd(path, strict=True) if s.kind == "recording"]
    return sum(c.num_rows for c in store.chunks if c.schema.metadata[b"rerun:entity_path"].decode() == entity)


def test_save_writes_history_then_streams_until_disconnect(tmp_path):
    rec = _rec()
    _log_frames(rec, 0, 5)
    path = tmp_path / "a.rrd"
    rec.save(path)
    _log_frames(rec, 5, 12)
    rec.flush()
    partial = decode_rrd(path)  # readable while still being written: no End yet
    assert _rows_in(partial, "/points") == 12 and not partial.has_footer
    rec.disconnect()
    _log_frames(rec, 12, 20)  # after disconnect: not in the file
    rec.flush()
    result = decode_rrd(path)
    assert result.ok and result.has_footer
    assert _rows(path, "/points") == 12
    (store,) = result.stores
    assert (store.application_id, store.recording_id) == ("rrd_test", "rrd_test-id")


def _rows_in(result, entity: str) -> int:
    return sum(c.num_rows for s in result.stores for c in s.chunks
               if c.schema.metadata[b"rerun:entity_path"].decode() == entity)


def test_new_sink_finishes_the_old_file(tmp_path):
    rec = _rec()
    _log_frames(rec, 0, 3)
    rec.save(tmp_path / "first.rrd")
    _log_frames(rec, 3, 6)
    rec.save(tmp_path / "second.rrd")
    _log_frames(rec, 6, 8)
    rec.disconnect()
    first, second = decode_rrd(tmp_path / "first.rrd"), decode_rrd(tmp_path / "second.rrd")
    assert first.ok and first.has_footer and _rows_in(first, "/points") == 6
    assert second.ok and second.has_footer and _rows_in(second, "/points") == 8


def test_global_rr_save(tmp_path):
    rr.init("rrd_global_save", recording_id="g1")
    rr.set_time("frame", sequence=1)
    rr.log("a", rr.Points3D([[1, 2, 3]]))
    rr.save(str(tmp_path / "g.rrd"))
    rr.log("b", rr.Points3D([[4, 5, 6]]))
    rr.disconnect()
    (store,) = read_rrd(tmp_path / "g.rrd", strict=True)
    assert store.recording_id == "g1"
    assert {c.schema.metadata[b"rerun:entity_path"] for c in store.chunks} >= {b"/a", b"/b"}


@needs_cli
def test_footer_written_at_interpreter_exit(tmp_path):
    path = tmp_path / "exit.rrd"
    code = (f"import sys; sys.path.insert(0, {str(ROOT)!r}); import rerun_nb as rr; rr.init('exit_test');"
            f"rr.save({str(path)!r}); rr.set_time('frame', sequence=3); rr.log('p', rr.Points3D([[1, 2, 3]]))")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
    proc = run_cli("rrd", "verify", str(path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert _rows(path, "/p") == 1


def test_load_round_trip_all_timeline_kinds_static_nulls_unknown_components(tmp_path):
    path = tmp_path / "sample.rrd"
    write_rrd(path, [(StoreId(1, "app", "rec-x"), sample_chunks())])
    rec = rr.load(path)
    assert isinstance(rec, rr.RecordingStream) and rec.recording_id == "rec-x"
    store = rec.store
    kinds = {name: info.kind for name, info in store.timelines().items()}
    assert kinds == {"frame": "sequence", "sim_time": "duration", "wall": "timestamp"}
    assert "my_custom_thing" in store.components("/world/points")  # unknown component kept
    at1 = store.latest_at("/world/points", timeline="frame", at=1)
    np.testing.assert_array_equal(at1["Points3D:positions"], [[1, 1, 1], [2, 2, 2]])
    np.testing.assert_array_equal(at1["Points3D:radii"], [0.5])  # row 1 has a null radius: falls back to row 0
    assert list(at1["Points3D:colors"]) == [0xFF0000FF]  # static
    assert at1["my_custom_thing"].to_pylist() == ["x"]
    at3 = store.latest_at("/world/points", timeline="frame", at=3)
    assert at3["my_custom_thing"].to_pylist() == ["y", "z"]
    np.testing.assert_array_equal(at3["Points3D:positions"], [[3, 3, 3]])
    by_duration = store.latest_at("/world/points", timeline="sim_time", at=2_000_000)
    np.testing.assert_array_equal(by_duration["Points3D:positions"], [[1, 1, 1], [2, 2, 2]])
    assert store.latest_at("/plot/a\\ b", timeline="frame", at=6)["Scalars:scalars"].tolist() == [2.0]


def test_load_several_recordings_returns_a_list(tmp_path):
    c1, _c2, c3 = sample_chunks()
    path = tmp_path / "two.rrd"
    write_rrd(path, [(StoreId(1, "app", "one"), [c1]), (StoreId(1, "app", "two"), [c3])])
    recs = rr.load(path)
    assert [r.recording_id for r in recs] == ["one", "two"]
    assert recs[1].store.entity_paths() == ["/plot/a\\ b"]


def test_load_sdk_file_with_blueprint_and_save_it_back(sdk_rich_rrd, tmp_path):
    rec = rr.load(sdk_rich_rrd)
    assert rec.recording_id == "rich-1"
    assert rec._rrd_blueprint is not None and rec._rrd_blueprint.kind == "blueprint"
    store = rec.store
    assert {"/world/points", "/image", "/custom", "/logs", "/plot/sine"} <= set(store.entity_paths())
    assert set(store.components("/custom")) == {"confidence", "tag"}
    res = store.latest_at("/custom", timeline="frame", at=4)
    assert res["tag"].to_pylist() == ["t4"]
    np.testing.assert_allclose(np.asarray(res["confidence"]), [0.4])
    out = tmp_path / "again.rrd"
    save_recording(rec, out)
    kinds = sorted(s.kind for s in read_rrd(out, strict=True))
    assert kinds == ["blueprint", "recording"]


def test_log_file_from_path_merges_with_prefix(tmp_path):
    path = tmp_path / "src.rrd"
    write_rrd(path, [(StoreId(1, "other_app", "src"), sample_chunks())])
    rec = _rec("target")
    rec.set_time("frame", sequence=0)
    rec.log("mine", rr.Points3D([[0, 0, 0]]))
    rr.log_file_from_path(path, entity_path_prefix="imported", recording=rec)
    paths = rec.store.entity_paths()
    assert "/mine" in paths and "/imported/world/points" in paths
    (tmp_path / "x.unknownext").write_bytes(b"?")  # other file types: rerun_nb.dataloaders (tests/api)
    with pytest.raises(rr.error_utils.RerunError, match=r"no loader for '\.unknownext'"):
        rr.log_file_from_path(tmp_path / "x.unknownext", recording=rec)


def test_save_recording_time_selection(tmp_path):
    rec = _rec()
    rec.log("static_thing", rr.Points3D([[9, 9, 9]]), static=True)
    _log_frames(rec, 0, 10)
    out = tmp_path / "sel.rrd"
    save_recording(rec, out, timeline="frame", time_range=(3, 6))
    loaded = rr.load(out)
    assert loaded.store.timelines()["frame"].min == 3 and loaded.store.timelines()["frame"].max == 6
    assert "/static_thing" in loaded.store.entity_paths()
    with pytest.raises(ValueError, match="both"):
        save_recording(rec, out, timeline="frame")


def test_to_parquet_one_file_per_entity(tmp_path):
    import pyarrow.parquet as pq

    rec = _rec()
    rec.log("world/static_points", rr.Points3D([[1, 2, 3]]), static=True)
    _log_frames(rec, 0, 4)
    files = to_parquet(rec.store, tmp_path / "pq")
    assert files["/points"] == tmp_path / "pq" / "points.parquet"
    assert files["/world/static_points"] == tmp_path / "pq" / "world" / "static_points.parquet"
    table = pq.read_table(files["/points"])
    assert table.column("frame").to_pylist() == [0, 1, 2, 3]
    assert table.schema.metadata[b"rerun:entity_path"] == b"/points"
    positions = table.column("Points3D:positions").to_pylist()
    assert positions[2] == [[2.0, 0.0, 0.0], [0.0, 2.0, 0.0]]
    assert pq.read_table(files["/world/static_points"]).column("rerun:is_static").to_pylist() == [True]
    import polars as pl

    assert pl.read_parquet(files["/points"]).height == 4


@needs_cli
def test_saved_recording_with_many_archetypes_verifies(tmp_path):
    rec = _rec("many")
    rec.log("world", rr.ViewCoordinates.RIGHT_HAND_Z_UP, static=True)
    for i in range(3):
        rec.set_time("frame", sequence=i)
        rec.set_time("t", duration=i * 0.1)
        rec.log("world/points", rr.Points3D(np.random.default_rng(i).random((5, 3)), colors=[255, 0, 0],
                                            labels=["p"] * 5))
        rec.log("world/box", rr.Boxes3D(half_sizes=[[1, 1, 1]], centers=[[0, 0, i]]))
        rec.log("world/lines", rr.LineStrips3D([[[0, 0, 0], [1, 1, i]]]))
        rec.log("world/tf", rr.Transform3D(translation=[i, 0, 0]))
        rec.log("plot", rr.Scalars(float(i)))
        rec.log("log", rr.TextLog(f"msg {i}"))
        rec.log("img", rr.Image(np.zeros((4, 5, 3), np.uint8)))
    rec.log("world/points", rr.Clear(recursive=False))
    rec.log("extra", rr.AnyValues(speed=1.5, name="x"))
    path = tmp_path / "many.rrd"
    rec.save(path)
    rec.disconnect()
    proc = run_cli("rrd", "verify", str(path))
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_load_progress_bar_widget(tmp_path, capsys):
    pytest.importorskip("ipywidgets")
    from rerun_nb import _load

    path = tmp_path / "big.rrd"
    write_rrd(path, [(StoreId(1, "app", "p"), sample_chunks())])
    update = _load._progress_callback(path, True)
    assert update is not None
    size = path.stat().st_size
    update(size // 2, size)
    update(size, size)  # closes the bar
    assert _load._progress_callback(path, False) is None
    assert _load._progress_callback(path, None) is None  # small file, not in a notebook
    rec = rr.load(path, progress=True)
    assert rec.recording_id == "p"


def test_a_chunk_the_store_refuses_is_skipped_with_a_warning(tmp_path):
    from rerun_nb.rrd import RrdError, RrdWarning

    from ._helpers import POS3, make_chunk, positions

    good = make_chunk("/ok", 1, times={"frame": pa.array([1], pa.int64())}, components={POS3: positions([[[1, 2, 3]]])})
    clash = make_chunk("/bad", 1, times={"frame": pa.array([5], pa.duration("ns"))},  # frame was a sequence
                       components={POS3: positions([[[4, 5, 6]]])})
    path = tmp_path / "clash.rrd"
    write_rrd(path, [(StoreId(1, "app", "c"), [good, clash])])
    with pytest.warns(RrdWarning, match=r"chunk chunk_\w+ of '/bad' was not loaded"):
        rec = rr.load(path, strict=False)
    assert rec.store.entity_paths() == ["/ok"]
    with pytest.raises(RrdError, match="/bad"):
        rr.load(path, strict=True)
