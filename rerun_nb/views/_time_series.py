"""The time series view: every Scalars sample of its entities as lines (SeriesLines) or markers
(SeriesPoints), a legend, axes in the timeline's unit and a cursor at the current time.

History comes from range queries (``rerun_nb.query.ScalarHistory``) and grows by appending: a new
sample writes a few vertices, never rebuilds the plot. Moving the time only moves the cursor.
"""

from __future__ import annotations

import numpy as np
import pygfx as gfx

from ..query import ChangeTracker, ScalarHistory, batch, first_bool, first_int, float_values, rgba_float, text_values
from ..viewer._colors import auto_color
from ._base import BACKGROUND_RGB, ScreenOverlay, View
from ._plot import (
    AGGREGATION_POLICIES,
    DECIMATE_ABOVE,
    MARGIN_LEFT_PX,
    MARGIN_RIGHT_PX,
    DecimatedLine,
    GrowingLine,
    PlotFrame,
    time_tick_format,
)
from ._overrides import ViewSettings
from ._props import background_color, prop_value

__all__ = ["TimeSeriesView"]

# (id(store), timeline) -> the user's x range shared by the plots whose TimeAxis links to the global one
_LINKED_X_VIEWS: dict[tuple[int, str | None], tuple[float, float] | None] = {}

STYLE_COMPONENTS = ["SeriesLines:colors", "SeriesLines:widths", "SeriesLines:names", "SeriesLines:visible_series",
                    "SeriesLines:aggregation_policy",
                    "SeriesPoints:colors", "SeriesPoints:markers", "SeriesPoints:names", "SeriesPoints:visible_series",
                    "SeriesPoints:marker_sizes"]
CURSOR_COLOR = "#e8e8e8"


def _css(rgba: np.ndarray) -> str:
    r, g, b = (round(float(c) * 255) for c in rgba[:3])
    return f"#{r:02x}{g:02x}{b:02x}"


class _Series:
    """One column of an entity's scalars, drawn as a line or as markers: every sample while there are at
    most ``DECIMATE_ABOVE`` per plot pixel column, else min/max per column (lines only)."""

    def __init__(self, name: str, color: str, width: float, points: bool, marker_px: float,
                 policy: int = AGGREGATION_POLICIES["minmax"]):
        self.name, self.color = name, color
        self.style = (color, width, points, marker_px)
        self.policy = policy
        self.line = GrowingLine(color, width_px=width, points=points, marker_px=marker_px)
        self.decimated: DecimatedLine | None = None
        self._raw: list[np.ndarray] = []  # samples while drawn one by one (to decimate them later)
        self._raw_n = 0

    @property
    def obj(self):
        """The pygfx object drawn now."""
        return self.decimated.obj if self.decimated is not None else self.line.obj

    def feed(self, xy: np.ndarray, *, replace: bool, plot_px: int) -> bool:
        """Add (or replace with) samples; True when the drawn object changed (the caller re-parents it)."""
        if replace:
            self.decimated, self._raw, self._raw_n = None, [], 0
            self.line.set(np.empty((0, 2)))
        if self.decimated is not None:
            self.decimated.append(xy, plot_px)
            return False
        if self.policy != AGGREGATION_POLICIES["off"]:  # kept only to be aggregated later
            self._raw.append(xy)
        self._raw_n += len(xy)
        if self._raw_n > DECIMATE_ABOVE * plot_px and not self.style[2] and self.policy != AGGREGATION_POLICIES["off"]:
            color, width, points, marker = self.style
            self.decimated = DecimatedLine(color, width_px=width, points=points, marker_px=marker, policy=self.policy)
            self.decimated.set(np.concatenate(self._raw), plot_px)
            self._raw = []
            return True
        self.line.append(xy)
        return replace

    def replot(self, plot_px: int) -> None:
        """Re-bin a decimated series for a new plot width."""
        if self.decimated is not None:
            self.decimated.set(np.stack([self.decimated.x, self.decimated.y], axis=1), plot_px)


