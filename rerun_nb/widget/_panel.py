"""The timeline panel (picker, slider, play/pause, speed, loop, step, follow latest) and entity list."""

from __future__ import annotations

import asyncio
import datetime as _dt
import time as _time

import ipywidgets as ipw
import numpy as np

from ._timeline import format_time

__all__ = ["TimelinePanel", "entity_list"]

SEQUENCE_FPS = 30.0  # play speed 1x on a sequence timeline, as Rerun
PLAY_TICK_S = 1 / 20


def _short_time(kind: str, raw: int) -> str:
    """A compact time for the slider's ends (timestamps as time of day, UTC)."""
    if kind == "timestamp":
        return _dt.datetime.fromtimestamp(raw / 1e9, tz=_dt.timezone.utc).strftime("%H:%M:%S")
    return format_time(kind, raw)


def _button(icon: str, tooltip: str, toggle: bool = False, value: bool = False):
    layout = ipw.Layout(width="34px", padding="0", flex="0 0 auto")
    if toggle:
        return ipw.ToggleButton(value=value, icon=icon, tooltip=tooltip, layout=layout)
    return ipw.Button(icon=icon, tooltip=tooltip, layout=layout)


class TimelinePanel:
    """Widgets driving a Viewer's time traits; holds no state of its own besides the widgets."""

    def __init__(self, viewer):
        self.viewer = viewer
        self._syncing = False
        self._last_tick = None
        # Only the slider shrinks: every label and button keeps its full text (flex "0 0 auto"; ipywidgets'
        # labels and buttons cut text with an ellipsis when a flex row squeezes them), and a row too narrow
        # for all of them wraps instead of clipping its end.
        fixed = {"flex": "0 0 auto"}
        self.picker = ipw.Dropdown(options=[], layout=ipw.Layout(width="110px", **fixed), tooltip="timeline")
        self.back = _button("step-backward", "previous time with data")
        self.play = _button("play", "play / pause", toggle=True)
        self.forward = _button("step-forward", "next time with data")
        self.slider = ipw.IntSlider(min=0, max=0, readout=False, continuous_update=True,
                                    layout=ipw.Layout(flex="1 1 60px", min_width="60px"))
        self.label = ipw.Label("", layout=ipw.Layout(min_width="180px", **fixed))  # room for a full log_time stamp
        # the slider's range, at its two ends
        self.range_start = ipw.Label("", layout=ipw.Layout(min_width="20px", **fixed))
        self.range_end = ipw.Label("", layout=ipw.Layout(min_width="20px", **fixed))
        self.label.add_class("rnb-time-label")  # CSS hooks (tests and users' styles tell the labels apart)
        self.range_start.add_class("rnb-range-label")
        self.range_end.add_class("rnb-range-label")
        self.speed = ipw.Dropdown(options=[("0.25x", 0.25), ("0.5x", 0.5), ("1x", 1.0), ("2x", 2.0), ("4x", 4.0)],
                                  value=1.0, layout=ipw.Layout(width="70px", **fixed), tooltip="speed")
        # a worded toggle: the "repeat" icon alone read as "reload"
        self.loop = ipw.ToggleButton(value=True, description="loop", tooltip="loop playback",
                                     layout=ipw.Layout(width="auto", min_width="56px", **fixed))
        self.follow = ipw.ToggleButton(value=True, description="latest", tooltip="follow latest data",
                                       layout=ipw.Layout(width="auto", min_width="70px", **fixed))
        self.box = ipw.HBox([self.picker, self.back, self.play, self.forward, self.range_start, self.slider,
                             self.range_end, self.label, self.speed, self.loop, self.follow],
                            layout=ipw.Layout(align_items="center", flex_flow="row wrap"))
        ipw.link((viewer, "playing"), (self.play, "value"))
        self.speed.observe(lambda ch: setattr(viewer, "speed", ch["new"]), "value")
        viewer.observe(self._on_speed, "speed")  # any speed may be set from Python; the menu shows presets
        ipw.link((viewer, "loop"), (self.loop, "value"))
        ipw.link((viewer, "follow_latest"), (self.follow, "value"))
        self.picker.observe(self._on_picker, "value")
        self.slider.observe(self._on_slider, "value")
        self.back.on_click(lambda _b: self.step(-1))
        self.forward.on_click(lambda _b: self.step(+1))
        viewer.observe(self._on_playing, "playing")

    def _on_speed(self, change) -> None:
        if change["new"] in {value for _label, value in self.speed.options}:
            self.speed.value = change["new"]

    # ---- viewer -> widgets ------------------------------------------------------------------------
    def sync_from_viewer(self) -> None:
        """Show the viewer's timeline, range and time in the widgets."""
        v = self.viewer
        self._syncing = True
        try:
            if list(self.picker.options) != list(v.timelines):
                self.picker.options = list(v.timelines)
            if v.timeline in v.timelines and self.picker.value != v.timeline:
                self.picker.value = v.timeline
            grid = v.time_grid
            if self.slider.max != grid.n_steps:
                self.slider.max = grid.n_steps
            self.slider.value = grid.to_index(v.time)
            self.label.value = format_time(v.timeline_kind(), v.time) if v.timeline else ""
            kind = v.timeline_kind()
            self.range_start.value = _short_time(kind, v.time_min) if v.timeline else ""
            self.range_end.value = _short_time(kind, v.time_max) if v.timeline else ""
        finally:
            self._syncing = False

    # ---- widgets -> viewer ------------------------------------------------------------------------
    def _on_picker(self, change) -> None:
        if not self._syncing and change["new"]:
            self.viewer.timeline = change["new"]

    def _on_slider(self, change) -> None:
        if self._syncing:
            return
        v = self.viewer
        raw = v.time_grid.to_raw(change["new"])
        if raw != v.time:
            v.time = raw

    def step(self, direction: int) -> None:
        """Move to the previous (-1) or next (+1) time with data."""
        v = self.viewer
        times = v.data_times()
        if direction < 0:
            i = int(np.searchsorted(times, v.time, "left")) - 1
            target = times[i] if i >= 0 else v.time_min
        else:
            i = int(np.searchsorted(times, v.time, "right"))
            target = times[i] if i < len(times) else v.time_max
        v.time = int(target)

    # ---- playback (kernel-side, on the asyncio loop: runs while the kernel is idle) ------------------
    def _on_playing(self, change) -> None:
        if change["new"]:
            v = self.viewer
            if v.time >= v.time_max:
                v.time = v.time_min
            v.follow_latest = False
            self._last_tick = _time.perf_counter()
            self._schedule()

    def _schedule(self) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return  # no loop (plain script / tests): call tick() yourself
        loop.call_later(PLAY_TICK_S, self._tick_now)

    def _tick_now(self) -> None:
        now = _time.perf_counter()
        self.tick(now - (self._last_tick or now))
        self._last_tick = now
        if self.viewer.playing:
            self._schedule()

    def tick(self, elapsed_s: float) -> None:
        """Advance playback by ``elapsed_s`` seconds of wall time (times ``speed``)."""
        v = self.viewer
        if not v.playing:
            return
        kind = v.timeline_kind()
        per_s = SEQUENCE_FPS if kind == "sequence" else 1e9
        delta = max(round(elapsed_s * v.speed * per_s), 1)
        new = v.time + delta
        if new > v.time_max:
            if v.loop:
                new = v.time_min
            else:
                new = v.time_max
                v.playing = False
        v.time = int(new)


