"""Tensor view controls: TensorSliceSelection (width/height with invert, indices, slider + wheel),
TensorScalarMapping (colormap, gamma, mag_filter) and TensorViewFit."""

from __future__ import annotations

import numpy as np

import rerun_nb as rr
import rerun_nb.blueprint as rrb

from .conftest import bbox, color_mask


def _tensor(rec):
    t = np.zeros((4, 6, 10, 3), np.float32)  # dims: 0 (4), 1 (6), 2 (10), 3 (3)
    for i in range(4):
        t[i, :, :, 0] = i  # dim 0's index is the value
    t[:, :, :5, 1] = 3.0  # left half of dims (1, 2) is high in channel 1
    rec.set_time("frame", sequence=0)
    rec.log("tensor", rr.Tensor(t))
    return t


def test_width_height_indices_and_invert(rec, make_layout):
    t = _tensor(rec)
    sel = rrb.TensorSliceSelection(width=2, height=1, indices=[rr.datatypes.TensorDimensionIndexSelection(dimension=0, index=2),
                                                              rr.datatypes.TensorDimensionIndexSelection(dimension=3, index=0)])
    r = make_layout(rec.store, 100, 60, blueprint=rrb.TensorView(origin="/tensor", slice_selection=sel))
    r.render("frame", 0)
    (view, _), = r.placed
    assert np.array_equal(view.slice, t[2, :, :, 0]) and not view.notices
    sel = rrb.TensorSliceSelection(width=rr.datatypes.TensorDimensionSelection(dimension=2, invert=True), height=1,
                                   indices=[(3, 1)])
    r = make_layout(rec.store, 100, 60, blueprint=rrb.TensorView(origin="/tensor", slice_selection=sel))
    r.render("frame", 0)
    (view, _), = r.placed
    assert np.array_equal(view.slice, t[0, :, ::-1, 1])  # flipped: the high half is on the right now


def test_slider_wheel_steps_the_index(rec, make_layout):
    t = _tensor(rec)
    sel = rrb.TensorSliceSelection(width=2, height=1, indices=[(3, 0)], slider=[0])
    r = make_layout(rec.store, 100, 60, blueprint=rrb.TensorView(origin="/tensor", slice_selection=sel))
    r.render("frame", 0)
    (view, rect), = r.placed
    assert view.slider_dims() == [0] and "dim 0: 0/3" in view.title_text()
    for _ in range(2):
        assert view.handle_event({"event_type": "wheel", "x": 50, "y": 30, "dy": 100}, rect)
    r.render("frame", 0)
    assert np.array_equal(view.slice, t[2, :, :, 0]) and "dim 0: 2/3" in view.title_text()
    view.handle_event({"event_type": "wheel", "x": 50, "y": 30, "dy": 100}, rect)
    assert not view.handle_event({"event_type": "wheel", "x": 50, "y": 30, "dy": 100}, rect)  # at the end
    # by default every dimension not shown has a slider
    r2 = make_layout(rec.store, 100, 60, blueprint=rrb.TensorView(origin="/tensor"))
    r2.render("frame", 0)
    (v2, _), = r2.placed
    assert v2.slider_dims() == [0, 3]


def test_colormap_and_gamma(rec, make_layout):
    t = np.linspace(0, 1, 100, dtype=np.float32).reshape(10, 10)
    rec.set_time("frame", sequence=0)
    rec.log("tensor", rr.Tensor(t))
    from rerun_nb.views._images import COLORMAPS

    gray = rrb.TensorScalarMapping(colormap="grayscale")
    img = make_layout(rec.store, 100, 100, blueprint=rrb.TensorView(origin="/tensor", scalar_mapping=gray)).render("frame", 0)
    assert np.all(img[:, :, 0] == img[:, :, 1])  # grayscale
    mid = int(img[55, 55, 0])  # element (5, 5) = 55/99
    gamma = rrb.TensorScalarMapping(colormap="grayscale", gamma=2.0)
    img2 = make_layout(rec.store, 100, 100, blueprint=rrb.TensorView(origin="/tensor", scalar_mapping=gamma)).render("frame", 0)
    expect = COLORMAPS[1][int((55 / 99) ** 2 * 255)][0]
    assert abs(int(img2[55, 55, 0]) - int(expect)) <= 3 and int(img2[55, 55, 0]) < mid - 30


def test_mag_filter_linear_blurs_nearest_does_not(rec, make_layout):
    t = np.zeros((4, 4), np.float32)
    t[:, 2:] = 1.0
    rec.set_time("frame", sequence=0)
    rec.log("tensor", rr.Tensor(t))
    def distinct(mag):
        bp = rrb.TensorView(origin="/tensor", scalar_mapping=rrb.TensorScalarMapping(colormap="grayscale", mag_filter=mag))
        img = make_layout(rec.store, 80, 80, blueprint=bp).render("frame", 0)
        return len(np.unique(img[40, :, 0]))
    assert distinct("Nearest") == 2
    assert distinct("Linear") > 5


def test_view_fit(rec, make_layout):
    t = np.ones((10, 20), np.float32)
    rec.set_time("frame", sequence=0)
    rec.log("tensor", rr.Tensor(t, value_range=(0, 1)))
    from rerun_nb.views._images import COLORMAPS, VIRIDIS

    hi = COLORMAPS[VIRIDIS][255]

    def box(scaling):
        bp = rrb.TensorView(origin="/tensor", view_fit=rrb.TensorViewFit(scaling=scaling))
        return bbox(color_mask(make_layout(rec.store, 100, 100, blueprint=bp).render("frame", 0), hi, tol=3))

    assert box("FillKeepAspectRatio") == (25, 74, 0, 99)  # 2:1, letterboxed
    assert box("Fill") == (0, 99, 0, 99)
    assert box("Original") == (45, 54, 40, 59)  # 20 x 10 screen pixels, centred
