"""Offscreen rendering of a store's 3D scene: the one place that owns a pygfx renderer.

``SceneRenderer.render(timeline, at)`` returns an (H, W, 4) uint8 frame. It knows nothing of widgets:
the widget forwards its pointer events to ``handle_event`` (same event dicts as jupyter_rfb and
rendercanvas) and calls ``render`` when it needs a frame. All methods are thread-safe (one lock), so
a background thread may render live updates while the kernel handles slider changes.
"""

from __future__ import annotations

import threading

import numpy as np
import pygfx as gfx
from rendercanvas.core.events import valid_event_types
from rendercanvas.offscreen import OffscreenRenderCanvas

from . import _objects
from ._adapter import ensure_adapter
from ._scene import SceneBuilder
from ._warmup import wait_for_prewarm

__all__ = ["SceneRenderer", "render_frame"]

BACKGROUND_RGB = "#16191d"
# Events that can move the camera; others (hover) need no new frame.
# Input events forwarded to the offscreen canvas (pygfx's controller listens there); never "close"
# (jupyter_rfb sends it when the widget closes) nor "resize" (handled by set_size).
CANVAS_EVENTS = frozenset({"pointer_down", "pointer_move", "pointer_up", "pointer_enter", "pointer_leave", "wheel",
                           "double_click", "key_down", "key_up", "char"}) & frozenset(str(t) for t in valid_event_types)
CAMERA_EVENTS = frozenset({"pointer_down", "pointer_move", "pointer_up", "wheel", "double_click"})


class SceneRenderer:
    """A pygfx scene, camera and orbit controller for one view of a store, rendered offscreen.

    Parameters
    ----------
    store
        A ``ChunkStore`` (or anything with ``subscribe``, ``chunks`` and ``latest_at``).
    width, height
        Logical size of the frame, in CSS pixels.
    pixel_ratio
        Physical pixels per logical pixel (capped to 1 on CPU adapters, where pixels are expensive).
    """

    def __init__(self, store, *, width: int = 640, height: int = 480, pixel_ratio: float = 1.0):
        wait_for_prewarm()
        self.adapter = ensure_adapter()
        self.lock = threading.RLock()
        self._pixel_ratio_cap = 1.0 if self.adapter.is_cpu else 2.0
        _objects.PIXEL_POINTS_THRESHOLD["value"] = 250_000 if self.adapter.is_cpu else 20_000_000
        self.canvas = OffscreenRenderCanvas(
            size=(width, height), pixel_ratio=min(pixel_ratio, self._pixel_ratio_cap)
        )
        self.renderer = gfx.WgpuRenderer(self.canvas, **self.adapter.renderer_kwargs)
        self.scene = gfx.Scene()
        self.scene.add(gfx.Background.from_color(BACKGROUND_RGB))
        self.scene.add(gfx.AmbientLight(intensity=0.6))
        self.builder = SceneBuilder(store)
        self.scene.add(self.builder.root)
        self.camera = gfx.PerspectiveCamera(45, width / max(height, 1))
        self.camera.add(gfx.DirectionalLight(intensity=2.2))
        self.scene.add(self.camera)
        # No damping: a remote frame is only drawn on request, so the camera must land at once.
        self.controller = gfx.OrbitController(self.camera, register_events=self.renderer, damping=0)
        self.canvas.request_draw(self._draw)
        self._camera_fitted = False
        self.last_rebuilt: set[str] = set()

    def _draw(self) -> None:
        self.renderer.render(self.scene, self.camera)

    @property
    def size(self) -> tuple[int, int]:
        """Logical (width, height)."""
        w, h = self.canvas.get_logical_size()
        return int(w), int(h)

    def set_size(self, width: int, height: int, pixel_ratio: float = 1.0) -> None:
        """Resize the frame (logical pixels); the pixel ratio is capped on CPU adapters."""
        with self.lock:
            self.canvas.set_pixel_ratio(min(float(pixel_ratio), self._pixel_ratio_cap))
            self.canvas.set_logical_size(max(int(width), 1), max(int(height), 1))

    def set_visible(self, entity_path: str, visible: bool) -> None:
        """Show or hide an entity (and its subtree)."""
        with self.lock:
            self.builder.set_visible(entity_path, visible)

    def reset_camera(self) -> None:
        """Fit the camera to the scene again at the next render (double-click does this)."""
        self._camera_fitted = False

    def handle_event(self, event: dict) -> bool:
        """Feed a pointer/wheel event to the orbit controller; True when a new frame is needed.

        Events rendercanvas does not know (jupyter_rfb's "show", "hide", "close") are ignored.
        """
        kind = event.get("event_type", event.get("type"))
        if kind == "double_click":
            self.reset_camera()
            return True
        if kind not in CANVAS_EVENTS:
            return False
        with self.lock:
            # The offscreen canvas has no scheduler to dispatch submitted events: dispatch now.
            self.canvas.submit_event(event)
            self.canvas._events.flush()
        return kind in CAMERA_EVENTS

    def render(self, timeline: str | None, at: int | None) -> np.ndarray:
        """The frame for the latest-at state at ``(timeline, at)``, as (H, W, 4) uint8."""
        with self.lock:
            if timeline is not None:
                self.last_rebuilt = self.builder.update(timeline, at)
            if not self._camera_fitted:
                self._fit_camera()
            return np.array(self.canvas.draw(), copy=True)

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

    def close(self) -> None:
        """Stop listening to the store."""
        self.builder.close()


def render_frame(store, *, timeline: str, at: int | None = None, width: int = 640, height: int = 480) -> np.ndarray:
    """Render one frame of ``store`` at ``(timeline, at)`` offscreen: (height, width, 4) uint8."""
    renderer = SceneRenderer(store, width=width, height=height)
    try:
        return renderer.render(timeline, at)
    finally:
        renderer.close()