def entity_tree(paths: list[str]) -> list[tuple[str, int]]:
    """The entity tree as (path, depth) rows in tree order: every ancestor of a path is a row above it
    (``/camera/image`` sits under ``/camera``, never under an unrelated ``/boxes``)."""
    nodes: set[str] = set()
    for path in paths:
        parts = [p for p in path.split("/") if p]
        for i in range(1, len(parts) + 1):
            nodes.add("/" + "/".join(parts[:i]))
    rows = sorted(nodes, key=lambda p: [part for part in p.split("/") if part])
    return [(p, p.count("/") - 1) for p in rows]


def entity_list(viewer) -> None:
    """(Re)build the entity checkboxes (the real entity tree, indented by depth) when the entities changed.

    An entity holding archetypes that Rerun draws but no rerun_nb view draws yet says so in its row
    ("/path  (not drawn yet: GridMap)"): its data is kept and saved, never dropped silently.
    """
    from ..layout import store_archetypes, undrawn_archetypes

    rows = entity_tree(viewer.store.entity_paths())
    undrawn = undrawn_archetypes(store_archetypes(viewer.store))
    labels = [path + (f"  (not drawn yet: {', '.join(undrawn[path])})" if path in undrawn else "")
              for path, _depth in rows]
    box = viewer.entities.children[0]
    if [c.description for c in box.children] == labels:
        return
    known = {getattr(c, "_rnb_path", c.description): c for c in box.children}
    boxes = []
    for (path, depth), label in zip(rows, labels):
        cb = known.get(path)
        if cb is None:
            cb = ipw.Checkbox(value=True, description=label, indent=False,
                              layout=ipw.Layout(margin=f"0 0 0 {16 * depth}px"))
            cb._rnb_path = path
            cb.observe(lambda ch, p=path: viewer.set_visible(p, ch["new"]), "value")
        cb.description = label
        boxes.append(cb)
    box.children = boxes
