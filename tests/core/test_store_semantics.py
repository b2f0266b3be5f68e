"""Latest-at / range semantics of the store: static, partial updates, ties, out-of-order, timelines, Clear."""

from __future__ import annotations

import numpy as np
import pytest

import rerun_nb as rr


def positions(result):
    return result.get("Points3D:positions")


def test_latest_at_picks_latest_row_at_or_before(rec):
    for t in (0, 10, 20):
        rr.set_time("frame", sequence=t)
        rr.log("p", rr.Points3D([[t, 0, 0]]))
    store = rec.store
    assert store.latest_at("p", timeline="frame", at=-1) == {}
    assert positions(store.latest_at("p", timeline="frame", at=0))[0, 0] == 0
    assert positions(store.latest_at("p", timeline="frame", at=15))[0, 0] == 10
    assert positions(store.latest_at("p", timeline="frame", sequence=25))[0, 0] == 20
    assert positions(store.latest_at("p", timeline="frame"))[0, 0] == 20  # no time: latest


def test_partial_update_keeps_other_components(rec):
    rr.set_time("frame", sequence=0)
    rr.log("p", rr.Points3D([[1, 2, 3], [4, 5, 6]], colors=[255, 0, 0], radii=0.5))
    rr.set_time("frame", sequence=1)
    rr.log("p", rr.Points3D.from_fields(colors=[0, 255, 0]))
    res = rec.store.latest_at("p", timeline="frame", at=1)
    np.testing.assert_array_equal(res["Points3D:positions"], [[1, 2, 3], [4, 5, 6]])
    assert res["Points3D:colors"].tolist() == [0x00FF00FF]
    assert res["Points3D:radii"].tolist() == [0.5]
    # Before the update the old color still resolves.
    assert rec.store.latest_at("p", timeline="frame", at=0)["Points3D:colors"].tolist() == [0xFF0000FF]


def test_clear_unset_and_cleared(rec):
    rr.set_time("frame", sequence=0)
    rr.log("p", rr.Points3D([[1, 2, 3]], colors=[255, 0, 0]))
    rr.set_time("frame", sequence=1)
    rr.log("p", rr.Points3D.from_fields(positions=[[0, 0, 0]], clear_unset=True))
    res = rec.store.latest_at("p", timeline="frame", at=1)
    assert len(res["Points3D:colors"]) == 0 and len(res["Points3D:positions"]) == 1
    rr.set_time("frame", sequence=2)
    rr.log("p", rr.Points3D.cleared())
    assert len(rec.store.latest_at("p", timeline="frame", at=2)["Points3D:positions"]) == 0


def test_clamping_repeats_last_and_cuts(rec):
    rr.log("p", rr.Points3D(np.zeros((4, 3)), colors=[[255, 0, 0], [0, 255, 0]], radii=[1, 2, 3, 4, 5]))
    res = rec.store.latest_at("p", timeline="frame")
    n = len(res["Points3D:positions"])
    assert res.clamped("Points3D:colors", n).tolist() == [0xFF0000FF, 0x00FF00FF, 0x00FF00FF, 0x00FF00FF]
    assert res.clamped("Points3D:radii", n).tolist() == [1, 2, 3, 4]
    assert res.clamped("Points3D:labels", n) is None
    labels = rr.Points3D(np.zeros((3, 3)), labels=["a"])
    rr.log("q", labels)
    res = rec.store.latest_at("q", timeline="frame")
    assert res.clamped("Points3D:labels", 3).to_pylist() == ["a", "a", "a"]


def test_static_shadows_temporal_and_newer_static_wins(rec):
    rr.set_time("frame", sequence=5)
    rr.log("p", rr.Points3D([[5, 5, 5]]))
    rr.log("p", rr.Points3D([[1, 1, 1]]), static=True)
    rr.set_time("frame", sequence=6)
    rr.log("p", rr.Points3D([[6, 6, 6]]))
    store = rec.store
    for t in (0, 5, 6, 100):
        assert positions(store.latest_at("p", timeline="frame", at=t))[0, 0] == 1
    rr.log("p", rr.Points3D([[2, 2, 2]]), static=True)
    assert positions(store.latest_at("p", timeline="frame", at=0))[0, 0] == 2
    # Static data is there on any timeline, even one the entity never used.
    assert positions(store.latest_at("p", timeline="other", at=0))[0, 0] == 2
    assert store.latest_at("p", timeline="frame", at=0).row_ids["Points3D:positions"][0] is None


