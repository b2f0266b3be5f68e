"""Two rr.init calls with distinct recording ids, each spawned."""

import rerun as rr

rr.init("rerun_example_first", recording_id="first", spawn=True)
rr.log("a", rr.Points2D([[0, 0]]))

rr.init("rerun_example_second", recording_id="second", spawn=True)
rr.log("b", rr.Points2D([[1, 1]]))
