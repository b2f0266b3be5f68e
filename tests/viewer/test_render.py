"""Offscreen renders of small scenes, checked by pixels (positions by projection, colors by tolerance)."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

import rerun_nb as rr
from rerun_nb.error_utils import RerunWarning, _reset_warned

from .conftest import centroid, mask, project

RED, GREEN, BG = (255, 0, 0), (0, 255, 0), (22, 25, 29)
NS = 1_000_000_000


def _red_point(rec, path="pt", pos=(0, 0, 0), radius=0.3):
    rec.log(path, rr.Points3D([pos], colors=[RED], radii=radius))


def _bbox_anchor(rec):
    """Two tiny static points that fix the scene's extent (so camera fitting is predictable)."""
    rec.log("anchor", rr.Points3D([[-6, -6, -6], [6, 6, 6]], colors=[[10, 10, 10]], radii=0.01), static=True)


def test_red_point_lands_red_at_its_projected_pixel(rec, make_renderer):
    _bbox_anchor(rec)
    _red_point(rec, pos=(1, 2, 0.5))
    r = make_renderer(rec.store)
    img = r.render("log_time", None)
    col, row = project(r, (1, 2, 0.5))
    assert mask(img[row - 1 : row + 2, col - 1 : col + 2], RED, tol=30).all()
    assert mask(img, RED, tol=30).sum() < 0.05 * img.shape[0] * img.shape[1]  # only the point is red
    assert mask(img[:5, :5], BG, tol=3).all()  # background elsewhere


def test_parent_transform_moves_child(rec, make_renderer):
    _bbox_anchor(rec)
    rec.set_time("frame", sequence=0)
    _red_point(rec, path="parent/child")
    rec.set_time("frame", sequence=1)
    rec.log("parent", rr.Transform3D(translation=[4, 0, 0]))
    rec.set_time("frame", sequence=2)
    rec.log("parent", rr.Transform3D(translation=[0, 0, 0], rotation=rr.RotationAxisAngle(axis=[0, 0, 1], degrees=90),
                                     scale=2))
    rec.log("parent/child", rr.Transform3D(translation=[2, 0, 0]))
    r = make_renderer(rec.store)
    for frame, expected in [(0, (0, 0, 0)), (1, (4, 0, 0)), (2, (0, 4, 0))]:
        img = r.render("frame", frame)
        col, row = project(r, expected)
        red = mask(img, RED)
        assert red.any(), frame
        cx, cy = centroid(red)
        assert abs(cx - col) <= 2 and abs(cy - row) <= 2, (frame, (cx, cy), (col, row))


def test_hidden_entity_vanishes_and_comes_back(rec, make_renderer):
    _bbox_anchor(rec)
    _red_point(rec, path="world/pt")
    r = make_renderer(rec.store)
    assert mask(r.render("log_time", None), RED).any()
    r.set_visible("/world", False)  # hiding a parent hides its subtree
    assert not mask(r.render("log_time", None), RED).any()
    r.set_visible("/world", True)
    assert mask(r.render("log_time", None), RED).any()


def test_clear_removes_and_recursive_clear_removes_children(rec, make_renderer):
    _bbox_anchor(rec)
    rec.set_time("frame", sequence=0)
    _red_point(rec, path="a")
    rec.log("b/child", rr.Points3D([[3, 0, 0]], colors=[GREEN], radii=0.3))
    rec.set_time("frame", sequence=1)
    rec.log("a", rr.Clear(recursive=False))
    rec.set_time("frame", sequence=2)
    rec.log("b", rr.Clear(recursive=True))
    r = make_renderer(rec.store)
    img0, img1, img2 = (r.render("frame", f) for f in (0, 1, 2))
    assert mask(img0, RED).any() and mask(img0, GREEN).any()
    assert not mask(img1, RED).any() and mask(img1, GREEN).any()
    assert not mask(img2, GREEN).any()
    img0_again = r.render("frame", 0)  # scrubbing back brings them back
    assert mask(img0_again, RED).any() and mask(img0_again, GREEN).any()


