"""The read side: contents filters, the one clamping rule, change detection, scalar history."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

import rerun_nb as rr
from rerun_nb.query import ChangeTracker, EntityPathFilter, ScalarHistory, as_float_rows, clamp_rows


def test_entity_path_filter_rules():
    f = EntityPathFilter(["+ $origin/**", "- /world/cam/**", "+ /world/cam/image"], origin="/world")
    assert f.matches("/world") and f.matches("/world/points")
    assert not f.matches("/world/cam") and not f.matches("/world/cam/depth")
    assert f.matches("/world/cam/image")  # exact beats subtree
    assert not f.matches("/other")
    assert EntityPathFilter("$origin/**", "/").matches("/anything/at/all")
    assert EntityPathFilter("/a\n- /a/b", "/").matches("/a") and not EntityPathFilter("/a\n- /a", "/").matches("/a")


def test_clamp_rows_numpy_and_arrow():
    a = np.array([[1, 1], [2, 2]])
    assert clamp_rows(a, 4).tolist() == [[1, 1], [2, 2], [2, 2], [2, 2]]
    assert clamp_rows(a, 1).tolist() == [[1, 1]]
    assert clamp_rows(pa.array(["x", "y"]), 3).to_pylist() == ["x", "y", "y"]
    arr = pa.array([[1.0, 2.0], [3.0, 4.0]], pa.list_(pa.float32(), 2))
    assert as_float_rows(arr, 2).tolist() == [[1, 2], [3, 4]] and as_float_rows(None, 2) is None


def test_change_tracker_marks_only_what_changed():
    rec = rr.RecordingStream("t")
    for i in range(5):
        rec.set_time("frame", sequence=i)
        rec.log("a", rr.Points3D([[i, 0, 0]]))
    rec.set_time("frame", sequence=3)
    rec.log("b", rr.Points3D([[0, 0, 0]]))
    rec.store.flush()
    tracker = ChangeTracker(rec.store)
    assert tracker.dirty("frame", 0) == {"/a", "/b"}  # first query: everything
    assert tracker.dirty("frame", 2) == {"/a"}  # /b has no data in (0, 2]
    assert tracker.dirty("frame", 2) == set()
    assert tracker.dirty("frame", 3) == {"/a", "/b"}
    assert tracker.archetypes("/a") == {"Points3D"}
    assert tracker.data_times("frame").tolist() == [0, 1, 2, 3, 4]
    tracker.close()


def test_scalar_history_appends_and_reloads_out_of_order():
    rec = rr.RecordingStream("s")
    for i in range(10):
        rec.set_time("frame", sequence=i)
        rec.log("x", rr.Scalars([i, 2 * i]))
    rec.store.flush()
    h = ScalarHistory(rec.store, "/x", "frame")
    assert h.values.shape == (10, 2) and h.values[-1].tolist() == [9, 18]
    rec.set_time("frame", sequence=10)
    rec.log("x", rr.Scalars([10, 20]))
    rec.store.flush()
    h.on_new_data(10)
    assert h.times.tolist() == list(range(11)) and h.rebuilds == 1
    rec.set_time("frame", sequence=5)  # out of order: read again
    rec.log("x", rr.Scalars([0, 0]))
    rec.store.flush()
    h.on_new_data(5)
    assert h.rebuilds == 2 and len(h.times) == 12 and h.times.tolist() == sorted(h.times.tolist())
