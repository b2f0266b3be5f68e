"""Asset3D in the 3D view: STL and GLB files (made here with trimesh) drawn where their transform puts them."""

from __future__ import annotations

import numpy as np
import pytest

import rerun_nb as rr
import rerun_nb.blueprint as rrb
from rerun_nb.error_utils import RerunWarning
from rerun_nb.viewer._vis_asset import asset_file_type

trimesh = pytest.importorskip("trimesh")


def _red(img):
    return (img[..., 0] > 120) & (img[..., 1] < 60) & (img[..., 2] < 60)


def _green(img):
    return (img[..., 1] > 120) & (img[..., 0] < 60) & (img[..., 2] < 60)


def test_stl_and_glb_assets_drawn_side_by_side(rec, make_layout):
    stl = trimesh.creation.box(extents=[1, 1, 1]).export(file_type="stl")
    sphere = trimesh.creation.icosphere(radius=0.5)
    sphere.visual.vertex_colors = np.tile([0, 200, 0, 255], (len(sphere.vertices), 1))
    glb = trimesh.Scene(sphere).export(file_type="glb")
    assert asset_file_type(stl, None) == "stl" and asset_file_type(glb, None) == "glb"
    rec.set_time("f", sequence=0)
    rec.log("left", rr.Transform3D(translation=[-1.5, 0, 0]), rr.Asset3D(contents=stl, albedo_factor=[255, 0, 0]))
    rec.log("right", rr.Transform3D(translation=[1.5, 0, 0]), rr.Asset3D(contents=glb, media_type="model/gltf-binary"))
    r = make_layout(rec.store, 240, 160, blueprint=rrb.Spatial3DView(origin="/", line_grid=False))
    img = r.render("f", 0)
    red, green = _red(img), _green(img)
    assert red.sum() > 200 and green.sum() > 200
    assert np.nonzero(red)[1].mean() < np.nonzero(green)[1].mean()  # the box left of the sphere


def test_unknown_asset_media_type_is_reported_not_drawn(rec, make_layout):
    rec.set_time("f", sequence=0)
    rec.log("pts", rr.Points3D([[0, 0, 0]], colors=[[0, 255, 0]], radii=0.5))
    rec.log("bad", rr.Asset3D(contents=b"nonsense", media_type="model/x-unknown"))
    r = make_layout(rec.store, 120, 120)
    with pytest.warns(RerunWarning, match="model/x-unknown"):
        img = r.render("f", 0)  # the bad asset warns (entity path + why); the rest is drawn
    assert _green(img).sum() > 20
