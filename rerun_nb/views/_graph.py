"""The graph view: ``GraphNodes`` and ``GraphEdges`` of every entity in the view, laid out by forces.

As in Rerun 0.41: node ids are per entity (an edge joins two nodes of its own entity); an edge to an
id no ``GraphNodes`` names creates an implicit node (drawn small, without label); nodes with a
``positions`` value stay there, the others are placed by one force simulation over the whole view
(``_graph_layout``, deterministic). ``GraphEdges:graph_type`` directed draws arrow heads at the target.
A labeled node is drawn as a dot with its label beside it (Rerun draws the label in a box instead).
Coordinates are y down, as in Rerun's graph view, so ``visual_bounds`` reads the same.
"""

from __future__ import annotations

import numpy as np
import pygfx as gfx

from ..query import as_float_rows, batch, first_bool, first_int, float_values, text_values
from ..viewer import _objects
from ..viewer._colors import per_instance_colors
from ._flat import FlatView, pad_bounds
from ._graph_layout import ForceParams, force_layout
from ._props import prop_value, visual_bounds_2d

__all__ = ["GraphView"]

NODES, EDGES = "GraphNodes:node_ids", "GraphEdges:edges"
DEFAULT_NODE_RADIUS = 4.0  # scene units (Rerun's graph view default)
IMPLICIT_NODE_RADIUS = 2.0
EDGE_COLOR = (0.62, 0.64, 0.67, 1.0)
ARROW_LENGTH = 8.0  # scene units
DIRECTED = 2  # GraphType: 1 undirected, 2 directed


def _edge_pairs(b) -> list[tuple[str, str]]:
    if b is None:
        return []
    if hasattr(b, "field"):  # a struct<first, second> array
        return list(zip(b.field("first").to_pylist(), b.field("second").to_pylist()))
    return [(str(e["first"]), str(e["second"])) if isinstance(e, dict) else (str(e[0]), str(e[1])) for e in b]


class _Graph:
    """The nodes and edges of the view at one time, in one flat index space."""

    def __init__(self):
        self.keys: list[tuple[str, str]] = []  # (entity path, node id)
        self.index: dict[tuple[str, str], int] = {}
        self.fixed: list[tuple[float, float] | None] = []
        self.colors: list[np.ndarray] = []
        self.radii: list[float] = []  # negative: UI points
        self.labels: list[str | None] = []
        self.edges: list[tuple[int, int, bool]] = []  # (source, target, directed)

    def add_node(self, key, *, fixed=None, color, radius, label=None) -> int:
        i = self.index.get(key)
        if i is None:
            i = self.index[key] = len(self.keys)
            self.keys.append(key)
            self.fixed.append(fixed)
            self.colors.append(color)
            self.radii.append(radius)
            self.labels.append(label)
        return i

    def topology(self) -> tuple:
        """What the layout depends on: nodes, their fixed positions, edges."""
        return tuple(self.keys), tuple(self.fixed), tuple((a, b) for a, b, _ in self.edges)


