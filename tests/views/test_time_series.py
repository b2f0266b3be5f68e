"""The time series view by pixels and by its history: the sine crosses the middle where expected, the cursor
follows the time, new samples are appended (not re-read)."""

from __future__ import annotations

import numpy as np

import rerun_nb as rr
import rerun_nb.blueprint as rrb

from .conftest import color_mask

LINE = (255, 0, 0)
CURSOR = (232, 232, 232)


def _sine(rec, n=101):
    rec.log("plot/sin", rr.SeriesLines(colors=[LINE], widths=2, names=["sin"]), static=True)
    for i in range(n):
        rec.set_time("frame", sequence=i)
        rec.log("plot/sin", rr.Scalars(np.sin(2 * np.pi * i / (n - 1))))


def _plot_pixel(view, rect, x, y):
    px, py = view.frame.to_pixel(x, y, rect)
    return rect[0] + px, rect[1] + py


def test_sine_crosses_the_middle_where_expected(rec, make_layout):
    _sine(rec)
    r = make_layout(rec.store, 400, 300, blueprint=rrb.TimeSeriesView(axis_y=rrb.ScalarAxis(range=(-1.0, 1.0))))
    img = r.render("frame", 0)
    (view, rect), = r.placed
    assert view.kind == "TimeSeries"
    red = color_mask(img, LINE, tol=60)
    for t, value in ((0, 0.0), (25, 1.0), (50, 0.0), (75, -1.0), (100, 0.0)):
        col, row = _plot_pixel(view, rect, t, value)
        window = red[int(row) - 3 : int(row) + 4, int(col) - 3 : int(col) + 4]
        assert window.any(), (t, value, col, row)
    # the middle crossing: in the column of t=50 the line is at the plot's vertical middle, nowhere else
    col50, mid = _plot_pixel(view, rect, 50, 0.0)
    rows = np.nonzero(red[:, round(col50)])[0]
    assert len(rows) and abs(rows.mean() - mid) <= 3
    # at t=25 the line is near the top of the range, far from the middle
    col25, top = _plot_pixel(view, rect, 25, 1.0)
    rows = np.nonzero(red[:, round(col25)])[0]
    assert len(rows) and abs(rows.mean() - top) <= 4


def test_time_cursor_moves_with_the_time(rec, make_layout):
    _sine(rec)
    r = make_layout(rec.store, 400, 300)
    (view, rect), = r.placed
    positions = []
    for t in (20, 80):
        img = r.render("frame", t)
        col, _ = _plot_pixel(view, rect, t, 0.0)
        cursor_cols = np.nonzero(color_mask(img[100:200], CURSOR, tol=20).sum(axis=0) > 50)[0]
        assert len(cursor_cols), t
        positions.append(cursor_cols.mean())
        assert abs(cursor_cols.mean() - col) <= 2
    assert positions[1] - positions[0] > 100  # it moved right with the time


def test_new_samples_are_appended_not_reread(rec, make_layout):
    _sine(rec, n=50)
    r = make_layout(rec.store, 300, 200)
    r.render("frame", 49)
    (view, _), = r.placed
    history = view.histories["/plot/sin"]
    line = view.series["/plot/sin"][0].line
    assert len(history.times) == 50 and line.n == 50 and history.rebuilds == 1
    reads = []
    original = rec.store.range_arrays

    def counting_range(*args, **kwargs):
        arrays = original(*args, **kwargs)
        reads.append(len(arrays[0]))
        return arrays

    rec.store.range_arrays = counting_range
    for i in range(50, 60):
        rec.set_time("frame", sequence=i)
        rec.log("plot/sin", rr.Scalars(0.5))
        r.render("frame", i)
    del rec.store.range_arrays
    assert len(history.times) == 60 and line.n == 60 and history.rebuilds == 1
    assert max(reads) <= 2  # each step read the newest row (and the previous one at its time), never the history
    np.testing.assert_allclose(line.obj.geometry.positions.data[50:60, 1], 0.5)


