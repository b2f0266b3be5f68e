"""3D extras: labels beyond 64, per-strip widths."""

from __future__ import annotations

import numpy as np

import rerun_nb as rr


def test_hundreds_of_labels_are_drawn(rec, make_layout):
    import pygfx as gfx

    n = 300
    xy = np.stack(np.meshgrid(np.arange(20), np.arange(15)), -1).reshape(-1, 2)[:n]
    pos = np.concatenate([xy, np.zeros((n, 1))], axis=1).astype(np.float32)
    rec.set_time("frame", sequence=0)
    rec.log("pts", rr.Points3D(pos, radii=0.05, colors=[[40, 40, 40]], labels=[str(i) for i in range(n)]))
    r = make_layout(rec.store, 400, 300)
    no_labels = rr.RecordingStream("n")
    no_labels.set_time("frame", sequence=0)
    no_labels.log("pts", rr.Points3D(pos, radii=0.05, colors=[[40, 40, 40]]))
    img = r.render("frame", 0)
    base = make_layout(no_labels.store, 400, 300).render("frame", 0)
    (view,) = r.views
    obj = view.builder._entities["/pts"].objects["Points3D"]
    (multi,) = [c for c in obj.children if isinstance(c, gfx.MultiText)]
    assert multi.get_text_block_count() >= n
    white = lambda a: (a[:, :, :3].astype(int).min(axis=-1) > 200).sum()
    assert white(img) > 30 * white(base) + 500  # the labels' glyphs are white


def test_strips_of_different_widths(rec, make_layout):
    rec.set_time("frame", sequence=0)
    rec.log("frame", rr.Boxes3D(half_sizes=[[2, 2, 0.01]], colors=[[30, 30, 30]]))
    rec.log("strips", rr.LineStrips3D([[[-1, -0.5, 0], [1, -0.5, 0]], [[-1, 0.5, 0], [1, 0.5, 0]]],
                                      radii=[0.02, 0.12], colors=[[255, 0, 0], [0, 0, 255]]))
    r = make_layout(rec.store, 300, 300)
    img = r.render("frame", 0)
    red = ((img[:, :, 0] > 150) & (img[:, :, 2] < 80)).sum()
    blue = ((img[:, :, 2] > 150) & (img[:, :, 0] < 80)).sum()
    assert red > 20 and blue > 3 * red  # the second strip is six times as wide


def test_grid_is_centred_under_the_scene(rec, make_layout):
    rec.set_time("frame", sequence=0)
    rec.log("p", rr.Points3D([[3, -2, 1], [5, 0, 2]], radii=0.1))
    r = make_layout(rec.store, 200, 150)
    r.render("frame", 0)
    (view,) = r.views
    m = np.asarray(view.grid.world.matrix, float)
    corners = np.array([(m @ [u, v, 0, 1])[:3] for u in (0, 1) for v in (0, 1)])
    mid = corners.mean(axis=0)
    assert np.allclose(mid[:2], [4, -1], atol=0.6)  # under the points' centre (rounded to the grid step)
    assert abs(mid[2] - 1) < 1e-6  # on the lowest point, normal to +z
