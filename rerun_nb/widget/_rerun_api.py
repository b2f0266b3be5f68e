"""`rerun_nb.notebook.Viewer`: Rerun 0.41's notebook `Viewer` API over rerun_nb's rendering widget.

One `rerun_nb.Viewer` (the kernel-side renderer with its timeline panel) per recording in this viewer;
only the active one is shown, with a recording picker above it when there are several. Its time state
(``timeline``, ``time``, ``time_min``, ``time_max``, ``playing``) is mirrored on this widget as ordinary
traitlets, so ``ipywidgets.link``/``jslink`` keep working across recording switches.

Events: every change of those traitlets (from the browser: slider, picker, play button; or from Python:
`set_time_ctrl`, follow-latest on new data) becomes a `PlayEvent` / `PauseEvent` / `TimeUpdateEvent` /
`TimelineChangeEvent` for the callbacks given to `on_event`, on the thread that made the change (the
kernel's, or the live-update thread while a cell runs). `TimeUpdateEvent.time` is in the timeline's own
unit (sequence number or nanoseconds), as the raw ``time`` traitlet. A `RecordingOpenEvent` fires once
per recording, when the viewer is first shown with it (at the end of that cell, as Rerun's viewer
opens it once the page has loaded), or when it is added to a viewer already shown.
"""

from __future__ import annotations

import warnings
import weakref
from collections.abc import Callable
from typing import Any

import ipywidgets as ipw
import traitlets as tl

from ..notebook import _events as ev
from ._lifecycle import close_tree, shown_by_cell
from ._rerun_panels import PANEL_STATES, apply_panel_states
from ._rerun_sources import load_url, resolve_size
from ._selection import SelectionPanel, instance_position
from ._table import table_html, to_arrow_table
from ._viewer import Viewer as RecordingViewer
from ._viewer import _latest_viewer_per_store

__all__ = ["Viewer"]

PANELS = ("top", "blueprint", "selection", "time")
_SYNCED_TRAITS = ("timeline", "time", "time_min", "time_max", "playing")
MARIMO_SNAPSHOT_FRAMES = 30
SDK_SOURCE = "rerun_nb"  # RecordingOpenEvent.source of recordings logged from this kernel


