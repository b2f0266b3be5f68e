"""Blueprint chunks (as rerun-sdk writes them, in .rrd files) back to a ``Blueprint``.

Reads the entities ``viewport``, ``container/<uuid>``, ``view/<uuid>``, ``view/<uuid>/ViewContents`` and the
view property archetypes rerun_nb encodes (``view/<uuid>/VisualBounds2D``, ``ScalarAxis``, ``PlotLegend``,
``Background``, ``LineGrid3D``, ...). For each component the last row written wins (a blueprint store is a
log of edits). Unknown view classes come back as views the viewer names in a notice.
"""

from __future__ import annotations

import uuid
from typing import Any

from . import api as _api
from . import archetypes as P
from .components import BackgroundKind

__all__ = ["blueprint_from_chunks"]

_KIND_NAMES = {1: "tabs", 2: "horizontal", 3: "vertical", 4: "grid"}
_CONTAINERS = {"tabs": _api.Tabs, "horizontal": _api.Horizontal, "vertical": _api.Vertical, "grid": _api.Grid}
_VIEW_CLASSES = {cls.class_identifier: cls for cls in (
    _api.Spatial3DView, _api.Spatial2DView, _api.TimeSeriesView, _api.TextLogView, _api.TextDocumentView,
    _api.BarChartView, _api.TensorView, _api.DataframeView, _api.GraphView, _api.MapView, _api.StateTimelineView,
    _api.AudioView)}


def _latest_components(chunks) -> dict[str, dict[str, Any]]:
    """entity path -> component -> the last non-null cell (a python list)."""
    out: dict[str, dict[str, Any]] = {}
    for chunk in chunks:
        meta = chunk.schema.metadata or {}
        entity = meta.get(b"rerun:entity_path", b"").decode().lstrip("/")
        comps = out.setdefault(entity, {})
        for field in chunk.schema:
            fmeta = field.metadata or {}
            if fmeta.get(b"rerun:kind", b"data") != b"data":
                continue
            for cell in reversed(chunk.column(field.name).to_pylist()):
                if cell is not None:
                    comps[field.name] = cell
                    break
    return out


def _first(cell, default=None):
    return cell[0] if isinstance(cell, list) and cell else default


def _property(name: str, comps: dict[str, Any]):
    fields = {c.split(":", 1)[1]: v for c, v in comps.items() if c.startswith(f"{name}:")}
    if name == "VisualBounds2D" and "range" in fields:
        rng = _first(fields["range"])
        return "visual_bounds", P.VisualBounds2D(x_range=rng["x_range"], y_range=rng["y_range"])
    if name == "Background":
        color, kind = _first(fields.get("color")), _first(fields.get("kind"))
        return "background", P.Background(color=color, kind=None if kind is None else BackgroundKind(kind))
    simple = {"ScalarAxis": "axis_y", "PlotLegend": "plot_legend", "LineGrid3D": "line_grid",
              "TimeAxis": "axis_x", "TextLogRows": "rows", "TensorScalarMapping": "scalar_mapping",
              "PlotBackground": "background", "EyeControls3D": "eye_controls"}
    if name in simple and fields:
        cls = getattr(P, name)
        values = {k: (v if name == "TextLogRows" else _first(v)) for k, v in fields.items()}
        return simple[name], cls(**values)
    return None


def blueprint_from_chunks(chunks) -> _api.Blueprint | None:
    """The ``Blueprint`` stored in blueprint-store chunks, or None when they hold no root container."""
    comps = _latest_components(chunks)
    root = _first(comps.get("viewport", {}).get("ViewportBlueprint:root_container"))
    if root is None:
        return None
    root_path = f"container/{uuid.UUID(bytes=bytes(root))}"

    def build(path: str, depth: int = 0):
        c = comps.get(path, {})
        if path.startswith("view/"):
            cls = _VIEW_CLASSES.get(_first(c.get("ViewBlueprint:class_identifier"), ""), None)
            if cls is None:
                cls = _api._view_class("UnknownView", _first(c.get("ViewBlueprint:class_identifier"), "?"))
            query = comps.get(f"{path}/ViewContents", {}).get("ViewContents:query") or ["$origin/**"]
            view = cls(origin=_first(c.get("ViewBlueprint:space_origin"), "/"), contents=query,
                       name=_first(c.get("ViewBlueprint:display_name")), visible=_first(c.get("ViewBlueprint:visible")))
            for entity, pcomps in comps.items():
                if entity.startswith(path + "/") and entity.count("/") == path.count("/") + 1:
                    found = _property(entity.rsplit("/", 1)[1], pcomps)
                    if found is not None and found[0] in cls.property_types:
                        view.properties[found[0]] = found[1]
            return view
        if depth > 64:
            raise ValueError("blueprint containers nest too deeply (a cycle?)")
        kind = _KIND_NAMES.get(_first(c.get("ContainerBlueprint:container_kind"), 4), "grid")
        paths = [p.lstrip("/") for p in c.get("ContainerBlueprint:contents") or [] if p.lstrip("/") in comps]
        children = [build(p, depth + 1) for p in paths]
        active = (_first(c.get("ContainerBlueprint:active_tab")) or "").lstrip("/")
        active_index = paths.index(active) if active in paths else None
        container = _api.Container(*children, kind=kind, column_shares=c.get("ContainerBlueprint:col_shares"),
                                      row_shares=c.get("ContainerBlueprint:row_shares"),
                                      grid_columns=_first(c.get("ContainerBlueprint:grid_columns")),
                                      active_tab=active_index, name=_first(c.get("ContainerBlueprint:display_name")),
                                      visible=_first(c.get("ContainerBlueprint:visible")))
        container.__class__ = _CONTAINERS[kind]  # each subclass takes only its own keywords; all share one state
        return container

    return _api.Blueprint(build(root_path))
