"""send_columns for scalars and the series styles, with several series per entity."""

import numpy as np
import rerun as rr

rr.init("rerun_example_scalars_columns_styles", spawn=True)

times = np.arange(0, 50)
rr.send_columns(
    "plots/trig",
    indexes=[rr.TimeColumn("step", sequence=times)],
    columns=rr.Scalars.columns(scalars=np.column_stack([np.sin(times / 10), np.cos(times / 10)])),
)
rr.log("plots/trig", rr.SeriesLines(names=["sin", "cos"], colors=[[255, 0, 0], [0, 0, 255]]), static=True)
rr.send_columns(
    "plots/dots",
    indexes=[rr.TimeColumn("time", duration=times * 0.1)],
    columns=rr.Scalars.columns(scalars=times * 2.0),
)
