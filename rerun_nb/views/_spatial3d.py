"""The 3D view: a retained scene of the origin's space, an orbit camera fitted to the data, a grid.

``eye_controls=rrb.EyeControls3D(...)`` as far as pygfx's controllers go: ``kind`` Orbital (OrbitController)
or FirstPerson (FlyController, with ``speed``), the starting eye from ``position`` / ``look_target`` /
``eye_up``, and ``tracking_entity``: a pinhole camera is looked through (its pose and field of view),
any other entity is followed. The user's first drag or wheel ends the tracking, as in Rerun.
A pinhole's 2D space is drawn on its image plane (the scene builder projects it).
"""

from __future__ import annotations

import numpy as np
import pygfx as gfx

from ..viewer import _objects
from ..viewer._scene import SceneBuilder
from . import _vis2d  # noqa: F401  (the 2D visualizers draw a pinhole's 2D space on its image plane)
from ._annotations import AnnotationsMixin
from ._base import BACKGROUND_RGB, View
from ._overrides import view_settings
from ._props import background_color, line_grid_visible, prop_value

__all__ = ["BEFORE_RENDER", "Spatial3DView"]


class _BeforeRender:
    type = "before_render"


BEFORE_RENDER = _BeforeRender()


def _is_first_person(kind) -> bool:
    name = str(getattr(kind, "name", kind)).lower().replace("_", "")
    return name in ("firstperson", "1")


def _vec3(value) -> np.ndarray | None:
    if value is None:
        return None
    arr = np.asarray(value, float).reshape(-1)
    return arr[:3] if arr.size >= 3 else None