def test_several_series_per_entity_and_legend_names(rec, make_layout):
    rec.log("m", rr.SeriesLines(names=["a", "b"], colors=[[255, 0, 0], [0, 255, 0]]), static=True)
    for i in range(10):
        rec.set_time("frame", sequence=i)
        rec.log("m", rr.Scalars([i, -i]))
    r = make_layout(rec.store, 300, 200)
    img = r.render("frame", 9)
    (view, _), = r.placed
    assert [s.name for s in view.series["/m"]] == ["a", "b"]
    assert color_mask(img, (255, 0, 0), tol=60).sum() > 20 and color_mask(img, (0, 255, 0), tol=60).sum() > 20


def test_series_points_draw_markers(rec, make_layout):
    rec.log("p", rr.SeriesPoints(colors=[[0, 0, 255]], marker_sizes=[3]), static=True)
    for i in range(5):
        rec.set_time("frame", sequence=i)
        rec.log("p", rr.Scalars(float(i % 2)))
    r = make_layout(rec.store, 300, 200)
    r.render("frame", 4)
    (view, _), = r.placed
    assert view.series["/p"][0].line.points


def test_duration_timeline_ticks_in_seconds():
    from rerun_nb.views._plot import time_tick_format

    scale, fmt = time_tick_format("duration", 0)
    assert scale == 1e9 and fmt(2.5, 0, 10) == "2.5 s" and fmt(0.25, 0, 1) == "250 ms"
    scale, fmt = time_tick_format("timestamp", 1_700_000_000 * 10**9)
    assert fmt(0, 0, 1) == "22:13:20"
    scale, fmt = time_tick_format("sequence", 100)
    assert scale == 1 and fmt(5, 0, 10) == "105"


def test_long_series_are_drawn_min_max_per_pixel_and_appended_incrementally():
    from rerun_nb.views._plot import DecimatedLine

    x = np.arange(20_000.0)
    y = np.sin(x / 500) + (x % 7 == 0) * 0.5  # spikes: min/max keeps them
    line = DecimatedLine("#f00")
    line.set(np.stack([x[:12_000], y[:12_000]], 1), 200)
    for k in range(12_000, 20_000, 13):
        line.append(np.stack([x[k : k + 13], y[k : k + 13]], 1), 200)
    full = DecimatedLine("#f00")
    full.x_origin, full.bin_width = 0.0, line.bin_width
    expected, _bins = full._bins(x, y, 0)
    drawn = line.vertices
    assert line.rebuilds == 1 and len(drawn) == len(expected) <= 2 * 400  # no re-binning: span grew < 2x
    np.testing.assert_allclose(drawn, expected, atol=1e-3)
    assert drawn[:, 1].max() == np.float32(y.max())  # the spikes survive


def test_decimated_sine_still_crosses_where_expected(rec, make_layout):
    n = 20_001
    rr.send_columns("s", indexes=[rr.TimeColumn("frame", sequence=np.arange(n))],
                    columns=rr.Scalars.columns(scalars=np.sin(2 * np.pi * np.arange(n) / (n - 1))), recording=rec)
    rec.log("s", rr.SeriesLines(colors=[LINE]), static=True)
    r = make_layout(rec.store, 400, 300, blueprint=rrb.TimeSeriesView(axis_y=rrb.ScalarAxis(range=(-1.0, 1.0))))
    img = r.render("frame", 0)
    (view, rect), = r.placed
    assert view.series["/s"][0].decimated is not None
    red = color_mask(img, LINE, tol=60)
    for t, value in ((5000, 1.0), (10_000, 0.0), (15_000, -1.0)):
        col, row = _plot_pixel(view, rect, t, value)
        assert red[int(row) - 3 : int(row) + 4, int(col) - 3 : int(col) + 4].any(), (t, value)


