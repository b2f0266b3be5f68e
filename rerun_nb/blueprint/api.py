"""The blueprint API with rerun-sdk 0.41 names: `Blueprint`, `View`, `Container`, the panels.

A blueprint describes the viewer layout: the inline viewer lays its views out from it
(``rr.notebook_show(blueprint=...)``, ``rr.send_blueprint``), and `Blueprint.blueprint_chunks()` turns it into
the blueprint-store chunks rerun-sdk writes (entities ``viewport``, ``container/<uuid>``, ``view/<uuid>``,
``view/<uuid>/ViewContents``, ``view/<uuid>/<PropertyArchetype>``, ``view/<uuid>/defaults``,
``view/<uuid>/ViewContents/overrides/<entity>/visualizers[/<uuid>]``, ``*_panel``; one row each on the
``blueprint`` timeline), so ``rr.save`` / ``rr.send_blueprint`` / `Blueprint.save` store it in files the
Rerun viewer understands (tests/blueprint/test_sdk_parity.py compares them with rerun-sdk's). What the inline
viewer does not apply shows as a notice in the view.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterable
from typing import ClassVar

import pyarrow as pa

from rerun_nb._baseclasses import AsComponents, DescribedComponentBatch
from rerun_nb._component_mixins import ComponentBatchLike
from rerun_nb.recording_stream import RecordingStream
from rerun_nb.rrd._framing import new_tuid, tuid_to_bytes, tuid_to_str

from . import archetypes as A
from . import components as bpc
from ._records import signature_of
from .archetypes import PropertyArchetype
from .visualizers import VisualizableArchetype, Visualizer

__all__ = [
    "ActiveVisualizers", "AsComponents", "ComponentBatchLike", "DescribedComponentBatch", "RecordingStream", "Blueprint", "BlueprintLike", "BlueprintPanel", "BlueprintPart", "Container",
    "ContainerBlueprint", "ContainerLike", "EntityBehavior", "Panel", "PanelBlueprint", "PanelState",
    "PanelStateLike", "SelectionPanel", "TimePanel", "TimePanelBlueprint", "TopPanel", "View", "ViewBlueprint",
    "ViewContents", "ViewportBlueprint", "VisibleTimeRanges", "VisualizableArchetype", "Visualizer",
    "VisualizerInstruction", "create_in_memory_blueprint",
]

ActiveVisualizers, ContainerBlueprint, EntityBehavior = A.ActiveVisualizers, A.ContainerBlueprint, A.EntityBehavior
PanelBlueprint, TimePanelBlueprint, ViewBlueprint = A.PanelBlueprint, A.TimePanelBlueprint, A.ViewBlueprint
ViewContents, ViewportBlueprint, VisibleTimeRanges = A.ViewContents, A.ViewportBlueprint, A.VisibleTimeRanges
VisualizerInstruction = A.VisualizerInstruction
PanelState = bpc.PanelState
PanelStateLike = bpc.PanelStateLike

_BP = "rerun.blueprint."
_KINDS = {"tabs": 1, "horizontal": 2, "vertical": 3, "grid": 4}


def _chunk(entity: str, columns: list, *, static: bool = False) -> pa.RecordBatch:
    """One blueprint-store row at ``entity``: columns are (archetype, component, component type, list array)."""
    fields = [
        pa.field("rerun.controls.RowId", pa.binary(16), nullable=False, metadata={
            b"rerun:kind": b"control", b"ARROW:extension:name": b"rerun.datatypes.TUID",
            b"ARROW:extension:metadata": b'{"namespace":"row"}', b"rerun:is_sorted": b"true"}),
    ]
    arrays = [pa.array([tuid_to_bytes(new_tuid())], pa.binary(16))]
    if not static:  # static rows (TimePanel's play_state) have no time
        fields += [
            pa.field("blueprint", pa.int64(), metadata={b"rerun:kind": b"index", b"rerun:index_name": b"blueprint"}),
            pa.field("log_time", pa.timestamp("ns"), metadata={b"rerun:kind": b"index",
                                                               b"rerun:index_name": b"log_time"}),
        ]
        arrays += [pa.array([0], pa.int64()), pa.array([time.time_ns()], pa.int64()).view(pa.timestamp("ns"))]
    for archetype, component, ctype, arr in sorted(columns, key=lambda c: c[1]):
        meta = {b"rerun:kind": b"data", b"rerun:component": component.encode()}
        if archetype:
            meta[b"rerun:archetype"] = archetype.encode()
        if ctype:
            meta[b"rerun:component_type"] = ctype.encode()
        fields.append(pa.field(component, arr.type, metadata=meta))
        arrays.append(arr)
    meta = {b"rerun:entity_path": ("/" + entity.lstrip("/")).encode(),
            b"rerun:id": tuid_to_str(new_tuid()).encode(), b"sorbet:version": b"0.1.4"}
    return pa.RecordBatch.from_arrays(arrays, schema=pa.schema(fields, metadata=meta))


def _columns(arch: PropertyArchetype) -> list:
    """An archetype's set fields as one-row chunk columns (each cell a list of its instances)."""
    name = type(arch).archetype_short_name()
    return [(f"{_BP}archetypes.{name}", f"{name}:{field}", ctype,
             pa.ListArray.from_arrays(pa.array([0, len(arr)], pa.int32()), arr))
            for field, ctype, arr in arch.components()]