# TODO(notebook): ~500 lines; the recording bookkeeping (add/activate/remove) can move to its own module.
class Viewer(ipw.VBox):
    """A viewer embeddable in a notebook, with Rerun 0.41's `rerun.notebook.Viewer` API.

    Parameters
    ----------
    width, height
        Size in CSS pixels, or "auto" (full width; 16:9 height). Default: `set_default_size`'s, else the
        cell's full width and 480 px.
    url
        An .rrd file path or http(s) URL (read by the kernel) whose recordings to show.
    blueprint
        Blueprint for the recording: sent with ``recording.send_blueprint`` (made active and default).
    recording
        The recording to show; default: the thread-local/global one, when ``use_global_recording``.
    use_global_recording
        Pick up the global recording when no ``recording`` is given (default: only when no ``url``).
    theme
        Accepted for Rerun compatibility; rerun_nb draws with its own colors and says so in the output.
    """

    timeline = tl.Unicode("").tag(sync=True)
    time = tl.Int(0).tag(sync=True)
    time_min = tl.Int(0).tag(sync=True)
    time_max = tl.Int(0).tag(sync=True)
    playing = tl.Bool(False).tag(sync=True)

    def __init__(self, *, width: int | str | None = None, height: int | str | None = None, url: str | None = None,
                 blueprint: Any = None, recording: Any = None, use_global_recording: bool | None = None,
                 theme: str | None = None) -> None:
        super().__init__()
        self._rnb_size = resolve_size(width, height)
        self._rnb_recordings: dict[str, Any] = {}  # recording_id -> RecordingStream, in the order added
        self._rnb_sources: dict[str, str] = {}  # recording_id -> where it came from (url, or SDK_SOURCE)
        self._rnb_viewers: dict[str, RecordingViewer] = {}  # built when first made active
        self._rnb_app_blueprints: dict[str, Any] = {}
        self._rnb_active: str | None = None
        self._rnb_callbacks: list[Callable] = []
        self._rnb_links: list = []
        self._rnb_switching = False
        self._rnb_panel_states: dict[str, str] = {}
        self._rnb_pending_time_ctrl: dict | None = None
        self._rnb_announced: set[str] = set()
        self._rnb_display_handle = None
        self._rnb_snapshot_key = None
        self._rnb_tables: dict[str, ipw.HTML] = {}
        self.notice = ipw.HTML("")
        self.picker = ipw.Dropdown(options=[], description="recording", layout=ipw.Layout(width="auto"))
        self.picker.observe(self._rnb_on_picker, "value")
        self.top = ipw.HBox([self.picker], layout=ipw.Layout(display="none"))
        self.body = ipw.Box([self._rnb_placeholder()])
        self.tables = ipw.VBox()
        self.selection = SelectionPanel(self._rnb_on_selection)
        self._rnb_selection_generation = None
        self.children = [self.notice, self.top, self.body, self.selection.box, self.tables]
        if theme is not None:
            self._rnb_notice(f"theme={theme!r} is not supported: rerun_nb's viewer draws with its own colors.")

        if use_global_recording is None:
            use_global_recording = url is None
        if use_global_recording:
            import rerun_nb

            recording = rerun_nb.get_data_recording(recording)
        if blueprint is not None:
            if recording is None:
                raise ValueError("Can only set a blueprint if there's either an active recording or a recording "
                                 "passed in")
            recording.send_blueprint(blueprint)
        if recording is not None:
            self._rnb_add(recording, SDK_SOURCE)
        if url is not None:
            self.open_url(url)

    # ---- recordings ----------------------------------------------------------------------------
    @property
    def recording_ids(self) -> list[str]:
        """The ids of the recordings in this viewer, in the order they were added."""
        return list(self._rnb_recordings)

    @property
    def active_recording_id(self) -> str | None:
        """The id of the recording shown now (None while the viewer has none)."""
        return self._rnb_active

    @property
    def widget(self) -> RecordingViewer | None:
        """The rendering widget (`rerun_nb.Viewer`) of the active recording."""
        return self._rnb_viewers.get(self._rnb_active) if self._rnb_active else None

    def add_recording(self, recording: Any = None, blueprint: Any = None) -> None:
        """Add a recording to the viewer (default: the current active recording) and show it.

        ``blueprint`` is sent with ``recording.send_blueprint`` (made active and default), as in Rerun.
        A recording already in the viewer (same recording id) is shown again, laid out anew by the blueprint.
        """
        import rerun_nb

        recording = rerun_nb.get_data_recording(recording)
        if recording is None:
            raise ValueError("No recording specified and no active recording found")
        if blueprint is not None:
            recording.send_blueprint(blueprint)
            self._rnb_drop_widget(str(recording.recording_id))  # rebuilt with the new layout when shown
        self._rnb_add(recording, SDK_SOURCE)

    def set_active_recording(self, *, recording_id: str) -> None:
        """Show the recording with this id (as clicking it in the recording picker does)."""
        recording_id = str(recording_id)
        if recording_id not in self._rnb_recordings:
            raise ValueError(f"set_active_recording: no recording {recording_id!r} in this viewer; it has "
                             f"{self.recording_ids}")
        self._rnb_activate(recording_id)

    def open_url(self, url: str) -> None:
        """Open the recordings of an .rrd file path or http(s) URL (read by the kernel)."""
        for recording in load_url(url):
            self._rnb_add(recording, url)

    def close_url(self, url: str) -> None:
        """Close the recordings opened from ``url`` (nothing happens when none is open)."""
        for recording_id in [rid for rid, source in self._rnb_sources.items() if source == url]:
            self._rnb_remove(recording_id)

    def set_application_blueprint(self, application_id: str, blueprint: Any, *, make_active: bool = True,
                                  make_default: bool = True) -> None:
        """Lay out every recording of ``application_id`` in this viewer (now and later ones) by ``blueprint``."""
        blueprint = blueprint.to_blueprint() if hasattr(blueprint, "to_blueprint") else blueprint
        if not hasattr(blueprint, "blueprint_chunks"):
            raise TypeError(f"set_application_blueprint expects a rerun_nb.blueprint.Blueprint (or a view or "
                            f"container), got {type(blueprint).__name__}")
        if not (make_active or make_default):
            return  # neither shown nor kept as the fallback: nothing changes in this viewer
        self._rnb_app_blueprints[application_id] = blueprint
        for recording_id, recording in list(self._rnb_recordings.items()):
            if recording.application_id == application_id:
                self._rnb_drop_widget(recording_id)
        if self._rnb_active is not None and self._rnb_active not in self._rnb_viewers:
            self._rnb_activate(self._rnb_active)

    def _rnb_add(self, recording, source: str) -> None:
        recording_id = str(recording.recording_id)
        known = self._rnb_recordings.get(recording_id)
        if known is not None and known is not recording:
            warnings.warn(f"Viewer: a different recording stream with the same recording id {recording_id!r} "
                          f"is already shown; showing the first one", stacklevel=3)
        if known is None:
            self._rnb_recordings[recording_id] = recording
            self._rnb_sources[recording_id] = source
            self._rnb_update_picker()
        self._rnb_activate(recording_id)  # the newest recording is shown, as Rerun's viewer does
        if self._rnb_display_handle is not None:
            self._rnb_announce()

    def _rnb_remove(self, recording_id: str) -> None:
        self._rnb_recordings.pop(recording_id, None)
        self._rnb_sources.pop(recording_id, None)
        self._rnb_drop_widget(recording_id)
        self._rnb_update_picker()
        if self._rnb_active == recording_id:
            self._rnb_active = None
            remaining = self.recording_ids
            if remaining:
                self._rnb_activate(remaining[-1])
            else:
                self._rnb_unlink()
                self.body.children = [self._rnb_placeholder()]

    def _rnb_drop_widget(self, recording_id: str) -> None:
        viewer = self._rnb_viewers.pop(recording_id, None)
        if viewer is not None:
            if recording_id == self._rnb_active:
                self._rnb_unlink()
            viewer.close()

    def _rnb_widget_for(self, recording_id: str) -> RecordingViewer:
        viewer = self._rnb_viewers.get(recording_id)
        if viewer is None:
            recording = self._rnb_recordings[recording_id]
            width, height = self._rnb_size
            # None: the widget uses the blueprint sent with send_blueprint, else the heuristics
            blueprint = self._rnb_app_blueprints.get(recording.application_id)
            viewer = RecordingViewer(recording, width=width, height=height, blueprint=blueprint)
            viewer.observe(self._rnb_on_timelines, "timelines")
            self._rnb_viewers[recording_id] = viewer
            if viewer.error:  # shown in the cell by the widget itself; here it reaches Python too
                warnings.warn(f"rerun_nb Viewer: the renderer failed, the viewer cannot draw: {viewer.error}",
                              RuntimeWarning, stacklevel=4)
            self._rnb_apply_panels(viewer)
        return viewer

    def _rnb_activate(self, recording_id: str) -> None:
        viewer = self._rnb_widget_for(recording_id)
        self._rnb_switching = True  # the mirrored traits take the new recording's state: no events for that
        try:
            self._rnb_unlink()
            self._rnb_active = recording_id
            self._rnb_links = [ipw.link((viewer, name), (self, name)) for name in _SYNCED_TRAITS]
            for shown in self.body.children:
                if shown not in self._rnb_viewers.values():  # the placeholder: closed, not left in the registry
                    close_tree(shown)
            self.body.children = [viewer]
            if self.picker.value != recording_id:
                self.picker.value = recording_id
            self._rnb_selection_generation = None
            self.selection.set_entities([])  # a selection belongs to its recording
        finally:
            self._rnb_switching = False
        self._rnb_refresh_selection()
        self._rnb_apply_pending_time_ctrl()

    def _rnb_unlink(self) -> None:
        for link in self._rnb_links:
            link.unlink()
        self._rnb_links = []

    def _rnb_update_picker(self) -> None:
        options = [(f"{rec.application_id} / {rid}", rid) for rid, rec in self._rnb_recordings.items()]
        if list(self.picker.options) != options:
            self._rnb_switching = True
            try:
                self.picker.options = options
                self.picker.value = self._rnb_active if self._rnb_active in self._rnb_recordings else None
            finally:
                self._rnb_switching = False
        self._rnb_apply_top()

    def _rnb_on_picker(self, change) -> None:
        if not self._rnb_switching and change["new"] and change["new"] != self._rnb_active:
            self._rnb_activate(change["new"])

    @staticmethod
    def _rnb_placeholder() -> ipw.HTML:
        return ipw.HTML("<i>No recording: call viewer.add_recording(...) or log with rr.init first.</i>")

    def _rnb_notice(self, text: str) -> None:
        import html

        line = f"<div style='color:#a60'>{html.escape(text, quote=False)}</div>"
        if line not in self.notice.value:
            self.notice.value += line

    # ---- time ----------------------------------------------------------------------------------
    def set_time_ctrl(self, *, sequence: int | None = None, duration: Any = None, timestamp: Any = None,
                      timeline: str | None = None, play: bool = False) -> None:
        """Set the time control: switch to ``timeline`` (default: stay), go to the time, and play or pause.

        At most one of ``sequence``, ``duration`` (seconds, timedelta, np.timedelta64) and ``timestamp``
        (seconds since the epoch, datetime, np.datetime64). A timeline the recording does not have yet is
        applied as soon as data on it arrives.
        """
        if sum(x is not None for x in (sequence, duration, timestamp)) > 1:
            raise ValueError(f"set_time_ctrl: Exactly one of `sequence`, `duration`, and `timestamp` must be set "
                             f"(timeline='{timeline}')")
        from ._timeline import to_raw_time

        if any(x is not None for x in (sequence, duration, timestamp)):
            to_raw_time(sequence=sequence, duration=duration, timestamp=timestamp)  # bad values raise here
        self._rnb_pending_time_ctrl = {"sequence": sequence, "duration": duration, "timestamp": timestamp,
                                       "timeline": timeline, "play": play}
        self._rnb_apply_pending_time_ctrl()

    def _rnb_apply_pending_time_ctrl(self) -> None:
        ctrl, viewer = self._rnb_pending_time_ctrl, self.widget
        if ctrl is None or viewer is None:
            return
        timeline = ctrl["timeline"] or viewer.timeline
        if not timeline or timeline not in viewer.timelines:
            return  # applied when the timeline appears (see _rnb_on_timelines)
        self._rnb_pending_time_ctrl = None
        times = {k: ctrl[k] for k in ("sequence", "duration", "timestamp") if ctrl[k] is not None}
        if times:
            viewer.set_time(timeline, **times)
        elif timeline != viewer.timeline:
            viewer.timeline = timeline
        viewer.playing = bool(ctrl["play"])

    def _rnb_on_timelines(self, change) -> None:
        if self._rnb_pending_time_ctrl is not None:
            self._rnb_apply_pending_time_ctrl()

    # ---- events --------------------------------------------------------------------------------
    def on_event(self, callback: Callable[[Any], None]) -> None:
        """Call ``callback(event)`` on each viewer event (PlayEvent, PauseEvent, TimeUpdateEvent,
        TimelineChangeEvent, SelectionChangeEvent, RecordingOpenEvent)."""
        self._rnb_callbacks.append(callback)

    def _rnb_emit(self, event) -> None:
        for callback in list(self._rnb_callbacks):
            try:
                callback(event)
            except Exception as exc:  # noqa: BLE001 - a failing callback must not break the viewer or the others
                warnings.warn(f"Viewer.on_event callback {callback!r} raised {type(exc).__name__}: {exc}",
                              stacklevel=2)

    def _rnb_ids(self, recording_id: str | None = None) -> dict:
        recording_id = recording_id or self._rnb_active
        recording = self._rnb_recordings.get(recording_id)
        return {"application_id": recording.application_id if recording else "",
                "recording_id": recording_id or "", "segment_id": None}

    @tl.observe("playing")
    def _rnb_on_playing(self, change) -> None:
        if not self._rnb_switching and change["new"] != change["old"]:
            self._rnb_emit((ev.PlayEvent if change["new"] else ev.PauseEvent)(**self._rnb_ids()))

    @tl.observe("time")
    def _rnb_on_time(self, change) -> None:
        self._rnb_refresh_selection()
        if not self._rnb_switching:
            self._rnb_emit(ev.TimeUpdateEvent(**self._rnb_ids(), time=float(change["new"])))

    @tl.observe("timeline")
    def _rnb_on_timeline(self, change) -> None:
        viewer = self.widget
        if not self._rnb_switching and change["new"]:
            time = viewer.time if viewer is not None else self.time  # the time on the new timeline
            self._rnb_emit(ev.TimelineChangeEvent(**self._rnb_ids(), timeline=change["new"], time=float(time)))

    # ---- selection -----------------------------------------------------------------------------
    def _rnb_refresh_selection(self) -> None:
        """Offer the active recording's entities and show the selection's values at the current time."""
        viewer = self.widget
        if viewer is None:
            self.selection.set_entities([])
            self.selection.show_values(None, None, None)
            return
        if self._rnb_selection_generation != viewer.store.generation:
            self._rnb_selection_generation = viewer.store.generation
            self.selection.set_entities(viewer.store.entity_paths())
        if self._rnb_panel_states.get("selection") not in ("hidden", "collapsed"):
            self.selection.show_values(viewer.store, viewer.timeline or None, viewer.time)

    def _rnb_on_selection(self) -> None:
        self._rnb_refresh_selection()
        path, instance = self.selection.entity_path, self.selection.instance_id
        items = [] if path is None else [ev.EntitySelectionItem(entity_path=path, instance_id=instance,
                                                                position=self._rnb_position(path, instance))]
        self._rnb_emit(ev.SelectionChangeEvent(**self._rnb_ids(), items=items))

    def _rnb_position(self, path: str, instance: int | None) -> list[float] | None:
        viewer = self.widget
        if instance is None or viewer is None:
            return None
        return instance_position(viewer.store, path, instance, viewer.timeline or None, viewer.time)

    def _rnb_announce(self) -> None:
        """RecordingOpenEvent for each recording not announced yet (once the viewer is shown)."""
        for recording_id in self.recording_ids:
            if recording_id not in self._rnb_announced:
                self._rnb_announced.add(recording_id)
                self._rnb_emit(ev.RecordingOpenEvent(**self._rnb_ids(recording_id),
                                                     source=self._rnb_sources[recording_id], version=None))

    # ---- panels --------------------------------------------------------------------------------
    @property
    def panel_states(self) -> dict[str, str]:
        """The panel states set with `update_panels` (panels at their default are absent)."""
        return dict(self._rnb_panel_states)

    def update_panels(self, *, top: str | None = None, blueprint: str | None = None, selection: str | None = None,
                      time: str | None = None) -> None:
        """Set panels "expanded", "collapsed", "hidden" or back to "default"; None leaves a panel as it is.

        ``time``: the timeline panel (collapsed keeps the picker, buttons and slider); ``blueprint``: the
        entity list (expanded opens it); ``top``: the recording picker bar (by default shown only with
        several recordings); ``selection``: the selection panel (collapsed keeps only its menus).
        """
        for panel, state in (("top", top), ("blueprint", blueprint), ("selection", selection), ("time", time)):
            if state is None:
                continue
            if state not in PANEL_STATES:
                raise ValueError(f"update_panels: {panel}={state!r} is not one of {PANEL_STATES} or None")
            if state == "default":
                self._rnb_panel_states.pop(panel, None)
            else:
                self._rnb_panel_states[panel] = state
        self._rnb_apply_top()
        selection_state = self._rnb_panel_states.get("selection")
        self.selection.box.layout.display = "none" if selection_state == "hidden" else None
        self.selection.values.layout.display = "none" if selection_state == "collapsed" else None
        self._rnb_refresh_selection()
        for viewer in self._rnb_viewers.values():
            self._rnb_apply_panels(viewer)

    def _rnb_apply_top(self) -> None:
        state = self._rnb_panel_states.get("top")
        shown = state in ("expanded", "collapsed") or (state is None and len(self._rnb_recordings) > 1)
        self.top.layout.display = None if shown else "none"

    def _rnb_apply_panels(self, viewer: RecordingViewer) -> None:
        apply_panel_states(viewer, self._rnb_panel_states)

    # ---- tables --------------------------------------------------------------------------------
    def send_table(self, id: str, table: Any) -> None:
        """Show an Arrow table (RecordBatch, list of them, or datafusion DataFrame) under the viewer, titled
        ``id``; sending the same ``id`` again replaces it."""
        html = table_html(id, to_arrow_table(table))
        shown = self._rnb_tables.get(id)
        if shown is None:
            self._rnb_tables[id] = ipw.HTML(html)
            self.tables.children = list(self._rnb_tables.values())
        else:
            shown.value = html

    def set_credentials(self, access_token: str, email: str) -> None:
        """Rerun cloud credentials: rerun_nb's viewer reads no cloud data, so this raises."""
        raise NotImplementedError("set_credentials: rerun_nb's viewer does not connect to Rerun's cloud data "
                                  "platform; open data with url= (an .rrd path or http(s) URL) instead")

    # ---- display -------------------------------------------------------------------------------
    def render(self):
        """The active recording's current frame as an (H, W, 4) uint8 array."""
        viewer = self.widget
        if viewer is None:
            raise RuntimeError("Viewer.render: the viewer has no recording")
        return viewer.render()

    @property
    def error(self) -> str | None:
        """Why the active recording's viewer cannot draw (e.g. no GPU adapter: what to install), else None."""
        viewer = self.widget
        return viewer.error if viewer is not None else None

    def _rnb_require_widget(self, what: str) -> RecordingViewer:
        viewer = self.widget
        if viewer is None:
            raise RuntimeError(f"Viewer.{what}: the viewer has no recording")
        return viewer

    def screenshot(self, path: Any = None):
        """The active recording's current frame as an (H, W, 4) uint8 array; also written as a PNG to ``path``."""
        from ._export import save_png

        frame = self._rnb_require_widget("screenshot").render()
        if path is not None:
            save_png(frame, path)
        return frame

    def save_video(self, path: Any, *, timeline: str | None = None, start: Any = None, end: Any = None,
                   fps: float = 30, progress: bool = True):
        """Render a time range offscreen to a video: .mp4 (H.264), .webm (VP9) or .gif, by the extension.

        ``timeline``: default the one shown. ``start`` / ``end`` in the timeline's unit (sequence number;
        seconds / timedelta for durations; seconds since the epoch / datetime for timestamps); default the
        whole range. A sequence timeline gives one frame per step (``fps`` steps a second); a duration or
        timestamp timeline plays in real time at ``fps``. The viewer's time and the events are not touched;
        the frames have the viewer's size and camera. ``progress``: a progress bar (a widget in a notebook).
        Returns the path.
        """
        from ._export import save_video

        return save_video(self._rnb_require_widget("save_video"), path, timeline=timeline, start=start, end=end,
                          fps=fps, progress=progress)

    def snapshot(self, frames: int = 60, *, timeline: str | None = None, start: Any = None, end: Any = None,
                 format: str = "webp", quality: int = 60, progress: bool = True):
        """``frames`` frames pre-rendered evenly over a time range, as an output that scrubs without a kernel.

        Display the result (the cell's value, or ``display(...)``): an image with a slider in plain HTML/JS,
        kept in the saved notebook and in ``jupyter nbconvert --to html``. ``format``: "webp" or "jpeg".
        """
        from ._snapshot import Snapshot

        return Snapshot.render(self._rnb_require_widget("snapshot"), frames=frames, timeline=timeline,
                               start=start, end=end, format=format, quality=quality, progress=progress)

    def _repr_mimebundle_(self, **kwargs):
        """The widget view plus a PNG of the active recording's frame (kept in saved / headless notebooks)."""
        bundle = super()._repr_mimebundle_(**kwargs)
        data = bundle[0] if isinstance(bundle, tuple) else bundle
        viewer = self.widget
        if data is not None and viewer is not None:
            inner = viewer._repr_mimebundle_(**kwargs)  # also marks it shown, for its live updates
            inner = inner[0] if isinstance(inner, tuple) else inner
            if inner and "image/png" in inner:
                data["image/png"] = inner["image/png"]
            if viewer.error:  # a saved or headless notebook says why there is no picture
                data["text/plain"] = f"rerun_nb Viewer: the renderer failed: {viewer.error}"
            self._rnb_snapshot_key = (self._rnb_active, viewer.store.generation)
        if data is not None and self._rnb_display_handle is None:  # shown as a cell's value, not by display()
            shown_by_cell(self)
            self._rnb_announce()
        return bundle

    def display(self, block_until_ready: bool = False) -> None:
        """Display the viewer in the current cell and keep its saved snapshot current after each cell.

        ``block_until_ready`` is accepted for Rerun compatibility: frames are rendered in the kernel, so
        there is nothing to wait for.
        """
        from IPython import get_ipython
        from IPython.display import display

        shown_by_cell(self)  # before display: a re-run closes this cell's previous viewer first
        self._rnb_display_handle = display(self, display_id=True)
        shell = get_ipython()
        if shell is None or not hasattr(shell, "events"):
            self._rnb_announce()
            return
        ref = weakref.ref(self)

        def _after_cell(*_args):
            viewer = ref()
            if viewer is None or viewer._rnb_display_handle is None:
                shell.events.unregister("post_run_cell", _after_cell)
                return
            viewer._rnb_announce()
            widget = viewer.widget
            latest = _latest_viewer_per_store.get(id(widget.store)) if widget is not None else None
            if latest is not None and latest is not widget:
                # a newer viewer of this recording was shown: this output keeps the picture of its own step
                shell.events.unregister("post_run_cell", _after_cell)
                return
            if widget is not None and viewer._rnb_snapshot_key != (viewer._rnb_active, widget.store.generation):
                widget.refresh_timelines()
                viewer._rnb_display_handle.update(viewer)

        shell.events.register("post_run_cell", _after_cell)

    def _display_(self):
        """Called by marimo to render this object as a cell output.

        marimo runs anywidget models but not ipywidgets / jupyter_rfb, which this viewer is made of (returning
        the widget itself sent marimo's formatter into endless recursion). It shows a `snapshot` instead: 30
        frames over the time range with a slider that scrubs in the page (an anywidget: marimo drops inline
        HTML handlers), and a line that says so.
        """
        if self.widget is None:
            return _MarimoNote("rerun_nb Viewer: no recording")
        if self.widget.error:
            return _MarimoNote(f"rerun_nb Viewer: the renderer failed: {self.widget.error}")
        import marimo as mo

        from ._snapshot_widget import SnapshotWidget

        snap = self.snapshot(frames=MARIMO_SNAPSHOT_FRAMES, progress=False)
        note = ("rerun_nb: marimo has no ipywidgets / jupyter_rfb runtime, so the live viewer cannot run here; "
                "showing pre-rendered frames (scrub with the slider).")
        return mo.vstack([mo.md(note), SnapshotWidget.from_snapshot(snap)])

    def close(self) -> None:
        """Close every recording's widget and this one."""
        self._rnb_display_handle = None
        self._rnb_unlink()
        for recording_id in list(self._rnb_viewers):
            self._rnb_drop_widget(recording_id)
        for child in self.children:  # the notice, picker, selection panel and tables
            close_tree(child)
        self.layout.close()
        super().close()


class _MarimoNote:
    """A line of text, and optionally a snapshot under it, as HTML (what marimo shows for a `Viewer`)."""

    def __init__(self, text: str, snapshot: Any = None):
        self.text, self.snapshot = text, snapshot

    def _repr_html_(self) -> str:
        import html

        body = self.snapshot.to_html() if self.snapshot is not None else ""
        return f"<div style='color:#a60;font:12px sans-serif'>{html.escape(self.text)}</div>{body}"
