"""Layouts: views from the data (Rerun's heuristics), blueprint containers and their rectangles, notices
for options the viewer does not apply (never an error), blueprints round-tripped through .rrd files."""

from __future__ import annotations

import numpy as np
import pytest

import rerun_nb as rr
import rerun_nb.blueprint as rrb
from rerun_nb.layout import ContainerSpec, ViewSpec, compute_rects, from_blueprint, heuristic_layout


def _kinds(tree):
    return [(v.kind, v.origin) for v in tree.children]


def test_heuristics_views_from_the_data():
    tree = heuristic_layout({
        "/world/points": {"Points3D"}, "/world/camera": {"Pinhole", "Transform3D"},
        "/world/camera/image": {"Image"}, "/world/camera/image/boxes": {"Boxes2D"},
        "/depth": {"DepthImage"}, "/metrics/loss": {"Scalars"}, "/metrics/acc": {"Scalars", "SeriesLines"},
        "/log": {"TextLog"}, "/readme": {"TextDocument"}, "/hist": {"BarChart"}, "/t": {"Tensor"},
    })
    assert tree.kind == "grid"
    assert _kinds(tree) == [("3D", "/"), ("2D", "/depth"), ("2D", "/world/camera"), ("TimeSeries", "/"),
                            ("TextLog", "/"), ("BarChart", "/hist"), ("TextDocument", "/readme"), ("Tensor", "/t")]


def test_heuristics_loose_2d_primitives_share_one_view():
    tree = heuristic_layout({"/a": {"Points2D"}, "/b": {"LineStrips2D"}, "/img": {"Image"}})
    assert _kinds(tree) == [("2D", "/img"), ("2D", "/")]
    assert tree.children[1].contents == ["+ /a", "+ /b"]


def test_heuristics_3d_only_is_one_view():
    assert _kinds(heuristic_layout({"/dna/left": {"Points3D"}, "/dna/right": {"LineStrips3D"}})) == [("3D", "/")]


def test_grid_and_shares_rectangles():
    tree = ContainerSpec("horizontal", [ViewSpec("3D"), ContainerSpec("vertical", [ViewSpec("2D"), ViewSpec("TextLog")],
                                                                         row_shares=[1, 3])],
                         column_shares=[3, 1])
    rects = [r for _, r in compute_rects(tree, (0, 0, 402, 402))]
    assert rects[0] == (0, 0, 300, 402)
    assert rects[1][0] == 302 and rects[1][2] == 100 and rects[2][1] == rects[1][3] + 2
    assert abs(rects[2][3] - 3 * rects[1][3]) <= 3
    grid = ContainerSpec("grid", [ViewSpec("3D") for _ in range(5)])
    rects = [r for _, r in compute_rects(grid, (0, 0, 300, 200))]
    assert len({r[0] for r in rects}) == 3 and len({r[1] for r in rects}) == 2  # ceil(sqrt(5)) = 3 columns


def test_blueprint_tree_with_tabs_and_invisible_views():
    bp = rrb.Blueprint(rrb.Horizontal(
        rrb.Spatial3DView(origin="/a", name="A"),
        rrb.Tabs(rrb.TimeSeriesView(name="plot"), rrb.TextLogView(name="logs"), active_tab="logs"),
        rrb.Spatial2DView(origin="/img", visible=False),
        column_shares=[1, 1, 1]))
    tree = from_blueprint(bp)
    placed = compute_rects(tree, (0, 0, 400, 300))
    assert [(s.kind, s.name) for s, _ in placed] == [("3D", "A"), ("TextLog", "logs")]  # the active tab only
    assert placed[1][1][1] > 0  # below the tab bar


def test_two_3d_views_side_by_side_render_their_own_origin(rec, make_layout):
    rec.set_time("frame", sequence=0)
    rec.log("a", rr.Points3D([[0, 0, 0]], colors=[[255, 0, 0]], radii=0.5))
    rec.log("b", rr.Points3D([[0, 0, 0]], colors=[[0, 0, 255]], radii=0.5))
    bp = rrb.Horizontal(rrb.Spatial3DView(origin="a"), rrb.Spatial3DView(origin="b"))
    r = make_layout(rec.store, 300, 150, blueprint=bp)
    img = r.render("frame", 0)
    assert [v.origin for v in r.views] == ["/a", "/b"]
    red = (img[:, :, 0] > 150) & (img[:, :, 2] < 80)
    blue = (img[:, :, 2] > 150) & (img[:, :, 0] < 80)
    assert red[:, :149].sum() > 50 and red[:, 151:].sum() == 0
    assert blue[:, 151:].sum() > 50 and blue[:, :149].sum() == 0


