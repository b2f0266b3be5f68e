"""The state timeline view: one lane per entity with ``StateChange``s, a colored bar per state over time.

As Rerun 0.41's ``StateTimelineView``: each ``StateChange`` starts a state that lasts until the next one
(the last until the end of the data); a null state is a gap. ``StateConfiguration`` (latest-at, usually
static) on the same entity gives each state value a label, a color and visibility. A vertical line marks
the current time. x is time (seconds from the first data time on duration/timestamp timelines, raw
ticks on sequence timelines), y is the lane (y down). Colors without a configuration: a stable color
per state value.
"""

from __future__ import annotations

import zlib

import numpy as np
import pygfx as gfx

from ..query import batch, rgba_float, text_values
from ..viewer import _objects
from ..viewer._colors import _PALETTE
from ._flat import FlatView

__all__ = ["StateTimelineView"]

STATE = "StateChange:state"
LANE_HEIGHT = 1.0
BAR_HEIGHT = 0.7


def _value_color(value: str) -> np.ndarray:
    return np.append(_PALETTE[zlib.crc32(value.encode()) % len(_PALETTE)], 1.0).astype(np.float32)


def _bool_list(b) -> list[bool] | None:
    if b is None:
        return None
    values = b.to_pylist() if hasattr(b, "to_pylist") else list(np.asarray(b).reshape(-1))
    return [bool(v) for v in values]


class StateTimelineView(FlatView):
    """Rerun's ``StateTimelineView``: lanes of states over time."""

    kind = "StateTimeline"
    applied_properties = frozenset()

    def __init__(self, store, **kwargs):
        super().__init__(store, **kwargs)
        self.camera.maintain_aspect = False  # time and lanes scale independently
        self.lanes: list[tuple[str, list[tuple[float, float, str]]]] = []  # (entity, [(x0, x1, state)])
        self._span: tuple[float, float] | None = None
        self._cursor: gfx.Line | None = None
        self._t0 = 0
        self._scale = 1.0

    def _time_axis(self, timeline: str) -> None:
        kind = self.store.timeline_kind(timeline)
        info = self.store.timelines().get(timeline)
        self._t0 = int(getattr(info, "min", 0) or 0) if info is not None else 0
        self._scale = 1.0 if kind == "sequence" else 1e-9

    def to_x(self, t: int) -> float:
        """The x of a raw time on the view's timeline."""
        return (int(t) - self._t0) * self._scale

    def rebuild(self, timeline, at) -> None:
        self._time_axis(timeline)
        self.content.clear()
        self.lanes = []
        per_path = []
        t_max = None
        for path in self.entity_paths_with(STATE):
            rows = self.store.range(path, timeline=timeline, components=[STATE])
            changes = []
            for t, _rid, comps in rows:
                values = text_values(comps.get(STATE))
                raw = comps.get(STATE)
                is_null = raw is None or len(raw) == 0 or (hasattr(raw, "null_count") and raw.null_count == len(raw))
                changes.append((t, None if is_null or not values else values[0]))
                t_max = t if t_max is None else max(t_max, t)
            if changes:
                per_path.append((path, changes))
        if not per_path:
            self._span = None
            return
        x_first = min(self.to_x(c[0][0]) for _p, c in per_path)
        x_last = self.to_x(t_max)
        end = x_last + max((x_last - x_first) * 0.05, 1.0 if self._scale == 1.0 else 1e-3)
        self._span = (x_first, end)
        for lane, (path, changes) in enumerate(per_path):
            config = self._configuration(path, timeline, at)
            bars = []
            for k, (t, state) in enumerate(changes):
                if state is None or not config.get(state, {}).get("visible", True):
                    continue
                x1 = self.to_x(changes[k + 1][0]) if k + 1 < len(changes) else end
                bars.append((self.to_x(t), x1, state))
            self.lanes.append((path, bars))
            self._draw_lane(lane, path, bars, config)

    def _configuration(self, path, timeline, at) -> dict[str, dict]:
        r = self.store.latest_at(path, timeline=timeline, at=at)
        values = text_values(batch(r, "StateConfiguration:values")) or []
        labels = text_values(batch(r, "StateConfiguration:labels"))
        colors = rgba_float(batch(r, "StateConfiguration:colors"))
        visible = _bool_list(batch(r, "StateConfiguration:visible"))
        out = {}
        for k, v in enumerate(values):
            out[v] = {"label": labels[k] if labels and k < len(labels) else v,
                      "color": colors[k] if colors is not None and k < len(colors) else None,
                      "visible": visible[k] if visible and k < len(visible) else True}
        return out

    def _draw_lane(self, lane: int, path: str, bars, config) -> None:
        y0 = lane * LANE_HEIGHT + (LANE_HEIGHT - BAR_HEIGHT) / 2
        if not bars:
            return
        n = len(bars)
        pos = np.zeros((4 * n, 3), np.float32)
        colors = np.zeros((4 * n, 4), np.float32)
        for i, (x0, x1, state) in enumerate(bars):
            pos[4 * i: 4 * i + 4, :2] = [(x0, y0), (x1, y0), (x1, y0 + BAR_HEIGHT), (x0, y0 + BAR_HEIGHT)]
            color = config.get(state, {}).get("color")
            colors[4 * i: 4 * i + 4] = _value_color(state) if color is None else color
        # pygfx takes mesh vertex colors as linear (points' as sRGB): convert, so a bar shows its exact color
        colors[:, :3] = np.where(colors[:, :3] <= 0.04045, colors[:, :3] / 12.92,
                                 ((colors[:, :3] + 0.055) / 1.055) ** 2.4)
        base = (np.arange(n) * 4)[:, None]
        idx = np.concatenate([base + [0, 1, 2], base + [0, 2, 3]], axis=1).reshape(-1, 3).astype(np.uint32)
        mesh = gfx.Mesh(gfx.Geometry(positions=pos, indices=idx, colors=colors),
                        gfx.MeshBasicMaterial(color_mode="vertex", side="both"))
        labels = [config.get(s, {}).get("label", s) for _x0, _x1, s in bars]
        anchors = np.array([[x0, y0 + BAR_HEIGHT, 1.0] for x0, _x1, _s in bars], np.float32)
        _objects.set_labels(mesh, [f"{path}: {labels[0]}"] + labels[1:], anchors)
        self.content.add(mesh)

    def update(self, timeline, at) -> None:
        super().update(timeline, at)
        if timeline is None or self._span is None:
            return
        x = self.to_x(at) if at is not None else self._span[1]
        pos = np.array([[x, -0.2, 2], [x, len(self.lanes) * LANE_HEIGHT + 0.2, 2]], np.float32)
        self.place_cursor(pos)

    def content_bounds(self):
        if self._span is None:
            return None
        x0, x1 = self._span
        pad = (x1 - x0) * 0.02
        return float(x0 - pad), float(x1 + pad), -0.3, len(self.lanes) * LANE_HEIGHT + 0.3