class TimeSeriesView(View):
    """Rerun's ``TimeSeriesView``: ``Scalars`` with ``SeriesLines`` / ``SeriesPoints`` styles."""

    kind = "TimeSeries"
    applied_properties = frozenset({"background", "axis_x", "axis_y", "plot_legend", "time_ranges", "defaults",
                                    "overrides"})

    def __init__(self, store, **kwargs):
        super().__init__(store, **kwargs)
        self.tracker = ChangeTracker(store, include=self.includes)
        self.settings = ViewSettings(self.properties)  # defaults= / overrides= of the series styles
        for problem in self.settings.problems:
            self.add_notice(f"not applied: {problem}")
        self.frame = PlotFrame(background_color(self.properties.get("background"), BACKGROUND_RGB))
        self.cursor = gfx.Line(gfx.Geometry(positions=np.zeros((2, 3), np.float32)),
                               gfx.LineMaterial(thickness=1.0, color=CURSOR_COLOR, thickness_space="screen"))
        self.frame.scene.add(self.cursor)
        self.timeline: str | None = None
        self.at: int | None = None
        self.histories: dict[str, ScalarHistory] = {}
        self.series: dict[str, list[_Series]] = {}
        self._origin_raw = 0
        self._scale = 1.0
        self._legend: list[gfx.Text] = []
        self._legend_key: tuple = ()
        self._plot_px = 600  # plot width in pixels (for decimation), from the last draw
        self._x_view: tuple[float, float] | None = None  # the user's zoom/pan of the time axis
        self._drag = None
        self._zoom_key = 0

    # ---- data -----------------------------------------------------------------------------------
    def _scalar_entities(self) -> list[str]:
        return [p for p in self.tracker.entity_paths if self.tracker.has_component(p, "Scalars:scalars")
                and not self.is_hidden(p)]

    def _reset(self, timeline: str) -> None:
        for lines in self.series.values():
            for s in lines:
                self.frame.content.remove(s.obj)
        self.histories, self.series = {}, {}
        self.timeline = timeline
        info = self.store.timelines().get(timeline)
        kind = info.kind if info is not None else "sequence"
        self._origin_raw = int(info.min) if info is not None and kind != "sequence" else 0
        self._scale, fmt = time_tick_format(kind, self._origin_raw)
        self.frame.set_x_format(fmt)
        self.tracker.take_arrivals()  # a fresh range query below reads everything up to now

    def update(self, timeline, at) -> None:
        if timeline is None:
            return
        if timeline != self.timeline:
            self._reset(timeline)
        self.at = at
        arrivals = self.tracker.take_arrivals()
        earliest: dict[str, int | None] = {}
        dropped: set[str] = set()
        for path, kind, is_static, times in arrivals:
            if kind != "add":
                dropped.add(path)
            t = times.get(timeline)
            t_min = int(t.min()) if t is not None and len(t) else None
            if path not in earliest or (t_min is not None and (earliest[path] is None or t_min < earliest[path])):
                earliest[path] = t_min
        for path in self._scalar_entities():
            history = self.histories.get(path)
            if history is None:
                history = self.histories[path] = ScalarHistory(self.store, path, timeline)
                self._restyle(path, history, full=True)
            elif path in earliest:
                before = (history.rebuilds, len(history.times))
                history.on_new_data(earliest[path], dropped=path in dropped)
                self._restyle(path, history, full=history.rebuilds != before[0], start=before[1])

    def _restyle(self, path: str, history: ScalarHistory, *, full: bool, start: int = 0) -> None:
        """Make sure the entity has one series per column and append (or set) their vertices."""
        k = history.values.shape[1]
        lines = self.series.setdefault(path, [])
        if len(lines) < k or full:
            for s in lines:
                self.frame.content.remove(s.obj)
            lines[:] = self._make_series(path, k)
            for s in lines:
                self.frame.content.add(s.obj)
            start = 0
        x = ((history.times[start:] - self._origin_raw) / self._scale).astype(np.float64)
        for j, s in enumerate(lines):
            before = s.obj
            if s.feed(np.stack([x, history.values[start:, j]], axis=1), replace=start == 0, plot_px=self._plot_px):
                if before.parent is not None:
                    self.frame.content.remove(before)
                self.frame.content.add(s.obj)

    def _make_series(self, path: str, k: int) -> list[_Series]:
        style = self.store.latest_at(path, timeline=self.timeline, components=STYLE_COMPONENTS)
        # the SeriesLines visualizer runs for every Scalars entity (Rerun's default), so its defaults always apply
        present = {"SeriesLines"} | {name.split(":", 1)[0] for name in style}
        style = self.settings.apply(path, style, present)
        points = batch(style, "SeriesPoints:markers") is not None or batch(style, "SeriesPoints:colors") is not None
        points = points and batch(style, "SeriesLines:colors") is None
        prefix = "SeriesPoints" if points else "SeriesLines"
        colors = rgba_float(batch(style, f"{prefix}:colors"))
        names = text_values(batch(style, f"{prefix}:names"))
        widths = float_values(batch(style, "SeriesLines:widths"))
        sizes = float_values(batch(style, "SeriesPoints:marker_sizes"))
        policy = first_int(batch(style, "SeriesLines:aggregation_policy"), AGGREGATION_POLICIES["minmax"])
        if policy not in AGGREGATION_POLICIES.values():
            policy = AGGREGATION_POLICIES["minmax"]
        out = []
        for j in range(k):
            color = colors[min(j, len(colors) - 1)] if colors is not None else auto_color(f"{path}#{j}" if j else path)
            name = names[j] if names is not None and j < len(names) else (path if k == 1 else f"{path}[{j}]")
            width = float(widths[min(j, len(widths) - 1)]) if widths is not None else 1.5
            size = 2 * float(sizes[min(j, len(sizes) - 1)]) if sizes is not None else 4.0
            out.append(_Series(name, _css(color), width, points, size, policy))
        return out

    # ---- drawing ----------------------------------------------------------------------------------
    def data_x_range(self) -> tuple[float, float] | None:
        """(x0, x1) of all samples in plot units."""
        ts = [(h.times[0], h.times[-1]) for p, h in self.histories.items() if len(h.times) and p in self.series]
        if not ts:
            return None
        lo, hi = min(t[0] for t in ts), max(t[1] for t in ts)
        return (lo - self._origin_raw) / self._scale, (hi - self._origin_raw) / self._scale

    # ---- the time axis: TimeAxis(link=, view_range=, zoom_lock=) -------------------------------------
    @property
    def linked(self) -> bool:
        """``TimeAxis(link=LinkAxis.LinkToGlobal)``: the x range is the time panel's, shared by linked plots."""
        link = prop_value(self.properties.get("axis_x"), "link")
        return link is not None and str(getattr(link, "name", link)).lower().replace("_", "") in ("linktoglobal", "2")

    @property
    def zoom_locked(self) -> bool:
        """``TimeAxis(zoom_lock=True)``: the user's wheel and drag leave the x range alone."""
        return bool(prop_value(self.properties.get("axis_x"), "zoom_lock", False))

    @property
    def user_x_view(self) -> tuple[float, float] | None:
        """The user's pan/zoom of the time axis (shared by linked plots of one store and timeline)."""
        if self.linked:
            return _LINKED_X_VIEWS.get((id(self.store), self.timeline))
        return self._x_view

    @user_x_view.setter
    def user_x_view(self, value) -> None:
        if self.linked:
            _LINKED_X_VIEWS[(id(self.store), self.timeline)] = value
        self._x_view = value

    def x_window(self) -> tuple[float, float] | None:
        """The visible x range: the user's pan/zoom, else ``axis_x``'s view range (a linked axis: the whole
        timeline, as the time panel shows it), else the view's ``time_ranges`` for this timeline, else None."""
        if self.user_x_view is not None:
            return self.user_x_view
        axis = self.properties.get("axis_x")
        view_range = prop_value(axis, "view_range")
        cursor = self.at
        if view_range is not None:
            data = self.data_x_range() or (0.0, 1.0)
            start = self._boundary(getattr(view_range, "start", None), cursor, data[0])
            end = self._boundary(getattr(view_range, "end", None), cursor, data[1])
            if end > start:
                return start, end
        if self.linked:
            info = self.store.timelines().get(self.timeline)
            if info is not None:
                return (info.min - self._origin_raw) / self._scale, (info.max - self._origin_raw) / self._scale
        ranges = prop_value(self.properties.get("time_ranges"), "ranges") or []
        for vtr in ranges:
            if getattr(vtr, "timeline", None) != self.timeline:
                continue
            data = self.data_x_range() or (0.0, 1.0)
            cursor = self.at if self.at is not None else None
            start = self._boundary(vtr.range.start, cursor, data[0])
            end = self._boundary(vtr.range.end, cursor, data[1])
            return (start, end) if end > start else None
        return None

    def _boundary(self, boundary, cursor_raw: int | None, infinite: float) -> float:
        kind = getattr(boundary, "kind", "infinite")
        if kind == "absolute":
            return (boundary.value - self._origin_raw) / self._scale
        if kind == "cursor_relative" and cursor_raw is not None:
            return (cursor_raw + boundary.value - self._origin_raw) / self._scale
        return infinite

    def value_range(self) -> tuple[float, float, float, float] | None:
        """(x0, x1, y0, y1) shown, in plot units: the x window (or all samples), y fitted to the samples in it
        (axis_y's range when given)."""
        data = self.data_x_range()
        if data is None:
            return None
        x0, x1 = self.x_window() or data
        ys = []
        for path, h in self.histories.items():
            if path not in self.series or not len(h.times):
                continue
            raw = np.array([x0, x1]) * self._scale + self._origin_raw
            a, b = np.searchsorted(h.times, raw[0], "left"), np.searchsorted(h.times, raw[1], "right")
            block = h.values[a:b]
            finite = block[np.isfinite(block)]
            if finite.size:
                ys += [float(finite.min()), float(finite.max())]
        y0, y1 = (min(ys), max(ys)) if ys else (0.0, 1.0)
        fixed = prop_value(self.properties.get("axis_y"), "range")
        if fixed is not None:
            y0, y1 = float(fixed[0]), float(fixed[1])
        else:
            pad = 0.05 * (y1 - y0) if y1 > y0 else 0.5
            y0, y1 = y0 - pad, y1 + pad
        return x0, x1, y0, y1

    # ---- input: zoom (wheel) and pan (drag) the time axis, double-click to show everything again -----
    def handle_event(self, event, rect) -> bool:
        kind = event.get("event_type", event.get("type"))
        x0, x1, _y0, _y1 = self.frame.bounds
        plot_w = max(rect[2] - MARGIN_LEFT_PX - MARGIN_RIGHT_PX, 1)
        px = float(event.get("x", 0)) - rect[0] - MARGIN_LEFT_PX
        if kind == "double_click":
            self.user_x_view, self._drag = None, None
            return True
        if kind == "wheel" and not self.zoom_locked:
            factor = 1.15 ** (float(event.get("dy", 0)) / 100.0)
            at = x0 + (x1 - x0) * min(max(px / plot_w, 0.0), 1.0)
            self.user_x_view = (at - (at - x0) * factor, at + (x1 - at) * factor)
            return True
        if kind == "pointer_leave":
            return self.set_hover(None)
        if kind == "pointer_move" and not event.get("buttons") and self._drag is None:
            y = float(event.get("y", 0)) - rect[1]
            return self.set_hover(self.sample_info(x0 + (x1 - x0) * px / plot_w), px + MARGIN_LEFT_PX, y)
        if kind == "pointer_down" and not self.zoom_locked:
            self._drag = (px, x0, x1)
            return False
        if kind == "pointer_move" and self._drag is not None and event.get("buttons"):
            start_px, a, b = self._drag
            shift = (px - start_px) / plot_w * (b - a)
            self.user_x_view = (a - shift, b - shift)
            return True
        if kind == "pointer_up":
            self._drag = None
        return False

    def sample_info(self, x: float) -> str | None:
        """Hover text at plot x: each series' sample nearest to that time ("name: value @ time")."""
        raw = x * self._scale + self._origin_raw
        _fmt_scale, fmt = time_tick_format(self.store.timeline_kind(self.timeline) or "sequence", self._origin_raw)
        lines = []
        for path, history in self.histories.items():
            times = history.times
            if not len(times) or path not in self.series:
                continue
            i = int(np.clip(np.searchsorted(times, raw), 1, len(times) - 1)) if len(times) > 1 else 0
            if len(times) > 1 and abs(times[i - 1] - raw) <= abs(times[i] - raw):
                i -= 1
            at = fmt((times[i] - self._origin_raw) / self._scale, 0, 0)
            for j, s in enumerate(self.series[path]):
                value = history.values[i, j] if j < history.values.shape[1] else np.nan
                if np.isfinite(value):
                    lines.append(f"{s.name}: {value:.6g} @ {at}")
        return "  ".join(lines[:4]) or None

    def _clip(self, bounds) -> None:
        """Clip the series to the plot area (zoomed-in lines must not cross the axes)."""
        x0, x1, y0, y1 = bounds
        # pygfx keeps a fragment where dot(position, (a, b, c)) >= d (its shader's convention)
        planes = [(1, 0, 0, x0), (-1, 0, 0, -x1), (0, 1, 0, y0), (0, -1, 0, -y1)]
        for lines in self.series.values():
            for s in lines:
                s.obj.material.clipping_planes = planes

    def cursor_x(self) -> float | None:
        """The current time in plot units (None when unknown)."""
        if self.at is None:
            return None
        return (self.at - self._origin_raw) / self._scale

    def draw(self, renderer, rect) -> None:
        plot_px = max(int(rect[2]) - MARGIN_LEFT_PX - MARGIN_RIGHT_PX, 16)
        if not 0.5 <= plot_px / self._plot_px <= 2:  # resized a lot: re-bin the decimated series
            self._plot_px = plot_px
            for lines in self.series.values():
                for s in lines:
                    s.replot(plot_px)
        rng = self.value_range()
        if rng is not None:
            self.frame.show(*rng, rect)
            self._clip(self.frame.bounds)
            self._rebin_for_zoom(rng, plot_px)
            y_per_px = self.frame.data_per_pixel(rect)[1]
            for lines in self.series.values():  # decimated series are bands: keep them a line width thick
                for s in lines:
                    if s.decimated is not None:
                        s.decimated.fit_pixel(y_per_px)
        x = self.cursor_x()
        _x0, _x1, y0, y1 = self.frame.bounds
        self.cursor.visible = x is not None and rng is not None
        if self.cursor.visible:
            pos = self.cursor.geometry.positions
            pos.data[:] = [[x, y0, 0.5], [x, y1, 0.5]]
            pos.update_full()
        self.frame.draw(renderer, rect)
        self._draw_legend(rect)
        self.draw_overlay(renderer, rect)

    def _rebin_for_zoom(self, rng, plot_px: int) -> None:
        """Zoomed in, decimated series get finer bins (about one per pixel of the visible range)."""
        data = self.data_x_range()
        if data is None:
            return
        zoom = (data[1] - data[0]) / max(rng[1] - rng[0], 1e-12)
        key = round(np.log2(max(zoom, 1.0)))  # re-bin when the zoom changes by about 2x
        if key == self._zoom_key:
            return
        self._zoom_key = key
        for lines in self.series.values():
            for s in lines:
                if s.decimated is not None:
                    s.replot(int(min(plot_px * 2.0 ** key, max(s.decimated.n // 2, 1))))

    def _draw_legend(self, rect) -> None:
        legend = self.properties.get("plot_legend")
        visible = first_bool([prop_value(legend, "visible", True)], True) if legend is not None else True
        entries = [(s.name, s.color) for lines in self.series.values() for s in lines] if visible else []
        key = tuple(entries)
        if key != self._legend_key:
            for t in self._legend:
                self.overlay.scene.remove(t)
            self._legend = [ScreenOverlay.text(name, color=color, anchor="top-right") for name, color in entries]
            for t in self._legend:
                self.overlay.scene.add(t)
            self._legend_key = key
        corner = str(getattr(prop_value(legend, "corner", "RightTop"), "name", prop_value(legend, "corner", "RightTop")))
        corner = corner.lower().replace("_", "")
        left, bottom = corner.startswith("left") or corner in ("1", "3"), corner.endswith("bottom") or corner in ("3", "4")
        anchor = ("bottom" if bottom else "top") + ("-left" if left else "-right")
        x = MARGIN_LEFT_PX + 8 if left else rect[2] - 16
        for i, t in enumerate(self._legend):
            if t.anchor != anchor:
                t.anchor = anchor
            row = len(self._legend) - 1 - i if bottom else i
            self.overlay.place(t, x, rect[3] - 30 - 15 * row if bottom else 24 + 15 * row)

    def data_times(self, timeline):
        return self.tracker.data_times(timeline).copy()

    def min_time_gap(self, timeline):
        return self.tracker.min_time_gap(timeline)

    def set_visible(self, entity_path, visible) -> None:
        super().set_visible(entity_path, visible)
        self.timeline = None  # rebuild without (or with) it

    def close(self) -> None:
        self.tracker.close()
