"""Time series: SeriesLines aggregation policies when samples outnumber pixels, TimeAxis (view_range, link,
zoom_lock), ScalarAxis range and PlotLegend corner/visibility."""

from __future__ import annotations

import numpy as np
import pytest

import rerun_nb as rr
import rerun_nb.blueprint as rrb

from .conftest import bbox, color_mask

LINE = (255, 0, 0)


def _noisy(rec, policy=None, n=4000):
    """A square-ish signal: alternating +1 / -1 every sample (its average is 0, its min/max is +-1)."""
    kwargs = {} if policy is None else {"aggregation_policy": policy}
    rec.log("plot/s", rr.SeriesLines(colors=[LINE], widths=1, **kwargs), static=True)
    rec.send_columns("plot/s", indexes=[rr.TimeColumn("frame", sequence=np.arange(n))],
                     columns=rr.Scalars.columns(scalars=np.where(np.arange(n) % 2 == 0, 1.0, -1.0)))


def _rows_of_line(img, view, rect, x):
    col = round(rect[0] + view.frame.to_pixel(x, 0, rect)[0])
    return np.nonzero(color_mask(img, LINE, tol=60)[:, col])[0]


@pytest.mark.parametrize("policy, expect", [
    ("MinMax", (1.0, -1.0)), ("Average", (0.0, 0.0)), ("Max", (1.0, 1.0)), ("Min", (-1.0, -1.0)),
    ("MinMaxAverage", (0.0, 0.0)),
])
def test_aggregation_policy(rec, make_layout, policy, expect):
    _noisy(rec, policy)
    r = make_layout(rec.store, 400, 300, blueprint=rrb.TimeSeriesView(axis_y=rrb.ScalarAxis(range=(-2.0, 2.0))))
    img = r.render("frame", 3999)
    (view, rect), = r.placed
    (series,) = view.series["/plot/s"]
    assert series.decimated is not None and series.decimated.n == 4000
    rows = _rows_of_line(img, view, rect, 2000.0)
    assert len(rows)
    top, bottom = (rect[1] + view.frame.to_pixel(0, v, rect)[1] for v in expect)
    if policy == "Average":  # bins of 6 or 7 samples: averages of 0 or +-1/7, never near +-1
        hi, lo = (rect[1] + view.frame.to_pixel(0, v, rect)[1] for v in (0.2, -0.2))
        assert hi <= rows.min() and rows.max() <= lo
        top, bottom = rows.min(), rows.max()
    assert abs(rows.min() - top) <= 3 and abs(rows.max() - bottom) <= 3, (policy, rows.min(), rows.max(), top, bottom)
    # one vertex per bin (two for MinMax): far fewer than the samples
    assert len(series.decimated.vertices) <= (2 if policy == "MinMax" else 1) * 600 < 4000


def test_aggregation_off_draws_every_sample(rec, make_layout):
    _noisy(rec, "Off")
    r = make_layout(rec.store, 400, 300)
    r.render("frame", 3999)
    (view, _rect), = r.placed
    (series,) = view.series["/plot/s"]
    assert series.decimated is None and series.obj.geometry.positions.draw_range[1] == 4000


def _ramp(rec, n=101):
    rec.log("plot/ramp", rr.SeriesLines(colors=[LINE], widths=2, names=["ramp"]), static=True)
    for i in range(n):
        rec.set_time("frame", sequence=i)
        rec.log("plot/ramp", rr.Scalars(float(i)))


def test_time_axis_view_range_and_zoom_lock(rec, make_layout):
    _ramp(rec)
    axis = rrb.TimeAxis(view_range=rrb.TimeRange(start=rrb.TimeRangeBoundary.absolute(seq=20),
                                                 end=rrb.TimeRangeBoundary.absolute(seq=40)), zoom_lock=True)
    r = make_layout(rec.store, 400, 300, blueprint=rrb.TimeSeriesView(axis_x=axis))
    r.render("frame", 100)
    (view, rect), = r.placed
    assert view.frame.bounds[:2] == (20.0, 40.0)
    assert view.frame.bounds[2] < 20 < 40 < view.frame.bounds[3]  # y fitted to the samples in the window
    assert not view.notices
    view.handle_event({"event_type": "wheel", "x": 200, "y": 150, "dy": 300}, rect)
    r.render("frame", 100)
    assert view.frame.bounds[:2] == (20.0, 40.0)  # zoom locked


