"""Log some very simple 2D points."""

import rerun as rr

rr.init("rerun_example_points2d", spawn=True)

rr.log("points", rr.Points2D([[0, 0], [1, 1]]))

# Set view bounds:
rr.send_blueprint(rr.blueprint.Spatial2DView(visual_bounds=rr.blueprint.VisualBounds2D(x_range=[-1, 1], y_range=[-1, 1])))