def test_static_data_shows_at_every_time_and_partial_updates_keep_positions(rec, make_renderer):
    _bbox_anchor(rec)
    rec.log("static_pt", rr.Points3D([[-3, 0, 0]], colors=[GREEN], radii=0.3), static=True)
    rec.set_time("frame", sequence=0)
    _red_point(rec, pos=(3, 0, 0))
    rec.set_time("frame", sequence=5)
    rec.log("pt", rr.Points3D.from_fields(colors=[[0, 0, 255]]))  # partial update: colors only
    r = make_renderer(rec.store)
    img = r.render("frame", 0)
    col, row = project(r, (3, 0, 0))
    assert mask(img, GREEN).any() and mask(img[row - 1 : row + 2, col - 1 : col + 2], RED).all()
    img = r.render("frame", 7)
    assert mask(img, GREEN).any() and not mask(img, RED).any()
    assert mask(img[row - 1 : row + 2, col - 1 : col + 2], (0, 0, 255)).all()


def test_dna_differs_between_0s_and_2s_and_updates_in_place(rec, make_renderer):
    from examples.dna import log_dna

    log_dna(rec, steps=250)
    r = make_renderer(rec.store, 320, 240)
    img0 = r.render("stable_time", 0)
    beads = r.builder._entities["/dna/structure/scaffolding/beads"].objects["Points3D"]
    img2 = r.render("stable_time", 2 * NS)
    changed = np.abs(img0.astype(int) - img2.astype(int)).max(axis=-1) > 30
    # At 2 s the helix has turned 180 deg (its two strands swap places, so they look alike): the beads moved.
    assert changed.mean() > 0.003, changed.mean()
    assert r.builder._entities["/dna/structure/scaffolding/beads"].objects["Points3D"] is beads  # retained
    # Only the entities with data between 0 s and 2 s were queried again.
    assert r.last_rebuilt == {"/dna/structure", "/dna/structure/scaffolding/beads"}
    assert r.render("stable_time", 2 * NS + 1).shape == img2.shape and r.last_rebuilt == set()
    img1 = r.render("stable_time", 1 * NS)  # a quarter turn: the whole structure moved
    assert (np.abs(img0.astype(int) - img1.astype(int)).max(axis=-1) > 30).mean() > 0.02


@pytest.mark.parametrize("archetype", [
    rr.Boxes3D(half_sizes=[[1, 1, 1]], colors=[RED]),
    rr.Boxes3D(half_sizes=[[1, 1, 1]], colors=[RED], fill_mode="solid"),
    rr.Ellipsoids3D(half_sizes=[[1, 2, 1]], colors=[RED]),
    rr.Ellipsoids3D(half_sizes=[[1, 2, 1]], colors=[RED], fill_mode="solid"),
    rr.Capsules3D(lengths=[2], radii=[0.5], colors=[RED]),
    rr.Cylinders3D(lengths=[2], radii=[1], colors=[RED]),
    rr.Arrows3D(vectors=[[2, 0, 0]], colors=[RED]),
    rr.LineStrips3D([[[0, 0, 0], [2, 0, 0], [2, 2, 0]]], colors=[RED], radii=0.1),
    rr.Mesh3D(vertex_positions=[[0, 0, 0], [2, 0, 0], [0, 2, 0]], vertex_colors=[RED] * 3),
    rr.Mesh3D(vertex_positions=[[0, 0, 0], [2, 0, 0], [0, 2, 0], [2, 2, 0]], triangle_indices=[[0, 1, 2], [1, 3, 2]],
              vertex_normals=[[0, 0, 1]] * 4, vertex_colors=[RED] * 4),
    rr.Points3D([[0, 0, 0], [1, 1, 1]], colors=[RED], labels=["a", "b"]),
], ids=lambda a: type(a).__name__)
def test_each_archetype_draws_its_color(rec, make_renderer, archetype):
    rec.log("shape", archetype)
    img = make_renderer(rec.store).render("log_time", None)
    red_ish = (img[:, :, 0].astype(int) > 80) & (img[:, :, 1] < 60) & (img[:, :, 2] < 60)
    assert red_ish.sum() >= 10


