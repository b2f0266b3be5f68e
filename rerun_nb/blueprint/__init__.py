"""Viewer layouts (blueprints) with rerun-sdk 0.41 names: ``import rerun_nb.blueprint as rrb``.

Submodules as in rerun-sdk: `api` (Blueprint, View, Container, panels), `views`, `containers`, `archetypes`,
`components`, `encodings`, `visualizers`, `experimental`. The components, encodings and archetypes are
generated from one table (`_table.py`, written by scripts/gen_blueprint_table.py from rerun-sdk 0.41).
"""

from __future__ import annotations

from ..encodings import TimeRange, TimeRangeBoundary, VisibleTimeRange
from . import api, archetypes, components, containers, encodings, experimental, views, visualizers
from .api import (
    Blueprint,
    BlueprintLike,
    BlueprintPanel,
    BlueprintPart,
    Container,
    ContainerLike,
    PanelState,
    PanelStateLike,
    SelectionPanel,
    TimePanel,
    TopPanel,
    View,
)
from .archetypes import (
    ActiveVisualizers,
    AudioPlayback,
    Background,
    EntityBehavior,
    EyeControls3D,
    LineGrid3D,
    PlotInteraction,
    PlotLegend,
    ScalarAxis,
    SpatialInformation,
    TensorScalarMapping,
    TensorSliceSelection,
    TextLogColumns,
    TextLogFormat,
    TextLogRows,
    TimeAxis,
    VisibleTimeRanges,
    VisualBounds2D,
)
from .components import BackgroundKind, Corner2D, Eye3DKind, LockRangeDuringZoom, MapProvider
from .containers import Grid, Horizontal, Tabs, Vertical
from .views import (
    AudioView,
    BarChartView,
    DataframeView,
    GraphView,
    MapView,
    Spatial2DView,
    Spatial3DView,
    StateTimelineView,
    TensorView,
    TextDocumentView,
    TextLogView,
    TimeSeriesView,
)
from .visualizers import VisualizableArchetype, Visualizer

__all__ = [
    "ActiveVisualizers", "AudioPlayback", "AudioView", "Background", "BackgroundKind", "BarChartView", "Blueprint",
    "BlueprintLike", "BlueprintPanel", "BlueprintPart", "Container", "ContainerLike", "Corner2D", "DataframeView",
    "EntityBehavior", "Eye3DKind", "EyeControls3D", "GraphView", "Grid", "Horizontal", "LineGrid3D",
    "LockRangeDuringZoom", "MapProvider", "MapView", "PanelState", "PanelStateLike", "PlotInteraction",
    "PlotLegend", "ScalarAxis", "SelectionPanel", "Spatial2DView", "Spatial3DView", "SpatialInformation",
    "StateTimelineView", "Tabs", "TensorScalarMapping", "TensorSliceSelection", "TensorView", "TextDocumentView",
    "TextLogColumns", "TextLogFormat", "TextLogRows", "TextLogView", "TimeAxis", "TimePanel", "TimeRange",
    "TimeRangeBoundary", "TimeSeriesView", "TopPanel", "Vertical", "View", "VisibleTimeRange",
    "VisibleTimeRanges", "VisualBounds2D", "VisualizableArchetype", "Visualizer", "api", "archetypes",
    "components", "containers", "encodings", "experimental", "views", "visualizers",
]

# rerun_nb <= 0.1 exported every view property archetype (and LinkAxis) here; rerun-sdk has them in
# `rrb.archetypes` / `rrb.components` only. Kept reachable (outside __all__) so older notebooks still run.
for _name in archetypes.__all__:
    if _name not in globals() and _name not in ("TableBlueprint", "PropertyArchetype"):
        globals()[_name] = getattr(archetypes, _name)
LinkAxis = components.LinkAxis
PropertyArchetype = archetypes.PropertyArchetype
del _name
