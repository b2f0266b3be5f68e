"""rerun_nb.notebook.Viewer (Rerun's notebook API) against the rendering widget it wraps: what the adapter costs.

Run from the repository root:

    XDG_RUNTIME_DIR=/tmp RENDERCANVAS_FORCE_OFFSCREEN=1 python bench/bench_notebook_api.py

Measures, kernel-side, medians over repeats: building a viewer of a 20-frame recording (Rerun-style Viewer vs
rerun_nb.Viewer), a time change with its TimeUpdateEvent delivered to a callback (set_time_ctrl) vs the
widget's raw `time` traitlet, switching the active recording; and the exports on the DNA at 640x480 (stable_time
0..3.99 s): `save_video` to MP4 (120 frames at 30 fps) and GIF in frames/s, `snapshot(frames=60)` time and size. Rerun's own notebook viewer runs in the
browser (WASM, rerun-notebook is not installed here), so it has no kernel-side figure to put beside these.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("RENDERCANVAS_FORCE_OFFSCREEN", "1")
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np

import rerun_nb as rr


def _recording(recording_id: str):
    rec = rr.RecordingStream("bench_notebook_api", recording_id=recording_id, send_properties=False)
    rng = np.random.default_rng(0)
    for t in range(20):
        rec.set_time("frame", sequence=t)
        rec.log("points", rr.Points3D(rng.uniform(-1, 1, (1000, 3)), radii=0.02))
    return rec


def _median_ms(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def main() -> None:
    from rerun_nb.notebook import Viewer
    from rerun_nb.widget import Viewer as Widget

    a, b = _recording("a"), _recording("b")
    Widget(a, width=640, height=480).close()  # device + shaders once, outside the figures

    build_widget = _median_ms(lambda: Widget(a, width=640, height=480).close(), 5)
    build_viewer = _median_ms(lambda: Viewer(recording=a, width=640, height=480).close(), 5)
    print(f"build viewer:        widget {build_widget:7.1f} ms   Rerun-style {build_viewer:7.1f} ms")

    widget = Widget(a, width=640, height=480)
    viewer = Viewer(recording=a, width=640, height=480)
    received = []
    viewer.on_event(received.append)
    ticks = iter(range(10**9))
    raw = _median_ms(lambda: setattr(widget, "time", next(ticks) % 20), 200)
    ctrl = _median_ms(lambda: viewer.set_time_ctrl(sequence=next(ticks) % 20), 200)
    assert received, "no events delivered"
    print(f"time change:         widget {raw:7.3f} ms   set_time_ctrl + event {ctrl:7.3f} ms")
    viewer.add_recording(b)
    switch = _median_ms(lambda: viewer.set_active_recording(
        recording_id="a" if viewer.active_recording_id == "b" else "b"), 20)
    print(f"switch recording:    {switch:7.3f} ms (widgets built once, then kept)")
    print(f"render 640x480:      {_median_ms(viewer.render, 10):7.1f} ms")
    widget.close()
    viewer.close()
    bench_exports()


def bench_exports(repeats: int = 3) -> None:
    """Export frames/s for the DNA at 640x480 (median of ``repeats``) and the snapshot's size."""
    import tempfile

    from rerun_nb.notebook import Viewer

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "examples"))
    from dna import log_dna

    rec = rr.RecordingStream("bench_dna", recording_id="dna", send_properties=False)
    log_dna(rec, steps=400)
    viewer = Viewer(recording=rec, width=640, height=480)
    viewer.render()  # the first render (shaders) outside the figures
    with tempfile.TemporaryDirectory() as tmp:
        for suffix, end in ((".mp4", None), (".gif", 1.0)):
            path = Path(tmp) / f"dna{suffix}"
            seconds = []
            for _ in range(repeats):
                t0 = time.perf_counter()
                viewer.save_video(path, end=end, progress=False)
                seconds.append(time.perf_counter() - t0)
            n = 120 if end is None else 31
            render_only = _median_ms(lambda: viewer.widget.render_at("stable_time", 0), 10)
            print(f"save_video {suffix}:   {n / statistics.median(seconds):6.1f} frames/s ({n} frames, "
                  f"{path.stat().st_size / 1e6:.2f} MB; render alone {1000 / render_only:.1f} frames/s)")
    t0 = time.perf_counter()
    snap = viewer.snapshot(frames=60, progress=False)
    print(f"snapshot(frames=60): {time.perf_counter() - t0:6.2f} s, {snap.nbytes / 1e6:.2f} MB "
          f"(budget 2 MB; WebP q60)")
    viewer.close()


if __name__ == "__main__":
    main()
