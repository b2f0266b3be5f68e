"""``Viewer``: the inline viewer widget (one canvas with every view + timeline panel + entity list).

The current time and timeline are synced traitlets on the Viewer itself (an ipywidgets VBox), so
Python code can set them and ``ipywidgets.link`` / ``jslink`` can tie two viewers together:

    ``timeline`` (str), ``time`` (raw int64 on that timeline: frames, or ns), ``time_min``/``time_max``,
    ``playing``, ``speed``, ``loop``, ``follow_latest``.

Each Viewer owns its own LayoutRenderer (its views, their cameras, one canvas), so several viewers of
one recording show at once, each with its own time and cameras. The timeline panel reads the viewer
through its public traits and methods (``time_grid``, ``timeline_kind``, ``data_times``); the viewer
asks its views, not the store, which times have data.
"""

from __future__ import annotations

import asyncio
import base64
import threading
import time
import weakref

import ipywidgets as ipw
import numpy as np
import traitlets as tl

from ._canvas import ViewerCanvas
from ._live import LivePoller
from ._panel import TimelinePanel, entity_list
from ._save import SavePanel
from ._timeline import TimeGrid, default_timeline, to_raw_time


def sent_blueprint(recording):
    """The blueprint sent with ``rr.send_blueprint(..., make_active=True)``, or None."""
    sent = getattr(recording, "_blueprint", None)  # kept there by rr.send_blueprint (rerun_nb.rrd)
    if isinstance(sent, tuple):
        sent = sent[0] if sent[1] else None  # (blueprint, make_active, make_default)
    return sent


def active_blueprint(recording):
    """The blueprint sent with ``rr.send_blueprint`` (make_active), else the one loaded from the recording's
    .rrd file, else None (the layout then comes from the data)."""
    sent = sent_blueprint(recording)
    if sent is not None:
        return sent
    loaded = getattr(recording, "_rrd_blueprint", None)  # kept there by rr.load
    if loaded is not None:
        from ..blueprint._from_chunks import blueprint_from_chunks

        try:
            return blueprint_from_chunks(loaded.chunks)
        except (ValueError, KeyError, TypeError) as exc:  # an odd file must not stop the viewer: auto layout
            from ..error_utils import report_error

            report_error(f"rerun_nb viewer: the blueprint in the file is not understood ({exc}); laying out "
                         "the views from the data", key="viewer:rrd-blueprint", strict=False)
    return None

__all__ = ["Viewer"]

DEFAULT_WIDTH, DEFAULT_HEIGHT = 640, 480


def _has_running_loop() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def _recording_store(recording):
    if recording is None:
        import rerun_nb

        recording = rerun_nb.get_data_recording()  # this thread's, else the global one (as rr.Viewer)
        if recording is None:
            raise ValueError("Viewer: no recording given and no global recording (call rr.init first)")
    return recording, recording.store


# The most recently displayed viewer of each store: only it keeps refreshing its saved snapshot.
_latest_viewer_per_store: weakref.WeakValueDictionary = weakref.WeakValueDictionary()

