"""Spatial2DView properties: background kind and visual bounds."""

import rerun as rr
import rerun.blueprint as rrb

rr.init("rerun_example_blueprint_properties_2d", spawn=True)
rr.log("points", rr.Points2D([[0, 0], [1, 1]]))

rr.send_blueprint(
    rrb.Blueprint(
        rrb.Horizontal(
            rrb.Spatial2DView(origin="/", background=rrb.BackgroundKind.GradientBright, visual_bounds=rrb.VisualBounds2D(x_range=[-1, 2], y_range=[-1, 2])),
            rrb.Spatial2DView(origin="/", background=rrb.Background(kind="SolidColor", color=[10, 20, 30])),
        ),
    ),
)
