"""Text views: the text log (rows up to the current time, newest at the bottom, level colors) and the
text document (markdown or plain text). Both draw pygfx Text in screen space (one canvas for all views)."""

from __future__ import annotations

import numpy as np

from ..query import ChangeTracker, batch, first_text, rgba_float
from ._base import ScreenOverlay, View
from ._props import background_color, prop_value

__all__ = ["LEVEL_COLORS", "TextDocumentView", "TextLogView"]

LEVEL_COLORS = {"CRITICAL": "#ff5ad2", "ERROR": "#ff5a5a", "WARN": "#ffd25a", "INFO": "#5ad25a",
                "DEBUG": "#6eaaff", "TRACE": "#aa96c8"}
TEXT_COLOR = "#d4d8dd"
ROW_PX = 16
FONT_PX = 12
TEXT_COMPONENTS = ["TextLog:text", "TextLog:level", "TextLog:color"]


class _LogRows:
    """One entity's TextLog rows on a timeline, from range queries, appended as data arrives."""

    def __init__(self, store, path: str, timeline: str):
        self.store, self.path, self.timeline = store, path, timeline
        self.times = np.empty(0, np.int64)
        self.rows: list[tuple[str, str | None, str | None]] = []  # (text, level, css color)
        self._last: tuple[int, int] | None = None
        self.reload()

    def reload(self) -> None:
        self.times, self.rows, self._last = np.empty(0, np.int64), [], None
        self._append(self.store.range(self.path, timeline=self.timeline, components=TEXT_COMPONENTS))

    def on_new_data(self, earliest: int | None) -> None:
        if self._last is not None and earliest is not None and earliest < self._last[0]:
            self.reload()
            return
        start = None if self._last is None else self._last[0]
        rows = self.store.range(self.path, timeline=self.timeline, start=start, components=TEXT_COMPONENTS)
        if self._last is not None:
            rows = [r for r in rows if (r[0], r[1]) > self._last]
        self._append(rows)

    def _append(self, rows) -> None:
        rows = [r for r in rows if "TextLog:text" in r[2]]
        if not rows:
            return
        new = []
        for _t, _rid, comps in rows:
            color = rgba_float(comps.get("TextLog:color"))
            css = None if color is None else "#" + "".join(f"{round(c * 255):02x}" for c in color[0][:3])
            new.append((first_text(comps.get("TextLog:text"), ""), first_text(comps.get("TextLog:level")), css))
        self.times = np.concatenate([self.times, np.array([r[0] for r in rows], np.int64)])
        self.rows += new
        self._last = (rows[-1][0], rows[-1][1])