class Viewer(ipw.VBox):
    """The inline viewer of a recording: its views (3D, 2D, plots, text, ...), timeline panel, entity list.

    Parameters
    ----------
    recording
        A ``RecordingStream``; default: the global recording.
    width, height
        Size of the views' canvas in CSS pixels (default: the output's full width, 480 high).
    blueprint
        A ``rerun_nb.blueprint`` Blueprint, container or view laying out the views; default: the blueprint
        sent with ``rr.send_blueprint``, else views chosen from the data (Rerun's heuristics).
    """

    timeline = tl.Unicode("").tag(sync=True)
    time = tl.Int(0).tag(sync=True)
    time_min = tl.Int(0).tag(sync=True)
    time_max = tl.Int(0).tag(sync=True)
    timelines = tl.List(tl.Unicode()).tag(sync=True)
    playing = tl.Bool(False).tag(sync=True)
    speed = tl.Float(1.0).tag(sync=True)
    loop = tl.Bool(True).tag(sync=True)
    follow_latest = tl.Bool(True).tag(sync=True)

    def __init__(self, recording=None, *, width: int | None = None, height: int | None = None, blueprint=None,
                 **kwargs):
        super().__init__(**kwargs)
        self.recording, self.store = _recording_store(recording)
        # An explicit blueprint stays; without one the viewer follows rr.send_blueprint (checked at each frame).
        self._rnb_follow_sent = blueprint is None
        if blueprint is None:
            blueprint = active_blueprint(self.recording)
        self.blueprint = blueprint
        # No width given: fill the output's width (as Rerun's notebook viewer does); the browser reports the
        # real width with a resize event, until then (and in headless runs) frames are DEFAULT_WIDTH wide.
        self._rnb_fill_width = width is None
        self._rnb_width = int(width or DEFAULT_WIDTH)
        self._rnb_height = int(height or DEFAULT_HEIGHT)
        self._rnb_kinds: dict[str, str] = {}
        self._rnb_grid = TimeGrid(0, 0, 1)
        self._rnb_following = False  # True while follow-latest itself moves the time
        self._rnb_renderer = None
        self._rnb_error: str | None = None
        self._rnb_snapshot_generation = None
        self._rnb_display_handle = None
        self._rnb_displayed_at: float | None = None
        self._rnb_state_lock = threading.RLock()
        try:
            from ..layout import LayoutRenderer

            self._rnb_renderer = LayoutRenderer(self.store, blueprint=blueprint, width=self._rnb_width,
                                                height=self._rnb_height)
        except Exception as exc:  # noqa: BLE001 - NoAdapterError (what to install), or a broken driver stack
            self._rnb_error = str(exc)
        self.canvas = self._rnb_make_canvas()
        self.panel = TimelinePanel(self)
        self.save_panel = SavePanel(self)
        self.entities = ipw.Accordion(children=[ipw.VBox(), self.save_panel.box], titles=("Entities", "Save"),
                                      selected_index=None)
        self.children = [self.canvas, self.panel.box, self.entities]
        self.refresh_timelines()
        self._rnb_poller = LivePoller(self)
        self._rnb_poller.start()
        weakref.finalize(self, LivePoller.stop, self._rnb_poller)

    # ---- construction helpers ------------------------------------------------------------------
    def _rnb_make_canvas(self):
        if self._rnb_renderer is None:
            message = (self._rnb_error or "no renderer").replace("\n", "<br>")
            return ipw.HTML(f"<pre style='white-space:pre-wrap;color:#b00'>{message}</pre>")
        canvas = ViewerCanvas(
            frame_fn=self._rnb_frame,
            event_fn=self._rnb_renderer.handle_event,
            resize_fn=self._rnb_renderer.set_size,
            css_width="100%" if self._rnb_fill_width else f"{self._rnb_width}px",
            css_height=f"{self._rnb_height}px",
        )
        return canvas

    # ---- rendering -----------------------------------------------------------------------------
    def _rnb_frame(self, timeline: str | None = None, at: int | None = None) -> np.ndarray | None:
        if self._rnb_renderer is None:
            return None
        if self._rnb_follow_sent:
            sent = sent_blueprint(self.recording)
            if sent is not None and sent is not self.blueprint:  # rr.send_blueprint since the last frame
                self.blueprint = sent
                self._rnb_renderer.set_blueprint(sent)
        if timeline is None:
            timeline, at = self.timeline or None, self.time if self.timeline else None
        return self._rnb_renderer.render(timeline, at)

    def render(self) -> np.ndarray:
        """The current frame as an (H, W, 4) uint8 array (for tests, docs and users)."""
        if self._rnb_renderer is None:
            raise RuntimeError(self._rnb_error)
        with self._rnb_state_lock:  # not while the live thread is half-way through a timeline refresh
            return self._rnb_frame()

    @property
    def error(self) -> str | None:
        """Why this viewer cannot draw (no GPU adapter, a broken driver, a failed live update), else None."""
        return self._rnb_error

    def render_at(self, timeline: str, time: int) -> np.ndarray:
        """The frame at raw ``time`` on ``timeline``, as (H, W, 4) uint8, without moving the viewer's time
        (exports: video, snapshots). The camera and visibility are the viewer's own."""
        if self._rnb_renderer is None:
            raise RuntimeError(self._rnb_error)
        with self._rnb_state_lock:
            return self._rnb_frame(timeline, int(time))

    def request_draw(self) -> None:
        """Ask for a new frame (sent when the kernel is idle and a view is visible)."""
        # jupyter_rfb schedules the draw on the calling thread's asyncio loop: the kernel's main
        # thread, or an ipykernel 7 subshell thread (JupyterLab sends widget messages there). The live
        # poller thread has no loop (a request there would leave jupyter_rfb's "draw requested" flag
        # stuck), so it pushes its own frames instead.
        if isinstance(self.canvas, ViewerCanvas) and _has_running_loop():
            self.canvas.request_draw()

    def reset_camera(self) -> None:
        """Fit the camera to the scene again (double-click in the view does the same)."""
        if self._rnb_renderer is not None:
            self._rnb_renderer.reset_camera()
            self.request_draw()

    def set_visible(self, entity_path: str, visible: bool) -> None:
        """Show or hide an entity and its subtree."""
        if self._rnb_renderer is not None:
            self._rnb_renderer.set_visible(entity_path, visible)
            self.request_draw()

    # ---- time ----------------------------------------------------------------------------------
    @property
    def time_grid(self) -> TimeGrid:
        """The slider grid of the current timeline (its range and step)."""
        return self._rnb_grid

    def timeline_kind(self, timeline: str | None = None) -> str:
        """"sequence", "duration" or "timestamp" for ``timeline`` (default: the current one)."""
        return self._rnb_kinds.get(timeline or self.timeline, "sequence")

    def data_times(self, timeline: str | None = None) -> np.ndarray:
        """Sorted distinct times at which the views have data on ``timeline`` (default: the current one)."""
        if self._rnb_renderer is None:
            return np.empty(0, np.int64)
        return self._rnb_renderer.data_times(timeline or self.timeline)

    def set_time(self, timeline: str, *, sequence=None, duration=None, timestamp=None) -> None:
        """Show ``timeline`` at the given time (same keywords as ``rr.set_time``); stops following."""
        _, raw = to_raw_time(sequence=sequence, duration=duration, timestamp=timestamp)
        with self.hold_trait_notifications():
            self.follow_latest = False
            if timeline != self.timeline:
                self.timeline = timeline
            self.time = raw

    def refresh_timelines(self) -> None:
        """Re-read the store's timelines and ranges (the live poller calls this on new data)."""
        with self._rnb_state_lock:  # the live thread and the kernel's main thread both call this
            self._rnb_refresh_timelines()

    def _rnb_refresh_timelines(self) -> None:
        infos = self.store.timelines()
        self._rnb_kinds = {name: info.kind for name, info in infos.items()}
        names = sorted(infos)
        if names != list(self.timelines):
            self.timelines = names
        if (not self.timeline or self.timeline not in infos) and names:
            self.timeline = default_timeline(names)
        elif self.timeline in infos:
            self._rnb_update_range()
        entity_list(self)

    def _rnb_update_range(self) -> None:
        info = self.store.timelines().get(self.timeline)
        if info is None:
            return
        gap = self._rnb_renderer.min_time_gap(self.timeline) if self._rnb_renderer else None
        self._rnb_grid = TimeGrid.for_times(info.kind, info.min, info.max, gap)
        with self.hold_trait_notifications():
            self.time_min, self.time_max = int(info.min), int(info.max)
        if self.follow_latest or not info.min <= self.time <= info.max:  # e.g. just switched timeline
            self._rnb_following = True
            try:
                self.time = int(info.max) if self.follow_latest else min(max(self.time, info.min), info.max)
            finally:
                self._rnb_following = False
        self.panel.sync_from_viewer()

    @tl.observe("timeline")
    def _rnb_on_timeline(self, change) -> None:
        self._rnb_update_range()
        self.request_draw()

    @tl.observe("time")
    def _rnb_on_time(self, change) -> None:
        if not self._rnb_following and self.follow_latest and change["new"] < self.time_max:
            self.follow_latest = False
        self.panel.sync_from_viewer()
        self.request_draw()

    @tl.observe("follow_latest")
    def _rnb_on_follow(self, change) -> None:
        if change["new"]:
            self._rnb_update_range()
        self.panel.sync_from_viewer()

    # ---- display -------------------------------------------------------------------------------
    def _repr_mimebundle_(self, **kwargs):
        """The widget view plus a PNG of the current frame (what a saved or headless notebook keeps)."""
        bundle = super()._repr_mimebundle_(**kwargs)
        data = bundle[0] if isinstance(bundle, tuple) else bundle
        if self._rnb_displayed_at is None:  # first shown (not a snapshot refresh): it is now the latest
            _latest_viewer_per_store[id(self.store)] = self
        if data is not None and self._rnb_renderer is not None:
            data["image/png"] = self._rnb_png()
            self._rnb_snapshot_generation = self.store.generation
            self._rnb_displayed_at = time.monotonic()
        return bundle

    def _rnb_png(self) -> str:
        from jupyter_rfb._utils import array2compressed  # jupyter_rfb's own PNG writer: no Pillow needed

        frame = self.render()
        if isinstance(self.canvas, ViewerCanvas):
            self.canvas._rfb_last_frame = frame
        _mimetype, png = array2compressed(frame[:, :, :3], 100)
        return base64.b64encode(png).decode()

    def display(self) -> None:
        """Display in the current cell and keep its saved snapshot current.

        After each cell that adds data the snapshot is refreshed, until another viewer of the same
        recording is displayed: from then on this one keeps the picture of its own step, so a
        tutorial that shows a viewer after each step reads step by step on GitHub too. (The live
        widget view is not affected: it always follows the recording.)
        """
        from IPython import get_ipython
        from IPython.display import display

        self._rnb_display_handle = display(self, display_id=True)
        shell = get_ipython()
        if shell is not None and hasattr(shell, "events"):
            ref = weakref.ref(self)

            def _after_cell(*_args):
                viewer = ref()
                if viewer is None or viewer._rnb_display_handle is None:
                    shell.events.unregister("post_run_cell", _after_cell)
                    return
                if _latest_viewer_per_store.get(id(viewer.store)) is not viewer:
                    shell.events.unregister("post_run_cell", _after_cell)  # a newer viewer took over
                    return
                if viewer.store.generation != viewer._rnb_snapshot_generation:
                    viewer.refresh_timelines()  # the live thread may not have caught up with this cell yet
                    viewer._rnb_display_handle.update(viewer)

            shell.events.register("post_run_cell", _after_cell)

    def close(self) -> None:
        """Stop the live thread, release the scene and close the widgets."""
        self._rnb_poller.stop()
        self._rnb_display_handle = None
        if self._rnb_renderer is not None:
            self._rnb_renderer.close()
        from ._lifecycle import close_tree

        for child in (self.canvas, *self.children):  # the panel's and entity list's widgets too: no leak
            close_tree(child)
        self.layout.close()
        super().close()
