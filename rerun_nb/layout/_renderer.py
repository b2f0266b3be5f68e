"""One canvas, several views: the layout renderer draws every view into its rectangle of one frame.

Why one canvas with a viewport per view (not one jupyter_rfb canvas per view): one frame stream and
one saved snapshot per viewer, one pygfx renderer and render target (pygfx renders each view's scene
into its rect, then flushes once), and pointer events routed by rectangle. Measured on lavapipe
(bench/bench_views.py): see the figures in the README.

``LayoutRenderer.render(timeline, at)`` returns an (H, W, 4) uint8 frame. It knows nothing of widgets:
the widget forwards pointer events (jupyter_rfb / rendercanvas event dicts) to ``handle_event``. All
methods are thread-safe (one lock for all renderers), so the live thread may render while the kernel
handles the slider.
"""

from __future__ import annotations

import threading

import numpy as np
import pygfx as gfx
from rendercanvas.core.events import valid_event_types
from rendercanvas.offscreen import OffscreenRenderCanvas

from ..query import ChangeTracker
from ..viewer import _objects
from ..viewer._adapter import ensure_adapter
from ..viewer._warmup import preparse_wgpu_types, wait_for_prewarm
from ..views import BACKGROUND_RGB, ScreenOverlay, make_view
from ._heuristics import heuristic_layout
from ._readback import FrameReader, direct_read_possible, end_frame_without_flush
from ._tree import compute_rects, from_blueprint, tab_bars

__all__ = ["LayoutRenderer", "render_frame"]

# Input events forwarded to the offscreen canvas (pygfx's controllers listen there); never "close"
# (jupyter_rfb sends it when the widget closes) nor "resize" (handled by set_size).
CANVAS_EVENTS = frozenset({"pointer_down", "pointer_move", "pointer_up", "pointer_enter", "pointer_leave", "wheel",
                           "double_click", "key_down", "key_up", "char"}) & frozenset(str(t) for t in valid_event_types)


# One lock for every renderer of the process: pygfx shares its device, pipelines and buffers between
# renderers, and two threads rendering at once (a viewer's live thread while the kernel renders another
# viewer's snapshot) corrupt each other's frames.
RENDER_LOCK = threading.RLock()


def _spec_key(spec) -> tuple:
    return (spec.kind, spec.origin, repr(spec.contents), spec.name, repr(sorted(spec.properties.items(), key=str)))


