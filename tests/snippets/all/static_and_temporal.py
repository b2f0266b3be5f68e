"""Static data shadows temporal data; a later static write replaces the earlier one."""

import rerun as rr

rr.init("rerun_example_static_temporal", spawn=True)

rr.set_time("frame", sequence=0)
rr.log("points", rr.Points3D([[0, 0, 0]]))
rr.log("points", rr.Points3D([[1, 1, 1]]), static=True)
rr.set_time("frame", sequence=1)
rr.log("points", rr.Points3D([[2, 2, 2]]))
rr.log("points", rr.Points3D([[3, 3, 3]], colors=[255, 0, 0]), static=True)
rr.log("label", rr.TextDocument("static doc"), static=True)
