"""Use a blueprint to show several views side by side."""

import numpy as np
import rerun as rr
import rerun.blueprint as rrb

rr.init("rerun_example_blueprint_views", spawn=True)

rr.log("points", rr.Points3D(np.random.rand(10, 3)))
rr.log("image", rr.Image(np.zeros((8, 8, 3), np.uint8)))
for t in range(10):
    rr.set_time("step", sequence=t)
    rr.log("plot/a", rr.Scalars(t * 0.5))

blueprint = rrb.Blueprint(
    rrb.Horizontal(
        rrb.Spatial3DView(name="3D", origin="/points"),
        rrb.Vertical(
            rrb.Spatial2DView(name="2D", origin="/image"),
            rrb.TimeSeriesView(name="Plot", origin="/plot"),
            row_shares=[2, 1],
        ),
        column_shares=[3, 2],
    ),
    collapse_panels=True,
)
rr.send_blueprint(blueprint)
