"""Tensor, bar chart, text log and map view properties."""

import numpy as np
import rerun as rr
import rerun.blueprint as rrb

rr.init("rerun_example_blueprint_misc_views", spawn=True)
rr.log("tensor", rr.Tensor(np.zeros((4, 5, 6), np.uint8), dim_names=("a", "b", "c")))
rr.log("bars", rr.BarChart([1, 2, 3]))

rr.send_blueprint(
    rrb.Blueprint(
        rrb.Vertical(
            rrb.TensorView(
                origin="tensor",
                slice_selection=rrb.TensorSliceSelection(width=1, height=0, indices=[rr.encodings.TensorDimensionIndexSelection(2, 3)]),
                scalar_mapping=rrb.TensorScalarMapping(mag_filter="Linear", colormap="Plasma", gamma=1.5),
                view_fit="FillKeepAspectRatio",
            ),
            rrb.BarChartView(origin="bars", plot_legend=rrb.PlotLegend(corner="LeftTop")),
            rrb.MapView(origin="map", zoom=16.0, background=rrb.MapProvider.OpenStreetMap),
        ),
    ),
)
