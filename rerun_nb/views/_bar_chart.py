"""The bar chart view: one bar per value of a 1-D BarChart tensor, over its abscissa (default 0..n-1)."""

from __future__ import annotations

import numpy as np
import pygfx as gfx

from ..query import batch, float_values, rgba_float, tensor_from_arrow
from ..viewer._colors import auto_color
from ._base import BACKGROUND_RGB, View
from ._plot import PlotFrame
from ._props import background_color

__all__ = ["BarChartView", "bar_mesh"]


def bar_mesh(x: np.ndarray, heights: np.ndarray, widths: np.ndarray, color: np.ndarray) -> gfx.Mesh:
    """Quads [x - w/2, x + w/2] x [0, height] as one mesh."""
    n = len(x)
    x0, x1 = x - widths / 2, x + widths / 2
    y0, y1 = np.minimum(heights, 0), np.maximum(heights, 0)
    pos = np.stack([np.stack([x0, y0], 1), np.stack([x1, y0], 1), np.stack([x1, y1], 1), np.stack([x0, y1], 1)], 1)
    positions = np.zeros((n * 4, 3), np.float32)
    positions[:, :2] = pos.reshape(-1, 2)
    base = (np.arange(n) * 4)[:, None]
    indices = np.concatenate([base + [0, 1, 2], base + [0, 2, 3]], axis=1).reshape(-1, 3).astype(np.uint32)
    return gfx.Mesh(gfx.Geometry(positions=positions, indices=indices),
                    gfx.MeshBasicMaterial(color=tuple(float(c) for c in color)))


class BarChartView(View):
    """Rerun's ``BarChartView``: the latest ``BarChart`` of each entity."""

    kind = "BarChart"
    applied_properties = frozenset({"background"})

    def __init__(self, store, **kwargs):
        super().__init__(store, **kwargs)
        from ..query import ChangeTracker

        self.tracker = ChangeTracker(store, include=self.includes)
        self.frame = PlotFrame(background_color(self.properties.get("background"), BACKGROUND_RGB))
        self._bars: gfx.WorldObject | None = None
        self.values: np.ndarray | None = None
        self.abscissa: np.ndarray | None = None

    def update(self, timeline, at) -> None:
        if timeline is None:
            return
        dirty = self.tracker.dirty(timeline, at)
        if not dirty and self._bars is not None:
            return
        for path in self.tracker.entity_paths:
            if not self.tracker.has_component(path, "BarChart:values") or self.is_hidden(path):
                continue
            result = self.store.latest_at(path, timeline=timeline, at=at)
            decoded = tensor_from_arrow(batch(result, "BarChart:values"))
            if decoded is None:
                continue
            values = np.asarray(decoded[0], np.float64).reshape(-1)
            absc = tensor_from_arrow(batch(result, "BarChart:abscissa"))
            x = np.arange(len(values), dtype=np.float64) if absc is None else \
                np.asarray(absc[0], np.float64).reshape(-1)[: len(values)]
            widths = float_values(batch(result, "BarChart:widths"), np.float64)
            w = np.full(len(x), 1.0 if widths is None else float(widths[0]))
            color = rgba_float(batch(result, "BarChart:color"))
            color = auto_color(path) if color is None else color[0]
            if self._bars is not None:
                self.frame.content.remove(self._bars)
            self._bars = bar_mesh(x, values, w * 0.9, color)
            self.frame.content.add(self._bars)
            self.values, self.abscissa = values, x
            break  # Rerun draws one bar chart per view

    def draw(self, renderer, rect) -> None:
        if self.values is not None and len(self.values):
            x = self.abscissa
            lo, hi = min(0.0, float(np.nanmin(self.values))), max(0.0, float(np.nanmax(self.values)))
            self.frame.show(float(x.min()) - 0.5, float(x.max()) + 0.5, lo, hi + 0.05 * (hi - lo or 1), rect)
        self.frame.draw(renderer, rect)
        self.draw_overlay(renderer, rect)

    def data_times(self, timeline):
        return self.tracker.data_times(timeline).copy()

    def min_time_gap(self, timeline):
        return self.tracker.min_time_gap(timeline)

    def close(self) -> None:
        self.tracker.close()
