"""Timelines of the three kinds, from several input types."""

from datetime import datetime, timedelta, timezone

import numpy as np
import rerun as rr

rr.init("rerun_example_timelines", spawn=True)

for frame in range(5):
    rr.set_time("frame", sequence=frame)
    rr.set_time("sim", duration=frame * 0.5)
    rr.set_time("td", duration=timedelta(milliseconds=frame * 10))
    rr.set_time("np_td", duration=np.timedelta64(frame, "ms"))
    rr.set_time("wall", timestamp=1_700_000_000 + frame)
    rr.set_time("dt", timestamp=datetime(2024, 1, 1, tzinfo=timezone.utc) + timedelta(seconds=frame))
    rr.set_time("np_dt", timestamp=np.datetime64("2024-01-01T00:00:00", "s") + np.timedelta64(frame, "s"))
    rr.log("points", rr.Points3D([[frame, 0, 0]]))

rr.disable_timeline("sim")
rr.log("after_disable", rr.Scalars(1.0))
rr.reset_time()
rr.log("after_reset", rr.Scalars(2.0))
rr.set_log_tick_enabled(True)
rr.log("with_tick", rr.Scalars(3.0))
