"""send_columns with several timelines and archetypes, partitions and static columns."""

import numpy as np
import rerun as rr

rr.init("rerun_example_send_columns_multi", spawn=True)

times = np.arange(5)
rr.send_columns(
    "points",
    indexes=[rr.TimeColumn("frame", sequence=times), rr.TimeColumn("t", duration=times * 0.1),
             rr.TimeColumn("ts", timestamp=1_700_000_000 + times)],
    columns=[*rr.Points2D.columns(positions=np.arange(20).reshape(10, 2)).partition([2, 2, 2, 2, 2]),
             *rr.Points2D.columns(radii=np.linspace(0.1, 0.5, 5))],
)
rr.send_columns("static_scalars", indexes=[], columns=rr.Scalars.columns(scalars=[1.0]))
rr.send_columns(
    "texts",
    indexes=[rr.TimeColumn("frame", sequence=[1, 2, 3])],
    columns=rr.TextLog.columns(text=["a", "b", "c"], level=["INFO", "WARN", "ERROR"]),
)
rr.send_columns(
    "transform",
    indexes=[rr.TimeColumn("frame", sequence=[0, 1])],
    columns=rr.Transform3D.columns(translation=[[1, 2, 3], [4, 5, 6]], scale=[[1, 1, 1], [2, 2, 2]]),
)