def _batch_chunks(entity: str, item) -> list[pa.RecordBatch]:
    """One row at ``entity`` of an archetype (anything with ``as_component_batches()``) or of described
    batches, as ``rr.log(entity, item)`` writes it in a blueprint."""
    if isinstance(item, PropertyArchetype):
        return _arch_chunks(entity, item)
    batches = item.as_component_batches() if hasattr(item, "as_component_batches") else list(item)
    cols = []
    for b in batches:
        desc = b.component_descriptor()
        arr = b.as_arrow_array()
        cols.append((desc.archetype or "", desc.component, desc.component_type or "",
                     pa.ListArray.from_arrays(pa.array([0, len(arr)], pa.int32()), arr)))
    return [_chunk(entity, cols)] if cols else []


def _arch_chunks(entity: str, arch: PropertyArchetype, *, static: bool = False) -> list[pa.RecordBatch]:
    cols = _columns(arch)
    return [_chunk(entity, cols, static=static)] if cols else []


_COMMON = [("origin", "KEYWORD_ONLY", ("value", "/")), ("contents", "KEYWORD_ONLY", ("value", "$origin/**")),
           ("name", "KEYWORD_ONLY", ("value", None)), ("visible", "KEYWORD_ONLY", ("value", None)),
           ("titlebar", "KEYWORD_ONLY", ("value", None)), ("defaults", "KEYWORD_ONLY", ("value", None)),
           ("overrides", "KEYWORD_ONLY", ("value", None))]


