"""Newer 0.41 archetypes in the 2D and 3D views, by pixels: Ellipses2D outlines, TransformAxes3D gizmos,
GaussianSplats3D splats, EncodedDepthImage (PNG) like a DepthImage."""

from __future__ import annotations

import io

import numpy as np

import rerun_nb as rr
import rerun_nb.blueprint as rrb
from rerun_nb.layout import heuristic_layout

from .conftest import bbox, color_mask

RED, GREEN, BLUE = (255, 0, 0), (0, 255, 0), (0, 0, 255)


def test_ellipse_outline_where_its_center_and_half_sizes_put_it(rec, make_layout):
    rec.set_time("f", sequence=0)
    rec.log("img", rr.Image(np.zeros((100, 200, 3), np.uint8)))  # 1 px per unit in a 200x100 view
    rec.log("img/e", rr.Ellipses2D(centers=[[100, 50]], half_sizes=[[60, 30]], colors=[RED],
                                   line_radii=rr.Radius.ui_points(1.0)))
    r = make_layout(rec.store, 200, 100)
    img = r.render("f", 0)
    red = color_mask(img, RED, tol=60)
    r0, r1, c0, c1 = bbox(red)
    assert abs(c0 - 40) <= 2 and abs(c1 - 160) <= 2 and abs(r0 - 20) <= 2 and abs(r1 - 80) <= 2
    assert not red[45:56, 90:111].any()  # an outline: the middle is not filled
    assert red[48:53, 38:43].any() and red[18:23, 98:103].any()  # on the ellipse at its left and top


def test_transform_axes_drawn_at_the_transform(rec, make_layout):
    rec.set_time("f", sequence=0)
    rec.log("world", rr.Boxes3D(half_sizes=[[2, 2, 2]], colors=[(40, 40, 40)]))
    rec.log("world/frame", rr.Transform3D(translation=[1, 0, 0]), rr.TransformAxes3D(1.0))
    r = make_layout(rec.store, 200, 200, blueprint=rrb.Spatial3DView(origin="/"))
    img = r.render("f", 0)
    masks = [np.all((img[..., :3].astype(int) - np.array(c) * 0.8) > -25, axis=-1) & (img[..., i] > 180)
             & (np.delete(img[..., :3], i, axis=-1).max(axis=-1) < 140) for i, c in enumerate([RED, GREEN, BLUE])]
    for i, m in enumerate(masks[:2]):
        assert m.sum() > 10, i
    # all three axes start at one pixel: the projected translation (1, 0, 0)
    view = r.views[0]
    cam = view.camera
    cam.set_view_size(200, 200)
    ndc = cam.camera_matrix @ np.array([1.0, 0, 0, 1])
    col, row = (ndc[0] / ndc[3] + 1) * 100, (1 - ndc[1] / ndc[3]) * 100
    for m in masks[:2]:
        rows, cols = np.nonzero(m)
        assert np.min(np.hypot(cols - col, rows - row)) < 4


def test_gaussian_splats_drawn_as_colored_splats(rec, make_layout):
    rec.set_time("f", sequence=0)
    rec.log("splats", rr.GaussianSplats3D(centers=[[0, 0, 0], [4, 0, 0]], scales=[[0.5, 0.5, 0.5]],
                                          colors=[[255, 0, 0, 255], [0, 255, 0, 255]]))
    r = make_layout(rec.store, 200, 150)
    img = r.render("f", 0)
    assert [v.kind for v in r.views] == ["3D"]
    assert color_mask(img, RED, tol=60).sum() > 20 and color_mask(img, GREEN, tol=60).sum() > 20


def test_encoded_depth_png_drawn_like_a_depth_image(rec, make_layout):
    from PIL import Image

    depth = np.zeros((10, 20), np.uint16)
    depth[:, 10:] = 1000
    buf = io.BytesIO()
    Image.fromarray(depth).save(buf, format="PNG")
    rec.set_time("f", sequence=0)
    rec.log("d", rr.EncodedDepthImage(buf.getvalue(), media_type="image/png"))
    rec.log("ref", rr.DepthImage(depth))
    r = make_layout(rec.store, 200, 100, blueprint=rrb.Horizontal(rrb.Spatial2DView(origin="/d"),
                                                                    rrb.Spatial2DView(origin="/ref")))
    img = r.render("f", 0)
    (v1, rect1), (v2, rect2) = r.placed
    px1 = img[rect1[1] + rect1[3] // 2, rect1[0] + rect1[2] * 3 // 4, :3]
    px2 = img[rect2[1] + rect2[3] // 2, rect2[0] + rect2[2] * 3 // 4, :3]
    assert px1.tolist() == px2.tolist() and px1.max() > 60  # the same colormap color as the DepthImage's


def test_heuristics_place_new_spatial_archetypes():
    tree = heuristic_layout({"/e": {"Ellipses2D"}, "/s": {"GaussianSplats3D"}, "/d": {"EncodedDepthImage"}})
    kinds = sorted((v.kind, v.origin) for v in tree.children)
    assert kinds == [("2D", "/"), ("2D", "/d"), ("3D", "/")]
