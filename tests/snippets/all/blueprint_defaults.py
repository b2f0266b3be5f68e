"""View defaults: component defaults for all entities of a view."""

import rerun as rr
import rerun.blueprint as rrb

rr.init("rerun_example_blueprint_defaults", spawn=True)
rr.log("boxes/1", rr.Boxes2D(centers=[0, 0], sizes=[1, 1]))
rr.log("boxes/2", rr.Boxes2D(centers=[2, 0], sizes=[1, 1]))

rr.send_blueprint(
    rrb.Spatial2DView(
        origin="/boxes",
        defaults=[rr.Boxes2D.from_fields(colors=[0, 255, 0]), rr.Points2D.from_fields(radii=2.0)],
    ),
)
