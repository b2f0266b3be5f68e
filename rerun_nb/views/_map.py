"""The map view: ``GeoPoints`` and ``GeoLineStrings`` on a Web Mercator plane, with map tiles when configured.

Coordinates are Web Mercator "world pixels" at zoom 0 (the whole world is 256 x 256, y down), as
slippy-map tiles use: ``x = (lon + 180) / 360 * 256``, ``y = (1 - asinh(tan(lat)) / pi) / 2 * 256``.
Radii: negative values are UI points, positive values are meters on the ground (Rerun's convention).
The scene is drawn relative to ``anchor`` (a world position near the data, fixed once there is data):
float32 GPU coordinates of whole-world values would jitter by pixels at street zoom levels.

Tiles: rerun_nb fetches nothing unless a tile URL is configured, in the environment variable
``RERUN_NB_MAP_TILES`` (a template with ``{z}``, ``{x}``, ``{y}``, e.g.
``https://tile.openstreetmap.org/{z}/{x}/{y}.png`` or ``file:///data/tiles/{z}/{x}/{y}.png``).
Without it the map is a plain plane with a latitude/longitude graticule, and the view says so.
Tiles are loaded when a frame needs them (at most ``MAX_TILE_LOADS_PER_FRAME``), kept in memory,
and a tile that fails is not asked again.
"""

from __future__ import annotations

import io
import os
import urllib.request

import numpy as np
import pygfx as gfx

from ..query import as_float_rows, batch, float_values
from ..viewer import _objects
from ..viewer._colors import per_instance_colors
from ..viewer._vis_basic import _line_width, _sizes
from ._base import report_notice
from ._flat import FlatView
from ._props import prop_value

__all__ = ["MapView", "lat_lon_to_world", "tile_url_template"]

TILE_ENV = "RERUN_NB_MAP_TILES"
TILE_PX = 256
DEFAULT_ZOOM = 16.0  # Rerun's MapZoom fallback
MAX_TILE_LOADS_PER_FRAME = 32
TILE_CACHE_SIZE = 512
EARTH_CIRCUMFERENCE_M = 40_075_016.686
GRATICULE_COLOR = (0.30, 0.33, 0.37, 1.0)
MAP_BACKGROUND = "#1e2329"


def tile_url_template() -> str | None:
    """The configured tile URL template (``RERUN_NB_MAP_TILES``), or None."""
    url = os.environ.get(TILE_ENV, "").strip()
    return url or None


def lat_lon_to_world(lat_lon: np.ndarray) -> np.ndarray:
    """(n, 2) degrees (lat, lon) -> (n, 2) Web Mercator world pixels at zoom 0 (x right, y down)."""
    ll = np.asarray(lat_lon, np.float64).reshape(-1, 2)
    lat = np.radians(np.clip(ll[:, 0], -85.05112878, 85.05112878))
    x = (ll[:, 1] + 180.0) / 360.0 * TILE_PX
    y = (1.0 - np.arcsinh(np.tan(lat)) / np.pi) / 2.0 * TILE_PX
    return np.stack([x, y], axis=1)


def _meters_to_world(meters: np.ndarray, lat_deg: np.ndarray) -> np.ndarray:
    """Ground meters at latitude -> world pixels at zoom 0."""
    return meters / (EARTH_CIRCUMFERENCE_M * np.cos(np.radians(lat_deg))) * TILE_PX


