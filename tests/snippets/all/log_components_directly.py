"""Log an archetype with extra component batches, and from_fields partial updates."""

import rerun as rr

rr.init("rerun_example_log_components", spawn=True)

rr.log("points", rr.Points3D([[0, 0, 0], [1, 1, 1]]), rr.AnyValues(extra=[1, 2]))
rr.log("points", rr.Points3D.from_fields(labels=["a", "b"], show_labels=True))
rr.log("boxes", rr.Boxes3D.from_fields(half_sizes=[[1, 1, 1]], clear_unset=True))
rr.log("colors_only", rr.Points2D.from_fields(colors=[[255, 0, 0], [0, 255, 0]]))
