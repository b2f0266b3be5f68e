"""Hover: pointing at an image pixel or a plot sample shows the entity, where, and the value."""

from __future__ import annotations

import numpy as np

import rerun_nb as rr


def _move(r, x, y):
    return r.handle_event({"event_type": "pointer_move", "x": x, "y": y, "button": 0, "buttons": (), "modifiers": ()})


def test_hover_over_an_image_pixel_shows_its_value(rec, make_layout):
    img = np.zeros((10, 20, 3), np.uint8)
    img[3, 7] = (1, 2, 3)
    rec.set_time("frame", sequence=0)
    rec.log("cam/image", rr.Image(img))
    r = make_layout(rec.store, 200, 100)  # 10x zoom: pixel (7, 3) covers x 70..80, y 30..40
    r.render("frame", 0)
    assert _move(r, 75, 35)
    (view,) = r.views
    assert view.hover_text == "/cam/image [7, 3] = [1 2 3]"
    before = r.render("frame", 0)
    assert (before[20:40, 80:200, :3].astype(int).sum(axis=-1) > 600).sum() > 20  # the text is drawn
    r.handle_event({"event_type": "pointer_leave", "x": 0, "y": 0, "buttons": (), "modifiers": ()})
    assert view.hover_text is None


def test_hover_over_depth_and_segmentation(rec, make_layout):
    rec.log("/", rr.AnnotationContext([(5, "car", (255, 0, 0))]), static=True)
    seg = np.zeros((10, 10), np.uint8)
    seg[2, 4] = 5
    depth = np.full((10, 10), 1.5, np.float32)
    rec.set_time("frame", sequence=0)
    rec.log("seg", rr.SegmentationImage(seg))
    rec.log("depth", rr.DepthImage(depth))
    import rerun_nb.blueprint as rrb

    r = make_layout(rec.store, 200, 100, blueprint=rrb.Horizontal(rrb.Spatial2DView(origin="/seg"),
                                                                  rrb.Spatial2DView(origin="/depth")))
    r.render("frame", 0)
    seg_view, depth_view = r.views
    (_, seg_rect), (_, depth_rect) = r.placed
    scale = seg_rect[2] / 10
    _move(r, seg_rect[0] + 4.5 * scale, seg_rect[1] + (seg_rect[3] - 10 * scale) / 2 + 2.5 * scale)
    assert seg_view.hover_text == "/seg [4, 2] = 5 (car)"
    _move(r, depth_rect[0] + depth_rect[2] / 2, depth_rect[1] + depth_rect[3] / 2)
    assert depth_view.hover_text.endswith("= 1.5")


def test_hover_over_a_plot_shows_the_nearest_samples(rec, make_layout):
    rec.log("m", rr.SeriesLines(names=["loss"]), static=True)
    for i in range(11):
        rec.set_time("frame", sequence=i)
        rec.log("m", rr.Scalars(10.0 * i))
    r = make_layout(rec.store, 300, 200)
    r.render("frame", 10)
    (view, rect), = r.placed
    col, row = view.frame.to_pixel(4.2, 0, rect)
    assert _move(r, rect[0] + col, rect[1] + row)
    assert view.hover_text == "loss: 40 @ 4"
