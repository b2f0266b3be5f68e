"""Blueprints written once against rerun-sdk 0.41's API and built with both SDKs (``rrb`` is passed in):
rerun-sdk's ``rerun.blueprint`` in a subprocess, ``rerun_nb.blueprint`` in the test."""

from __future__ import annotations


def rich(rrb, rr):
    """Every view kind with its property archetypes, all container kinds, all panels."""
    rrbc = rrb.components
    start = rrb.TimeRangeBoundary.cursor_relative(seq=-10)
    end = rrb.TimeRangeBoundary.infinite()
    return rrb.Blueprint(
        rrb.Tabs(
            rrb.Horizontal(
                rrb.Spatial3DView(
                    origin="/world", name="3D", background=[10, 20, 30],
                    line_grid=rrb.LineGrid3D(False, spacing=0.5, stroke_width=2.0, color=[200, 200, 200, 255]),
                    eye_controls=rrb.EyeControls3D(kind=rrb.Eye3DKind.FirstPerson, speed=2.5),
                    spatial_information=rrb.SpatialInformation("tf#/", show_axes=True, show_bounding_box=False),
                    time_ranges=rrb.VisibleTimeRange("frame", start=start, end=end)),
                rrb.Spatial2DView(origin="/image", visual_bounds=rrb.VisualBounds2D(x_range=[0, 640], y_range=[0, 480]),
                                  background=rrb.BackgroundKind.GradientBright, visible=False),
                column_shares=[3, 1], name="spatial"),
            rrb.Vertical(
                rrb.TimeSeriesView(
                    origin="/plot", axis_y=rrb.ScalarAxis(range=(-1.0, 1.0), zoom_lock=True),
                    axis_x=rrb.TimeAxis(link=rrbc.LinkAxis.LinkToGlobal),
                    plot_legend=rrb.PlotLegend(rrb.Corner2D.RightBottom, visible=True),
                    background=rrb.archetypes.PlotBackground(color=[0, 0, 0, 255], show_grid=False),
                    time_ranges=[rrb.VisibleTimeRange("frame", start=rrb.TimeRangeBoundary.absolute(seq=5),
                                                      end=rrb.TimeRangeBoundary.cursor_relative(seq=0))]),
                rrb.TextLogView(origin="/logs", rows=rrb.TextLogRows(filter_by_log_level=["INFO", "WARN"]),
                                format_options=rrb.TextLogFormat(monospace_body=True)),
                rrb.BarChartView(origin="/bars", plot_legend=rrb.Corner2D.LeftTop),
                row_shares=[2, 1, 1]),
            rrb.Grid(
                rrb.TensorView(origin="/tensor", view_fit="Fill",
                               scalar_mapping=rrb.TensorScalarMapping(colormap="Viridis", gamma=1.5)),
                rrb.MapView(origin="/map", zoom=12.0, background=rrb.MapProvider.OpenStreetMap),
                rrb.DataframeView(origin="/", query=rrb.archetypes.DataframeQuery(
                    timeline="frame", filter_by_range=(0, 10), apply_latest_at=True, select=["frame", "/a:Scalar"])),
                rrb.GraphView(origin="/graph", force_link=rrb.archetypes.ForceLink(enabled=True, distance=3.0),
                              force_center=rrb.archetypes.ForceCenter(enabled=False)),
                rrb.TextDocumentView(origin="/doc", name="doc"),
                grid_columns=2),
            active_tab=1),
        rrb.BlueprintPanel(expanded=False),
        rrb.SelectionPanel(state=rrb.PanelState.Hidden),
        rrb.TimePanel(state="collapsed", timeline="frame", fps=30.0, playback_speed=2.0, play_state="Paused",
                      loop_mode="All"),
        auto_views=False,
    )


def defaults_and_overrides(rrb, rr):
    """A view's component defaults and per-entity overrides (visualizers, time ranges, entity behavior)."""
    return rrb.Blueprint(rrb.Spatial3DView(
        origin="/world",
        defaults=[rr.Points3D.from_fields(radii=0.25, colors=[255, 0, 0])],
        overrides={
            "/world/points": [rrb.Visualizer("Points3D", overrides=rr.Points3D.from_fields(
                colors=[0, 255, 0]).as_component_batches())],
            "world/boxes": rrb.VisibleTimeRanges(timeline="frame", start=rrb.TimeRangeBoundary.cursor_relative(seq=-2),
                                                 end=rrb.TimeRangeBoundary.cursor_relative()),
            "/world/hidden": rrb.EntityBehavior(visible=False, interactive=False),
        }))


LAYOUTS = {"rich": rich, "defaults_and_overrides": defaults_and_overrides}
