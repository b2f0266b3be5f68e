"""A pinhole puts its 2D space into the 3D view: the image on its image plane, 2D primitives projected,
and the 3D view looking through the camera (``EyeControls3D(tracking_entity=...)``)."""

from __future__ import annotations

import numpy as np

import rerun_nb as rr
import rerun_nb.blueprint as rrb

from .conftest import bbox, color_mask

W, H = 160, 120


def _camera_recording(translation=(0, 0, 0), distance=2.0):
    rec = rr.RecordingStream("rerun_example_pinhole3d")
    rec.set_time("frame", sequence=0)
    rec.log("world/box", rr.Boxes3D(half_sizes=[[1, 1, 1]], centers=[[0, 0, 9]], colors=[[0, 0, 255]]))
    rec.log("world/camera", rr.Transform3D(translation=translation))
    rec.log("world/camera", rr.Pinhole(focal_length=100, width=W, height=H, image_plane_distance=distance))
    image = np.zeros((H, W, 3), np.uint8)
    image[:, :] = (255, 0, 0)
    rec.log("world/camera", rr.Image(image))
    rec.log("world/camera/marks", rr.Points2D([[W / 2, H / 2], [W - 10, 10]], radii=3, colors=[[0, 255, 0]]))
    return rec


def test_image_and_points_are_on_the_image_plane(make_layout):
    rec = _camera_recording(translation=(1, 2, 3))
    r = make_layout(rec.store, 300, 200, blueprint=rrb.Blueprint(rrb.Spatial3DView(origin="/world")))
    img = r.render("frame", 0)
    (view,) = r.views
    marks = view.builder._entities["/world/camera/marks"].objects["Points2D"]
    pos = marks.geometry.positions.data
    world = (marks.world.matrix @ np.c_[pos, np.ones(len(pos))].T).T[:, :3]
    # the principal point is straight ahead at the image plane distance (RDF: +z), the other mark up-right
    assert np.allclose(world[0], [1, 2, 3 + 2 - 30 * 2e-4], atol=1e-3)
    assert np.allclose(world[1], [1 + (W - 10 - W / 2) / 100 * 2, 2 + (10 - H / 2) / 100 * 2, 5 - 30 * 2e-4], atol=1e-3)
    red = color_mask(img, (255, 0, 0), tol=60)
    assert red.sum() > 200  # the image is drawn in 3D
    # (the marks face the camera: from the default eye above, the image's back hides them)


def test_image_drawn_only_under_a_pinhole(make_layout):
    rec = rr.RecordingStream("rerun_example_no_pinhole")
    rec.set_time("frame", sequence=0)
    rec.log("world/box", rr.Boxes3D(half_sizes=[[1, 1, 1]], colors=[[0, 0, 255]]))
    rec.log("world/image", rr.Image(np.full((H, W, 3), (255, 0, 0), np.uint8)))
    img = make_layout(rec.store, 300, 200, blueprint=rrb.Blueprint(rrb.Spatial3DView(origin="/world"))).render("frame", 0)
    assert color_mask(img, (255, 0, 0), tol=60).sum() == 0


def test_look_through_the_camera(make_layout):
    rec = _camera_recording(translation=(1, 2, 3))
    bp = rrb.Blueprint(rrb.Spatial3DView(origin="/world",
                                         eye_controls=rrb.EyeControls3D(tracking_entity="world/camera")))
    r = make_layout(rec.store, W, H, blueprint=bp)
    img = r.render("frame", 0)
    red = color_mask(img, (255, 0, 0), tol=60)
    green = color_mask(img, (0, 255, 0), tol=80)
    assert red.sum() + green.sum() > 0.97 * W * H  # the image fills the view exactly
    # the marks land on their pixels: (80, 60) and (150, 10), as in the 2D view
    r0, r1, c0, c1 = bbox(green[:, : W - 30])
    assert abs((r0 + r1) / 2 - H / 2) <= 1.5 and abs((c0 + c1) / 2 - W / 2) <= 1.5
    r0, r1, c0, c1 = bbox(green[:30, W - 30:])
    assert abs((r0 + r1) / 2 - 10) <= 1.5 and abs((c0 + c1) / 2 + W - 30 - (W - 10)) <= 1.5
    (view,) = r.views
    assert not view.notices
    view.handle_event({"event_type": "pointer_down", "x": 5, "y": 5, "buttons": (1,)}, (0, 0, W, H))
    assert view.tracking_entity is None  # the user's drag ends the tracking


def test_look_through_sees_3d_behind_the_plane(make_layout):
    rec = _camera_recording(distance=0.5)
    rec.log("world/camera", rr.Image(np.zeros((H, W, 4), np.uint8)))  # a transparent image
    bp = rrb.Blueprint(rrb.Spatial3DView(origin="/world", eye_controls=rrb.EyeControls3D(tracking_entity="/world/camera")))
    img = make_layout(rec.store, W, H, blueprint=bp).render("frame", 0)
    blue = color_mask(img, (0, 0, 255), tol=100)
    assert blue.sum() > 50  # the box 9 m in front of the camera, through the transparent image
    assert bbox(blue)[2] < W / 2 < bbox(blue)[3]


def test_eye_controls_position_and_first_person(make_layout):
    rec = rr.RecordingStream("rerun_example_eye")
    rec.set_time("frame", sequence=0)
    rec.log("p", rr.Points3D([[0, 0, 0], [10, 0, 0]], radii=0.5, colors=[[255, 0, 0], [0, 255, 0]]))
    eye = rrb.EyeControls3D(kind=rrb.Eye3DKind.FirstPerson, position=[10, -20, 0], look_target=[10, 0, 0],
                            eye_up=[0, 0, 1], speed=3.0)
    r = make_layout(rec.store, 200, 200, blueprint=rrb.Blueprint(rrb.Spatial3DView(origin="/", eye_controls=eye)))
    img = r.render("frame", 0)
    (view,) = r.views
    green = bbox(color_mask(img, (0, 255, 0), tol=80))
    assert green is not None  # the eye looks at (10, 0, 0): the green point in the middle
    assert abs((green[0] + green[1]) / 2 - 100) <= 3 and abs((green[2] + green[3]) / 2 - 100) <= 3
    assert view.first_person and np.allclose(view.camera.local.position, [10, -20, 0])
    import pygfx as gfx

    assert isinstance(view.controller, gfx.FlyController) and view.controller.speed == 3.0
    assert not view.notices  # kind, position, look_target, eye_up and speed are all applied
