"""The 3D view: a retained scene of the origin's space, an orbit camera fitted to the data, a grid."""

from __future__ import annotations

import numpy as np
import pygfx as gfx

from ..viewer import _objects
from ..viewer._scene import SceneBuilder
from ._base import BACKGROUND_RGB, View
from ._overrides import view_settings
from ._props import background_color, line_grid_visible

__all__ = ["BEFORE_RENDER", "Spatial3DView"]


class _BeforeRender:
    type = "before_render"


BEFORE_RENDER = _BeforeRender()


class Spatial3DView(View):
    """Rerun's ``Spatial3DView``: Points3D, lines, boxes, meshes, ... in the origin's space."""

    kind = "3D"
    applied_properties = frozenset({"background", "line_grid", "defaults", "overrides", "time_ranges"})

    def __init__(self, store, **kwargs):
        super().__init__(store, **kwargs)
        self.builder = SceneBuilder(store, origin=self.origin, include=self.includes, view_kind=self.kind)
        self.builder.settings = view_settings(self)
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

    def attach(self, renderer) -> None:
        """Connect the orbit controller to the renderer's events, limited to this view's rectangle."""
        self.viewport = gfx.Viewport(renderer, (0, 0, 1, 1))
        # No damping: a remote frame is only drawn on request, so the camera must land at once.
        self.controller = gfx.OrbitController(self.camera, register_events=self.viewport, damping=0)

    # ---- View interface ---------------------------------------------------------------------------
    def update(self, timeline, at) -> None:
        if timeline is not None:
            self.last_rebuilt = self.builder.update(timeline, at)
        if not self._camera_fitted:
            self._fit_camera()

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
        return kind in ("pointer_down", "pointer_move", "pointer_up", "wheel")

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
        # A finite grid (1x1 scaled; pygfx centres it): a few times the scene, so it never fills the horizon.
        extent = step * 2 * np.ceil(2 * max(size, 1e-6) / (2 * step))
        self.grid.local.scale = (extent, extent, 1)
        pos = np.asarray(bounds.mean(axis=0), float)
        pos = np.round(pos / step) * step
        pos[axis] = bounds[0][axis] if up[axis] > 0 else bounds[1][axis]
        self.grid.local.position = pos

    def _cull_huge_clouds(self, rect) -> None:
        clouds = self.builder.pixel_clouds()
        for obj in clouds:
            _objects.cull_pixel_points(obj, self.camera.camera_matrix, int(rect[2]), int(rect[3]))