def test_contents_query_excludes_entities(rec, make_layout):
    rec.set_time("frame", sequence=0)
    rec.log("w/a", rr.Points3D([[0, 0, 0]], colors=[[255, 0, 0]], radii=0.5))
    rec.log("w/b", rr.Points3D([[1, 0, 0]], colors=[[0, 0, 255]], radii=0.5))
    bp = rrb.Spatial3DView(origin="/w", contents=["+ $origin/**", "- /w/b"])
    img = make_layout(rec.store, 200, 150, blueprint=bp).render("frame", 0)
    assert ((img[:, :, 0] > 150) & (img[:, :, 2] < 80)).sum() > 50
    assert ((img[:, :, 2] > 150) & (img[:, :, 0] < 80)).sum() == 0


def test_unapplied_view_options_are_kept_and_noticed_not_fatal(rec, make_layout):
    rec.set_time("frame", sequence=0)
    rec.log("p", rr.Points3D([[0, 0, 0]]))
    view = rrb.Spatial3DView(origin="/", eye_controls=rrb.EyeControls3D(kind=rrb.Eye3DKind.FirstPerson, spin_speed=1.0),
                             background=[10, 20, 30], spatial_information=rrb.SpatialInformation(show_axes=True))
    r = make_layout(rec.store, 200, 150, blueprint=view)
    img = r.render("frame", 0)
    (v,) = r.views
    assert v.notices == ["not applied yet: spatial_information", "not applied yet: eye_controls.spin_speed"]
    assert np.all(np.abs(img[5, 150, :3].astype(int) - [10, 20, 30]) <= 2)  # background applied
    assert "eye_controls" in view.properties  # kept with the blueprint


def test_unknown_view_kinds_show_a_notice(rec, make_layout):
    rec.set_time("frame", sequence=0)
    rec.log("p", rr.Points3D([[0, 0, 0]]))
    r = make_layout(rec.store, 200, 150, blueprint=rrb.Horizontal(rrb.DataframeView(), rrb.Spatial3DView()))
    r.render("frame", 0)
    assert any("not drawn by rerun_nb yet" in n for n in r.notices())


def test_view_signatures_are_rerun_0_41s():
    with pytest.raises(TypeError, match="visual_bounds"):
        rrb.Spatial3DView(visual_bounds=rrb.VisualBounds2D(x_range=[0, 1], y_range=[0, 1]))
    v = rrb.TimeSeriesView(axis_y=rrb.ScalarAxis(range=(0, 1)), plot_legend=rrb.Corner2D.LeftTop,
                           time_ranges=rrb.VisibleTimeRange("frame", start=rrb.TimeRangeBoundary.cursor_relative(seq=-5),
                                                            end=rrb.TimeRangeBoundary.cursor_relative()))
    assert isinstance(v.properties["plot_legend"], rrb.PlotLegend)


def test_blueprint_properties_round_trip_through_rrd(tmp_path):
    from rerun_nb.rrd import read_rrd

    bp = rrb.Blueprint(rrb.Horizontal(
        rrb.Spatial2DView(origin="/img", visual_bounds=rrb.VisualBounds2D(x_range=[0, 64], y_range=[0, 48])),
        rrb.TimeSeriesView(axis_y=rrb.ScalarAxis(range=(-2.0, 2.0)), plot_legend=rrb.PlotLegend(visible=False))))
    rec = rr.RecordingStream("bp_props", recording_id="r")
    path = tmp_path / "bp.rrd"
    rec.save(path, default_blueprint=bp)
    rec.set_time("frame", sequence=0)
    rec.log("img", rr.Image(np.zeros((4, 4, 3), np.uint8)))
    rec.disconnect()
    stores = read_rrd(path, strict=True)
    (blueprint_store,) = [s for s in stores if s.kind == "blueprint"]
    by_entity = {c.schema.metadata[b"rerun:entity_path"].decode(): c for c in blueprint_store.chunks}
    bounds = [c for p, c in by_entity.items() if p.endswith("/VisualBounds2D")]
    axis = [c for p, c in by_entity.items() if p.endswith("/ScalarAxis")]
    legend = [c for p, c in by_entity.items() if p.endswith("/PlotLegend")]
    assert bounds[0].column("VisualBounds2D:range").to_pylist()[0] == [{"x_range": [0.0, 64.0],
                                                                        "y_range": [0.0, 48.0]}]
    assert axis[0].column("ScalarAxis:range").to_pylist()[0] == [[-2.0, 2.0]]
    assert legend[0].column("PlotLegend:visible").to_pylist()[0] == [False]