class View:
    """A view of some entities (base class; use `Spatial3DView`, `TimeSeriesView`, ...).

    Each subclass takes rerun-sdk 0.41's keyword arguments: ``origin``, ``contents``, ``name``, ``visible``,
    ``titlebar``, ``defaults``, ``overrides`` and its own view properties (``background=``, ``visual_bounds=``,
    ``axis_y=``, ...), kept in ``properties`` by parameter name (the views read them by that name).
    """

    class_identifier = ""
    # parameter name -> property archetype class (rerun-sdk 0.41's view signatures, in their order)
    property_types: ClassVar[dict[str, type]] = {}

    def __init__(self, *, class_identifier: str, origin: str, contents: str | Iterable[str], name: str | None,
                 visible: bool | None = None, titlebar: bool | None = None, properties: dict | None = None,
                 defaults=None, overrides=None) -> None:
        self.id = uuid.uuid4()
        self.class_identifier = class_identifier
        self.origin = origin
        self.contents = [contents] if isinstance(contents, str) else list(contents)
        self.name = name
        self.visible = visible
        self.titlebar = titlebar
        self.defaults = list(defaults) if defaults is not None else []
        self.overrides = dict(overrides) if overrides is not None else {}
        self.properties = {}
        for key, value in (properties or {}).items():
            if value is None:
                continue
            cls = self.property_types.get(key)
            self.properties[key] = _as_property(cls, value) if cls is not None else value

    @property
    def visualizer_overrides(self) -> dict:
        """rerun-sdk's name for ``overrides``."""
        return self.overrides

    def viewer_properties(self) -> dict:
        """What the viewer is asked to apply: the properties, plus ``defaults`` / ``overrides`` when given."""
        out = dict(self.properties)
        if self.defaults:
            out["defaults"] = self.defaults
        if self.overrides:
            out["overrides"] = self.overrides
        return out

    def blueprint_path(self) -> str:
        return f"view/{self.id}"

    def to_container(self) -> Container:
        return Tabs(self)

    def to_blueprint(self) -> Blueprint:
        return Blueprint(self)

    def _chunks(self) -> list[pa.RecordBatch]:
        out = _arch_chunks(self.blueprint_path() + "/ViewContents", A.ViewContents(query=self.contents))
        out += _arch_chunks(self.blueprint_path(), A.ViewBlueprint(
            class_identifier=self.class_identifier, display_name=self.name, space_origin=self.origin,
            visible=self.visible, titlebar=self.titlebar))
        for prop in self.properties.values():
            if isinstance(prop, PropertyArchetype):
                out += _arch_chunks(f"{self.blueprint_path()}/{type(prop).archetype_short_name()}", prop)
        for default in self.defaults:
            out += _batch_chunks(f"{self.blueprint_path()}/defaults", default)
        for path, value in self.overrides.items():
            base = f"{self.blueprint_path()}/ViewContents/overrides/{str(path).removeprefix('/')}/visualizers"
            ids = []
            for item in (value if isinstance(value, (list, tuple)) else [value]):
                if not isinstance(item, Visualizer) and callable(getattr(item, "visualizer", None)):
                    item = item.visualizer()
                if isinstance(item, Visualizer):  # an instruction of its own, with its overrides
                    at = f"{base}/{item.id}"
                    out += _arch_chunks(at, A.VisualizerInstruction(item.visualizer_type, component_map=item.mappings))
                    if item.overrides:
                        out += _batch_chunks(at, item.overrides)
                    ids.append(item.id)
                else:  # EntityBehavior, VisibleTimeRanges, ...: at the base path
                    out += _batch_chunks(base, item)
            if ids:
                out += _arch_chunks(base, A.ActiveVisualizers([i.bytes for i in ids]))
        return out

    def __repr__(self) -> str:
        return f"{type(self).__name__}(origin={self.origin!r}, contents={self.contents!r})"


def _as_property(cls: type, value):
    """A property given as its archetype, or in a short form rerun-sdk also accepts (a color, a bool, a corner, ...)."""
    if isinstance(value, PropertyArchetype):
        return value
    if cls is A.Background:
        return cls(value)
    if cls is A.PlotBackground or cls is A.GraphBackground:
        return cls(color=value)
    if cls is A.LineGrid3D:
        return cls(visible=bool(value))
    if cls is A.PlotLegend:
        return cls(corner=value)
    if cls is A.VisibleTimeRanges:
        return cls(value)
    if cls is A.TensorViewFit:
        return cls(scaling=value)
    if cls is A.MapZoom:
        return cls(zoom=value)
    if cls is A.MapBackground:
        return cls(provider=value)
    raise TypeError(f"expected a {cls.__name__}, got {type(value).__name__}")


def _view_class(name: str, identifier: str, props: dict[str, type] | None = None) -> type:
    """A view class whose constructor has rerun-sdk's keywords: the common ones, then its properties."""
    props = props or {}
    sig = signature_of(_COMMON + [(key, "KEYWORD_ONLY", ("value", None)) for key in props])

    def __init__(self, *args, **kwargs) -> None:
        bound = sig.bind(self, *args, **kwargs)
        bound.apply_defaults()
        values = {k: v for k, v in bound.arguments.items() if k != "self"}
        common = {k: values.pop(k) for k, _, _ in _COMMON}
        View.__init__(self, class_identifier=identifier, properties=values, **common)

    __init__.__signature__ = sig
    return type(name, (View,), {"__init__": __init__, "class_identifier": identifier, "property_types": props,
                                "__module__": "rerun_nb.blueprint.views",
                                "__doc__": f"A {identifier} view (properties: {', '.join(props) or 'none'})."})


Spatial3DView = _view_class("Spatial3DView", "3D", {
    "background": A.Background, "line_grid": A.LineGrid3D, "spatial_information": A.SpatialInformation,
    "eye_controls": A.EyeControls3D, "time_ranges": A.VisibleTimeRanges})
Spatial2DView = _view_class("Spatial2DView", "2D", {
    "background": A.Background, "visual_bounds": A.VisualBounds2D, "spatial_information": A.SpatialInformation,
    "time_ranges": A.VisibleTimeRanges})
