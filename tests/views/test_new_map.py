"""The map view by pixels: geo points at their Web Mercator place, line strings, tiles from a configured URL."""

from __future__ import annotations

import numpy as np
import pytest

import rerun_nb as rr
import rerun_nb.blueprint as rrb
from rerun_nb.layout import heuristic_layout
from rerun_nb.views._map import TILE_ENV, lat_lon_to_world

from .conftest import bbox, color_mask

RED, GREEN, BLUE = (255, 0, 0), (0, 255, 0), (0, 0, 255)


def test_web_mercator_projection_known_values():
    w = lat_lon_to_world(np.array([[0.0, 0.0], [0.0, 180.0], [85.05112878, -180.0], [-85.05112878, 0.0]]))
    assert np.allclose(w, [[128, 128], [256, 128], [0, 0], [128, 256]], atol=1e-6)


def test_geo_points_at_their_projected_place(rec, make_layout, monkeypatch):
    monkeypatch.delenv(TILE_ENV, raising=False)
    rec.set_time("f", sequence=0)
    places = [[47.6344, 19.1397], [47.6300, 19.1450]]
    rec.log("points", rr.GeoPoints(lat_lon=places, radii=rr.Radius.ui_points(6.0), colors=[RED, GREEN]))
    r = make_layout(rec.store, 300, 200)
    img = r.render("f", 0)
    view = r.views[0]
    assert view.kind == "Map"
    assert any("no map tiles" in n for n in view.notices)  # nothing is fetched without a configured URL
    rect = r.placed[0][1]
    for (lat, lon), color in zip(places, (RED, GREEN)):
        col, row = view.to_pixel(*view.project(lat, lon), rect)
        blob = bbox(color_mask(img, color, tol=30))
        assert blob is not None
        assert abs((blob[2] + blob[3]) / 2 - col) <= 1.5 and abs((blob[0] + blob[1]) / 2 - row) <= 1.5
        assert 10 <= blob[3] - blob[2] + 1 <= 14  # 6 UI points radius
    # the first point is north-west of the second: up and to the left on the map
    a, b = (view.to_pixel(*view.project(*p), rect) for p in places)
    assert a[0] < b[0] and a[1] < b[1]


def test_geo_line_strings_drawn_between_their_points(rec, make_layout, monkeypatch):
    monkeypatch.delenv(TILE_ENV, raising=False)
    rec.set_time("f", sequence=0)
    line = [[10.0, 10.0], [10.0, 20.0]]  # along a parallel: a horizontal line on the map
    rec.log("road", rr.GeoLineStrings(lat_lon=[line], colors=[GREEN], radii=rr.Radius.ui_points(2.0)))
    r = make_layout(rec.store, 300, 200, blueprint=rrb.MapView(origin="/"))
    img = r.render("f", 0)
    view, rect = r.views[0], r.placed[0][1]
    (c0, r0), (c1, _) = (view.to_pixel(*view.project(*p), rect) for p in line)
    green = color_mask(img, GREEN, tol=40)
    rows = np.nonzero(green[:, int((c0 + c1) / 2)])[0]
    assert len(rows) and abs(rows.mean() - r0) <= 1.5
    cols = np.nonzero(green.any(axis=0))[0]
    assert abs(cols.min() - c0) <= 3 and abs(cols.max() - c1) <= 3


def test_zoom_property_sets_the_scale(rec, make_layout, monkeypatch):
    monkeypatch.delenv(TILE_ENV, raising=False)
    rec.set_time("f", sequence=0)
    rec.log("p", rr.GeoPoints(lat_lon=[[47.0, 19.0]]))
    r = make_layout(rec.store, 256, 256, blueprint=rrb.MapView(origin="/", zoom=10.0))
    r.render("f", 0)
    x0, x1, _, _ = r.views[0].visible_rect(r.placed[0][1])
    assert x1 - x0 == pytest.approx(256 / 2 ** 10, rel=0.02)  # 256 px show one zoom-10 tile


def _write_tiles(root, zooms):
    from PIL import Image

    for z in zooms:
        for x in range(2 ** z):
            for y in range(2 ** z):
                (root / str(z) / str(x)).mkdir(parents=True, exist_ok=True)
                color = RED if (x + y) % 2 == 0 else BLUE
                Image.new("RGB", (256, 256), color).save(root / str(z) / str(x) / f"{y}.png")


def test_tiles_from_a_configured_url_are_drawn_in_place(rec, make_layout, monkeypatch, tmp_path):
    _write_tiles(tmp_path, range(0, 4))
    monkeypatch.setenv(TILE_ENV, f"file://{tmp_path}/{{z}}/{{x}}/{{y}}.png")  # local files: no network in tests
    rec.set_time("f", sequence=0)
    rec.log("p", rr.GeoPoints(lat_lon=[[0.0, 0.0]], colors=[GREEN], radii=rr.Radius.ui_points(3.0)))
    r = make_layout(rec.store, 256, 256, blueprint=rrb.MapView(origin="/", zoom=2.0))
    img = r.render("f", 0)
    view, rect = r.views[0], r.placed[0][1]
    assert not any("no map tiles" in n for n in view.notices)
    # the view shows world [96, 160]^2; at zoom 2, tile (x=1, y=1) covers [64, 128]^2 (x + y even: red)
    for (wx, wy), color in (((112, 112), RED), ((144, 112), BLUE), ((112, 144), BLUE), ((144, 144), RED)):
        col, row = view.to_pixel(wx - view.anchor[0], wy - view.anchor[1], rect)
        assert img[int(row), int(col), :3].tolist() == list(color), (wx, wy)
    assert color_mask(img, GREEN, tol=30).sum() > 10  # the point is drawn on top of the tiles


def test_unreachable_tiles_leave_the_plain_map(rec, make_layout, monkeypatch, tmp_path):
    monkeypatch.setenv(TILE_ENV, f"file://{tmp_path}/missing/{{z}}/{{x}}/{{y}}.png")
    rec.set_time("f", sequence=0)
    rec.log("p", rr.GeoPoints(lat_lon=[[0.0, 0.0]], colors=[GREEN]))
    r = make_layout(rec.store, 128, 128)
    img = r.render("f", 0)
    assert color_mask(img, GREEN, tol=30).sum() > 4


def test_heuristics_one_map_view_for_geo_entities():
    tree = heuristic_layout({"/a": {"GeoPoints"}, "/b": {"GeoLineStrings"}, "/c": {"Points3D"}})
    assert [(v.kind, v.origin) for v in tree.children] == [("3D", "/"), ("Map", "/")]