class TextLogView(View):
    """Rerun's ``TextLogView``: the TextLog rows of its entities up to the current time."""

    kind = "TextLog"
    applied_properties = frozenset({"rows"})

    def __init__(self, store, **kwargs):
        super().__init__(store, **kwargs)
        self.tracker = ChangeTracker(store, include=self.includes)
        self.overlay = ScreenOverlay(background_color(None, "#121417"))
        self.overlay.scene.add(self._title)
        self.timeline: str | None = None
        self.at: int | None = None
        self.logs: dict[str, _LogRows] = {}
        self._texts: list = []  # every Text object made (shown or spare)
        self._shown: dict[tuple, list] = {}  # (line, color) -> the Text objects showing it
        self._spare: list = []  # hidden Text objects, reused for new lines
        levels = prop_value(self.properties.get("rows"), "filter_by_log_level")
        self.levels = None if levels is None else {str(x).upper() for x in
                                                   (levels if isinstance(levels, (list, tuple)) else [levels])}

    def update(self, timeline, at) -> None:
        if timeline is None:
            return
        if timeline != self.timeline:
            self.timeline, self.logs = timeline, {}
            self.tracker.take_arrivals()
        self.at = at
        earliest: dict[str, int | None] = {}
        for path, _kind, _static, times in self.tracker.take_arrivals():
            t = times.get(timeline)
            earliest[path] = min(int(t.min()), earliest.get(path) or int(t.min())) if t is not None and len(t) else None
        for path in self.tracker.entity_paths:
            if not self.tracker.has_component(path, "TextLog:text"):
                continue
            log = self.logs.get(path)
            if log is None:
                self.logs[path] = _LogRows(self.store, path, timeline)
            elif path in earliest:
                log.on_new_data(earliest[path])

    def visible_rows(self, limit: int) -> list[tuple[int, str, str, str | None, str | None]]:
        """The newest ``limit`` rows at or before the current time: (time, entity, text, level, color), oldest first."""
        picked = []
        for path, log in self.logs.items():
            if self.is_hidden(path):
                continue
            end = len(log.times) if self.at is None else int(np.searchsorted(log.times, self.at, "right"))
            i = end
            while i > 0 and len(picked) < 10 * limit:
                i -= 1
                text, level, color = log.rows[i]
                if self.levels is not None and (level or "").upper() not in self.levels:
                    continue
                picked.append((int(log.times[i]), i, path, text, level, color))
                if sum(1 for p in picked if p[2] == path) >= limit:
                    break
        picked.sort(key=lambda r: (r[0], r[1]))
        return [(t, path, text, level, color) for t, _i, path, text, level, color in picked[-limit:]]

    def draw(self, renderer, rect) -> None:
        limit = max((rect[3] - 24) // ROW_PX, 1)
        rows = self.visible_rows(limit)
        # Text objects are kept per shown line, not per row slot: stepping or playing shifts the rows by one,
        # and only the new line is laid out (pygfx text layout is ~1 ms a line on a CPU machine); the others
        # just move. Objects of lines that left are reused for the new ones.
        wanted = [(f"{path}  {level or '':<5}  {text}", color or LEVEL_COLORS.get((level or "").upper(), TEXT_COLOR))
                  for _time, path, text, level, color in rows]
        old: dict[tuple, list] = self._shown
        shown: dict[tuple, list] = {}
        slots: list = [None] * len(wanted)
        for i, key in enumerate(wanted):
            same = old.get(key)
            if same:
                slots[i] = same.pop()
                shown.setdefault(key, []).append(slots[i])
        free = [t for same in old.values() for t in same] + self._spare
        self.laid_out = 0  # lines laid out by this draw (the others were on screen already)
        for i, key in enumerate(wanted):
            if slots[i] is None:
                t = free.pop() if free else None
                if t is None:
                    t = ScreenOverlay.text("", color=TEXT_COLOR, font_px=FONT_PX)
                    self._texts.append(t)
                    self.overlay.scene.add(t)
                t.set_text(key[0])
                t.material.color = key[1]
                self.laid_out += 1
                slots[i] = t
                shown.setdefault(key, []).append(t)
        for t in free:
            t.visible = False
        self._spare, self._shown = free, shown
        for i, t in enumerate(slots):
            t.visible = True
            self.overlay.place(t, 8, 22 + i * ROW_PX)
        self.overlay.place(self._title, 6, 4)
        self._title.visible = True
        self.overlay.render(renderer, rect)

    def data_times(self, timeline):
        return self.tracker.data_times(timeline).copy()

    def min_time_gap(self, timeline):
        return self.tracker.min_time_gap(timeline)

    def close(self) -> None:
        self.tracker.close()


class TextDocumentView(View):
    """Rerun's ``TextDocumentView``: the latest TextDocument at the origin, markdown rendered or plain."""

    kind = "TextDocument"

    def __init__(self, store, **kwargs):
        super().__init__(store, **kwargs)
        self.overlay = ScreenOverlay(background_color(None, "#121417"))
        self.overlay.scene.add(self._title)
        self._doc = None
        self._key = None
        self.tracker = ChangeTracker(store, include=lambda p: p == self.origin)

    def update(self, timeline, at) -> None:
        if timeline is None:
            return
        result = self.store.latest_at(self.origin, timeline=timeline, at=at,
                                      components=["TextDocument:text", "TextDocument:media_type"])
        text = first_text(batch(result, "TextDocument:text"), "")
        media = first_text(batch(result, "TextDocument:media_type"), "text/plain")
        self.text, self.media_type = text, media

    def draw(self, renderer, rect) -> None:
        key = (getattr(self, "text", ""), getattr(self, "media_type", ""), rect[2])
        if key != self._key:
            if self._doc is not None:
                self.overlay.scene.remove(self._doc)
            self._doc = ScreenOverlay.text(key[0], color=TEXT_COLOR, font_px=13, markdown=key[1] == "text/markdown",
                                           max_width=max(rect[2] - 16, 40))
            self.overlay.scene.add(self._doc)
            self._key = key
        self.overlay.place(self._doc, 8, 24)
        self.overlay.place(self._title, 6, 4)
        self._title.visible = True
        self.overlay.render(renderer, rect)

    def data_times(self, timeline):
        return self.tracker.data_times(timeline).copy()

    def close(self) -> None:
        self.tracker.close()


