"""Every input is checked at the call that takes it; nothing invalid reaches the batcher (issue 8, items 1-3, 7).

Each test is a repro from the issue: before the fix the bad call was accepted and a later flush or query
failed, losing pending rows of every entity.
"""

from __future__ import annotations

import datetime
import warnings

import numpy as np
import pyarrow as pa
import pytest

import rerun_nb as rr
from rerun_nb.error_utils import RerunError

OUT_OF_RANGE_TIMES = [
    {"sequence": 2**70},
    {"sequence": np.uint64(2**63)},
    {"sequence": -(2**63) - 1},
    {"duration": 1e20},
    {"duration": datetime.timedelta(days=10**8)},
    {"duration": np.timedelta64(10**15, "s")},
    {"timestamp": np.datetime64(10**18, "s")},
    {"timestamp": datetime.datetime(9999, 1, 1)},
]


def _positions(rec, path, timeline, at=None):
    res = rec.store.latest_at(path, timeline=timeline, at=at)
    return None if "Points3D:positions" not in res else res["Points3D:positions"].tolist()


@pytest.mark.parametrize("kw", OUT_OF_RANGE_TIMES, ids=lambda kw: f"{next(iter(kw))}={next(iter(kw.values()))!r}")
def test_out_of_range_time_is_refused_at_set_time_and_rows_survive(rec, kw):
    rr.set_time("frame", sequence=1)
    rr.log("before", rr.Points3D([[1, 1, 1]]))  # pending in the batcher when the bad call comes
    with pytest.raises(RerunError, match="out of range"):
        rr.set_time("other", **kw)
    rr.set_strict_mode(False)
    with pytest.warns(rr.RerunWarning, match="set_time.*out of range"):
        rr.set_time("other", **kw)
    rr.log("after", rr.Points3D([[2, 2, 2]]))
    rec.flush()
    assert _positions(rec, "before", "frame") == [[1, 1, 1]]
    assert _positions(rec, "after", "frame") == [[2, 2, 2]]
    assert "other" not in rec.store.timelines()  # the bad time was never set


def test_int64_extremes_are_valid_times(rec):
    rr.set_time("t", sequence=2**63 - 1)
    rr.log("max", rr.Points3D([[1, 1, 1]]))
    rr.set_time("t", sequence=-(2**63) + 1)
    rr.log("min", rr.Points3D([[2, 2, 2]]))
    assert rec.store.timelines()["t"].max == 2**63 - 1
    assert _positions(rec, "min", "t", at=-(2**63) + 1) == [[2, 2, 2]]


def test_exact_nanoseconds_from_a_long_timedelta(rec):
    # float seconds lose nanoseconds past ~104 days; the conversion is integer arithmetic
    rr.set_time("d", duration=datetime.timedelta(days=200, microseconds=1))
    rr.log("p", rr.Points3D([[0, 0, 0]]))
    assert rec.store.timelines()["d"].min == (200 * 86_400 * 10**6 + 1) * 1000


@pytest.mark.parametrize("times", [np.array([2**63], np.uint64), [2**70], np.array([1e20]),
                                   np.array([10**15], "timedelta64[s]")], ids=["uint64", "bigint", "float", "td64"])