TimeSeriesView = _view_class("TimeSeriesView", "TimeSeries", {
    "axis_x": A.TimeAxis, "axis_y": A.ScalarAxis, "plot_legend": A.PlotLegend, "background": A.PlotBackground,
    "interaction": A.PlotInteraction, "time_ranges": A.VisibleTimeRanges})
TextLogView = _view_class("TextLogView", "TextLog", {
    "columns": A.TextLogColumns, "rows": A.TextLogRows, "format_options": A.TextLogFormat})
TextDocumentView = _view_class("TextDocumentView", "TextDocument", {"format_options": A.TextDocumentFormat})
BarChartView = _view_class("BarChartView", "BarChart", {"plot_legend": A.PlotLegend, "background": A.PlotBackground})
TensorView = _view_class("TensorView", "Tensor", {
    "slice_selection": A.TensorSliceSelection, "scalar_mapping": A.TensorScalarMapping, "view_fit": A.TensorViewFit})
DataframeView = _view_class("DataframeView", "Dataframe", {"query": A.DataframeQuery})
GraphView = _view_class("GraphView", "Graph", {
    "background": A.GraphBackground, "visual_bounds": A.VisualBounds2D, "force_link": A.ForceLink,
    "force_many_body": A.ForceManyBody, "force_position": A.ForcePosition,
    "force_collision_radius": A.ForceCollisionRadius, "force_center": A.ForceCenter})
MapView = _view_class("MapView", "Map", {"zoom": A.MapZoom, "background": A.MapBackground})
StateTimelineView = _view_class("StateTimelineView", "StateTimeline", {
    "time_view": A.TimeAxis, "time_ranges": A.VisibleTimeRanges})
AudioView = _view_class("AudioView", "Audio", {"playback": A.AudioPlayback})


def _kind_name(kind) -> str:
    if isinstance(kind, str) and kind.lower() in _KINDS:
        return kind.lower()
    return bpc.ContainerKind.auto(kind).name.lower()


class Container:
    """A layout container of views and containers (use `Horizontal`, `Vertical`, `Tabs`, `Grid`).

    ``kind`` is kept as its lowercase name (``"horizontal"``) for the layout code."""

    def __init__(self, *args: Container | View, contents: Iterable[Container | View] | None = None, kind,
                 column_shares=None, row_shares=None, grid_columns: int | None = None,
                 active_tab: int | str | None = None, name: str | None, visible: bool | None = None) -> None:
        if args and contents is not None:
            raise ValueError("Cannot provide both positional and keyword arguments for contents")
        self.contents = list(contents if contents is not None else args)
        self.id = uuid.uuid4()
        self.kind = _kind_name(kind)
        self.column_shares, self.row_shares, self.grid_columns = column_shares, row_shares, grid_columns
        self.active_tab, self.name, self.visible = active_tab, name, visible

    def blueprint_path(self) -> str:
        return f"container/{self.id}"

    def to_container(self) -> Container:
        return self

    def to_blueprint(self) -> Blueprint:
        return Blueprint(self)

    def _chunks(self) -> list[pa.RecordBatch]:
        out, active = [], None
        for i, sub in enumerate(self.contents):
            out.extend(sub._chunks())
            # Rerun's test, quirk included: with no active_tab, an unnamed view (None == None) becomes the
            # active tab (the last one wins), and the viewer shows that; match it so blueprints compare equal.
            if i == self.active_tab or (isinstance(sub, View) and sub.name == self.active_tab):
                active = sub.blueprint_path()
        if self.active_tab is not None and active is None:
            raise ValueError(f"Active tab {self.active_tab!r} not found in the container contents.")
        arch = A.ContainerBlueprint(
            container_kind=_KINDS[self.kind], contents=[s.blueprint_path() for s in self.contents],
            col_shares=self.column_shares, row_shares=self.row_shares, visible=self.visible,
            grid_columns=self.grid_columns, active_tab=active, display_name=self.name)
        return out + _arch_chunks(self.blueprint_path(), arch)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(map(repr, self.contents))})"


class Horizontal(Container):
    """Side by side."""

    def __init__(self, *args: Container | View, contents: Iterable[Container | View] | None = None,
                 column_shares=None, name: str | None = None, visible: bool | None = None) -> None:
        super().__init__(*args, contents=contents, kind="horizontal", column_shares=column_shares, name=name,
                         visible=visible)