def test_blueprint_properties_match_rerun_sdk():
    rerun = pytest.importorskip("rerun")
    sdk = rerun.blueprint.archetypes
    pairs = [(rrb.VisualBounds2D(x_range=[0, 1], y_range=[2, 3]), sdk.VisualBounds2D(x_range=[0, 1], y_range=[2, 3])),
             (rrb.ScalarAxis(range=(0, 1), zoom_lock=True), sdk.ScalarAxis(range=(0, 1), zoom_lock=True)),
             (rrb.PlotLegend(corner="LeftTop", visible=False), sdk.PlotLegend(corner="LeftTop", visible=False)),
             (rrb.Background([10, 20, 30]), sdk.Background([10, 20, 30])),
             (rrb.LineGrid3D(visible=True, spacing=0.5, stroke_width=2, color=[1, 2, 3]),
              sdk.LineGrid3D(visible=True, spacing=0.5, stroke_width=2, color=[1, 2, 3]))]
    for ours, theirs in pairs:
        mine = {f"{ours.archetype}:{field}": (ctype, arr.to_pylist()) for field, ctype, arr in ours.components()}
        real = {b.component_descriptor().component: (b.component_descriptor().component_type,
                                                     b.as_arrow_array().to_pylist())
                for b in theirs.as_component_batches()}
        assert mine == real, type(ours).__name__


def test_blueprint_in_an_rrd_file_lays_out_the_loaded_recording(tmp_path, make_layout):
    from rerun_nb.blueprint._from_chunks import blueprint_from_chunks
    from rerun_nb.widget._viewer import active_blueprint

    bp = rrb.Blueprint(rrb.Vertical(
        rrb.Spatial2DView(origin="/img", name="camera", visual_bounds=rrb.VisualBounds2D(x_range=[0, 4], y_range=[0, 4])),
        rrb.Tabs(rrb.TimeSeriesView(origin="/plot", axis_y=rrb.ScalarAxis(range=(-1, 1))), rrb.TextLogView(name="log"),
                 active_tab=1),
        row_shares=[2, 1]))
    rec = rr.RecordingStream("bp_load", recording_id="r1")
    path = tmp_path / "with_bp.rrd"
    rec.save(path, default_blueprint=bp)
    rec.set_time("frame", sequence=0)
    rec.log("img", rr.Image(np.zeros((4, 4, 3), np.uint8)))
    rec.log("plot", rr.Scalars(1.0))
    rec.disconnect()
    loaded = rr.load(path)
    back = active_blueprint(loaded)
    assert back is not None
    tree = from_blueprint(back)
    assert tree.kind == "vertical" and tree.row_shares == [2.0, 1.0]
    view2d, tabs = tree.children
    assert (view2d.kind, view2d.origin, view2d.name) == ("2D", "/img", "camera")
    assert view2d.properties["visual_bounds"].x_range == [0.0, 4.0]
    assert tabs.kind == "tabs" and tabs.active_tab == 1 and [c.kind for c in tabs.children] == ["TimeSeries", "TextLog"]
    assert tabs.children[0].properties["axis_y"].range == [-1.0, 1.0]
    r = make_layout(loaded.store, 200, 200, blueprint=back)
    r.render("frame", 0)
    assert [(v.kind, v.origin) for v in r.views] == [("2D", "/img"), ("TextLog", "/")]
    assert blueprint_from_chunks([]) is None


def test_blueprint_file_written_by_rerun_sdk_is_understood(tmp_path):
    rerun = pytest.importorskip("rerun")
    from rerun_nb.blueprint._from_chunks import blueprint_from_chunks
    from rerun_nb.rrd import read_rrd

    sdk = rerun.blueprint
    path = tmp_path / "sdk.rbl"
    sdk.Blueprint(sdk.Horizontal(
        sdk.Spatial3DView(origin="/world", name="3D", background=[10, 20, 30]),
        sdk.Vertical(sdk.TimeSeriesView(origin="/plot", axis_y=sdk.ScalarAxis(range=(0, 5))),
                     sdk.Spatial2DView(origin="/cam", visual_bounds=sdk.VisualBounds2D(x_range=[0, 8], y_range=[0, 6])),
                     row_shares=[1, 2]),
        column_shares=[2, 1])).save("sdk_app", str(path))
    (store,) = [s for s in read_rrd(path, strict=True) if s.kind == "blueprint"]
    tree = from_blueprint(blueprint_from_chunks(store.chunks))
    assert tree.kind == "horizontal" and tree.column_shares == [2.0, 1.0]
    v3d, vertical = tree.children
    assert (v3d.kind, v3d.origin, v3d.name) == ("3D", "/world", "3D")
    assert v3d.properties["background"].color == 0x0A141EFF
    plot, cam = vertical.children
    assert plot.properties["axis_y"].range == [0.0, 5.0]
    assert cam.properties["visual_bounds"].y_range == [0.0, 6.0] and vertical.row_shares == [1.0, 2.0]


def test_an_empty_recording_renders_an_empty_view(rec, make_layout):
    r = make_layout(rec.store, 120, 90)
    img = r.render("log_time", None)
    assert r.views == [] and img.shape == (90, 120, 4)
    assert np.all(np.abs(img[:, :, :3].astype(int) - [22, 25, 29]) <= 2)  # the views' background
    rec.set_time("frame", sequence=0)
    rec.log("p", rr.Points3D([[0, 0, 0]]))
    r.render("frame", 0)
    assert [v.kind for v in r.views] == ["3D"]  # the layout follows the data