class GraphView(FlatView):
    """Rerun's ``GraphView``: graphs of ``GraphNodes`` / ``GraphEdges``, force-directed layout."""

    kind = "Graph"
    applied_properties = frozenset({"background", "visual_bounds", "force_link", "force_many_body",
                                    "force_position", "force_collision_radius", "force_center"})

    def __init__(self, store, **kwargs):
        super().__init__(store, **kwargs)
        self.params = self._force_params()
        self.positions: dict[tuple[str, str], np.ndarray] = {}  # laid-out node positions (y down)
        self._topology = None
        self._nodes_obj = self._edges_obj = None

    def _force_params(self) -> ForceParams:
        pr, p = self.properties, ForceParams()
        link, body, pos = pr.get("force_link"), pr.get("force_many_body"), pr.get("force_position")
        coll, center = pr.get("force_collision_radius"), pr.get("force_center")
        p.link = bool(prop_value(link, "enabled", p.link))
        p.link_distance = float(prop_value(link, "distance", p.link_distance))
        p.link_iterations = int(prop_value(link, "iterations", p.link_iterations))
        p.many_body = bool(prop_value(body, "enabled", p.many_body))
        p.many_body_strength = float(prop_value(body, "strength", p.many_body_strength))
        p.position = bool(prop_value(pos, "enabled", p.position))
        p.position_strength = float(prop_value(pos, "strength", p.position_strength))
        xy = prop_value(pos, "position", p.position_xy)
        p.position_xy = (float(np.ravel(xy)[0]), float(np.ravel(xy)[1]))
        p.collision = bool(prop_value(coll, "enabled", p.collision))
        p.collision_strength = float(prop_value(coll, "strength", p.collision_strength))
        p.collision_iterations = int(prop_value(coll, "iterations", p.collision_iterations))
        p.center = bool(prop_value(center, "enabled", p.center))
        p.center_strength = float(prop_value(center, "strength", p.center_strength))
        return p

    # ---- building ----------------------------------------------------------------------------------
    def graph_at(self, timeline: str, at: int | None) -> _Graph:
        """The view's nodes and edges at ``(timeline, at)``."""
        g = _Graph()
        for path in self.entity_paths_with(NODES, EDGES):
            r = self.store.latest_at(path, timeline=timeline, at=at)
            ids = text_values(batch(r, NODES)) or []
            n = len(ids)
            if n:
                pos = as_float_rows(batch(r, "GraphNodes:positions"), 2)
                colors = per_instance_colors(batch(r, "GraphNodes:colors"), n, path)
                radii = float_values(batch(r, "GraphNodes:radii"))
                labels = text_values(batch(r, "GraphNodes:labels"))
                show = first_bool(batch(r, "GraphNodes:show_labels"), True)
                for k, node in enumerate(ids):
                    fixed = None if pos is None or k >= len(pos) else (float(pos[k][0]), float(pos[k][1]))
                    radius = DEFAULT_NODE_RADIUS if radii is None else float(radii[min(k, len(radii) - 1)])
                    label = labels[k] if show and labels is not None and k < len(labels) else None
                    g.add_node((path, node), fixed=fixed, color=colors[k], radius=radius, label=label)
            pairs = _edge_pairs(batch(r, EDGES))
            directed = first_int(batch(r, "GraphEdges:graph_type"), 1) == DIRECTED
            for a, b in pairs:
                ia, ib = (g.add_node((path, x), color=np.array(EDGE_COLOR, np.float32), radius=IMPLICIT_NODE_RADIUS)
                          for x in (a, b))
                g.edges.append((ia, ib, directed))
        return g

    def rebuild(self, timeline, at) -> None:
        g = self.graph_at(timeline, at)
        n = len(g.keys)
        if g.topology() != self._topology:
            fixed = np.array([f if f is not None else (np.nan, np.nan) for f in g.fixed], np.float64).reshape(n, 2)
            start = np.array([self.positions.get(k, (np.nan, np.nan)) for k in g.keys], np.float64).reshape(n, 2)
            edges = np.array([(a, b) for a, b, _ in g.edges], np.int64).reshape(-1, 2)
            xy = force_layout(n, edges, fixed=fixed, start=start, radii=np.abs(np.array(g.radii)),
                              params=self.params)
            self.positions = {k: xy[i] for i, k in enumerate(g.keys)}
            self._topology = g.topology()
        self.content.clear()
        self._nodes_obj = self._edges_obj = None
        if n == 0:
            return
        xy = np.array([self.positions[k] for k in g.keys], np.float32)
        self._draw_edges(g, xy)
        self._draw_nodes(g, xy)

    def _draw_nodes(self, g: _Graph, xy: np.ndarray) -> None:
        radii = np.array(g.radii, np.float32)
        space = "screen" if np.all(radii < 0) else "world"
        positions = np.zeros((len(xy), 3), np.float32)
        positions[:, :2] = xy
        positions[:, 2] = 1.0  # above the edges
        colors = np.array(g.colors, np.float32)
        self._nodes_obj = _objects.points(None, positions, colors, 2 * np.abs(radii), size_space=space)
        labeled = [i for i, label in enumerate(g.labels) if label]
        if labeled:
            anchors = positions[labeled] + np.array([np.abs(radii[labeled]).max(), 0, 0], np.float32)
            _objects.set_labels(self._nodes_obj, [g.labels[i] for i in labeled], anchors)
        self.content.add(self._nodes_obj)

    def _draw_edges(self, g: _Graph, xy: np.ndarray) -> None:
        radii = np.abs(np.array(g.radii, np.float32))
        for directed in (False, True):
            sel = [(a, b) for a, b, d in g.edges if d == directed and a != b]
            if not sel:
                continue
            idx = np.array(sel)
            p0, p1 = xy[idx[:, 0]].astype(np.float64), xy[idx[:, 1]].astype(np.float64)
            if directed:  # the arrow head ends at the target's rim
                d = p1 - p0
                length = np.maximum(np.linalg.norm(d, axis=1, keepdims=True), 1e-9)
                p1 = p1 - d / length * np.minimum(radii[idx[:, 1], None], length * 0.5)
            seg = np.zeros((2 * len(sel), 3), np.float32)
            seg[0::2, :2], seg[1::2, :2] = p0, p1
            colors = np.tile(np.array(EDGE_COLOR, np.float32), (len(seg), 1))
            obj = _objects.lines(None, seg, colors, thickness=1.5, thickness_space="screen", segments=True)
            self.content.add(obj)
            self._edges_obj = obj
            if directed:
                self.content.add(_arrow_heads(p0, p1))

    def content_bounds(self):
        given = visual_bounds_2d(self.properties.get("visual_bounds"))
        if given is not None:
            return given
        if not self.positions:
            return None
        xy = np.array(list(self.positions.values()), np.float64)
        return pad_bounds(xy.min(axis=0), xy.max(axis=0), frac=0.15, minimum=20.0)

    def node_position(self, entity_path: str, node_id: str) -> np.ndarray | None:
        """Where node ``node_id`` of ``entity_path`` is drawn (view coordinates, y down), or None."""
        p = self.positions.get(("/" + entity_path.strip("/"), str(node_id)))
        return None if p is None else np.asarray(p, float)


def _arrow_heads(p0: np.ndarray, p1: np.ndarray) -> gfx.Mesh:
    """Filled triangles ending at ``p1``, pointing from ``p0`` (scene units, as Rerun's graph arrows)."""
    d = p1 - p0
    d = d / np.maximum(np.linalg.norm(d, axis=1, keepdims=True), 1e-9)
    normal = np.stack([-d[:, 1], d[:, 0]], axis=1)
    base = p1 - d * ARROW_LENGTH
    tri = np.stack([p1, base + normal * ARROW_LENGTH / 2, base - normal * ARROW_LENGTH / 2], axis=1)
    positions = np.zeros((len(p1) * 3, 3), np.float32)
    positions[:, :2] = tri.reshape(-1, 2)
    positions[:, 2] = 0.5
    indices = np.arange(len(positions), dtype=np.uint32).reshape(-1, 3)
    return gfx.Mesh(gfx.Geometry(positions=positions, indices=indices),
                    gfx.MeshBasicMaterial(color=EDGE_COLOR, side="both"))