def test_wheel_zooms_the_time_axis_drag_pans_double_click_resets(rec, make_layout):
    _sine(rec)
    r = make_layout(rec.store, 400, 300)
    r.render("frame", 50)
    (view, rect), = r.placed
    assert view.frame.bounds[:2] == (0.0, 100.0)
    mid_x = rect[0] + view.frame.to_pixel(50, 0, rect)[0]
    assert r.handle_event({"event_type": "wheel", "x": mid_x, "y": 150, "dx": 0, "dy": -500, "buttons": (),
                           "modifiers": ()})
    r.render("frame", 50)
    x0, x1 = view.frame.bounds[:2]
    assert 0 < x0 < 50 < x1 < 100 and x1 - x0 < 60  # zoomed in around the pointer
    r.handle_event({"event_type": "pointer_down", "x": mid_x, "y": 150, "button": 1, "buttons": (1,), "modifiers": ()})
    r.handle_event({"event_type": "pointer_move", "x": mid_x + 50, "y": 150, "button": 1, "buttons": (1,),
                    "modifiers": ()})
    r.handle_event({"event_type": "pointer_up", "x": mid_x + 50, "y": 150, "button": 1, "buttons": (), "modifiers": ()})
    r.render("frame", 50)
    assert view.frame.bounds[0] < x0  # dragged right: earlier times come into view
    r.handle_event({"event_type": "double_click", "x": mid_x, "y": 150, "button": 1, "buttons": (), "modifiers": ()})
    r.render("frame", 50)
    assert view.frame.bounds[:2] == (0.0, 100.0)


def test_visible_time_range_follows_the_cursor_and_clips(rec, make_layout):
    _sine(rec)
    bp = rrb.TimeSeriesView(time_ranges=rrb.VisibleTimeRange(
        "frame", start=rrb.TimeRangeBoundary.cursor_relative(seq=-10), end=rrb.TimeRangeBoundary.cursor_relative()))
    r = make_layout(rec.store, 400, 300, blueprint=bp)
    img = r.render("frame", 50)
    (view, rect), = r.placed
    assert view.frame.bounds[:2] == (40.0, 50.0) and view.notices == []
    red = color_mask(img, LINE, tol=60)
    right_edge = round(view.frame.to_pixel(50, 0, rect)[0])
    assert red[30:-30, 60 : right_edge - 2].sum() > 50
    assert not red[30:-30, right_edge + 3 :].any()  # clipped at the window's end
    r.render("frame", 80)
    assert view.frame.bounds[:2] == (70.0, 80.0)


def test_decimated_flat_series_is_a_visible_band_and_appends_only_new_columns(rec, make_layout):
    n = 20_000
    rr.send_columns("s", indexes=[rr.TimeColumn("frame", sequence=np.arange(n))],
                    columns=rr.Scalars.columns(scalars=np.full(n, 0.25)), recording=rec)
    rec.log("s", rr.SeriesLines(colors=[LINE]), static=True)
    r = make_layout(rec.store, 400, 300, blueprint=rrb.TimeSeriesView(axis_y=rrb.ScalarAxis(range=(-1.0, 1.0))))
    img = r.render("frame", 0)
    (view, rect), = r.placed
    series = view.series["/s"][0]
    assert series.decimated is not None and series.obj is series.decimated.band.obj
    red = color_mask(img, LINE, tol=60)
    for t in (2_000, 10_000, 18_000):  # zero-height columns still drawn a line width thick
        col, row = _plot_pixel(view, rect, t, 0.25)
        assert red[int(row) - 2 : int(row) + 3, int(col)].any(), t
    assert not red[int(_plot_pixel(view, rect, 10_000, 0.6)[1]), :].any()
    band = series.decimated.band
    bins = band.bins
    buf = band.obj.geometry.positions
    writes = []
    original = buf.update_range
    buf.update_range = lambda offset=0, size=None: (writes.append(size), original(offset, size))
    rec.set_time("frame", sequence=n)
    rec.log("s", rr.Scalars(0.25))
    r.render("frame", n)
    assert bins <= band.bins <= bins + 2
    assert writes and max(writes) <= 8  # only the open column and the new one are written (not the history)
