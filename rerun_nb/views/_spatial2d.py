"""The 2D view: images and 2D primitives in the origin's 2D space, pan/zoom, pixel-exact at integer zoom."""

from __future__ import annotations

import numpy as np
import pygfx as gfx

from ..viewer._scene import SceneBuilder
from . import _vis2d  # noqa: F401  (registers the 2D visualizers)
from ._annotations import AnnotationsMixin, annotation_table
from ._base import BACKGROUND_RGB, View
from ._overrides import view_settings
from ._props import background_color, visual_bounds_2d
from ._spatial3d import BEFORE_RENDER

__all__ = ["Spatial2DView", "annotation_table"]

CAMERA_DEPTH = 1000.0  # draw orders (z) of a few hundred either way stay inside the camera's depth range


class Spatial2DView(AnnotationsMixin, View):
    """Rerun's ``Spatial2DView``: Image, DepthImage, SegmentationImage, EncodedImage, Points2D, Boxes2D,
    LineStrips2D, Arrows2D, with labels and draw order."""

    kind = "2D"
    applied_properties = frozenset({"background", "visual_bounds", "defaults", "overrides", "time_ranges"})

    def __init__(self, store, **kwargs):
        super().__init__(store, **kwargs)
        self.builder = SceneBuilder(store, origin=self.origin, include=self.includes, view_kind=self.kind)
        self.builder.visualizer_context = self
        self.builder.settings = view_settings(self)
        self.scene = gfx.Scene()
        self.scene.add(gfx.Background.from_color(background_color(self.properties.get("background"), BACKGROUND_RGB)))
        flip = gfx.Group(name="y down")  # Rerun's 2D space has y down
        flip.local.scale = (1, -1, 1)
        flip.add(self.builder.root)
        self.scene.add(flip)
        self.camera = gfx.OrthographicCamera(maintain_aspect=True)
        self.viewport = None
        self.controller = None
        self._user_moved = False
        self._fitted_bounds = None
        self._query: tuple[str | None, int | None] = (None, None)
        self._annotations: dict[str, dict] = {}

    def attach(self, renderer) -> None:
        """Pan (drag) and zoom (wheel, right-drag) inside this view's rectangle."""
        self.viewport = gfx.Viewport(renderer, (0, 0, 1, 1))
        self.controller = gfx.PanZoomController(self.camera, register_events=self.viewport, damping=0)

    def query_time(self) -> tuple[str | None, int | None]:
        """The (timeline, time) of the current update (visualizers that read history, e.g. VideoStream)."""
        return self._query

    # ---- View interface ----------------------------------------------------------------------------
    def update(self, timeline, at) -> None:
        if timeline is None:
            return
        self._query = (timeline, at)
        self._annotations.clear()
        self.builder.update(timeline, at)
        bounds = visual_bounds_2d(self.properties.get("visual_bounds")) or self.data_bounds()
        if bounds is not None and not self._user_moved and bounds != self._fitted_bounds:
            x0, x1, y0, y1 = bounds
            self.camera.show_rect(x0, x1, -y1, -y0, depth=CAMERA_DEPTH)
            self._fitted_bounds = bounds

    def data_bounds(self) -> tuple[float, float, float, float] | None:
        """(x0, x1, y0, y1) around everything visible, in the view's 2D space (images: their pixel extent)."""
        lo, hi = np.full(2, np.inf), np.full(2, -np.inf)
        for obj in _visible(self.builder.root):
            if isinstance(obj, gfx.Image):
                w, h = obj._rnb_size
                pts = np.array([[0.0, 0.0], [w, h]])
            elif isinstance(obj, (gfx.Points, gfx.Line)) and obj.geometry is not None:
                pos = obj.geometry.positions.data[:, :2]
                pts = pos[np.all(np.isfinite(pos), axis=1)]
                if not len(pts):
                    continue
            else:
                continue
            lo, hi = np.minimum(lo, pts.min(axis=0)), np.maximum(hi, pts.max(axis=0))
        if not np.all(np.isfinite(lo)):
            return None
        pad = np.where(hi - lo > 0, 0.0, 1.0)  # a single point: a unit box around it
        return float(lo[0] - pad[0]), float(hi[0] + pad[0]), float(lo[1] - pad[1]), float(hi[1] + pad[1])

    def draw(self, renderer, rect) -> None:
        if self.viewport is not None:
            self.viewport.rect = rect
            self.controller.handle_event(BEFORE_RENDER, self.viewport)
        renderer.render(self.scene, self.camera, rect=rect, flush=False)
        self.draw_overlay(renderer, rect)

    def handle_event(self, event, rect) -> bool:
        kind = event.get("event_type", event.get("type"))
        if kind == "double_click":
            self.reset_camera()
            return True
        if kind in ("pointer_down", "wheel"):
            self._user_moved = True
        if kind == "pointer_leave":
            return self.set_hover(None)
        if kind == "pointer_move" and not event.get("buttons"):
            x, y = float(event.get("x", 0)) - rect[0], float(event.get("y", 0)) - rect[1]
            return self.set_hover(self.pixel_info(x, y, rect), x, y)
        return kind in ("pointer_down", "pointer_move", "pointer_up", "wheel")

    def scene_position(self, x: float, y: float, rect) -> tuple[float, float]:
        """The view-space (2D, y down) position under pixel (x, y) of the view's rectangle."""
        self.camera.set_view_size(rect[2], rect[3])
        ndc = np.array([2 * x / rect[2] - 1, 1 - 2 * y / rect[3], 0, 1])
        world = np.linalg.inv(self.camera.camera_matrix) @ ndc
        return float(world[0] / world[3]), float(-world[1] / world[3])

    def pixel_info(self, x: float, y: float, rect) -> str | None:
        """Hover text for pixel (x, y) of the view: the top image's entity, pixel and value there."""
        u, v = self.scene_position(x, y, rect)
        best = None
        for path, ent in self.builder.entities():
            if self.is_hidden(path):
                continue
            for obj in ent.objects.values():
                if isinstance(obj, gfx.Image):
                    w, h = obj._rnb_size
                    if 0 <= u < w and 0 <= v < h and (best is None or obj.local.z >= best[1].local.z):
                        best = (path, obj)
        if best is None:
            return None
        path, obj = best
        col, row = int(u), int(v)
        value = obj._rnb_values[row, col]
        text = np.array2string(np.asarray(value), precision=4) if np.ndim(value) else f"{value:.6g}" \
            if np.asarray(value).dtype.kind == "f" else str(int(value))
        labels = obj._rnb_labels or {}
        if np.ndim(value) == 0 and labels.get(int(value)):
            text += f" ({labels[int(value)]})"
        return f"{path} [{col}, {row}] = {text}"

    def reset_camera(self) -> None:
        """Fit the data (or the visual bounds) again."""
        self._user_moved = False
        self._fitted_bounds = None

    def data_times(self, timeline):
        return self.builder.data_times(timeline).copy()

    def min_time_gap(self, timeline):
        return self.builder.min_time_gap(timeline)

    def set_visible(self, entity_path, visible) -> None:
        super().set_visible(entity_path, visible)
        self.builder.set_visible(entity_path, visible)

    def close(self) -> None:
        self.builder.close()


def _visible(obj):
    if not obj.visible:
        return
    yield obj
    for child in obj.children:
        yield from _visible(child)