class Vertical(Container):
    """Stacked top to bottom."""

    def __init__(self, *args: Container | View, contents: Iterable[Container | View] | None = None,
                 row_shares=None, name: str | None = None, visible: bool | None = None) -> None:
        super().__init__(*args, contents=contents, kind="vertical", row_shares=row_shares, name=name,
                         visible=visible)


class Tabs(Container):
    """One tab per child."""

    def __init__(self, *args: Container | View, contents: Iterable[Container | View] | None = None,
                 active_tab: int | str | None = None, name: str | None = None, visible: bool | None = None) -> None:
        super().__init__(*args, contents=contents, kind="tabs", active_tab=active_tab, name=name, visible=visible)


class Grid(Container):
    """A grid of children."""

    def __init__(self, *args: Container | View, contents: Iterable[Container | View] | None = None,
                 column_shares=None, row_shares=None, grid_columns: int | None = None, name: str | None = None,
                 visible: bool | None = None) -> None:
        super().__init__(*args, contents=contents, kind="grid", column_shares=column_shares, row_shares=row_shares,
                         grid_columns=grid_columns, name=name, visible=visible)


def _to_state(expanded: bool | None, state) -> str | None:
    if expanded is not None and state is not None:
        raise ValueError("Cannot set both 'expanded' and 'state'")
    if state is not None:
        return bpc.PanelState.auto(state).name.lower()
    if expanded is not None:
        return "expanded" if expanded else "collapsed"
    return None


class Panel:
    """Base of the panels (`TopPanel`, `BlueprintPanel`, `SelectionPanel`, `TimePanel`); ``state`` is kept as
    its lowercase name (``"collapsed"``)."""

    def __init__(self, *, blueprint_path: str, expanded: bool | None = None, state=None) -> None:
        self._blueprint_path = blueprint_path
        self.state = _to_state(expanded, state)

    def blueprint_path(self) -> str:
        return self._blueprint_path

    def _chunks(self) -> list[pa.RecordBatch]:
        return _arch_chunks(self._blueprint_path, A.PanelBlueprint(state=self.state))


_Panel = Panel  # the old internal name


class TopPanel(Panel):
    """The top bar."""

    def __init__(self, *, expanded: bool | None = None, state=None) -> None:
        super().__init__(blueprint_path="top_panel", expanded=expanded, state=state)


class BlueprintPanel(Panel):
    """The blueprint (left) panel."""

    def __init__(self, *, expanded: bool | None = None, state=None) -> None:
        super().__init__(blueprint_path="blueprint_panel", expanded=expanded, state=state)


class SelectionPanel(Panel):
    """The selection (right) panel."""

    def __init__(self, *, expanded: bool | None = None, state=None) -> None:
        super().__init__(blueprint_path="selection_panel", expanded=expanded, state=state)


class TimePanel(Panel):
    """The time panel: its state, and the timeline, playback speed, fps, play state, loop mode and time
    selection it starts with (saved in the blueprint as rerun-sdk writes them)."""

    def __init__(self, *, expanded: bool | None = None, state=None, timeline: str | None = None,
                 playback_speed: float | None = None, fps: float | None = None, play_state=None, loop_mode=None,
                 time_selection=None) -> None:
        super().__init__(blueprint_path="time_panel", expanded=expanded, state=state)
        self.timeline, self.playback_speed, self.fps = timeline, playback_speed, fps
        self.play_state, self.loop_mode, self.time_selection = play_state, loop_mode, time_selection

    def _chunks(self) -> list[pa.RecordBatch]:
        out = _arch_chunks(self._blueprint_path, A.TimePanelBlueprint(
            state=self.state, timeline=self.timeline, playback_speed=self.playback_speed, fps=self.fps,
            loop_mode=self.loop_mode, time_selection=self.time_selection))
        if self.play_state is not None:  # rerun-sdk logs it static
            out += _arch_chunks(self._blueprint_path, A.TimePanelBlueprint(play_state=self.play_state), static=True)
        return out