class LayoutRenderer:
    """The views of a store (from ``blueprint``, else from the data), rendered offscreen into one frame.

    Parameters
    ----------
    store
        A ``rerun_nb.store.ChunkStore``.
    blueprint
        A ``rerun_nb.blueprint`` Blueprint, container or view; None for the automatic layout.
    width, height
        Logical size of the frame, in CSS pixels.
    pixel_ratio
        Physical pixels per logical pixel (capped to 1 on CPU adapters, where pixels are expensive).
    """

    def __init__(self, store, *, blueprint=None, width: int = 640, height: int = 480, pixel_ratio: float = 1.0):
        wait_for_prewarm()
        preparse_wgpu_types()  # once per process: most of a cold first frame was cffi parsing C types
        self.store = store
        self.adapter = ensure_adapter()
        self.lock = RENDER_LOCK
        self._pixel_ratio_cap = 1.0 if self.adapter.is_cpu else 2.0
        _objects.PIXEL_POINTS_THRESHOLD["value"] = 100_000 if self.adapter.is_cpu else 20_000_000
        self.canvas = OffscreenRenderCanvas(size=(width, height), pixel_ratio=min(pixel_ratio, self._pixel_ratio_cap))
        self.renderer = gfx.WgpuRenderer(self.canvas, **self.adapter.renderer_kwargs)
        self._tabs = ScreenOverlay()
        self._empty_scene = gfx.Scene()
        self._empty_scene.add(gfx.Background.from_color(BACKGROUND_RGB))
        self._empty_camera = gfx.OrthographicCamera(1, 1)
        self._tracker = ChangeTracker(store)  # for the automatic layout (new entities, new archetypes)
        self._schema_seen = -1
        self._blueprint = None
        self.set_blueprint(blueprint)
        self._views: dict[tuple, object] = {}
        self.placed: list[tuple[object, tuple[int, int, int, int]]] = []  # (view, rect) in layout order
        self._captured = None
        self._reader = FrameReader(self.renderer.device)
        self.canvas.request_draw(self._draw)
        self._sync_layout()

    # ---- layout ---------------------------------------------------------------------------------
    @property
    def views(self) -> list:
        """The views shown, in layout order."""
        return [v for v, _ in self.placed]

    def set_blueprint(self, blueprint) -> None:
        """Lay the views out by ``blueprint`` from now on (None: from the data). Views that stay keep their
        cameras."""
        with self.lock:
            self._blueprint = blueprint
            self.tree = from_blueprint(blueprint)
            self._auto = self.tree is None
            self._schema_seen = -1
            if hasattr(self, "placed"):
                self._sync_layout()

    @property
    def blueprint(self):
        """The blueprint the views are laid out by (None: the automatic layout)."""
        return self._blueprint

    def _sync_layout(self) -> None:
        if self._auto:
            self._tracker.drain()
            if self._tracker.schema_version == self._schema_seen:
                self._place()
                return
            self._schema_seen = self._tracker.schema_version
            per_entity = {p: self._tracker.archetypes(p) for p in self._tracker.entity_paths}
            self.tree = heuristic_layout(per_entity)
        self._place()

    def _place(self) -> None:
        w, h = self.size
        placed, keep = [], {}
        for spec, rect in compute_rects(self.tree, (0, 0, w, h)):
            key = _spec_key(spec)
            view = self._views.get(key)
            if view is None:
                view = make_view(self.store, spec)
                if hasattr(view, "attach"):
                    view.attach(self.renderer)
            keep[key] = view
            placed.append((view, rect))
        for view, _rect in placed:
            view.show_title = len(placed) > 1 or view.name != view.origin
        for key, view in self._views.items():
            if key not in keep:
                view.close()
        self._views, self.placed = keep, placed

    # ---- drawing --------------------------------------------------------------------------------
    def _draw(self) -> None:
        self._draw_views()
        self.renderer.flush()

    def _draw_views(self) -> None:
        # No full-canvas clear pass: pygfx clears the target before the first render after a flush, and each
        # view paints its own background (the 2 px gaps between views stay black).
        # No data (yet): an empty background, as the 3D view showed before anything came (pygfx also cannot
        # flush a frame nothing was rendered into).
        if not self.placed:
            self.renderer.render(self._empty_scene, self._empty_camera, flush=False)
        for view, rect in self.placed:
            view.draw(self.renderer, rect)
        self._draw_tab_bars()

    def _frame(self) -> np.ndarray:
        """Draw every view and read the frame back: from pygfx's internal color texture when that is exact
        (see ``_readback``; skips a full-screen copy pass), else through the canvas."""
        if direct_read_possible(self.renderer):
            self._draw_views()
            if direct_read_possible(self.renderer):  # the first render of a new size creates the texture
                end_frame_without_flush(self.renderer)
                return self._reader.read(self.renderer)
            self.renderer.flush()
        return np.array(self.canvas.draw(), copy=True)

    def _draw_tab_bars(self) -> None:
        if self.tree is None:
            return
        for container, rect in tab_bars(self.tree, (0, 0, *self.size)):
            self._tabs.scene.clear()
            self._tabs.scene.add(gfx.Background.from_color("#22262c"))
            x = 6
            names = [getattr(c, "name", None) or getattr(c, "origin", None) or c.kind for c in container.children]
            for i, name in enumerate(names):
                label = ScreenOverlay.text(str(name), color="#ffffff" if i == container.active_tab else "#8a9099")
                self._tabs.place(label, x, 4)
                self._tabs.scene.add(label)
                x += 12 + 7 * len(str(name))
            self._tabs.render(self.renderer, rect)

    def render(self, timeline: str | None, at: int | None) -> np.ndarray:
        """The frame for the state at ``(timeline, at)``, as (H, W, 4) uint8."""
        with self.lock:
            self.store.flush()  # rows still in the batcher become chunks (and events) before the views look
            self._sync_layout()
            for view in self.views:
                view.update(timeline, at)
            return self._frame()

    # ---- input ----------------------------------------------------------------------------------
    def view_at(self, x: float, y: float):
        """The view whose rectangle holds logical pixel (x, y), or None."""
        for view, (rx, ry, rw, rh) in self.placed:
            if rx <= x < rx + rw and ry <= y < ry + rh:
                return view, (rx, ry, rw, rh)
        return None

    def handle_event(self, event: dict) -> bool:
        """Route a pointer/wheel event to the view under it; True when a new frame is needed.

        Events rendercanvas does not know (jupyter_rfb's "show", "hide", "close") are ignored.
        """
        kind = event.get("event_type", event.get("type"))
        if kind not in CANVAS_EVENTS:
            return False
        x, y = float(event.get("x", -1)), float(event.get("y", -1))
        with self.lock:
            if kind == "pointer_down" and self._click_tab(x, y):
                return True
            hit = self.view_at(x, y)
            if kind == "pointer_down":
                self._captured = hit
            target = self._captured if kind in ("pointer_move", "pointer_up") and self._captured else hit
            if kind == "pointer_up":
                self._captured = None
            if kind != "double_click":
                # The offscreen canvas has no scheduler to dispatch submitted events: dispatch now.
                self.canvas.submit_event(event)
                self.canvas._events.flush()
            if target is None:
                return False
            view, rect = target
            return bool(view.handle_event(event, rect))

    def _click_tab(self, x: float, y: float) -> bool:
        if self.tree is None:
            return False
        for container, (rx, ry, rw, rh) in tab_bars(self.tree, (0, 0, *self.size)):
            if rx <= x < rx + rw and ry <= y < ry + rh:
                pos = 6
                for i, c in enumerate(container.children):
                    name = str(getattr(c, "name", None) or getattr(c, "origin", None) or c.kind)
                    width = 12 + 7 * len(name)
                    if pos <= x - rx < pos + width:
                        container.active_tab = i
                        self._place()
                        return True
                    pos += width
        return False

    # ---- what the widget asks ------------------------------------------------------------------
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
            self._place()

    def set_visible(self, entity_path: str, visible: bool) -> None:
        """Show or hide an entity (and its subtree) in every view."""
        with self.lock:
            for view in self._views.values():
                view.set_visible(entity_path, visible)

    def data_times(self, timeline: str) -> np.ndarray:
        """Sorted distinct times with data on ``timeline`` in any view (for stepping)."""
        with self.lock:
            self._sync_layout()
            parts = [v.data_times(timeline) for v in self.views]
            return np.unique(np.concatenate(parts)) if parts else np.empty(0, np.int64)

    def min_time_gap(self, timeline: str) -> int | None:
        """Smallest gap between two data times of an entity on ``timeline`` in any view (slider resolution)."""
        with self.lock:
            self._sync_layout()
            gaps = [g for g in (v.min_time_gap(timeline) for v in self.views) if g]
            return min(gaps) if gaps else None

    def reset_camera(self) -> None:
        """Fit every view's camera to its data again at the next render."""
        for view in self.views:
            if hasattr(view, "reset_camera"):
                view.reset_camera()

    def notices(self) -> list[str]:
        """Every view's notices, as "view name: notice"."""
        return [f"{v.name}: {n}" for v in self.views for n in v.notices]

    # ---- compatibility with the single 3D view of earlier versions --------------------------------
    def _first_3d(self):
        return next((v for v in self.views if v.kind == "3D"), None)

    @property
    def camera(self):
        """The camera of the first 3D view (None without one)."""
        view = self._first_3d()
        return None if view is None else view.camera

    @property
    def builder(self):
        """The scene builder of the first 3D view (None without one)."""
        view = self._first_3d()
        return None if view is None else view.builder

    @property
    def last_rebuilt(self) -> set[str]:
        """Entities the 3D views rebuilt at the last render."""
        return set().union(*[getattr(v, "last_rebuilt", set()) for v in self.views]) if self.views else set()

    def close(self) -> None:
        """Stop listening to the store."""
        with self.lock:
            for view in self._views.values():
                view.close()
            self._tracker.close()
            self._reader.close()


def render_frame(store, *, timeline: str, at: int | None = None, width: int = 640, height: int = 480,
                 blueprint=None) -> np.ndarray:
    """Render one frame of ``store`` at ``(timeline, at)`` offscreen: (height, width, 4) uint8."""
    renderer = LayoutRenderer(store, blueprint=blueprint, width=width, height=height)
    try:
        return renderer.render(timeline, at)
    finally:
        renderer.close()
