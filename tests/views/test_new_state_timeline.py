"""The state timeline view by pixels: a colored bar per state from its change to the next, gaps for null."""

from __future__ import annotations

import numpy as np

import rerun_nb as rr
import rerun_nb.blueprint as rrb
from rerun_nb.layout import heuristic_layout

from .conftest import color_mask

OPEN, CLOSED = (0, 200, 0), (200, 0, 0)


def _door(rec):
    rec.log("door", rr.StateConfiguration(values=["open", "closed"], colors=[OPEN, CLOSED]), static=True)
    for step, state in ((0, "open"), (10, "closed"), (20, "open")):
        rec.set_time("step", sequence=step)
        rec.log("door", rr.StateChange(state=state))


def test_state_bars_span_from_each_change_to_the_next(rec, make_layout):
    _door(rec)
    r = make_layout(rec.store, 300, 100, blueprint=rrb.StateTimelineView(origin="/"))
    img = r.render("step", 20)
    view, rect = r.views[0], r.placed[0][1]
    assert view.kind == "StateTimeline"
    assert [(round(a), round(b), s) for a, b, s in view.lanes[0][1]] == [(0, 10, "open"), (10, 20, "closed"),
                                                                      (20, 21, "open")]
    _, row = view.to_pixel(0, 0.5, rect)
    for x, color in ((5, OPEN), (15, CLOSED), (20.5, OPEN)):
        col, _ = view.to_pixel(x, 0.5, rect)
        assert np.abs(img[int(row), int(col), :3].astype(int) - color).max() <= 10, x
    # the bar boundary at step 10 sits where step 10 is drawn
    line = color_mask(img[int(row) - 3: int(row) - 2], CLOSED, tol=10)[0]
    first_closed = int(np.argmax(line))
    assert abs(first_closed - view.to_pixel(10, 0, rect)[0]) <= 1.5


def test_null_state_is_a_gap(rec, make_layout):
    rec.set_time("step", sequence=0)
    rec.log("s", rr.StateChange(state="on"))
    rec.set_time("step", sequence=5)
    rec.log("s", rr.StateChange.from_fields(state=[]) if hasattr(rr.StateChange, "from_fields") else rr.StateChange())
    rec.set_time("step", sequence=10)
    rec.log("s", rr.StateChange(state="on"))
    r = make_layout(rec.store, 300, 100, blueprint=rrb.StateTimelineView(origin="/"))
    r.render("step", 10)
    assert [s for _a, _b, s in r.views[0].lanes[0][1]] == ["on", "on"]
    assert round(r.views[0].lanes[0][1][0][1]) == 5


def test_heuristics_state_timeline_view():
    tree = heuristic_layout({"/door": {"StateChange", "StateConfiguration"}})
    assert [(v.kind, v.origin) for v in tree.children] == [("StateTimeline", "/")]
