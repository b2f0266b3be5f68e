"""A recording with every feature the reader must handle, written by the real rerun-sdk 0.41.

Static and temporal chunks, sequence/duration/timestamp timelines, null cells (partial updates), images,
text logs, scalars, Clear, free-form AnyValues, a second recording and a blueprint: `python sdk_rich.py OUT`.
"""

import sys

import numpy as np
import rerun as rr
import rerun.blueprint as rrb

path = sys.argv[1]
rec = rr.RecordingStream("rerun_example_rich", recording_id="rich-1")
rec.save(path, default_blueprint=rrb.Blueprint(rrb.Horizontal(rrb.Spatial3DView(origin="/world"),
                                                              rrb.TimeSeriesView(origin="/plot"))))
rec.log("world/static_points", rr.Points3D([[0, 0, 0], [1, 1, 1]], labels=["a", "b"]), static=True)
for i in range(20):
    rec.set_time("frame", sequence=i)
    rec.set_time("sim_time", duration=i * 0.5)
    rec.set_time("wall", timestamp=1_700_000_000 + i)
    rec.log("world/points", rr.Points3D(np.full((3, 3), i, dtype=np.float32), radii=0.1 * (i + 1)))
    if i % 3 == 0:
        rec.log("world/points", rr.Points3D.from_fields(colors=[[255, 0, 0]]))
    rec.log("plot/sine", rr.Scalars(np.sin(i / 3)))
    rec.log("logs", rr.TextLog(f"step {i}", level="INFO"))
    rec.log("custom", rr.AnyValues(confidence=float(i) / 10, tag=f"t{i}"))
    if i == 10:
        rec.log("world", rr.Clear(recursive=True))
rec.set_time("frame", sequence=5)
rec.log("image", rr.Image(np.arange(4 * 6 * 3, dtype=np.uint8).reshape(4, 6, 3)))
rec.disconnect()