def test_ties_at_equal_time_go_to_later_call(rec):
    rr.set_time("frame", sequence=3)
    rr.log("p", rr.Points3D([[1, 0, 0]]))
    rr.log("p", rr.Points3D([[2, 0, 0]]))
    assert positions(rec.store.latest_at("p", timeline="frame", at=3))[0, 0] == 2


def test_out_of_order_times(rec):
    for t in (10, 0, 30, 20, 5):
        rr.set_time("frame", sequence=t)
        rr.log("p", rr.Points3D([[t, 0, 0]]))
    store = rec.store
    for at, expected in ((4, 0), (5, 5), (19, 10), (25, 20), (99, 30)):
        assert positions(store.latest_at("p", timeline="frame", at=at))[0, 0] == expected
    assert [t for t, _, _ in store.range("p", timeline="frame")] == [0, 5, 10, 20, 30]


def test_several_timelines_and_kinds(rec):
    rr.set_time("frame", sequence=1)
    rr.set_time("sim", duration=0.5)
    rr.set_time("wall", timestamp=1_700_000_000.0)
    rr.log("p", rr.Points3D([[1, 0, 0]]))
    rr.set_time("frame", sequence=2)
    rr.set_time("sim", duration=1.5)
    rr.log("p", rr.Points3D([[2, 0, 0]]))
    tl = rec.store.timelines()
    assert {k: v.kind for k, v in tl.items()} == {"frame": "sequence", "sim": "duration", "wall": "timestamp"}
    assert (tl["sim"].min, tl["sim"].max) == (500_000_000, 1_500_000_000)
    assert tl["wall"].min == tl["wall"].max == 1_700_000_000 * 10**9
    assert positions(rec.store.latest_at("p", timeline="sim", duration=1.0))[0, 0] == 1
    assert positions(rec.store.latest_at("p", timeline="sim", at=1_500_000_000))[0, 0] == 2
    assert positions(rec.store.latest_at("p", timeline="wall", timestamp=1_700_000_001.0))[0, 0] == 2


def test_time_value_forms_match_rerun(rec):
    import datetime

    rr.set_time("d", duration=datetime.timedelta(seconds=2))
    rr.set_time("d2", duration=np.timedelta64(1500, "ms"))
    rr.set_time("t", timestamp=datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc))
    rr.set_time("t2", timestamp=np.datetime64("2024-01-01T00:00:00.5"))
    rr.set_time("s", sequence=np.int64(7))
    rr.log("p", rr.Points3D([[0, 0, 0]]))
    tl = rec.store.timelines()
    assert tl["d"].min == 2_000_000_000 and tl["d2"].min == 1_500_000_000 and tl["s"].min == 7
    assert tl["t"].min == 1_704_067_200 * 10**9 and tl["t2"].min == 1_704_067_200 * 10**9 + 500_000_000


def test_reset_time_and_disable_timeline(rec):
    rr.set_time("a", sequence=1)
    rr.set_time("b", sequence=2)
    rr.disable_timeline("a")
    rr.log("x", rr.Points3D([[0, 0, 0]]))
    rr.reset_time()
    rr.log("y", rr.Points3D([[0, 0, 0]]))
    chunks = {c.schema.metadata[b"rerun:entity_path"].decode(): c for c in rec.store.chunks()}
    assert [f.name for f in chunks["/x"].schema if (f.metadata or {}).get(b"rerun:kind") == b"index"] == ["b"]
    assert [f.name for f in chunks["/y"].schema if (f.metadata or {}).get(b"rerun:kind") == b"index"] == []
    # A row logged with no time set is temporal with no timelines in Rerun only when log_time is on; here it
    # has none, so it is visible at any time of any timeline.
    assert len(rec.store.latest_at("y", timeline="b", at=-100)) == 1


