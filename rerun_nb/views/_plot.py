"""Plot frame shared by the time series and bar chart views: data-space camera with pixel margins, axes
(pygfx Rulers with readable ticks), and growable line buffers (append = O(new samples))."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

import numpy as np
import pygfx as gfx

__all__ = ["AGGREGATION_POLICIES", "DECIMATE_ABOVE", "DecimatedLine", "EnvelopeBand", "GrowingLine", "PlotFrame",
           "time_tick_format"]

# Rerun's AggregationPolicy values (rerun.components.AggregationPolicy)
OFF, AVERAGE, MAX, MIN, MINMAX, MINMAX_AVERAGE = 1, 2, 3, 4, 5, 6
AGGREGATION_POLICIES = {"off": OFF, "average": AVERAGE, "max": MAX, "min": MIN, "minmax": MINMAX,
                        "minmaxaverage": MINMAX_AVERAGE}

DECIMATE_ABOVE = 4  # samples per plot pixel column above which a series is drawn as min/max per column

MARGIN_LEFT_PX, MARGIN_RIGHT_PX, MARGIN_TOP_PX, MARGIN_BOTTOM_PX = 58, 12, 22, 24
AXIS_COLOR = "#8a9099"


def time_tick_format(kind: str, origin_raw: int) -> tuple[float, Callable[[float], str]]:
    """(raw units per plot unit, formatter of plot x: ``f(value, min, max) -> str``, as pygfx's Ruler wants).

    Plot x is ``(raw - origin_raw) / scale``: frames for sequences, seconds for durations and timestamps.
    """
    if kind == "sequence":
        return 1.0, lambda v, _lo=0, _hi=0: f"{v + origin_raw:.0f}"
    if kind == "duration":
        return 1e9, lambda v, _lo=0, _hi=0: _seconds((v * 1e9 + origin_raw) / 1e9)

    def stamp(v: float, _lo: float = 0, _hi: float = 0) -> str:
        t = _dt.datetime.fromtimestamp((origin_raw + v * 1e9) / 1e9, tz=_dt.timezone.utc)
        return t.strftime("%H:%M:%S") + (f".{t.microsecond // 1000:03d}" if t.microsecond else "")
    return 1e9, stamp


def _seconds(s: float) -> str:
    if abs(s) < 1 and s != 0:
        return f"{s * 1e3:.4g} ms"
    return f"{s:.4g} s"


class GrowingLine:
    """A ``gfx.Line`` whose vertex buffer has spare capacity: appending writes only the new vertices."""

    def __init__(self, color, width_px: float = 1.5, capacity: int = 1024, points: bool = False,
                 marker_px: float = 4.0):
        self.n = 0
        self.capacity = capacity
        self.points = points
        self.color, self.width_px, self.marker_px = color, width_px, marker_px
        self.obj = self._make(capacity)

    def _make(self, capacity: int):
        positions = np.full((capacity, 3), np.nan, np.float32)
        if self.points:
            return gfx.Points(gfx.Geometry(positions=positions),
                              gfx.PointsMaterial(size=self.marker_px, color=self.color, size_space="screen"))
        return gfx.Line(gfx.Geometry(positions=positions),
                        gfx.LineMaterial(thickness=self.width_px, color=self.color, thickness_space="screen"))

    def set(self, xy: np.ndarray) -> None:
        """Replace all vertices."""
        self.n = 0
        self.append(xy)

    def append(self, xy: np.ndarray) -> None:
        """Add (k, 2) vertices at the end."""
        k = len(xy)
        if not k:
            return
        need = self.n + k
        if need > self.capacity:
            old = self.obj.geometry.positions.data[: self.n].copy()
            self.capacity = max(need, 2 * self.capacity)
            parent = self.obj.parent
            new = self._make(self.capacity)
            new.geometry.positions.data[: self.n] = old
            if parent is not None:
                parent.remove(self.obj)
                parent.add(new)
            self.obj = new
            self.obj.geometry.positions.update_full()
        buf = self.obj.geometry.positions
        buf.data[self.n : need, :2] = xy
        buf.data[self.n : need, 2] = 0
        buf.update_range(self.n, k)
        self.n = need
        buf.draw_range = (0, self.n)


class PlotFrame:
    """A data-space scene and camera for a plot filling a view rectangle minus margins for the axes."""

    def __init__(self, background: str):
        self.scene = gfx.Scene()
        self.scene.add(gfx.Background.from_color(background))
        self.content = gfx.Group()
        self.scene.add(self.content)
        self.camera = gfx.OrthographicCamera(maintain_aspect=False)
        self.x_ruler = gfx.Ruler(tick_side="right", color=AXIS_COLOR, line_width=1.0, min_tick_distance=70)
        self.y_ruler = gfx.Ruler(tick_side="left", color=AXIS_COLOR, line_width=1.0, min_tick_distance=30)
        self.scene.add(self.x_ruler, self.y_ruler)
        self.bounds = (0.0, 1.0, 0.0, 1.0)

    def set_x_format(self, fmt) -> None:
        """How x tick values are written (a format string or a function of the value)."""
        self.x_ruler.tick_format = fmt

    def show(self, x0: float, x1: float, y0: float, y1: float, rect) -> None:
        """Show data [x0, x1] x [y0, y1] inside ``rect`` minus the axis margins."""
        if not x1 > x0:
            x0, x1 = x0 - 0.5, x0 + 0.5
        if not y1 > y0:
            y0, y1 = y0 - 0.5, y0 + 0.5
        self.bounds = (x0, x1, y0, y1)
        w, h = max(rect[2], 1), max(rect[3], 1)
        pw = max(w - MARGIN_LEFT_PX - MARGIN_RIGHT_PX, 1)
        ph = max(h - MARGIN_TOP_PX - MARGIN_BOTTOM_PX, 1)
        sx, sy = (x1 - x0) / pw, (y1 - y0) / ph
        self.camera.show_rect(x0 - MARGIN_LEFT_PX * sx, x1 + MARGIN_RIGHT_PX * sx,
                              y0 - MARGIN_BOTTOM_PX * sy, y1 + MARGIN_TOP_PX * sy, depth=10.0)

    def to_pixel(self, x: float, y: float, rect) -> tuple[float, float]:
        """Where data (x, y) lands in the rectangle, in pixels from its top-left (x right, y down)."""
        x0, x1, y0, y1 = self.bounds
        w, h = rect[2], rect[3]
        pw, ph = w - MARGIN_LEFT_PX - MARGIN_RIGHT_PX, h - MARGIN_TOP_PX - MARGIN_BOTTOM_PX
        return MARGIN_LEFT_PX + (x - x0) / (x1 - x0) * pw, MARGIN_TOP_PX + (y1 - y) / (y1 - y0) * ph

    def data_per_pixel(self, rect) -> tuple[float, float]:
        """Plot units per screen pixel along x and y inside ``rect``."""
        x0, x1, y0, y1 = self.bounds
        pw = max(rect[2] - MARGIN_LEFT_PX - MARGIN_RIGHT_PX, 1)
        ph = max(rect[3] - MARGIN_TOP_PX - MARGIN_BOTTOM_PX, 1)
        return (x1 - x0) / pw, (y1 - y0) / ph

    def draw(self, renderer, rect) -> None:
        """Axes along the bottom and left edges of the data, then the scene."""
        x0, x1, y0, y1 = self.bounds
        self.camera.set_view_size(rect[2], rect[3])
        self.x_ruler.start_pos, self.x_ruler.end_pos, self.x_ruler.start_value = (x0, y0, 0), (x1, y0, 0), x0
        self.y_ruler.start_pos, self.y_ruler.end_pos, self.y_ruler.start_value = (x0, y0, 0), (x0, y1, 0), y0
        size = (rect[2], rect[3])
        self.x_ruler.update(self.camera, size)
        self.y_ruler.update(self.camera, size)
        renderer.render(self.scene, self.camera, rect=rect, flush=False)


class EnvelopeBand:
    """The min/max vertex pairs of a decimated series drawn as a filled band (a triangle strip through each
    column's [min - w/2, max + w/2]) instead of a thick polyline.

    Why: on lavapipe, pygfx's line shader over ~2 x 1,200 near-vertical segments per series (a min/max zig-zag
    across the plot) cost ~28 ms per series at 1280x720; the same pixels as a plain mesh cost ~5
    (bench/bench_views.py, time series 3 x 100k). At one bin per pixel column the two look the same: the
    column is covered from its min to its max, and consecutive columns join. The half width ``w/2`` is in
    pixels, turned into plot units by ``fit_pixel`` when the y scale changes. Index buffers are built for
    the capacity once; appending writes only the new columns.
    """

    def __init__(self, color, width_px: float = 1.5, capacity_bins: int = 512):
        self.color, self.width_px = color, width_px
        self.pad = 0.0
        self.bins = 0
        self._lo = np.empty(0, np.float32)
        self._hi = np.empty(0, np.float32)
        self._x = np.empty(0, np.float32)
        self.obj = self._make(capacity_bins)

    def _make(self, capacity_bins: int):
        self.capacity = max(int(capacity_bins), 2)
        positions = np.zeros((2 * self.capacity, 3), np.float32)
        i = np.arange(self.capacity - 1, dtype=np.uint32)
        tris = np.empty((2 * (self.capacity - 1), 3), np.uint32)
        tris[0::2] = np.stack([2 * i, 2 * i + 1, 2 * i + 2], 1)
        tris[1::2] = np.stack([2 * i + 1, 2 * i + 3, 2 * i + 2], 1)
        mesh = gfx.Mesh(gfx.Geometry(positions=positions, indices=tris),
                        gfx.MeshBasicMaterial(color=self.color, side="both"))
        mesh.geometry.indices.draw_range = (0, 0)
        return mesh

    def set_pairs(self, verts: np.ndarray, first_bin: int = 0) -> None:
        """Columns from ``first_bin`` on are the (2k, 2) min/max vertex pairs ``verts`` (older ones stay)."""
        k = len(verts) // 2
        need = first_bin + k
        self._lo, self._hi, self._x = (np.resize(a, max(need, len(a))) for a in (self._lo, self._hi, self._x))
        a, b = verts[0::2, 1], verts[1::2, 1]
        self._lo[first_bin:need] = np.minimum(a, b)
        self._hi[first_bin:need] = np.maximum(a, b)
        self._x[first_bin:need] = verts[0::2, 0]
        self.bins = need
        if need > self.capacity:
            parent = self.obj.parent
            new = self._make(max(need, 2 * self.capacity))
            new.material.clipping_planes = self.obj.material.clipping_planes
            if parent is not None:
                parent.remove(self.obj)
                parent.add(new)
            self.obj = new
            first_bin = 0
        self._write(first_bin)

    def _write(self, first_bin: int) -> None:
        n = self.bins
        buf = self.obj.geometry.positions
        if n > first_bin:
            buf.data[2 * first_bin : 2 * n : 2, 0] = self._x[first_bin:n]
            buf.data[2 * first_bin + 1 : 2 * n : 2, 0] = self._x[first_bin:n]
            buf.data[2 * first_bin : 2 * n : 2, 1] = self._lo[first_bin:n] - self.pad
            buf.data[2 * first_bin + 1 : 2 * n : 2, 1] = self._hi[first_bin:n] + self.pad
            buf.update_range(2 * first_bin, 2 * (n - first_bin))
        self.obj.geometry.indices.draw_range = (0, max(2 * (n - 1), 0))
        if buf.draw_range != (0, 2 * n):
            buf.draw_range = (0, 2 * n)  # the vertices in use (what is drawn is set by the indices' range)

    def fit_pixel(self, y_per_px: float) -> None:
        """Keep the band at least ``width_px`` thick on screen for a y scale of ``y_per_px`` plot units per pixel."""
        pad = 0.5 * self.width_px * float(y_per_px)
        if abs(pad - self.pad) > 0.02 * max(abs(self.pad), 1e-30):
            self.pad = pad
            self._write(0)


class DecimatedLine:
    """A long series drawn aggregated per bin of about one pixel column (Rerun's ``AggregationPolicy``):
    the min and max of each bin (MinMax, two vertices), or one vertex: their mean (MinMaxAverage), the
    bin's average (Average), max (Max) or min (Min).

    Bins have a fixed width in plot units, chosen when the line is (re)built for a plot width. New samples
    only touch the last bins, so appending costs O(new samples); when the data's x span has doubled
    since the build, the bins are rebuilt (amortized O(1) per sample). Below ``DECIMATE_ABOVE`` samples
    per plot pixel the view draws every sample instead (``GrowingLine``).
    """

    def __init__(self, color, width_px: float = 1.5, points: bool = False, marker_px: float = 4.0,
                 policy: int = MINMAX):
        self.line = GrowingLine(color, width_px=width_px, points=points, marker_px=marker_px)  # the bins' vertices
        self.policy = policy
        self._per_bin = 2 if policy == MINMAX else 1
        # MinMax zig-zags are drawn as a band (see EnvelopeBand); one vertex per bin stays a polyline.
        self.band = EnvelopeBand(color, width_px=width_px) if policy == MINMAX and not points else None
        self._xy = np.empty((1024, 2))  # samples, grown by doubling (appends copy only the new ones)
        self._len = 0
        self.bin_width = 0.0
        self.x_origin = 0.0
        self.built_span = 0.0
        self._done_bins = 0  # the newest sample's bin; bins before it are final
        self._done_verts = 0  # vertices of the final bins
        self.rebuilds = 0

    @property
    def obj(self):
        """The pygfx object drawn (MinMax: the envelope band over the min/max vertices)."""
        return self.band.obj if self.band is not None else self.line.obj

    @property
    def vertices(self) -> np.ndarray:
        """The bins' vertices (MinMax: each bin's min and max, in the order they occurred)."""
        return self.line.obj.geometry.positions.data[: self.line.n, :2]

    def fit_pixel(self, y_per_px: float) -> None:
        """Tell the drawn band the plot's y scale (plot units per pixel)."""
        if self.band is not None:
            self.band.fit_pixel(y_per_px)

    @property
    def n(self) -> int:
        """Samples held."""
        return self._len

    @property
    def x(self) -> np.ndarray:
        return self._xy[: self._len, 0]

    @property
    def y(self) -> np.ndarray:
        return self._xy[: self._len, 1]

    def _store(self, xy: np.ndarray) -> None:
        need = self._len + len(xy)
        if need > len(self._xy):
            grown = np.empty((max(need, 2 * len(self._xy)), 2))
            grown[: self._len] = self._xy[: self._len]
            self._xy = grown
        self._xy[self._len : need] = xy
        self._len = need

    def set(self, xy: np.ndarray, plot_width_px: int) -> None:
        """Replace all samples and rebuild the bins for a plot ``plot_width_px`` wide."""
        self._len = 0
        self._store(np.asarray(xy, np.float64))
        self._rebuild(plot_width_px)

    def append(self, xy: np.ndarray, plot_width_px: int) -> None:
        """Add samples at the end (x increasing)."""
        if not len(xy):
            return
        self._store(np.asarray(xy, np.float64))
        span = self.x[-1] - self.x_origin
        if self.bin_width <= 0 or span > 2 * max(self.built_span, 1e-12):
            self._rebuild(plot_width_px)
            return
        first_bin = self._done_bins
        lo = int(np.searchsorted(self.x, self.x_origin + first_bin * self.bin_width, "left"))
        verts, bins = self._bins(self.x[lo:], self.y[lo:], first_bin)
        self.line.n = self._done_verts  # the open (last) bin's vertices are written again
        self.line.append(verts)
        if self.band is not None:
            self.band.set_pairs(verts, self._done_verts // 2)
        self._finish(verts, bins)

    def _rebuild(self, plot_width_px: int) -> None:
        self.rebuilds += 1
        if not len(self.x):
            self.line.set(np.empty((0, 2)))
            if self.band is not None:
                self.band.bins = 0
                self.band.set_pairs(np.empty((0, 2)))
            return
        self.x_origin = float(self.x[0])
        self.built_span = float(self.x[-1] - self.x[0]) or 1.0
        self.bin_width = self.built_span / max(plot_width_px, 1)
        verts, bins = self._bins(self.x, self.y, 0)
        self.line.set(verts)
        if self.band is not None:
            self.band.bins = 0
            self.band.set_pairs(verts)
        self._done_verts = 0
        self._finish(verts, bins)

    def _finish(self, verts: np.ndarray, bins: np.ndarray) -> None:
        """Bins before the newest sample's bin are final: remember where their vertices end."""
        self._done_bins = max(int((self.x[-1] - self.x_origin) // self.bin_width), 0)
        self._done_verts = self.line.n - self._per_bin * int(np.count_nonzero(bins >= self._done_bins))

    def _bins(self, x: np.ndarray, y: np.ndarray, first_bin: int) -> tuple[np.ndarray, np.ndarray]:
        """Vertices at each bin's centre (MinMax: its min and max, in the order they occurred; else one
        aggregate) and the bin index of each bin."""
        if not len(x):
            return np.empty((0, 2)), np.empty(0, np.int64)
        idx = np.maximum(((x - self.x_origin) // self.bin_width).astype(np.int64), first_bin)
        starts = np.flatnonzero(np.r_[True, idx[1:] != idx[:-1]])
        ends = np.r_[starts[1:], len(y)]
        centres = self.x_origin + (idx[starts] + 0.5) * self.bin_width
        with np.errstate(invalid="ignore"):
            ymin = np.fmin.reduceat(y, starts)
            ymax = np.fmax.reduceat(y, starts)
        if self.policy != MINMAX:
            if self.policy == AVERAGE:
                finite = np.isfinite(y)
                counts = np.add.reduceat(finite.astype(np.int64), starts)
                sums = np.add.reduceat(np.where(finite, y, 0.0), starts)
                with np.errstate(invalid="ignore", divide="ignore"):
                    agg = np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)
            else:
                agg = {MAX: ymax, MIN: ymin}.get(self.policy, (ymin + ymax) / 2)
            return np.stack([centres, agg], axis=1), idx[starts]
        bin_of = np.repeat(np.arange(len(starts)), ends - starts)
        pos = np.arange(len(y))
        first_min = np.full(len(starts), len(y))
        first_max = np.full(len(starts), len(y))
        np.minimum.at(first_min, bin_of[y == ymin[bin_of]], pos[y == ymin[bin_of]])
        np.minimum.at(first_max, bin_of[y == ymax[bin_of]], pos[y == ymax[bin_of]])
        first_is_min = first_min <= first_max
        verts = np.empty((2 * len(starts), 2))
        verts[0::2, 0] = verts[1::2, 0] = centres
        verts[0::2, 1] = np.where(first_is_min, ymin, ymax)
        verts[1::2, 1] = np.where(first_is_min, ymax, ymin)
        return verts, idx[starts]
