"""Layout trees: containers of views (from a blueprint or the heuristics) and the rectangles they get.

A ``ViewSpec`` says which view to make (kind, origin, contents, name, properties); a
``ContainerSpec`` arranges children as Rerun's containers do: ``horizontal`` (side by side, widths by
``column_shares``), ``vertical`` (stacked, heights by ``row_shares``), ``grid`` (``grid_columns``
columns, default ceil(sqrt(n))), ``tabs`` (one child at a time: ``active_tab``, with a tab bar).
Invisible children (``visible=False``) take no space; a tabs container with one child shows no tab bar.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

__all__ = ["TAB_BAR_PX", "ContainerSpec", "ViewSpec", "compute_rects", "from_blueprint", "tab_bars"]

TAB_BAR_PX = 22
GAP_PX = 2


@dataclass
class ViewSpec:
    """One view to create: Rerun's class identifier ("3D", "2D", ...) and its blueprint settings."""

    kind: str
    origin: str = "/"
    contents: Any = "$origin/**"
    name: str | None = None
    visible: bool = True
    properties: dict[str, Any] = field(default_factory=dict)


@dataclass
class ContainerSpec:
    """A container of views and containers."""

    kind: str  # "horizontal" | "vertical" | "grid" | "tabs"
    children: list = field(default_factory=list)
    column_shares: list[float] | None = None
    row_shares: list[float] | None = None
    grid_columns: int | None = None
    active_tab: int = 0
    name: str | None = None
    visible: bool = True


Rect = tuple[int, int, int, int]


def _split(total: int, shares: list[float] | None, n: int) -> list[tuple[int, int]]:
    """Split ``total`` pixels into ``n`` (offset, size) parts by ``shares`` (equal by default)."""
    if n == 0:
        return []
    weights = [float(s) for s in (shares or [])][:n]
    weights += [1.0] * (n - len(weights))
    weights = [max(w, 0.0) for w in weights]
    whole = sum(weights) or float(n)
    usable = max(total - GAP_PX * (n - 1), n)
    out, pos, acc = [], 0, 0.0
    for w in weights:
        acc += w
        end = round(usable * acc / whole)
        out.append((pos + GAP_PX * len(out), max(end - pos, 1)))
        pos = end
    return out


def compute_rects(node, rect: Rect) -> list[tuple[ViewSpec, Rect]]:
    """Every visible view of the tree with its rectangle (x, y, w, h), in tree order."""
    if isinstance(node, ViewSpec):
        return [(node, rect)] if node.visible else []
    children = [c for c in node.children if getattr(c, "visible", True)]
    if not children:
        return []
    x, y, w, h = rect
    out: list[tuple[ViewSpec, Rect]] = []
    if node.kind == "tabs":
        active = min(max(node.active_tab, 0), len(children) - 1)
        if len(children) == 1:  # a lone tab (a view given alone as the blueprint): no tab bar
            return compute_rects(children[0], rect)
        return compute_rects(children[active], (x, y + TAB_BAR_PX, w, max(h - TAB_BAR_PX, 1)))
    for child, sub in _child_rects(node, children, rect):
        out += compute_rects(child, sub)
    return out


def tab_bars(node, rect: Rect) -> list[tuple[ContainerSpec, Rect]]:
    """The tab bars to draw: (tabs container, bar rectangle) for every visible tabs container."""
    if isinstance(node, ViewSpec):
        return []
    children = [c for c in node.children if getattr(c, "visible", True)]
    if not children:
        return []
    x, y, w, h = rect
    if node.kind == "tabs" and len(children) == 1:
        return tab_bars(children[0], rect)
    if node.kind == "tabs":
        active = min(max(node.active_tab, 0), len(children) - 1)
        return [(node, (x, y, w, TAB_BAR_PX))] + tab_bars(children[active], (x, y + TAB_BAR_PX, w, h - TAB_BAR_PX))
    out = []
    for spec, sub in _child_rects(node, children, rect):
        out += tab_bars(spec, sub)
    return out


def _child_rects(node, children, rect):
    x, y, w, h = rect
    if node.kind == "horizontal":
        return [(c, (x + dx, y, cw, h)) for c, (dx, cw) in zip(children, _split(w, node.column_shares, len(children)))]
    if node.kind == "vertical":
        return [(c, (x, y + dy, w, ch)) for c, (dy, ch) in zip(children, _split(h, node.row_shares, len(children)))]
    cols = max(1, min(node.grid_columns or math.ceil(math.sqrt(len(children))), len(children)))
    rows = math.ceil(len(children) / cols)
    cp, rp = _split(w, node.column_shares, cols), _split(h, node.row_shares, rows)
    return [(c, (x + cp[i % cols][0], y + rp[i // cols][0], cp[i % cols][1], rp[i // cols][1]))
            for i, c in enumerate(children)]


def from_blueprint(blueprint) -> ContainerSpec | ViewSpec | None:
    """The layout tree of a ``rerun_nb.blueprint`` Blueprint / container / view (None: use the heuristics)."""
    if blueprint is None:
        return None
    if hasattr(blueprint, "to_blueprint"):
        blueprint = blueprint.to_blueprint()
    root = getattr(blueprint, "root_container", None)
    return None if root is None else _node(root)


def _node(part):
    if hasattr(part, "class_identifier"):  # a View
        return ViewSpec(kind=part.class_identifier, origin=str(part.origin), contents=part.contents,
                        name=part.name, visible=part.visible is not False, properties=part.viewer_properties())
    children = [_node(c) for c in part.contents]
    active = 0
    if part.active_tab is not None:
        for i, c in enumerate(part.contents):
            if i == part.active_tab or getattr(c, "name", None) == part.active_tab:
                active = i
    return ContainerSpec(kind=part.kind, children=children, column_shares=part.column_shares,
                         row_shares=part.row_shares, grid_columns=part.grid_columns, active_tab=active,
                         name=part.name, visible=part.visible is not False)
