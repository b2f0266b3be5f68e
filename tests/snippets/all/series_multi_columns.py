"""Several scalars per entity, with per-series names, colors and visibility."""

import numpy as np
import rerun as rr

rr.init("rerun_example_series_multi", spawn=True)

rr.log(
    "trig",
    rr.SeriesLines(colors=[[255, 0, 0], [0, 255, 0]], names=["sin", "cos"], widths=[1.0, 3.0]),
    rr.SeriesPoints(markers=["square", "diamond"]),
    static=True,
)
rr.log("trig", rr.SeriesLines(visible_series=[True, False], aggregation_policy="MinMax"), static=True)
for t in range(30):
    rr.set_time("step", sequence=t)
    rr.log("trig", rr.Scalars([np.sin(t / 5), np.cos(t / 5)]))
