"""The frame read straight from pygfx's color texture (no output pass) is the frame the canvas path gives."""

from __future__ import annotations

import numpy as np

import rerun_nb as rr
from rerun_nb.layout import _readback


def _four_views(rec):
    rng = np.random.default_rng(0)
    for i in range(30):
        rec.set_time("step", sequence=i)
        rec.log("plot", rr.Scalars([np.sin(i / 5), np.cos(i / 5)]))
        rec.log("log", rr.TextLog(f"row {i}", level="WARN" if i % 3 else "INFO"))
        rec.log("world/points", rr.Points3D(rng.normal(size=(50, 3)), radii=0.05, colors=[255, 80, 0]))
        rec.log("camera/image", rr.Image(np.full((24, 32, 3), [20, 200, 40], np.uint8)))
    rec.store.flush()


def test_direct_read_equals_canvas_frame(rec, make_layout):
    _four_views(rec)
    r = make_layout(rec.store, width=331, height=203)  # odd width: rows padded to 256 bytes in the copy
    first = r.render("step", 10)  # the first render creates the texture: canvas path
    assert _readback.direct_read_possible(r.renderer)
    direct = r.render("step", 20)
    assert direct.shape == (203, 331, 4) and direct.dtype == np.uint8
    r.render("step", 10)
    with r.lock:  # the same state through pygfx's flush and the canvas read-back
        via_canvas = np.array(r.canvas.draw(), copy=True)
    again = r.render("step", 20)
    np.testing.assert_array_equal(r.render("step", 10), via_canvas)
    np.testing.assert_array_equal(again, direct)
    assert not np.array_equal(first, direct)  # the frames differ with the time: the read is not stale
    assert len(np.unique(direct.reshape(-1, 4), axis=0)) > 8  # a real picture, not a clear color


def test_resize_then_direct_read(rec, make_layout):
    _four_views(rec)
    r = make_layout(rec.store, width=200, height=150)
    r.render("step", 5)
    r.set_size(257, 121)
    frame = r.render("step", 5)  # new size: the texture is recreated on this render
    assert frame.shape == (121, 257, 4)
    assert r.render("step", 5).shape == (121, 257, 4)
    np.testing.assert_array_equal(r.render("step", 5), frame)


def test_no_direct_read_with_effect_passes(rec, make_layout):
    import pygfx as gfx

    _four_views(rec)
    r = make_layout(rec.store)
    r.render("step", 3)
    r.renderer.effect_passes = [gfx.renderers.wgpu.NoisePass(0.5)]
    assert not _readback.direct_read_possible(r.renderer)
    a, b = r.render("step", 3), r.render("step", 3)
    assert not np.array_equal(a, b)  # the noise pass ran (frames came through flush)


def test_sorted_unique_matches_np_unique():
    from rerun_nb.query._changes import sorted_unique

    rng = np.random.default_rng(5)
    for values in ([], [3], [1, 1, 2, 5, 5, 5, 9], rng.integers(0, 50, 200), np.sort(rng.integers(0, 50, 200))):
        np.testing.assert_array_equal(sorted_unique(values), np.unique(np.asarray(values, np.int64)))