class Spatial3DView(AnnotationsMixin, View):
    """Rerun's ``Spatial3DView``: Points3D, lines, boxes, meshes, ... in the origin's space."""

    kind = "3D"
    applied_properties = frozenset({"background", "line_grid", "defaults", "overrides", "time_ranges",
                                    "eye_controls"})

    def __init__(self, store, **kwargs):
        super().__init__(store, **kwargs)
        self.builder = SceneBuilder(store, origin=self.origin, include=self.includes, view_kind=self.kind)
        self.builder.settings = view_settings(self)
        self.builder.visualizer_context = self  # annotations for the 2D visualizers under pinholes
        self._query: tuple[str | None, int | None] = (None, None)
        self._annotations: dict[str, dict] = {}
        self.scene = gfx.Scene()
        self.scene.add(gfx.Background.from_color(background_color(self.properties.get("background"), BACKGROUND_RGB)))
        self.scene.add(gfx.AmbientLight(intensity=0.6))
        self.scene.add(self.builder.root)
        self.camera = gfx.PerspectiveCamera(45, 4 / 3)
        self.camera.add(gfx.DirectionalLight(intensity=2.2))
        self.scene.add(self.camera)
        self.grid: gfx.Grid | None = None
        self._grid_wanted = line_grid_visible(self.properties.get("line_grid"), True)
        self.viewport = None
        self.controller = None
        self._camera_fitted = False
        self.last_rebuilt: set[str] = set()
        eye = self.properties.get("eye_controls")
        self.first_person = _is_first_person(prop_value(eye, "kind", "Orbital"))
        self._eye_speed = prop_value(eye, "speed")
        self._eye_position = _vec3(prop_value(eye, "position"))
        self._eye_target = _vec3(prop_value(eye, "look_target"))
        self._eye_up = _vec3(prop_value(eye, "eye_up"))
        tracking = prop_value(eye, "tracking_entity")
        self.tracking_entity = None if tracking is None else "/" + str(tracking).strip("/")
        self._tracked_at: np.ndarray | None = None
        if prop_value(eye, "spin_speed") is not None:
            self.add_notice("not applied yet: eye_controls.spin_speed")
        if self._eye_speed is not None and not self.first_person:
            self.add_notice("not applied yet: eye_controls.speed (orbital)")

    def attach(self, renderer) -> None:
        """Connect the orbit controller to the renderer's events, limited to this view's rectangle."""
        self.viewport = gfx.Viewport(renderer, (0, 0, 1, 1))
        # No damping: a remote frame is only drawn on request, so the camera must land at once.
        if self.first_person:
            kwargs = {} if self._eye_speed is None else {"speed": float(self._eye_speed)}
            self.controller = gfx.FlyController(self.camera, register_events=self.viewport, damping=0, **kwargs)
        else:
            self.controller = gfx.OrbitController(self.camera, register_events=self.viewport, damping=0)

    # ---- View interface ---------------------------------------------------------------------------
    def update(self, timeline, at) -> None:
        if timeline is not None:
            self._query = (timeline, at)
            self._annotations.clear()
            self.last_rebuilt = self.builder.update(timeline, at)
        if not self._camera_fitted:
            self._fit_camera()
        if self.tracking_entity is not None:
            self._track()

    def _track(self) -> None:
        """Look through the tracked pinhole camera, or keep the tracked entity where the eye looks."""
        cam = self.builder.pinhole_camera(self.tracking_entity)
        if cam is not None:
            matrix, width, height, distance = cam
            # pygfx's fov spans the mean of the view's width and height (at the camera's aspect)
            self.camera.fov = min(max(float(np.degrees(2 * np.arctan((width + height) / 4))), 1.0), 179.0)
            self.camera.zoom = 1.0
            self.camera.width, self.camera.height = width, height
            self.camera.local.matrix = matrix
            near = max(min(distance * 0.05, self.camera.near), 1e-6)
            self.camera.depth_range = (near, max(self.camera.far, distance * 1000))
            return
        world = self.builder.world_matrix(self.tracking_entity)
        if world is None:
            return
        target = world[:3, 3].copy()
        if self._tracked_at is not None:  # the entity moved: move the eye with it
            self.camera.local.position = np.asarray(self.camera.local.position) + (target - self._tracked_at)
        self.camera.show_pos(target, up=self.camera.world.reference_up)
        self._tracked_at = target

    def stop_tracking(self) -> None:
        """The user moved the eye: stop following ``tracking_entity`` (as Rerun does)."""
        if self.tracking_entity is not None:
            self.tracking_entity = None
            self.camera.depth_range = None

    def draw(self, renderer, rect) -> None:
        if self.viewport is not None:
            self.viewport.rect = rect
            self.controller.handle_event(BEFORE_RENDER, self.viewport)
        self.camera.set_view_size(rect[2], rect[3])  # the aspect the render will use: cull for that
        self._cull_huge_clouds(rect)
        renderer.render(self.scene, self.camera, rect=rect, flush=False)
        self.draw_overlay(renderer, rect)

    def handle_event(self, event, rect) -> bool:
        kind = event.get("event_type", event.get("type"))
        if kind == "double_click":
            self.reset_camera()
            return True
        if kind in ("pointer_down", "wheel"):
            self.stop_tracking()
        return kind in ("pointer_down", "pointer_move", "pointer_up", "wheel", "key_down", "key_up")

    def data_times(self, timeline):
        return self.builder.data_times(timeline).copy()

    def min_time_gap(self, timeline):
        return self.builder.min_time_gap(timeline)

    def set_visible(self, entity_path, visible) -> None:
        super().set_visible(entity_path, visible)
        self.builder.set_visible(entity_path, visible)

    def close(self) -> None:
        self.builder.close()

    # ---- camera ----------------------------------------------------------------------------------
    def reset_camera(self) -> None:
        """Fit the camera to the scene again at the next update (double-click does this)."""
        self._camera_fitted = False

    def _fit_camera(self) -> None:
        bounds = self.builder.world_bounds()
        if bounds is None:
            return
        center = bounds.mean(axis=0)
        radius = max(float(np.linalg.norm(bounds[1] - bounds[0])) / 2, 1e-3)
        up = self.builder.view_up / np.linalg.norm(self.builder.view_up)
        side = np.cross(up, [1.0, 0.0, 0.0] if abs(up[0]) < 0.9 else [0.0, 1.0, 0.0])
        side /= np.linalg.norm(side)
        front = np.cross(up, side)
        view_dir = -0.55 * up + 0.6 * side - 0.6 * front  # from above, at an angle: Rerun's default eye
        self.camera.show_object((*center, radius), view_dir=view_dir, up=up, scale=1.2)
        if self._eye_position is not None or self._eye_target is not None:  # the blueprint's eye
            if self._eye_position is not None:
                self.camera.local.position = self._eye_position
            eye_up = self._eye_up if self._eye_up is not None else up
            self.camera.show_pos(self._eye_target if self._eye_target is not None else center, up=eye_up,
                                 depth=2 * radius)
        self._camera_fitted = True
        self._place_grid(bounds, up)

    def _place_grid(self, bounds: np.ndarray, up: np.ndarray) -> None:
        """Rerun's LineGrid3D: a grid on the plane through the scene's lowest point, normal to up."""
        if not self._grid_wanted:
            return
        axis = int(np.argmax(np.abs(up)))
        orientation = {0: "yz", 1: "xz", 2: "xy"}[axis]
        if self.grid is None or getattr(self.grid, "_rnb_orientation", None) != orientation:
            if self.grid is not None:
                self.scene.remove(self.grid)
            self.grid = gfx.Grid(None, gfx.GridMaterial(major_step=1, minor_step=0, thickness_space="screen",
                                                        major_thickness=1.0, major_color="#30353c",
                                                        axis_color="#30353c", infinite=False),
                                 orientation=orientation)
            self.grid._rnb_orientation = orientation
            self.scene.add(self.grid)
        size = float(np.max(bounds[1] - bounds[0]))
        step = 10.0 ** np.floor(np.log10(max(size, 1e-6) / 2))
        self.grid.material.major_step = (step, step)
        # A finite grid: a few times the scene, so it never fills the horizon. pygfx's finite grid is the unit
        # square [0, 1]^2 of its local plane (not centred): shift it so its middle is under the scene.
        extent = step * 2 * np.ceil(2 * max(size, 1e-6) / (2 * step))
        self.grid.local.scale = (extent, extent, 1)
        centre = np.asarray(bounds.mean(axis=0), float)
        centre = np.round(centre / step) * step
        centre[axis] = bounds[0][axis] if up[axis] > 0 else bounds[1][axis]
        self.grid.local.position = (0, 0, 0)
        half = (np.asarray(self.grid.local.matrix, float) @ [0.5, 0.5, 0.0, 1.0])[:3]  # the square's middle
        self.grid.local.position = centre - half

    def _cull_huge_clouds(self, rect) -> None:
        clouds = self.builder.pixel_clouds()
        for obj in clouds:
            _objects.cull_pixel_points(obj, self.camera.camera_matrix, int(rect[2]), int(rect[3]))
