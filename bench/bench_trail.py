"""Visible time range (a trail) in a 3D view: slider step cost vs latest-at, 640x480.

Run from the repository root (CPU-only machines use lavapipe):

    XDG_RUNTIME_DIR=/tmp RENDERCANVAS_FORCE_OFFSCREEN=1 python bench/bench_trail.py

300 frames of 1,000 points; the trail view draws the last 31 frames (31k points) per step. The range
query and the visualizer take a few ms per step; the rest is drawing the points.
"""

import os
import time

import numpy as np

os.environ.setdefault("RENDERCANVAS_FORCE_OFFSCREEN", "1")
import rerun_nb as rr  # noqa: E402
import rerun_nb.blueprint as rrb  # noqa: E402
from rerun_nb.layout import LayoutRenderer  # noqa: E402

rec = rr.RecordingStream("bench_trail")
rng = np.random.default_rng(0)
for t in range(300):
    rec.set_time("frame", sequence=t)
    rec.log("pts", rr.Points3D(rng.normal(size=(1000, 3)) + [t * 0.05, 0, 0], radii=0.02, colors=[[255, 0, 0]]))


def run(bp):
    r = LayoutRenderer(rec.store, width=640, height=480, blueprint=bp)
    r.render("frame", 100)
    ts = []
    for t in range(101, 161):
        t0 = time.perf_counter()
        r.render("frame", t)
        ts.append(time.perf_counter() - t0)
    r.close()
    return 1e3 * float(np.median(ts))


plain = run(rrb.Blueprint(rrb.Spatial3DView(origin="/")))
win = rrb.VisibleTimeRange("frame", start=rrb.TimeRangeBoundary.cursor_relative(seq=-30), end=rrb.TimeRangeBoundary.cursor_relative())
trail = run(rrb.Blueprint(rrb.Spatial3DView(origin="/", time_ranges=win)))
print(f"latest-at 1k points: {plain:.1f} ms/step median; 31-frame trail (31k points): {trail:.1f} ms/step median; ratio {trail/plain:.2f}")