def test_pinhole_frustum_and_view_coordinates_draw(rec, make_renderer):
    rec.log("/", rr.ViewCoordinates.RIGHT_HAND_Y_UP, static=True)
    rec.log("cam", rr.Pinhole(focal_length=100, width=200, height=150, color=[255, 0, 0]))
    r = make_renderer(rec.store)
    img = r.render("log_time", None)
    assert mask(img, RED, tol=60).sum() >= 20
    np.testing.assert_allclose(r.builder.view_up, [0, 1, 0])


def test_instance_poses_repeat_the_entity(rec, make_renderer):
    _bbox_anchor(rec)
    _red_point(rec)
    rec.log("pt", rr.InstancePoses3D(translations=[[-3, 0, 0], [3, 0, 0]]))
    r = make_renderer(rec.store)
    img = r.render("log_time", None)
    for x in (-3, 3):
        col, row = project(r, (x, 0, 0))
        assert mask(img[row - 1 : row + 2, col - 1 : col + 2], RED).all()
    col, row = project(r, (0, 0, 0))
    assert not mask(img[row - 1 : row + 2, col - 1 : col + 2], RED).any()


def test_negative_radii_are_screen_space(rec, make_renderer):
    _bbox_anchor(rec)
    rec.log("near", rr.Points3D([[0, 0, 0]], colors=[RED], radii=-5.0))
    img = make_renderer(rec.store).render("log_time", None)
    rows = np.nonzero(mask(img, RED).any(axis=1))[0]
    assert 8 <= len(rows) <= 12  # ~10 px diameter whatever the distance


def test_bad_data_warns_once_and_the_rest_still_draws(rec, make_renderer):
    _bbox_anchor(rec)
    _red_point(rec)
    rec.log("bad", rr.Mesh3D(vertex_positions=[[0, 0, 0], [1, 0, 0], [0, 1, 0]], triangle_indices=[[0, 1, 7]]))
    _reset_warned()
    r = make_renderer(rec.store)
    with pytest.warns(RerunWarning, match="Mesh3D at '/bad'.*out of range"):
        img = r.render("log_time", None)
    assert mask(img, RED).any()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        r.reset_camera()
        r.render("log_time", None)


def test_huge_clouds_draw_as_pixel_dots(rec, make_renderer, monkeypatch):
    from rerun_nb.viewer import _objects

    _bbox_anchor(rec)
    rng = np.random.default_rng(0)
    rec.log("cloud", rr.Points3D(rng.uniform(-3, 3, size=(5000, 3)), colors=[RED], radii=0.2))
    r = make_renderer(rec.store)
    monkeypatch.setitem(_objects.PIXEL_POINTS_THRESHOLD, "value", 1000)  # after the renderer set it
    img = r.render("log_time", None)
    obj = r.builder._entities["/cloud"].objects["Points3D"]
    assert isinstance(obj.material, _objects.PixelPointsMaterial)
    red = mask(img, RED).sum()
    assert 1000 < red < 5000  # about one pixel per point (some overlap), not 0.2-radius discs


def _pointer(kind, x, y):
    return {"event_type": kind, "x": x, "y": y, "button": 1, "buttons": () if kind == "pointer_up" else (1,),
            "modifiers": (), "ntouches": 0, "touches": {}}


def test_mouse_orbits_and_double_click_resets_the_camera(rec, make_renderer):
    _bbox_anchor(rec)
    _red_point(rec, pos=(2, 0, 0))
    r = make_renderer(rec.store)
    img0 = r.render("log_time", None)
    for kind, x in (("pointer_down", 60), ("pointer_move", 100), ("pointer_move", 140), ("pointer_up", 140)):
        assert r.handle_event(_pointer(kind, x, 70))
    img1 = r.render("log_time", None)
    assert centroid(mask(img1, RED)) != pytest.approx(centroid(mask(img0, RED)), abs=3)
    assert not r.handle_event({"event_type": "show"})  # jupyter_rfb-only events are ignored
    assert r.handle_event({"event_type": "double_click", "x": 50, "y": 50, "button": 1, "buttons": (),
                           "modifiers": ()})
    img2 = r.render("log_time", None)
    assert np.array_equal(img2, img0)
