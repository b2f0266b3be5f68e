"""View kind (Rerun's class identifier) -> view class, and the view for kinds not drawn yet."""

from __future__ import annotations

from ..viewer import _vis_asset, _vis_frames  # noqa: F401  (register 3D visualizers of 0.41's newer archetypes)
from . import _video, _vis2d_more, _vis3d_grids  # noqa: F401  (register Ellipses2D, EncodedDepthImage, video, grids)
from ._audio import AudioView
from ._bar_chart import BarChartView
from ._base import View
from ._graph import GraphView
from ._map import MapView
from ._spatial2d import Spatial2DView
from ._spatial3d import Spatial3DView
from ._state_timeline import StateTimelineView
from ._tensor import TensorView
from ._text import TextDocumentView, TextLogView
from ._time_series import TimeSeriesView

__all__ = ["VIEW_CLASSES", "UnsupportedView", "make_view"]


class UnsupportedView(View):
    """A view kind rerun_nb does not draw yet (DataframeView, ...): a notice, no error."""

    def __init__(self, store, *, kind: str, **kwargs):
        self.kind = kind
        super().__init__(store, **kwargs)
        self.add_notice(f"{kind} views are not drawn by rerun_nb yet")


VIEW_CLASSES: dict[str, type[View]] = {
    cls.kind: cls for cls in (Spatial3DView, Spatial2DView, TimeSeriesView, TextLogView, TextDocumentView,
                              BarChartView, TensorView, GraphView,
                              MapView, StateTimelineView, AudioView)
}


def make_view(store, spec) -> View:
    """A view for a layout ``ViewSpec`` (kind, origin, contents, name, properties)."""
    cls = VIEW_CLASSES.get(spec.kind)
    kwargs = {"origin": spec.origin, "contents": spec.contents, "name": spec.name, "properties": spec.properties}
    if cls is None:
        return UnsupportedView(store, kind=spec.kind, **kwargs)
    return cls(store, **kwargs)