def test_log_time_on_by_default_and_log_tick_opt_in():
    rec = rr.RecordingStream("t", send_properties=False)
    rec.log("p", rr.Points3D([[0, 0, 0]]))
    assert list(rec.store.timelines()) == ["log_time"]
    rec.set_log_tick_enabled(True)
    rec.log("p", rr.Points3D([[0, 0, 0]]))
    rec.log("p", rr.Points3D([[0, 0, 0]]))
    # Rerun counts every log call, ticks on or off: the two calls after enabling are ticks 1 and 2
    # (rerun-sdk 0.41 writes the same, checked by saving this sequence with it)
    assert rec.store.timelines()["log_tick"][2:] == (1, 2)
    rec.set_log_time_enabled(False)
    rec.set_log_tick_enabled(False)
    rec.log("q", rr.Points3D([[0, 0, 0]]))
    assert "log_time" not in rec.store.chunks()[-1].schema.names


def test_clear_flat_and_recursive(rec):
    rr.set_time("frame", sequence=0)
    rr.log("a", rr.Points3D([[0, 0, 0]]))
    rr.log("a/b", rr.Points3D([[1, 1, 1]]))
    rr.log("a/b/c", rr.Points3D([[2, 2, 2]]))
    rr.set_time("frame", sequence=1)
    rr.log("a/b", rr.Clear(recursive=False))
    store = rec.store
    assert "Points3D:positions" not in store.latest_at("a/b", timeline="frame", at=1)
    assert "Points3D:positions" in store.latest_at("a/b/c", timeline="frame", at=1)  # flat: children stay
    assert "Points3D:positions" in store.latest_at("a/b", timeline="frame", at=0)  # before the clear
    rr.set_time("frame", sequence=2)
    rr.log("a", rr.Clear.recursive())
    for path in ("a", "a/b", "a/b/c"):
        assert "Points3D:positions" not in store.latest_at(path, timeline="frame", at=2)
        assert "Points3D:positions" in store.latest_at(path, timeline="frame", at=0)
    rr.set_time("frame", sequence=3)
    rr.log("a/b/c", rr.Points3D([[3, 3, 3]]))
    assert positions(store.latest_at("a/b/c", timeline="frame", at=3))[0, 0] == 3  # new data after the clear


def test_clear_does_not_touch_static(rec):
    rr.log("a", rr.Points3D([[9, 9, 9]]), static=True)
    rr.set_time("frame", sequence=1)
    rr.log("a", rr.Clear(recursive=True))
    assert positions(rec.store.latest_at("a", timeline="frame", at=1))[0, 0] == 9


def test_send_columns(rec):
    steps = np.arange(100)
    rr.send_columns("s", indexes=[rr.TimeColumn("step", sequence=steps)],
                    columns=rr.Scalars.columns(scalars=np.sin(steps / 10)))
    res = rec.store.latest_at("s", timeline="step", at=42)
    assert res["Scalars:scalars"].tolist() == [np.sin(4.2)]
    assert len(rec.store.range("s", timeline="step", start=10, end=19)) == 10
    # Partitioned: 3 rows with 2, 0 and 1 points.
    rr.send_columns("pts", indexes=[rr.TimeColumn("t", duration=[0.0, 1.0, 2.0])],
                    columns=rr.Points3D.columns(positions=np.arange(9).reshape(3, 3)).partition([2, 0, 1]))
    assert len(rec.store.latest_at("pts", timeline="t", duration=0.5)["Points3D:positions"]) == 2
    assert len(rec.store.latest_at("pts", timeline="t", duration=1.0)["Points3D:positions"]) == 0
    np.testing.assert_array_equal(rec.store.latest_at("pts", timeline="t", duration=9)["Points3D:positions"],
                                  [[6, 7, 8]])


def test_send_columns_ignores_time_cursor_and_static(rec):
    rr.set_time("frame", sequence=99)
    rr.send_columns("c", indexes=[], columns=rr.Points3D.columns(positions=[[1, 2, 3]]))
    assert rec.store.store_chunks()[-1].is_static
    rr.send_columns("d", indexes=[rr.TimeColumn("other", sequence=[1])], columns=rr.Scalars.columns(scalars=[1.0]))
    assert set(rec.store.store_chunks()[-1].timelines) == {"other"}


