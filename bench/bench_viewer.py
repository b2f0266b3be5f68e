"""Viewer benchmarks: slider -> frame, big point clouds, show -> first frame, live-update cost.

Run from the repository root (CPU-only machines use lavapipe):

    XDG_RUNTIME_DIR=/tmp RENDERCANVAS_FORCE_OFFSCREEN=1 python bench/bench_viewer.py [--quick]

All times are kernel-side wall times (no browser): "frame sent" means rendered, JPEG-encoded and
handed to the widget's ``send``. Medians over repeats; the machine's other load adds noise.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import textwrap
import time
from pathlib import Path

os.environ.setdefault("RENDERCANVAS_FORCE_OFFSCREEN", "1")
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np

import rerun_nb as rr

NS = 1_000_000_000


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def _viewer(rec, width=640, height=480):
    from rerun_nb.widget import Viewer

    v = Viewer(rec, width=width, height=height)
    v.canvas.send = lambda msg, buffers=None: None
    v.canvas._has_visible_views = True
    v._rnb_poller.stop()
    return v


def bench_dna_slider(repeats: int) -> None:
    """Slider value change (as the comm delivers it) -> frame handed to ``send``, on a running loop."""
    import asyncio

    from examples.dna import log_dna

    rec = rr.RecordingStream("bench_dna")
    log_dna(rec)
    v = _viewer(rec)
    v._repr_mimebundle_()  # displayed: first frame rendered
    sent_at = []
    v.canvas.send = lambda msg, buffers=None: sent_at.append(time.perf_counter())
    rng = np.random.default_rng(0)
    targets = [int(k) for k in rng.integers(0, v.panel.slider.max + 1, repeats)]

    async def main():
        latencies = []
        for k in targets:
            n = len(sent_at)
            t0 = time.perf_counter()
            v.panel.slider.value = k  # what the browser's slider does, through the comm
            while len(sent_at) == n:  # jupyter_rfb draws on the loop: get_frame + JPEG + send
                await asyncio.sleep(0)
            latencies.append(sent_at[n] - t0)
            v.canvas._frame_feedback = {"index": v.canvas._rfb_frame_index, "timestamp": time.time(),
                                        "localtime": time.time()}  # the browser confirms the frame
            await asyncio.sleep(0.35)  # let the lossless PNG go out too, as after a real click
        return latencies

    times = asyncio.run(main())
    render_only = []
    for _ in range(10):
        t0 = time.perf_counter()
        v.render()
        render_only.append(time.perf_counter() - t0)
    print(f"DNA 640x480 slider change -> frame sent: median {_ms(statistics.median(times))}, "
          f"p90 {_ms(np.percentile(times, 90))}  (re-render same time: {_ms(statistics.median(render_only))})")
    v.close()


def bench_points(sizes: list[int], repeats: int) -> None:
    from rerun_nb.layout import LayoutRenderer as SceneRenderer

    print("Point cloud at 640x480 (positions + colors + radii, two time steps):")
    print(f"{'points':>10} | {'log':>10} | {'first frame':>11} | {'new time (upload)':>17} | {'zoom (camera)':>18}")
    rng = np.random.default_rng(1)
    for n in sizes:
        rec = rr.RecordingStream("bench_points")
        pos = rng.normal(size=(n, 3)).astype(np.float32)
        colors = rng.integers(0, 255, size=(n, 3), dtype=np.uint8)
        t0 = time.perf_counter()
        for step in range(2):
            rec.set_time("frame", sequence=step)
            rec.log("cloud", rr.Points3D(pos + step, colors=colors, radii=0.005))
        rec.store.flush()
        t_log = time.perf_counter() - t0
        r = SceneRenderer(rec.store, width=640, height=480)
        t0 = time.perf_counter()
        r.render("frame", 0)
        t_first = time.perf_counter() - t0
        switch, static = [], []
        for i in range(repeats):
            t0 = time.perf_counter()
            r.render("frame", (i + 1) % 2)
            switch.append(time.perf_counter() - t0)
            r.handle_event({"event_type": "wheel", "x": 320, "y": 240, "dx": 0, "dy": 20 if i % 2 else -20,
                            "buttons": (), "modifiers": ()})  # a zoom step: the camera moved
            t0 = time.perf_counter()
            r.render("frame", (i + 1) % 2)
            static.append(time.perf_counter() - t0)
        print(f"{n:>10,} | {_ms(t_log):>10} | {_ms(t_first):>11} | {_ms(statistics.median(switch)):>17} | "
              f"{_ms(statistics.median(static)):>18}")
        r.close()
        del rec, r


FIRST_FRAME_SCRIPT = textwrap.dedent("""
    import os, sys, time
    sys.path.insert(0, {root!r})
    t_import = time.perf_counter()
    import rerun_nb as rr
    from examples.dna import log_dna
    if {prewarm}:
        import rerun_nb.notebook; rerun_nb.notebook.prewarm()   # what rr.init does in a notebook
    rec = rr.RecordingStream("dna")
    log_dna(rec)
    time.sleep({sleep})   # the user reads the cell output / types the next cell
    t0 = time.perf_counter()
    from rerun_nb.widget import Viewer
    v = Viewer(rec)
    bundle = v._repr_mimebundle_()       # display(): renders the first frame + PNG snapshot
    t1 = time.perf_counter()
    v.canvas.send = lambda *a, **k: None
    t2 = time.perf_counter(); v.canvas.push_frame(v.render()); t3 = time.perf_counter()  # render + JPEG
    print(f"{{t1 - t0:.3f}} {{t3 - t2:.3f}}")
    v.close()