class Blueprint:
    """The whole viewer layout: one root container (several parts are wrapped in `Tabs`) plus panels."""

    def __init__(self, *parts, auto_layout: bool | None = None, auto_views: bool | None = None,
                 collapse_panels: bool = False) -> None:
        self.id = uuid.uuid4()
        self.collapse_panels = collapse_panels
        self.panels: dict[type, Panel] = {}
        contents = []
        for part in parts:
            if isinstance(part, (Container, View)):
                contents.append(part)
            elif isinstance(part, Panel):
                if type(part) in self.panels:
                    raise ValueError(f"Only one {type(part).__name__} can be provided")
                self.panels[type(part)] = part
            else:
                raise ValueError(f"Unknown part type: {part!r}")  # noqa: TRY004 - rerun raises ValueError here
        self.auto_layout, self.auto_views = auto_layout, auto_views
        self.root_container: Container | None = None
        if not contents:
            self.auto_layout = True if auto_layout is None else auto_layout
            self.auto_views = True if auto_views is None else auto_views
        elif len(contents) == 1:
            self.root_container = contents[0].to_container()
        else:
            self.root_container = Tabs(contents=contents)

    @property
    def blueprint_id(self) -> str:
        return str(self.id)

    def to_blueprint(self) -> Blueprint:
        return self

    def save(self, application_id: str, path: str | os.PathLike | None = None) -> None:
        """Write this blueprint as a blueprint-only .rbl file (``{application_id}.rbl`` by default), as
        rerun-sdk does; the Rerun viewer and ``rr.load`` read it."""
        from ..rrd._messages import STORE_KIND_BLUEPRINT, StoreId
        from ..rrd._sink import prepare_chunk
        from ..rrd._writer import RrdWriter

        path = f"{application_id}.rbl" if path is None else os.fspath(path)
        bp_id = StoreId(STORE_KIND_BLUEPRINT, application_id, self.blueprint_id)
        writer = RrdWriter(path)
        try:
            writer.begin_store(bp_id)
            for chunk in self.blueprint_chunks(application_id):
                writer.write_chunk(bp_id, prepare_chunk(chunk))
        finally:
            writer.close()

    def connect_grpc(self, application_id: str, *, url: str | None = None, make_active: bool = True,
                     make_default: bool = True) -> None:
        """Send this blueprint to a Rerun gRPC server (default ``rerun+http://127.0.0.1:9876/proxy``), on a
        stream of its own for ``application_id`` (a RecordingStream that logs nothing else)."""
        from ..recording_stream import RecordingStream

        rec = RecordingStream(application_id)
        rec.connect_grpc(url)
        rec.send_blueprint(self, make_active=make_active, make_default=make_default)
        rec.disconnect()

    def spawn(self, application_id: str, *, port: int = 9876, memory_limit: str = "75%",
              hide_welcome_screen: bool = False, detach_process: bool = True) -> None:
        """Start a viewer (``rr.spawn``'s, without connecting) and send this blueprint to it on ``port``."""
        from ..recording_stream import RecordingStream

        RecordingStream(application_id).spawn(port=port, connect=False, memory_limit=memory_limit,
                                              hide_welcome_screen=hide_welcome_screen,
                                              detach_process=detach_process)
        self.connect_grpc(application_id, url=f"rerun+http://127.0.0.1:{port}/proxy")

    def blueprint_chunks(self, application_id: str | None = None) -> list[pa.RecordBatch]:
        """The blueprint as blueprint-store chunks (application_id is accepted for API symmetry)."""
        out = self.root_container._chunks() if self.root_container is not None else []
        out += _arch_chunks("viewport", A.ViewportBlueprint(
            root_container=None if self.root_container is None else self.root_container.id.bytes,
            auto_layout=self.auto_layout, auto_views=self.auto_views))
        for panel_type in (TopPanel, BlueprintPanel, SelectionPanel, TimePanel):
            panel = self.panels.get(panel_type)
            if panel is None and self.collapse_panels and panel_type is not TopPanel:
                panel = panel_type(state="collapsed")
            if panel is not None:
                out.extend(panel._chunks())
        return out

    def __repr__(self) -> str:
        return f"Blueprint({self.root_container!r})"


ContainerLike = Container | View
BlueprintPart = ContainerLike | TopPanel | BlueprintPanel | SelectionPanel | TimePanel
BlueprintLike = Blueprint | ContainerLike


def create_in_memory_blueprint(*, application_id: str, blueprint: BlueprintLike):
    """rerun-sdk builds a Rust in-memory blueprint stream here; rerun_nb's blueprints are Python objects
    (`Blueprint.blueprint_chunks()` gives the same chunks), so there is no stream object to return."""
    raise NotImplementedError("create_in_memory_blueprint: rerun_nb has no in-memory blueprint RecordingStream; "
                              "use blueprint.to_blueprint().blueprint_chunks() or rr.send_blueprint(blueprint)")
