"""A flat, pan/zoom view with y down (the base of the graph, map and state timeline views).

It owns a scene with a y-flip group (``content``: draw there in the view's own coordinates, y down,
as Rerun's 2D-like views do), an orthographic camera fitted to ``content_bounds()`` until the user
pans or zooms, and a change tracker over the view's entities. Subclasses fill ``content`` in
``rebuild(timeline, at)``, called only when an entity of the view changed.
"""

from __future__ import annotations

import numpy as np
import pygfx as gfx

from ..query import ChangeTracker
from ..viewer import _objects
from ._base import BACKGROUND_RGB, View
from ._props import background_color
from ._spatial3d import BEFORE_RENDER

__all__ = ["FlatView"]

CAMERA_DEPTH = 1000.0


CURSOR_COLOR = (0.9, 0.9, 0.9, 1.0)  # the vertical line at the current time (state timeline, audio)


class FlatView(View):
    """A pan/zoom view of flat content (y down), rebuilt from the store when its entities change."""

    default_background = BACKGROUND_RGB
    _cursor = None  # the time-cursor line, made by `place_cursor`

    def __init__(self, store, **kwargs):
        super().__init__(store, **kwargs)
        self.tracker = ChangeTracker(store, include=self.includes)
        self.scene = gfx.Scene()
        self.scene.add(gfx.Background.from_color(
            background_color(self.properties.get("background"), self.default_background)))
        self.flip = gfx.Group(name="y down")
        self.flip.local.scale = (1, -1, 1)
        self.content = gfx.Group(name="content")
        self.flip.add(self.content)
        self.scene.add(self.flip)
        self.camera = gfx.OrthographicCamera(maintain_aspect=True)
        self.viewport = None
        self.controller = None
        self._user_moved = False
        self._fitted: tuple | None = None
        self._built = False

    def attach(self, renderer) -> None:
        """Pan (drag) and zoom (wheel) inside this view's rectangle."""
        self.viewport = gfx.Viewport(renderer, (0, 0, 1, 1))
        self.controller = gfx.PanZoomController(self.camera, register_events=self.viewport, damping=0)

    # ---- for subclasses --------------------------------------------------------------------------
    def rebuild(self, timeline: str, at: int | None) -> None:
        """Query the view's entities and rebuild ``content``."""

    def content_bounds(self) -> tuple[float, float, float, float] | None:
        """(x0, x1, y0, y1) the camera fits (y down), or None when there is nothing."""
        return None

    def entity_paths_with(self, *components: str) -> list[str]:
        """The view's visible entities that have ever had one of ``components``."""
        return [p for p in self.tracker.entity_paths if not self.is_hidden(p)
                and any(self.tracker.has_component(p, c) for c in components)]

    # ---- View interface ----------------------------------------------------------------------------
    def update(self, timeline, at) -> None:
        if timeline is None:
            return
        dirty = self.tracker.dirty(timeline, at)
        if dirty or not self._built:
            self.rebuild(timeline, at)
            self._built = True
        bounds = self.content_bounds()
        if bounds is not None and not self._user_moved and bounds != self._fitted:
            x0, x1, y0, y1 = bounds
            self.camera.show_rect(x0, x1, -y1, -y0, depth=CAMERA_DEPTH)
            self._fitted = bounds

    def draw(self, renderer, rect) -> None:
        if self.viewport is not None:
            self.viewport.rect = rect
            self.controller.handle_event(BEFORE_RENDER, self.viewport)
        self.camera.set_view_size(rect[2], rect[3])
        self.before_render(rect)
        renderer.render(self.scene, self.camera, rect=rect, flush=False)
        self.draw_overlay(renderer, rect)

    def before_render(self, rect) -> None:
        """Hook run with the camera set for ``rect`` (the map view loads its tiles here)."""

    def handle_event(self, event, rect) -> bool:
        kind = event.get("event_type", event.get("type"))
        if kind == "double_click":
            self.reset_camera()
            return True
        if kind in ("pointer_down", "wheel"):
            self._user_moved = True
        return kind in ("pointer_down", "pointer_move", "pointer_up", "wheel")

    def reset_camera(self) -> None:
        """Fit the content again."""
        self._user_moved = False
        self._fitted = None

    def visible_rect(self, rect) -> tuple[float, float, float, float]:
        """(x0, x1, y0, y1) of the view's coordinates (y down) shown in ``rect`` now."""
        self.camera.set_view_size(rect[2], rect[3])
        inv = np.linalg.inv(self.camera.camera_matrix)
        corners = [inv @ np.array([sx, sy, 0.0, 1.0]) for sx in (-1, 1) for sy in (-1, 1)]
        xs = [c[0] / c[3] for c in corners]
        ys = [-c[1] / c[3] for c in corners]
        return min(xs), max(xs), min(ys), max(ys)

    def to_pixel(self, x: float, y: float, rect) -> tuple[float, float]:
        """Pixel (column, row) in ``rect`` of the view coordinate (x, y) (y down)."""
        self.camera.set_view_size(rect[2], rect[3])
        p = self.camera.camera_matrix @ np.array([x, -y, 0.0, 1.0])
        return (p[0] / p[3] + 1) / 2 * rect[2], (1 - p[1] / p[3]) / 2 * rect[3]

    def place_cursor(self, positions: np.ndarray) -> None:
        """Draw the time-cursor line through the two content-space ``positions`` (made once, then moved)."""
        if self._cursor is None or self._cursor.parent is None:
            self._cursor = _objects.lines(None, positions, np.tile(np.array(CURSOR_COLOR, np.float32), (2, 1)),
                                          thickness=1.0, thickness_space="screen", segments=True)
            self.content.add(self._cursor)
        else:
            self._cursor.geometry.positions.data[:] = positions
            self._cursor.geometry.positions.update_full()

    def data_times(self, timeline):
        return self.tracker.data_times(timeline).copy()

    def min_time_gap(self, timeline):
        return self.tracker.min_time_gap(timeline)

    def set_visible(self, entity_path, visible) -> None:
        super().set_visible(entity_path, visible)
        self._built = False

    def close(self) -> None:
        self.tracker.close()


def pad_bounds(lo: np.ndarray, hi: np.ndarray, *, frac: float = 0.1, minimum: float = 1.0):
    """(x0, x1, y0, y1) around [lo, hi] with a margin (``frac`` of the size, at least ``minimum``)."""
    pad = np.maximum((hi - lo) * frac, minimum)
    return float(lo[0] - pad[0]), float(hi[0] + pad[0]), float(lo[1] - pad[1]), float(hi[1] + pad[1])
