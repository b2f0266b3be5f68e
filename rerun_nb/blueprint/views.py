"""The view classes with rerun-sdk 0.41's names and keywords (``rerun.blueprint.views``)."""

from __future__ import annotations

from .api import (
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

__all__ = ["AudioView", "BarChartView", "DataframeView", "GraphView", "MapView", "Spatial2DView", "Spatial3DView",
           "StateTimelineView", "TensorView", "TextDocumentView", "TextLogView", "TimeSeriesView"]
