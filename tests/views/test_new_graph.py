"""The graph view by pixels: nodes where their positions put them, edges between, arrows, a deterministic layout."""

from __future__ import annotations

import numpy as np

import rerun_nb as rr
import rerun_nb.blueprint as rrb
from rerun_nb.layout import heuristic_layout
from rerun_nb.views._graph_layout import force_layout

from .conftest import bbox, color_mask

RED, GREEN, BLUE = (255, 0, 0), (0, 255, 0), (0, 0, 255)
EDGE = (158, 163, 171)


def _graph_view(rec, make_layout, w=300, h=200, **kwargs):
    r = make_layout(rec.store, w, h, blueprint=rrb.GraphView(origin="/", **kwargs))
    return r, r.views[0]


def test_nodes_at_given_positions_and_an_edge_between(rec, make_layout):
    rec.set_time("f", sequence=0)
    rec.log("g", rr.GraphNodes(["a", "b"], positions=[(-100, 0), (100, 0)], colors=[RED, GREEN], radii=6),
            rr.GraphEdges([("a", "b")]))
    r, view = _graph_view(rec, make_layout, visual_bounds=rrb.VisualBounds2D(x_range=[-150, 150], y_range=[-100, 100]))
    img = r.render("f", 0)
    assert view.kind == "Graph"
    # given positions are kept exactly (no force moves them)
    assert np.allclose(view.node_position("g", "a"), [-100, 0]) and np.allclose(view.node_position("g", "b"), [100, 0])
    rect = r.placed[0][1]
    for node, color in (("a", RED), ("b", GREEN)):
        col, row = view.to_pixel(*view.node_position("g", node), rect)
        blob = bbox(color_mask(img, color, tol=30))
        assert blob is not None, node
        assert abs((blob[2] + blob[3]) / 2 - col) <= 2 and abs((blob[0] + blob[1]) / 2 - row) <= 2
        assert 6 <= blob[3] - blob[2] + 1 <= 14  # radius 6 scene units at 1 px per unit
    # the edge: edge-grey pixels on the row between the two nodes, and none above or below it
    edge = color_mask(img, EDGE, tol=40)
    _, mid_row = view.to_pixel(0, 0, rect)
    assert edge[int(mid_row) - 1: int(mid_row) + 2, 80:220].any(axis=0).mean() > 0.9
    assert not edge[: int(mid_row) - 5].any() and not edge[int(mid_row) + 5:].any()


def test_directed_edges_have_an_arrow_head_at_the_target(rec, make_layout):
    rec.set_time("f", sequence=0)
    rec.log("g", rr.GraphNodes(["a", "b"], positions=[(-100, 0), (100, 0)], colors=[RED, GREEN], radii=4),
            rr.GraphEdges([("a", "b")], graph_type="directed"))
    bounds = rrb.VisualBounds2D(x_range=[-150, 150], y_range=[-100, 100])
    r, view = _graph_view(rec, make_layout, visual_bounds=bounds)
    img = r.render("f", 0)
    edge = color_mask(img, EDGE, tol=40)
    rect = r.placed[0][1]
    tip_col, row = view.to_pixel(96, 0, rect)
    tail_col, _ = view.to_pixel(-90, 0, rect)
    # thick (the head) just before the target, a thin line at the source end
    near_head = edge[:, int(tip_col) - 5].sum()
    near_tail = edge[:, int(tail_col) + 5].sum()
    assert near_head >= 4 and near_tail <= 3, (near_head, near_tail)


def test_force_layout_is_deterministic_and_keeps_linked_nodes_near(rec, make_layout):
    rec.set_time("f", sequence=0)
    ids = [str(i) for i in range(6)]
    rec.log("g", rr.GraphNodes(ids, labels=ids), rr.GraphEdges([("0", "1"), ("1", "2"), ("3", "4"), ("4", "5")]))
    r1, v1 = _graph_view(rec, make_layout)
    r1.render("f", 0)
    r2, v2 = _graph_view(rec, make_layout)
    r2.render("f", 0)
    for i in ids:
        assert np.array_equal(v1.node_position("g", i), v2.node_position("g", i))
    pos = np.array([v1.node_position("g", i) for i in ids])
    dist = np.linalg.norm(pos[:, None] - pos[None], axis=2)
    assert 30 < dist[0, 1] < 90  # near the link distance (60)
    assert dist[0, 2] > dist[0, 1]  # no collapse: repulsion keeps the chain open
    assert dist[dist > 0].min() > 10


def test_edges_to_unknown_ids_make_implicit_nodes(rec, make_layout):
    rec.set_time("f", sequence=0)
    rec.log("g", rr.GraphNodes(["a"], positions=[(0, 0)]), rr.GraphEdges([("a", "x")]))
    r, view = _graph_view(rec, make_layout)
    r.render("f", 0)
    assert view.node_position("g", "x") is not None
    assert np.allclose(view.node_position("g", "a"), [0, 0])


def test_graph_changes_over_time_keep_existing_nodes_near_where_they_were(rec, make_layout):
    rec.set_time("f", sequence=0)
    rec.log("g", rr.GraphNodes(["a", "b", "c"]), rr.GraphEdges([("a", "b"), ("b", "c")]))
    rec.set_time("f", sequence=1)
    rec.log("g", rr.GraphNodes(["a", "b", "c", "d"]), rr.GraphEdges([("a", "b"), ("b", "c"), ("c", "d")]))
    r, view = _graph_view(rec, make_layout)
    r.render("f", 0)
    before = {k: view.node_position("g", k) for k in "abc"}
    r.render("f", 1)
    assert view.node_position("g", "d") is not None
    moved = max(np.linalg.norm(view.node_position("g", k) - before[k]) for k in "abc")
    assert moved < 60


def test_force_layout_function_fixed_nodes_stay():
    fixed = np.array([[0.0, 0.0], [np.nan, np.nan], [np.nan, np.nan]])
    xy = force_layout(3, np.array([[0, 1], [1, 2]]), fixed=fixed)
    assert np.array_equal(xy[0], [0.0, 0.0])
    assert np.all(np.isfinite(xy))


def test_heuristics_one_graph_view_per_graph_entity():
    tree = heuristic_layout({"/a": {"GraphNodes"}, "/b": {"GraphEdges", "GraphNodes"}, "/p": {"Points3D"}})
    graphs = [(v.kind, v.origin, v.contents) for v in tree.children if v.kind == "Graph"]
    assert graphs == [("Graph", "/a", "$origin"), ("Graph", "/b", "$origin")]


def test_auto_layout_draws_graph_entities(rec, make_layout):
    rec.set_time("f", sequence=0)
    rec.log("graph", rr.GraphNodes(["a", "b"], positions=[(0, 0), (50, 0)], colors=[BLUE]))
    r = make_layout(rec.store, 200, 150)
    img = r.render("f", 0)
    assert [v.kind for v in r.views] == ["Graph"]
    assert color_mask(img, BLUE, tol=30).sum() > 10