""")


def bench_first_frame() -> None:
    for prewarm, sleep, label in [(False, 0, "cold (no prewarm)"), (True, 2.0, "after rr.init prewarm")]:
        code = FIRST_FRAME_SCRIPT.format(root=str(ROOT), prewarm=prewarm, sleep=sleep)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        show_s, send_s = (float(x) for x in out.stdout.split()[-2:])
        print(f"notebook_show() -> first frame (DNA, 640x480), {label}: {_ms(show_s)} "
              f"(then a frame to the browser: {_ms(send_s)})")


def _logging_loop(rec, seconds: float) -> float:
    """DNA-like logging loop (beads + transform per step); returns log calls per second."""
    rng = np.random.default_rng(2)
    pts = rng.normal(size=(100, 3)).astype(np.float32)
    t_end = time.perf_counter() + seconds
    calls = 0
    i = getattr(rec, "_bench_step", 0)  # time goes on across calls, as in one long cell
    while time.perf_counter() < t_end:
        rec.set_time("stable_time", duration=i * 0.01)
        rec.log("dna/structure/scaffolding/beads", rr.Points3D(pts + np.float32(i * 1e-3), radii=0.06))
        rec.log("dna/structure", rr.Transform3D(rotation=rr.RotationAxisAngle(axis=[0, 0, 1], radians=i * 0.01)))
        calls += 2
        i += 1
    rec._bench_step = i
    return calls / seconds


def bench_live_cost(seconds: float) -> None:
    from examples.dna import log_dna

    rates = {"without viewer": [], "with live viewer": []}
    redraws = []
    for _ in range(3):  # interleave to spread the machine's noise evenly
        rec = rr.RecordingStream("live_off")
        log_dna(rec, steps=1)
        rates["without viewer"].append(_logging_loop(rec, seconds))
        rec = rr.RecordingStream("live_on")
        log_dna(rec, steps=1)
        from rerun_nb.widget import Viewer

        v = Viewer(rec)
        v.canvas.send = lambda msg, buffers=None: None
        v.canvas._has_visible_views = True
        v._repr_mimebundle_()  # displayed: the first frame is rendered before the cell logs
        rates["with live viewer"].append(_logging_loop(rec, seconds))
        redraws.append(v._rnb_poller.redraws / seconds)
        v.close()
    off, on = statistics.median(rates["without viewer"]), statistics.median(rates["with live viewer"])
    print(f"Live logging loop: {off:,.0f} log calls/s without viewer, {on:,.0f} with a live viewer "
          f"({(1 - on / off) * 100:+.1f}% cost; {statistics.median(redraws):.1f} redraws/s pushed)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer sizes and repeats")
    args = parser.parse_args()
    from rerun_nb.viewer import ensure_adapter

    print(f"adapter: {ensure_adapter().summary}")
    bench_first_frame()
    bench_dna_slider(15 if args.quick else 40)
    bench_live_cost(1.0 if args.quick else 3.0)
    sizes = [10_000, 100_000, 1_000_000] if args.quick else [10_000, 100_000, 1_000_000, 2_000_000, 5_000_000]
    bench_points(sizes, 3 if args.quick else 5)


if __name__ == "__main__":
    main()
