"""``rrb.archetypes``: the view property archetypes under the module path Rerun 0.41 gives them.

The classes are the ones in `rerun_nb.blueprint` itself (``rrb.archetypes.ForceLink is rrb.ForceLink``).
"""

from ._properties import (
    AudioPlayback,
    Background,
    DataframeQuery,
    EyeControls3D,
    ForceCenter,
    ForceCollisionRadius,
    ForceLink,
    ForceManyBody,
    ForcePosition,
    GraphBackground,
    LineGrid3D,
    MapBackground,
    MapZoom,
    PlotBackground,
    PlotInteraction,
    PlotLegend,
    ScalarAxis,
    SpatialInformation,
    TensorScalarMapping,
    TensorSliceSelection,
    TensorViewFit,
    TextDocumentFormat,
    TextLogColumns,
    TextLogFormat,
    TextLogRows,
    TimeAxis,
    VisibleTimeRanges,
    VisualBounds2D,
)

__all__ = [
    "AudioPlayback", "Background", "DataframeQuery", "EyeControls3D", "ForceCenter", "ForceCollisionRadius",
    "ForceLink", "ForceManyBody", "ForcePosition", "GraphBackground", "LineGrid3D", "MapBackground", "MapZoom",
    "PlotBackground", "PlotInteraction", "PlotLegend", "ScalarAxis", "SpatialInformation", "TensorScalarMapping",
    "TensorSliceSelection", "TensorViewFit", "TextDocumentFormat", "TextLogColumns", "TextLogFormat", "TextLogRows",
    "TimeAxis", "VisibleTimeRanges", "VisualBounds2D",
]