def test_time_axis_cursor_relative_view_range(rec, make_layout):
    _ramp(rec)
    axis = rrb.TimeAxis(view_range=rrb.TimeRange(start=rrb.TimeRangeBoundary.cursor_relative(seq=-10),
                                                 end=rrb.TimeRangeBoundary.cursor_relative()))
    r = make_layout(rec.store, 400, 300, blueprint=rrb.TimeSeriesView(axis_x=axis))
    r.render("frame", 50)
    (view, rect), = r.placed
    assert view.frame.bounds[:2] == (40.0, 50.0)
    r.render("frame", 70)
    assert view.frame.bounds[:2] == (60.0, 70.0)


def test_linked_time_axes_share_the_zoom(rec, make_layout):
    _ramp(rec)
    rec.set_time("frame", sequence=200)
    rec.log("other", rr.TextLog("later data widens the timeline"))
    linked = rrb.TimeAxis(link=rrb.LinkAxis.LinkToGlobal)
    bp = rrb.Vertical(rrb.TimeSeriesView(origin="/plot", axis_x=linked), rrb.TimeSeriesView(origin="/plot", axis_x=linked),
                      rrb.TimeSeriesView(origin="/plot"))
    r = make_layout(rec.store, 400, 600, blueprint=bp)
    r.render("frame", 50)
    (a, ra), (b, _rb), (c, _rc) = r.placed
    assert a.frame.bounds[:2] == (0.0, 200.0)  # the global timeline, not only this plot's data
    assert c.frame.bounds[:2] == (0.0, 100.0)
    a.handle_event({"event_type": "wheel", "x": ra[0] + 200, "y": ra[1] + 100, "dy": -300}, ra)
    r.render("frame", 50)
    assert a.frame.bounds[:2] == b.frame.bounds[:2] != (0.0, 200.0)
    assert c.frame.bounds[:2] == (0.0, 100.0)


@pytest.mark.parametrize("corner", ["LeftTop", "RightTop", "LeftBottom", "RightBottom"])
def test_legend_corner(rec, make_layout, corner):
    rec.log("plot/sin", rr.SeriesLines(colors=[(0, 255, 0)], names=["a long legend name"]), static=True)
    for i in range(50):
        rec.set_time("frame", sequence=i)
        rec.log("plot/sin", rr.Scalars(0.0))
    bp = rrb.TimeSeriesView(plot_legend=rrb.PlotLegend(corner=getattr(rrb.Corner2D, corner)))
    img = make_layout(rec.store, 400, 300, blueprint=bp).render("frame", 49)
    green = color_mask(img, (0, 255, 0), tol=90)
    green[140:160] = False  # the line itself at y = 0 (the middle)
    r0, r1, c0, c1 = bbox(green)
    assert (c1 < 200) == corner.startswith("Left") and (r0 > 150) == corner.endswith("Bottom"), (corner, r0, c0)


def test_legend_hidden(rec, make_layout):
    rec.log("plot/sin", rr.SeriesLines(colors=[(0, 255, 0)], names=["name"]), static=True)
    for i in range(50):
        rec.set_time("frame", sequence=i)
        rec.log("plot/sin", rr.Scalars(0.0))
    r = make_layout(rec.store, 400, 300, blueprint=rrb.TimeSeriesView(plot_legend=rrb.PlotLegend(visible=False)))
    r.render("frame", 49)
    (view, _), = r.placed
    assert view._legend == []


def test_series_defaults_and_overrides(rec, make_layout):
    for name in ("a", "b"):
        for i in range(30):
            rec.set_time("frame", sequence=i)
            rec.log(f"plot/{name}", rr.Scalars(1.0 if name == "a" else -1.0))
    bp = rrb.TimeSeriesView(origin="/plot", axis_y=rrb.ScalarAxis(range=(-2.0, 2.0)),
                            defaults=[rr.SeriesLines.from_fields(colors=[0, 255, 0], widths=3)],
                            overrides={"/plot/b": rr.SeriesLines.from_fields(colors=[255, 0, 255])})
    r = make_layout(rec.store, 400, 300, blueprint=bp)
    img = r.render("frame", 29)
    (view, rect), = r.placed
    assert not view.notices
    green, magenta = color_mask(img, (0, 255, 0), tol=60), color_mask(img, (255, 0, 255), tol=60)
    y_a = rect[1] + view.frame.to_pixel(0, 1.0, rect)[1]
    y_b = rect[1] + view.frame.to_pixel(0, -1.0, rect)[1]
    rows_g, rows_m = np.nonzero(green[:, 100:300])[0], np.nonzero(magenta[:, 100:300])[0]
    assert len(rows_g) and abs(rows_g.mean() - y_a) <= 2  # /plot/a: the view's default color
    assert len(rows_m) and abs(rows_m.mean() - y_b) <= 2  # /plot/b: its override
    assert {s.style[1] for lines in view.series.values() for s in lines} == {3.0}  # the default width for both
