"""Log different data on different timelines."""

import rerun as rr

rr.init("rerun_example_different_data_per_timeline", spawn=True)

rr.set_time("blue timeline", sequence=0)
rr.set_time("red timeline", duration=0.0)
rr.log("points", rr.Points2D([[0, 0], [1, 1]], radii=rr.Radius.ui_points(10.0)))

# Log a red color on one timeline.
rr.reset_time()  # Clears all set timeline info.
rr.set_time("red timeline", duration=1.0)
rr.log("points", rr.Points2D.from_fields(colors=0xFF0000FF))

# And a blue color on the other.
rr.reset_time()  # Clears all set timeline info.
rr.set_time("blue timeline", sequence=1)
rr.log("points", rr.Points2D.from_fields(colors=0x0000FFFF))
