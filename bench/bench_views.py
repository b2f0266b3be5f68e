"""View benchmarks: a 4-view layout, a big time series, full-HD images, bytes per frame.

Run from the repository root (CPU-only machines use lavapipe):

    XDG_RUNTIME_DIR=/tmp RENDERCANVAS_FORCE_OFFSCREEN=1 python bench/bench_views.py [--quick]

"Slider -> frame sent" is kernel-side wall time from the slider's value change (as the comm delivers it)
to jupyter_rfb handing the encoded frame to ``send`` (query, render, read back, JPEG). Medians over
repeats. The logging of the same workloads is timed beside rerun-sdk 0.41 (into its memory sink), for a
ratio; rerun-sdk has no in-process renderer to compare the frames with.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("RENDERCANVAS_FORCE_OFFSCREEN", "1")
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np

import rerun_nb as rr


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def log_four_view_workload(rr_mod, rec, steps: int, samples: int = 10_000, lines: int = 1_000) -> None:
    """DNA-like 3D + a 640x480 RGB image each step + 3 series x ``samples`` + ``lines`` text log rows."""
    rng = np.random.default_rng(0)
    t = np.linspace(0, 8 * np.pi, 200)
    helix = np.stack([np.cos(t), np.sin(t), t / 4], axis=1)
    for i in range(samples):
        rec.set_time("step", sequence=i)
        rec.log("plot", rr_mod.Scalars([np.sin(i / 300), np.cos(i / 300), np.sin(i / 70)]))
        if i % max(samples // lines, 1) == 0:
            rec.log("log", rr_mod.TextLog(f"step {i}: value {np.sin(i / 300):.3f}", level="INFO"))
        if i % max(samples // steps, 1) == 0:
            rec.log("dna/left", rr_mod.Points3D(helix + [0, 0, i / samples], radii=0.05))
            img = np.zeros((480, 640, 3), np.uint8)
            x = (i * 7) % 600
            img[200:280, x : x + 40] = rng.integers(0, 255, 3)
            rec.log("camera/image", rr_mod.Image(img))


def _viewer(rec, width, height, blueprint=None):
    from rerun_nb.widget import Viewer

    v = Viewer(rec, width=width, height=height, blueprint=blueprint)
    v.canvas._has_visible_views = True
    v._rnb_poller.stop()
    return v


def slider_to_frame_sent(v, targets: list[int]) -> tuple[list[float], list[int]]:
    """Latencies (s) and JPEG sizes (bytes) of slider changes to the frames handed to ``send``."""
    sent: list[tuple[float, int]] = []

    def send(msg, buffers=None):
        if buffers:
            sent.append((time.perf_counter(), sum(len(b) for b in buffers)))

    v.canvas.send = send
    v._repr_mimebundle_()

    async def main():
        latencies, sizes = [], []
        for k in targets:
            n = len(sent)
            t0 = time.perf_counter()
            v.panel.slider.value = k
            while len(sent) == n:
                await asyncio.sleep(0)
            latencies.append(sent[n][0] - t0)
            sizes.append(sent[n][1])
            v.canvas._frame_feedback = {"index": v.canvas._rfb_frame_index, "timestamp": time.time(),
                                        "localtime": time.time()}
        return latencies, sizes

    return asyncio.run(main())


def bench_four_views(repeats: int, steps: int) -> None:
    rec = rr.RecordingStream("bench_views")
    t0 = time.perf_counter()
    log_four_view_workload(rr, rec, steps)
    rec.store.flush()
    t_ours = time.perf_counter() - t0
    try:
        import rerun as sdk

        srec = sdk.RecordingStream("bench_views")
        srec.memory_recording()
        t0 = time.perf_counter()
        log_four_view_workload(sdk, srec, steps)
        srec.flush()
        t_sdk = time.perf_counter() - t0
        print(f"log the 4-view workload: rerun_nb {_ms(t_ours)}, rerun-sdk {_ms(t_sdk)}, ratio {t_ours / t_sdk:.2f}")
    except ImportError:
        print(f"log the 4-view workload: rerun_nb {_ms(t_ours)} (rerun-sdk not installed)")
    v = _viewer(rec, 1280, 720)
    kinds = [view.kind for view in v._rnb_renderer.views]
    rng = np.random.default_rng(1)
    lat, sizes = slider_to_frame_sent(v, [int(k) for k in rng.integers(0, v.panel.slider.max + 1, repeats)])
    print(f"4 views {kinds} at 1280x720, slider -> frame sent: median {_ms(statistics.median(lat))}, "
          f"p90 {_ms(np.percentile(lat, 90))}; JPEG {statistics.median(sizes) / 1024:.0f} KiB per frame")
    start = int(v.panel.slider.value)
    step_lat, _ = slider_to_frame_sent(v, [(start + 1 + i) % (v.panel.slider.max + 1) for i in range(repeats)])
    print(f"  slider stepped by one (dragging, playing): median {_ms(statistics.median(step_lat))}")
    frame = v.render()
    from jupyter_rfb._utils import array2compressed

    _, png = array2compressed(frame[:, :, :3], 100)
    print(f"  PNG (the lossless frame after scrubbing): {len(png) / 1024:.0f} KiB")
    v.close()


def bench_time_series(repeats: int, samples: int) -> None:
    from rerun_nb.layout import LayoutRenderer

    rec = rr.RecordingStream("bench_series")
    for name, f in (("a", np.sin), ("b", np.cos), ("c", np.tanh)):
        rr.send_columns(f"series/{name}", indexes=[rr.TimeColumn("step", sequence=np.arange(samples))],
                        columns=rr.Scalars.columns(scalars=f(np.arange(samples) / 1000.0)), recording=rec)
    rec.store.flush()
    r = LayoutRenderer(rec.store, width=1280, height=720)
    t0 = time.perf_counter()
    r.render("step", 0)
    t_first = time.perf_counter() - t0
    rng = np.random.default_rng(2)
    scrub = []
    for k in rng.integers(0, samples, repeats):
        t0 = time.perf_counter()
        r.render("step", int(k))
        scrub.append(time.perf_counter() - t0)
    print(f"time series 3 x {samples:,} samples at 1280x720: first frame {_ms(t_first)} (range queries), "
          f"scrub median {_ms(statistics.median(scrub))}")
    (view,) = r.views
    appends = []
    for i in range(repeats):
        rec.set_time("step", sequence=samples + i)
        for name in ("a", "b", "c"):
            rec.log(f"series/{name}", rr.Scalars(0.0))
        t0 = time.perf_counter()
        r.render("step", samples + i)
        appends.append(time.perf_counter() - t0)
    rebuilds = {p: h.rebuilds for p, h in view.histories.items()}
    print(f"  append 1 sample per series per step while shown: median {_ms(statistics.median(appends))} "
          f"(history re-reads: {sorted(set(rebuilds.values()))} = only the first read)")
    r.close()


def bench_full_hd_images(repeats: int) -> None:
    rec = rr.RecordingStream("bench_hd")
    rng = np.random.default_rng(3)
    base = rng.integers(0, 255, (1080, 1920, 3), dtype=np.uint8)
    for i in range(repeats + 1):
        rec.set_time("step", sequence=i)
        rec.log("camera", rr.Image(np.roll(base, 8 * i, axis=1)))
    v = _viewer(rec, 1280, 720)
    lat, sizes = slider_to_frame_sent(v, [(i * 7) % (repeats + 1) for i in range(1, repeats + 1)])
    print(f"a new 1920x1080 RGB image per step (shown at 1280x720): slider -> frame sent median "
          f"{_ms(statistics.median(lat))}; JPEG {statistics.median(sizes) / 1024:.0f} KiB per frame")
    v.close()


def bench_canvas_choice(repeats: int) -> None:
    """One canvas with 4 viewports vs 4 canvases (one renderer each), same views and total pixels."""
    import pygfx as gfx
    from rendercanvas.offscreen import OffscreenRenderCanvas

    from rerun_nb.layout import LayoutRenderer

    rec = rr.RecordingStream("bench_canvas")
    log_four_view_workload(rr, rec, steps=20, samples=2000, lines=200)
    one = LayoutRenderer(rec.store, width=1280, height=720)
    one.render("step", 1000)
    t_one = []
    for i in range(repeats):
        t0 = time.perf_counter()
        one.render("step", 1000 + 7 * i)
        t_one.append(time.perf_counter() - t0)
    views_rects = list(one.placed)
    canvases = []
    for view, rect in views_rects:
        c = OffscreenRenderCanvas(size=(rect[2], rect[3]), pixel_ratio=1)
        canvases.append((view, c, gfx.WgpuRenderer(c, **one.adapter.renderer_kwargs), rect))
    t_four = []
    for i in range(repeats):
        t0 = time.perf_counter()
        for view, c, renderer, rect in canvases:
            view.update("step", 1001 + 7 * i)  # times neither loop showed before: the same work per frame

            def draw(view=view, renderer=renderer, rect=rect):
                view.draw(renderer, (0, 0, rect[2], rect[3]))
                renderer.flush()

            c.request_draw(draw)
            np.asarray(c.draw())
        t_four.append(time.perf_counter() - t0)
    print(f"one canvas, 4 viewports: {_ms(statistics.median(t_one))} per frame; 4 canvases (4 read-backs, "
          f"4 frames to send): {_ms(statistics.median(t_four))}")
    one.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="fewer repeats and a smaller time series")
    args = ap.parse_args()
    repeats = 10 if args.quick else 30
    bench_canvas_choice(5 if args.quick else 15)
    bench_four_views(repeats, steps=50)
    bench_time_series(repeats, 20_000 if args.quick else 100_000)
    bench_full_hd_images(repeats)


if __name__ == "__main__":
    main()