def test_thread_local_time(rec):
    import threading

    rr.set_time("frame", sequence=1)

    def worker():
        rr.set_time("frame", sequence=100)
        rr.log("thread", rr.Points3D([[0, 0, 0]]))

    th = threading.Thread(target=worker)
    th.start()
    th.join()
    rr.log("main", rr.Points3D([[0, 0, 0]]))
    assert rec.store.latest_at("thread", timeline="frame", at=99) == {}
    assert len(rec.store.latest_at("thread", timeline="frame", at=100)) == 1
    assert len(rec.store.latest_at("main", timeline="frame", at=1)) == 1


def test_explicit_recordings_are_separate(rec):
    other = rr.RecordingStream("other", send_properties=False)
    rr.log("p", rr.Points3D([[1, 1, 1]]), recording=other)
    other.log("q", rr.Points3D([[2, 2, 2]]))
    assert rec.store.entity_paths() == []
    assert other.store.entity_paths() == ["/p", "/q"]
    with other:
        rr.log("r", rr.Points3D([[3, 3, 3]]))
    assert "/r" in other.store.entity_paths()
    assert rr.get_application_id(recording=other) == "other"


def test_entity_path_forms(rec):
    rr.log("a/b", rr.Points3D([[0, 0, 0]]))
    rr.log("/a/b/", rr.Points3D([[1, 1, 1]]))
    rr.log(["a", "b c"], rr.Points3D([[2, 2, 2]]))
    assert rec.store.entity_paths() == ["/a/b", "/a/b\\ c"]
    assert rr.new_entity_path(["a", "b/c"]) == "/a/b\\/c"
    assert rr.escape_entity_path_part("x y") == "x\\ y"


def test_events_and_generation(rec):
    events = []
    unsubscribe = rec.store.subscribe(events.extend)
    g0 = rec.store.generation
    rr.log("p", rr.Points3D([[0, 0, 0]]))
    assert rec.store.generation > g0  # visible before any flush
    rec.store.flush()
    assert [(e.kind, e.entity_path) for e in events] == [("add", "/p")]
    assert events[0].chunk.schema.metadata[b"rerun:entity_path"] == b"/p"
    unsubscribe()
    rr.log("q", rr.Points3D([[0, 0, 0]]))
    rec.store.flush()
    assert len(events) == 1


def test_memory_limit_drops_oldest_temporal_first():
    rec = rr.RecordingStream("mem", send_properties=False, memory_limit=400_000)
    rec.set_log_time_enabled(False)
    rec.log("static", rr.Points3D(np.zeros((1000, 3))), static=True)
    with pytest.warns(rr.RerunWarning, match="memory limit"):  # noqa: PT031
        for f in range(40):
            rec.set_time("frame", sequence=f)
            rec.log("big", rr.Points3D(np.full((2000, 3), f)))
            rec.flush()
    store = rec.store
    assert store.total_bytes <= 400_000
    assert store.latest_at("big", timeline="frame", at=0) == {}  # oldest dropped
    assert store.latest_at("big", timeline="frame", at=39)["Points3D:positions"][0, 0] == 39
    assert len(store.latest_at("static", timeline="frame", at=0)["Points3D:positions"]) == 1000


def test_timeline_kind_conflict_is_an_error(rec):
    rr.set_time("t", sequence=1)
    with pytest.raises(rr.error_utils.RerunError, match="sequence timeline"):
        rr.set_time("t", duration=1.0)


def test_batching_makes_few_chunks_and_queries_see_everything(rec):
    for i in range(10_000):
        rr.set_time("frame", sequence=i)
        rr.log("p", rr.Points3D([[i, 0, 0]]))
        if i == 5000:
            # A query in the middle sees everything logged so far.
            assert positions(rec.store.latest_at("p", timeline="frame"))[0, 0] == 5000
    assert len(rec.store.store_chunks()) <= 6
    assert positions(rec.store.latest_at("p", timeline="frame", at=9999))[0, 0] == 9999


def test_logged_arrays_are_copied(rec):
    pts = np.zeros((10, 3), np.float32)
    rr.log("p", rr.Points3D(pts))
    pts[:] = 7
    assert positions(rec.store.latest_at("p", timeline="frame")).max() == 0
