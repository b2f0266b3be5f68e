"""Text log rows up to the current time, text documents, bar charts and tensor slices."""

from __future__ import annotations

import numpy as np

import rerun_nb as rr
import rerun_nb.blueprint as rrb

from .conftest import bbox, color_mask


def _log_lines(rec, n=10):
    for i in range(n):
        rec.set_time("frame", sequence=i)
        rec.log("log", rr.TextLog(f"line {i}", level="WARN" if i % 2 else "INFO"))


def test_text_log_rows_up_to_the_current_time_only(rec, make_layout):
    _log_lines(rec)
    r = make_layout(rec.store, 300, 200)
    r.render("frame", 4)
    (view, _), = r.placed
    assert view.kind == "TextLog"
    assert [row[2] for row in view.visible_rows(100)] == [f"line {i}" for i in range(5)]
    r.render("frame", 9)
    rows = view.visible_rows(3)
    assert [row[2] for row in rows] == ["line 7", "line 8", "line 9"]  # the newest, oldest first


def test_text_log_rows_by_pixels_and_level_colors(rec, make_layout):
    from rerun_nb.views._text import LEVEL_COLORS

    _log_lines(rec)
    r = make_layout(rec.store, 300, 200)
    img_early = r.render("frame", 0)
    img_late = r.render("frame", 9)
    warn = tuple(int(LEVEL_COLORS["WARN"][i : i + 2], 16) for i in (1, 3, 5))
    assert not color_mask(img_early, warn, tol=40).any()  # only the INFO row at t=0
    assert color_mask(img_late, warn, tol=40).sum() > 20  # WARN rows, in their color
    ink = lambda img: (img[:, :, :3].astype(int).sum(axis=-1) > 300).sum()
    assert ink(img_late) > 3 * ink(img_early)


def test_text_log_level_filter(rec, make_layout):
    _log_lines(rec)
    bp = rrb.TextLogView(rows=rrb.TextLogRows(filter_by_log_level=["WARN"]))
    r = make_layout(rec.store, 300, 200, blueprint=bp)
    r.render("frame", 9)
    (view, _), = r.placed
    assert {row[3] for row in view.visible_rows(100)} == {"WARN"}


def test_text_document_renders(rec, make_layout):
    rec.log("doc", rr.TextDocument("# Title\n\nSome **bold** text", media_type=rr.MediaType.MARKDOWN), static=True)
    rec.set_time("frame", sequence=0)
    rec.log("other", rr.Scalars(1.0))
    bp = rrb.TextDocumentView(origin="/doc")
    r = make_layout(rec.store, 300, 200, blueprint=bp)
    img = r.render("frame", 0)
    bright = img[:, :, :3].astype(int).sum(axis=-1) > 400
    assert bright[20:].sum() > 50


def test_bar_chart_tallest_bar(rec, make_layout):
    rec.set_time("frame", sequence=0)
    rec.log("bars", rr.BarChart([1, 4, 2, 8, 3], color=[0, 200, 255]))
    r = make_layout(rec.store, 300, 200)
    img = r.render("frame", 0)
    (view, rect), = r.placed
    assert view.kind == "BarChart"
    bars = color_mask(img, (0, 200, 255), tol=10)
    heights = []
    for i in range(5):
        col, _ = view.frame.to_pixel(i, 0, rect)
        heights.append(bars[:, round(col)].sum())
    assert int(np.argmax(heights)) == 3 and heights[3] > 1.8 * heights[1] > 0


def test_tensor_slice(rec, make_layout):
    t = np.zeros((3, 8, 10), np.float32)  # the two largest dims (8, 10) are the slice; dim 0 at index 0
    t[0, :4, :] = 1.0
    t[1] = 1.0
    rec.set_time("frame", sequence=0)
    rec.log("tensor", rr.Tensor(t))
    r = make_layout(rec.store, 100, 80)
    img = r.render("frame", 0)
    (view, _), = r.placed
    assert view.kind == "Tensor" and view.slice.shape == (8, 10)
    from rerun_nb.views._images import COLORMAPS, VIRIDIS

    hi = COLORMAPS[VIRIDIS][255]
    assert bbox(color_mask(img, hi, tol=3)) == (0, 39, 0, 99)  # rows 0..3 of 8 -> the top half
    bp = rrb.TensorView(origin="/tensor", slice_selection=rrb.TensorSliceSelection(indices=[(0, 1)]))
    img = make_layout(rec.store, 100, 80, blueprint=bp).render("frame", 0)
    assert color_mask(img, hi, tol=3).all()  # index 1 of dim 0: all ones


def test_text_log_step_lays_out_only_the_new_line_and_draws_what_a_fresh_view_draws(rec, make_layout):
    for i in range(40):
        rec.set_time("frame", sequence=i)
        rec.log("log", rr.TextLog("same text" if i % 5 == 0 else f"line {i}", level="WARN" if i % 3 else "INFO"))
    r = make_layout(rec.store, 300, 200)
    r.render("frame", 20)
    (view, _), = r.placed
    assert view.laid_out >= 5
    stepped = r.render("frame", 21)
    assert view.laid_out == 1  # the other rows moved up a row, nothing else was laid out again
    r.render("frame", 3)  # a jump back: fewer rows, spares hidden
    back = r.render("frame", 21)
    fresh = make_layout(rec.store, 300, 200).render("frame", 21)
    np.testing.assert_array_equal(stepped, fresh)
    np.testing.assert_array_equal(back, fresh)
    (_, rect), = r.placed
    rows = (rect[3] - 24) // 16
    assert sum(t.visible for t in view._texts) == sum(len(v) for v in view._shown.values()) == min(rows, 22)