def test_out_of_range_time_column_is_refused_at_send_columns(rec, times):
    kind = "duration" if not isinstance(times, np.ndarray) or times.dtype.kind in "fm" else "sequence"
    kind = "sequence" if isinstance(times, list) else kind
    rr.log("kept", rr.Points3D([[1, 1, 1]]))
    with pytest.raises(RerunError, match="out of range"):
        rr.TimeColumn("t", **{kind: times})
    rr.set_strict_mode(False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        column = rr.TimeColumn("t", **{kind: times})  # no exception in the user's loop
        rr.send_columns("s", indexes=[column], columns=rr.Scalars.columns(scalars=[1.0]))
    messages = [str(w.message) for w in caught if issubclass(w.category, rr.RerunWarning)]
    assert any("send_columns('s')" in m and "out of range" in m for m in messages), messages
    assert rec.store.entity_paths() == ["/kept"]


def test_list_entity_path_with_empty_parts_is_the_root_as_in_rerun(rec):
    rr.log(["", ""], rr.Points3D([[1, 2, 3]]))  # rerun-sdk logs this to "/"
    rr.log("a//b", rr.Points3D([[4, 5, 6]]))  # and this to "/a/b"
    rr.log(["a", 1], rr.Points3D([[7, 8, 9]]))  # parts are str()-ed
    assert rec.store.entity_paths() == ["/", "/a/1", "/a/b"]
    assert _positions(rec, "/", "t") == [[1, 2, 3]]


def test_set_time_on_a_loaded_duration_timeline_is_refused(tmp_path):
    src = rr.RecordingStream("kinds", send_properties=False)
    src.set_time("stable_time", duration=1.0)
    src.log("p", rr.Points3D([[1, 1, 1]]))
    src.save(tmp_path / "k.rrd")
    src.disconnect()
    loaded = rr.load(tmp_path / "k.rrd")
    loaded.set_time("stable_time", duration=2.0)
    loaded.log("p", rr.Points3D([[2, 2, 2]]))  # pending
    with pytest.raises(RerunError, match="duration timeline"):
        loaded.set_time("stable_time", sequence=3)
    rr.set_strict_mode(False)
    with pytest.warns(rr.RerunWarning, match="duration timeline"):
        loaded.set_time("stable_time", sequence=3)
    loaded.log("p", rr.Points3D([[3, 3, 3]]))  # still at duration 2.0 s: the bad call changed nothing
    assert _positions(loaded, "p", "stable_time") == [[3, 3, 3]]
    assert loaded.store.range("p", timeline="stable_time") and len(loaded.store.range("p", timeline="stable_time")) == 3


def test_send_columns_of_another_kind_on_a_loaded_timeline_is_refused(tmp_path):
    src = rr.RecordingStream("kinds", send_properties=False)
    src.set_time("t", duration=1.0)
    src.log("p", rr.Points3D([[1, 1, 1]]))
    src.save(tmp_path / "k.rrd")
    src.disconnect()
    loaded = rr.load(tmp_path / "k.rrd")
    with pytest.raises(RerunError, match="duration timeline"):
        loaded.send_columns("s", indexes=[rr.TimeColumn("t", sequence=[1])], columns=rr.Scalars.columns(scalars=[1.0]))
    assert loaded.store.entity_paths() == ["/p"]


def test_any_values_type_change_keeps_the_store_readable(rec):
    rr.set_strict_mode(False)
    rr.set_time("f", sequence=0)
    rr.log("e", rr.AnyValues(v=1.0))
    with pytest.warns(rr.RerunWarning, match="AnyValues: bad `v`.*first logged"):
        rr.log("e", rr.AnyValues(v="text"))
    rr.log("other", rr.AnyValues(w="fine"))
    table = rec.store.reader("f").to_arrow_table()  # raised ArrowInvalid for the whole store before
    assert table.column("/e:v").to_pylist() == [[1.0]]
    assert table.column("/other:w").to_pylist() == [["fine"]]


def test_custom_batches_changing_type_are_refused_at_log(rec):
    desc = rr.ComponentDescriptor("custom")
    rr.log("e", [rr.DescribedComponentBatch(desc, pa.array([1.0]))])
    with pytest.raises(RerunError, match="first logged on /e as double, now as string"):
        rr.log("e", [rr.DescribedComponentBatch(desc, pa.array(["x"]))])
    rr.log("e", [rr.DescribedComponentBatch(desc, pa.array([2.0]))])
    assert rec.store.reader(None).to_arrow_table().num_rows <= 1  # readable
    assert list(rec.store.latest_at("e", timeline="t")["custom"]) == [2.0]


# --- strict mode raises RerunError, with messages that say what and where (item 7) ---------------

STRICT_CASES = [
    ("Clear given a string", lambda: rr.Clear(recursive="maybe"), "Clear: bad `is_recursive`"),
    ("send_columns indexes a string", lambda: rr.send_columns("s", indexes="abc", columns=[]), "indexes"),
    ("AnyValues complex", lambda: rr.AnyValues(v=np.array([1 + 2j])), "AnyValues: bad `v`"),
    ("AnyValues huge int", lambda: rr.AnyValues(v=2**70), "AnyValues: bad `v`"),
    ("TimeColumn floats", lambda: rr.TimeColumn("t", sequence=[1.5]), "TimeColumn('t')"),
    ("class, not instance", lambda: rr.log("x", rr.Points3D), "got the class Points3D"),
    ("a dict", lambda: rr.log("x", {"positions": [1, 2, 3]}), "got dict"),
    ("bad field", lambda: rr.Points3D([[1, 2]]), "Points3D: bad `positions`"),
    ("columns of bad data", lambda: rr.Scalars.columns(scalars=[["a"]]), "Scalars: bad `scalars`"),
    ("static not a bool", lambda: rr.log("x", rr.Points3D([[1, 2, 3]]), static=np.array([1, 0])), "static"),
]


@pytest.mark.parametrize("name,call,says", STRICT_CASES, ids=[c[0] for c in STRICT_CASES])
def test_strict_mode_raises_rerun_error_naming_what(rec, name, call, says):
    with pytest.raises(RerunError) as info:
        call()
    assert says in str(info.value), str(info.value)


@pytest.mark.parametrize("name,call,says", STRICT_CASES, ids=[c[0] for c in STRICT_CASES])
def test_non_strict_never_raises(rec, name, call, says):
    rr.set_strict_mode(False)
    rr.log("good", rr.Points3D([[1, 1, 1]]))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = call()
        if value is not None and not isinstance(value, list):
            rr.log("x", value)
    assert rec.store.latest_at("good", timeline="t")["Points3D:positions"].tolist() == [[1, 1, 1]]
    assert "/x" not in rec.store.entity_paths()


def test_clear_takes_a_batch_of_flags_as_rerun_does(rec):
    rr.log("x", rr.Clear(recursive=np.array([True, False])))
    assert rec.store.latest_at("x", timeline="t")["Clear:is_recursive"].tolist() == [True, False]


def test_log_error_names_entity_archetype_and_field(rec):
    rr.set_strict_mode(False)
    bad = rr.Points3D([[1, 2]])  # kept as an error, reported at log with the entity
    with pytest.warns(rr.RerunWarning) as caught:
        rr.log("world/points", bad)
    message = str(caught[0].message)
    assert "world/points" in message and "Points3D" in message and "positions" in message
