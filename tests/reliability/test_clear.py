"""Clear semantics (issue 8, item 6), on the store's latest-at (what views show) and on the dataframe reader.

Latest-at follows Rerun's query engine: an entity's latest Clear hides what was logged before it; an ancestor's
latest Clear does so when it is recursive (a later flat Clear on the parent ends it); a static Clear is newer
than every temporal row. The dataframe reader is compared with rerun-sdk 0.41's own reader on the same
recordings (that needs `datafusion`, installed with the test extra; the comparison is skipped without it).
"""

from __future__ import annotations

import importlib.util
import os

import pytest

import rerun_nb

STEPS = {
    "flat clear on the entity": [
        ("time", 1), ("log", "a", "points", [[1, 2, 3]]), ("time", 2), ("log", "a", "clear", False),
        ("time", 3), ("log", "b", "points", [[0, 0, 0]]), ("time", 4), ("log", "a", "points", [[7, 7, 7]])],
    "static clear": [
        ("time", 1), ("log", "a", "points", [[1, 2, 3]]), ("static", "a", "clear", False),
        ("time", 2), ("log", "a", "points", [[4, 5, 6]]), ("time", 3), ("log", "b", "points", [[0, 0, 0]])],
    "recursive then flat clear on the parent": [
        ("time", 1), ("log", "p/c", "points", [[1, 2, 3]]), ("time", 2), ("log", "p", "clear", True),
        ("time", 3), ("log", "p", "clear", False), ("time", 4), ("log", "b", "points", [[0, 0, 0]])],
    "static data, temporal clear": [
        ("static", "a", "points", [[1, 2, 3]]), ("time", 2), ("log", "a", "clear", False),
        ("time", 3), ("log", "b", "points", [[0, 0, 0]])],
    "static recursive clear on the parent": [
        ("time", 1), ("log", "p/c", "points", [[1, 2, 3]]), ("static", "p", "clear", True),
        ("time", 2), ("log", "p/c", "points", [[4, 4, 4]]), ("time", 3), ("log", "b", "points", [[0, 0, 0]])],
    "static data then static clear": [
        ("static", "a", "points", [[1, 2, 3]]), ("static", "a", "clear", False),
        ("time", 3), ("log", "b", "points", [[0, 0, 0]])],
    "flat clear on the parent": [
        ("time", 1), ("log", "p/c", "points", [[1, 2, 3]]), ("time", 2), ("log", "p", "clear", False),
        ("time", 3), ("log", "b", "points", [[0, 0, 0]])],
    "logged again at the clear's time": [
        ("time", 1), ("log", "a", "points", [[1, 2, 3]]), ("time", 2), ("log", "a", "clear", False),
        ("log", "a", "points", [[5, 5, 5]]), ("time", 3), ("log", "b", "points", [[0, 0, 0]])],
}


def _replay(rr, rec, steps) -> None:
    for step in steps:
        if step[0] == "time":
            rec.set_time("frame", sequence=step[1])
            continue
        kind, path, what, value = step
        archetype = rr.Points3D(value) if what == "points" else rr.Clear(recursive=value)
        rec.log(path, archetype, static=(kind == "static"))


def _ours(steps):
    rec = rerun_nb.RecordingStream("clear", send_properties=False)
    rec.set_log_time_enabled(False)
    _replay(rerun_nb, rec, steps)
    return rec


def _positions(rec, path, t):
    res = rec.store.latest_at(path, timeline="frame", sequence=t)
    return res["Points3D:positions"].tolist() if "Points3D:positions" in res else None


# --- latest-at, as Rerun's query engine (what the views show) -------------------------------------------

@pytest.mark.parametrize(("case", "path", "expected"), [
    ("flat clear on the entity", "a", {1: [[1, 2, 3]], 2: None, 3: None, 4: [[7, 7, 7]]}),
    ("static clear", "a", {1: None, 2: None, 3: None}),  # cleared at every time: temporal data hidden
    ("recursive then flat clear on the parent", "p/c", {1: [[1, 2, 3]], 2: None, 3: [[1, 2, 3]], 4: [[1, 2, 3]]}),
    ("static data, temporal clear", "a", {2: [[1, 2, 3]], 3: [[1, 2, 3]]}),  # a temporal Clear never clears static
    ("static recursive clear on the parent", "p/c", {1: None, 2: None, 3: None}),
    ("static data then static clear", "a", {3: None}),
    ("flat clear on the parent", "p/c", {1: [[1, 2, 3]], 2: [[1, 2, 3]], 3: [[1, 2, 3]]}),
    ("logged again at the clear's time", "a", {1: [[1, 2, 3]], 2: [[5, 5, 5]], 3: [[5, 5, 5]]}),
])
def test_latest_at_applies_clears_as_rerun(case, path, expected):
    rec = _ours(STEPS[case])
    assert {t: _positions(rec, path, t) for t in expected} == expected


def test_static_data_logged_after_a_static_clear_shows():
    rec = _ours([("static", "a", "clear", False), ("static", "a", "points", [[9, 9, 9]])])
    assert _positions(rec, "a", 0) == [[9, 9, 9]]


# --- the dataframe reader, compared with rerun-sdk 0.41's ------------------------------------------------

HAVE_RERUN_READER = (importlib.util.find_spec("rerun") is not None
                     and importlib.util.find_spec("datafusion") is not None)
QUERIES = [{}, {"fill_latest_at": True}, {"fill_latest_at": True, "using_index_values": [0, 1, 2, 3, 4, 5]},
           {"using_index_values": [1, 2, 3]}]


def _theirs(steps, tmp_path):
    import rerun as rr
    from rerun.chunk import RrdReader

    rec = rr.RecordingStream("clear")
    path = os.path.join(tmp_path, "theirs.rrd")
    rec.save(path)
    _replay(rr, rec, steps)
    rec.flush()
    rec.disconnect()
    return RrdReader(path).stream().collect()


def _table(reader) -> dict:
    table = reader.to_arrow_table()
    return {name: table.column(name).to_pylist() for name in table.column_names
            if "log_time" not in name and "log_tick" not in name}


@pytest.mark.skipif(not HAVE_RERUN_READER, reason="rerun-sdk's dataframe reader needs datafusion")
@pytest.mark.parametrize("case", list(STEPS))
def test_reader_shows_clears_as_rerun_sdk(case, tmp_path):
    ours, theirs = _ours(STEPS[case]).store, _theirs(STEPS[case], tmp_path)
    for query in QUERIES:
        expected = _table(theirs.reader("frame", contents="/**", **query))
        assert _table(ours.reader("frame", contents="/**", **query)) == expected, query