class MapView(FlatView):
    """Rerun's ``MapView``: geospatial points and line strings."""

    kind = "Map"
    applied_properties = frozenset({"zoom"})  # background (a MapProvider): tiles come from RERUN_NB_MAP_TILES
    default_background = MAP_BACKGROUND

    def __init__(self, store, **kwargs):
        super().__init__(store, **kwargs)
        self.tiles = gfx.Group(name="tiles")
        self.graticule = gfx.Group(name="graticule")
        self.flip.add(self.tiles)  # below the data: tiles at z -1, graticule at -0.5, data at 0.5 and 1
        self.flip.add(self.graticule)
        self.world: np.ndarray | None = None  # every drawn position, world pixels minus ``anchor``
        self.anchor: np.ndarray | None = None
        self.template = tile_url_template()
        self._tile_cache: dict[tuple[int, int, int], np.ndarray | None] = {}
        self._tile_objects: dict[tuple[int, int, int], gfx.Image] = {}
        self._graticule_key = None
        if self.template is None:
            self.add_notice(f"no map tiles (set {TILE_ENV})")

    # ---- data ------------------------------------------------------------------------------------
    def rebuild(self, timeline, at) -> None:
        self.content.clear()
        drawn = []
        if self.anchor is None:
            self.anchor = self._first_position(timeline, at)
        for path in self.entity_paths_with("GeoPoints:positions", "GeoLineStrings:line_strings"):
            r = self.store.latest_at(path, timeline=timeline, at=at)
            ll = as_float_rows(batch(r, "GeoPoints:positions"), 2)
            if ll is not None and len(ll):
                drawn.append(self._points(path, r, ll))
            strips = batch(r, "GeoLineStrings:line_strings")
            if strips is not None:
                world = self._strips(path, r, strips)
                if world is not None:
                    drawn.append(world)
        self.world = np.concatenate(drawn) if drawn else None

    def _points(self, path, r, ll) -> np.ndarray:
        n = len(ll)
        world = lat_lon_to_world(ll) - self.anchor
        positions = np.zeros((n, 3), np.float32)
        positions[:, :2] = world
        positions[:, 2] = 1.0
        colors = per_instance_colors(batch(r, "GeoPoints:colors"), n, path)
        radii = float_values(batch(r, "GeoPoints:radii"))
        sizes, space = _sizes(radii, n)
        if space == "world":
            sizes = 2 * _meters_to_world(sizes / 2, ll[:, 0]).astype(np.float32)
        self.content.add(_objects.points(None, positions, colors, sizes, size_space=space))
        return world

    def _strips(self, path, r, strips) -> np.ndarray | None:
        rows = strips.to_pylist() if hasattr(strips, "to_pylist") else list(strips)
        parts = [np.asarray(s, np.float64).reshape(-1, 2) for s in rows if s is not None and len(s) > 1]
        if not parts:
            return None
        colors = per_instance_colors(batch(r, "GeoLineStrings:colors"), len(parts), path)
        pos, col = [], []
        for k, ll in enumerate(parts):
            w = lat_lon_to_world(ll) - self.anchor
            pos += [np.c_[w, np.full(len(w), 0.5)], np.full((1, 3), np.nan)]
            col += [np.tile(colors[k], (len(w) + 1, 1))]
        radii = float_values(batch(r, "GeoLineStrings:radii"))
        width, space = _line_width(radii)
        if space == "world":  # meters: at the strips' mean latitude
            lat = float(np.mean(np.concatenate(parts)[:, 0]))
            width = float(2 * _meters_to_world(np.array([width / 2]), np.array([lat]))[0])
        self.content.add(_objects.lines(None, np.concatenate(pos).astype(np.float32),
                                        np.concatenate(col).astype(np.float32), thickness=width,
                                        thickness_space=space))
        return np.concatenate([lat_lon_to_world(p) for p in parts]) - self.anchor

    def content_bounds(self):
        if self.world is None:
            return None
        lo, hi = self.world.min(axis=0), self.world.max(axis=0)
        zoom = prop_value(self.properties.get("zoom"), "zoom", None)
        if zoom is None and np.any(hi - lo > 0):
            pad = float(np.max(hi - lo)) * 0.1
            return float(lo[0] - pad), float(hi[0] + pad), float(lo[1] - pad), float(hi[1] + pad)
        # a zoom level (given, or Rerun's default for a single place): center on the data
        half = 0.5 * 256.0 / 2.0 ** float(DEFAULT_ZOOM if zoom is None else zoom)  # one tile across, at that zoom
        c = (lo + hi) / 2
        return float(c[0] - half), float(c[0] + half), float(c[1] - half), float(c[1] + half)

    # ---- tiles and graticule ---------------------------------------------------------------------
    def _first_position(self, timeline, at) -> np.ndarray | None:
        for path in self.entity_paths_with("GeoPoints:positions", "GeoLineStrings:line_strings"):
            r = self.store.latest_at(path, timeline=timeline, at=at)
            ll = as_float_rows(batch(r, "GeoPoints:positions"), 2)
            if ll is None:
                strips = batch(r, "GeoLineStrings:line_strings")
                rows = [] if strips is None else [x for x in strips.to_pylist() if x]
                ll = np.asarray(rows[0], np.float64) if rows else None
            if ll is not None and len(ll):
                return np.round(lat_lon_to_world(ll[:1])[0], 3)
        return None

    def before_render(self, rect) -> None:
        if self.anchor is None:
            return
        x0, x1, y0, y1 = self.visible_rect(rect)
        px_per_unit = rect[2] / max(x1 - x0, 1e-12)
        ax, ay = self.anchor
        x0, x1, y0, y1 = x0 + ax, x1 + ax, y0 + ay, y1 + ay  # whole-world coordinates from here
        zoom = int(np.clip(np.round(np.log2(max(px_per_unit, 1e-12))), 0, 19))
        if self.template is not None:
            self._place_tiles(zoom, x0, x1, y0, y1)
        self.graticule.visible = not self.tiles.children  # the plain map's only landmarks
        self._place_graticule(x0, x1, y0, y1)

    def _place_tiles(self, zoom: int, x0, x1, y0, y1) -> None:
        n = 2 ** zoom
        scale = TILE_PX / n  # world units per tile
        tx = range(max(int(np.floor(x0 / scale)), 0), min(int(np.floor(x1 / scale)), n - 1) + 1)
        ty = range(max(int(np.floor(y0 / scale)), 0), min(int(np.floor(y1 / scale)), n - 1) + 1)
        wanted = [(zoom, x, y) for x in tx for y in ty][:256]
        loads = 0
        for key in wanted:
            if key not in self._tile_cache and loads < MAX_TILE_LOADS_PER_FRAME:
                self._tile_cache[key] = self._load_tile(*key)
                loads += 1
        if len(self._tile_cache) > TILE_CACHE_SIZE:
            for key in list(self._tile_cache)[: len(self._tile_cache) - TILE_CACHE_SIZE]:
                self._tile_cache.pop(key, None)
        self.tiles.clear()
        for key in wanted:
            rgba = self._tile_cache.get(key)
            if rgba is None:
                continue
            z, x, y = key
            obj = self._tile_objects.get(key)
            if obj is None:
                obj = gfx.Image(gfx.Geometry(grid=gfx.Texture(rgba, dim=2)),
                                gfx.ImageBasicMaterial(clim=(0, 255), interpolation="linear"))
                s = scale / rgba.shape[1]
                obj.local.scale = (s, s, 1)
                obj.local.position = (x * scale + s / 2 - self.anchor[0], y * scale + s / 2 - self.anchor[1], -1.0)
                self._tile_objects[key] = obj
            self.tiles.add(obj)
        for key in [k for k in self._tile_objects if k not in self._tile_cache]:
            del self._tile_objects[key]

    def _load_tile(self, z: int, x: int, y: int) -> np.ndarray | None:
        from PIL import Image

        url = self.template.format(z=z, x=x, y=y, s="a")
        try:
            with urllib.request.urlopen(url, timeout=5) as resp:  # noqa: S310 - the user's configured tile URL
                data = resp.read()
            return np.ascontiguousarray(np.asarray(Image.open(io.BytesIO(data)).convert("RGBA")))
        except Exception as exc:  # noqa: BLE001 - a missing tile leaves the plain map, never breaks the view
            report_notice(f"rerun_nb map view: cannot load tile {url}: {exc}")
            return None

    def _place_graticule(self, x0, x1, y0, y1) -> None:
        """Lines of constant latitude and longitude, every 'nice' step of degrees for the shown span."""
        lon0, lon1 = x0 / TILE_PX * 360 - 180, x1 / TILE_PX * 360 - 180
        span = max(lon1 - lon0, 1e-9)
        step = min(s for s in (1e-4, 2e-4, 5e-4, 1e-3, 2e-3, 5e-3, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10,
                               15, 30, 45, 90) if s >= span / 8 or s == 90)
        lat_top = np.degrees(np.arctan(np.sinh(np.pi * (1 - 2 * y0 / TILE_PX))))
        lat_bottom = np.degrees(np.arctan(np.sinh(np.pi * (1 - 2 * y1 / TILE_PX))))
        key = (round(lon0 / step), round(lon1 / step), round(lat_bottom / step), round(lat_top / step), step)
        if key == self._graticule_key:
            return
        self._graticule_key = key
        self.graticule.clear()
        segs = []
        for lon in np.arange(np.floor(max(lon0, -180) / step) * step, min(lon1, 180) + step, step):
            x = (lon + 180) / 360 * TILE_PX
            segs += [(x, y0), (x, y1)]
        lat_lo, lat_hi = max(lat_bottom, -85.0), min(lat_top, 85.0)
        for lat in np.arange(np.floor(lat_lo / step) * step, lat_hi + step, step):
            y = lat_lon_to_world(np.array([[lat, 0.0]]))[0, 1]
            segs += [(x0, y), (x1, y)]
        if not segs or len(segs) > 4000:
            return
        pos = np.zeros((len(segs), 3), np.float32)
        pos[:, :2] = np.asarray(segs, np.float64) - self.anchor
        pos[:, 2] = -0.5
        colors = np.tile(np.array(GRATICULE_COLOR, np.float32), (len(segs), 1))
        self.graticule.add(_objects.lines(None, pos, colors, thickness=1.0, thickness_space="screen", segments=True))

    def project(self, lat: float, lon: float) -> np.ndarray:
        """The view coordinates (world pixels at zoom 0 minus ``anchor``, y down) of a (lat, lon) in degrees."""
        return lat_lon_to_world(np.array([[lat, lon]]))[0] - (0 if self.anchor is None else self.anchor)
