"""Each view property archetype, built with the same call in rerun-sdk 0.41 and rerun_nb, holds the same
components (descriptor and Arrow data). The calls are source text evaluated with each SDK's names."""

from __future__ import annotations

import pytest

import rerun_nb.blueprint as rrb

sdk = pytest.importorskip("rerun.blueprint", reason="rerun-sdk 0.41 is not installed")

CALLS = [
    "rrb.EyeControls3D(kind='Orbital', position=[1, 2, 3], look_target=[0, 0, 0], eye_up=[0, 0, 1], speed=2.0, "
    "tracking_entity='/robot', spin_speed=0.5)",
    "rrb.TensorSliceSelection(width=1, height=0, slider=[rrb.encodings.TensorDimensionIndexSlider(2)])",
    "rrb.TensorSliceSelection(width=1, height=0, slider=[2, 3])",
    "rrb.TextLogColumns(timeline_columns=[rrb.encodings.TimelineColumn('frame', visible=False)], "
    "text_log_columns=[rrb.encodings.TextLogColumn('Body'), rrb.encodings.TextLogColumn('LogLevel', visible=False)])",
    "rrb.TimeAxis(link='Independent', view_range=rrb.TimeRange(rrb.TimeRangeBoundary.absolute(seq=1), "
    "rrb.TimeRangeBoundary.infinite()), zoom_lock=True)",
    "rrb.PlotInteraction(tooltip_mode='All', points_display='Always')",
    "rrb.archetypes.ForcePosition(enabled=True, strength=0.2, position=[1.0, 2.0])",
    "rrb.archetypes.ForceCollisionRadius(enabled=True, strength=1.0, iterations=3)",
    "rrb.archetypes.ForceManyBody(enabled=False, strength=-30.0)",
    "rrb.SpatialInformation('tf#/', show_bounding_box=True, show_axes=False)",
    "rrb.TensorScalarMapping(mag_filter='Linear', colormap='Turbo', gamma=2.2)",
    "rrb.archetypes.NearClipPlane(0.05)",
    "rrb.EntityBehavior(interactive=False, visible=True)",
    "rrb.archetypes.TextDocumentFormat(monospace=True, word_wrap=False)",
    "rrb.archetypes.GraphBackground(color=[1, 2, 3])",
    "rrb.archetypes.MapBackground(provider=rrb.MapProvider.MapboxDark)",
    "rrb.archetypes.MapZoom(zoom=3.5)",
    "rrb.AudioPlayback(volume=0.5)",
    "rrb.archetypes.TensorViewFit('FillKeepAspectRatio')",
    "rrb.Background(kind=rrb.BackgroundKind.GradientDark)",
    "rrb.Background(color=0xFF0000FF)",
    "rrb.VisualBounds2D(x_range=[-1, 1], y_range=[0, 2])",
    "rrb.VisibleTimeRanges([rrb.VisibleTimeRange('t', start=rrb.TimeRangeBoundary.cursor_relative(seconds=-1.5), "
    "end=rrb.TimeRangeBoundary.absolute(nanos=10))])",
    "rrb.archetypes.DataframeQuery(timeline='t', filter_is_not_null='/a:Scalar', entity_order=['/b', '/a'], "
    "auto_scroll=True)",
    "rrb.archetypes.PanelBlueprint(state='Hidden')",
    "rrb.archetypes.ViewportBlueprint(auto_layout=False, auto_views=True)",
    "rrb.archetypes.ContainerBlueprint(container_kind='Grid', grid_columns=3, col_shares=[1, 2], visible=False)",
]


def _data(arch) -> dict:
    return {b.component_descriptor().component: (b.component_descriptor().archetype,
                                                 b.component_descriptor().component_type,
                                                 str(b.as_arrow_array().type), b.as_arrow_array().to_string())
            for b in arch.as_component_batches()}


@pytest.mark.parametrize("call", CALLS, ids=[c.split("(")[0] for c in CALLS])
def test_property_archetype_matches_rerun_sdk(call):
    ours, theirs = eval(call, {"rrb": rrb}), eval(call, {"rrb": sdk})
    mine, real = _data(ours), _data(theirs)
    assert real, "rerun-sdk wrote nothing: the call is wrong"
    assert mine == real
