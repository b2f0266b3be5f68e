"""Every workload of issue #13's table, rerun_nb beside rerun-sdk 0.41, in one run: `python bench/run.py`.

Each (workload, side, repeat) runs in a fresh subprocess (imports, caches and peak memory never leak between
runs); the table shows medians over `--repeats` (default 3) and the ratio rerun_nb / rerun-sdk, written so
that > 1 always means rerun_nb is better (for times and memory the ratio is inverted: sdk / ours).

    python bench/run.py                          # everything (about 10 minutes on 2 cores)
    python bench/run.py --only reader_one log_one --repeats 5
    python bench/run.py --json out.json          # also the raw per-run results

Sides:
  rerun-sdk       `import rerun as rr`; logging workloads write its file sink (`rr.save`), memory workloads
                  its `rr.memory_recording()`
  nb file         `import rerun_nb as rr` with `rr.save` (its file sink)
  nb memory       `import rerun_nb as rr`, the in-kernel store only
The file codec rows (rrd_*) run both libraries' writer and reader on the same Arrow chunks (bench_rrd.py's
helpers): throughput = uncompressed Arrow IPC bytes of the chunks / seconds.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

SIDES = {
    "rerun-sdk": ("rerun", True),
    "nb file": ("rerun_nb", True),
    "nb memory": ("rerun_nb", False),
}

PRELUDE = """
import gc, json, os, resource, sys, time
import numpy as np
import {module} as rr
TMP = {tmp!r}
SIDE = {side!r}
rr.init("bench", spawn=False)
rec = rr.get_global_data_recording()
if {file_sink}:
    rr.save(os.path.join(TMP, "out.rrd"))

def flush():
    rec.flush()

def rss_mib():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20

def peak_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""

# name: (label, unit, higher_is_better, sides, code). The code sets `value` (and optionally `extra`).
WORKLOADS: dict[str, tuple[str, str, bool, tuple[str, ...], str]] = {
    "log_points": ("log 10-pt Points3D + set_time", "calls/s", True, tuple(SIDES), """
        N = 20000
        pts = np.random.default_rng(0).random((10, 3), dtype=np.float32)
        t0 = time.perf_counter()
        for i in range(N):
            rr.set_time("frame", sequence=i)
            rr.log("points", rr.Points3D(pts))
        flush()
        value = N / (time.perf_counter() - t0)
    """),
    "log_scalars": ("log Scalars + set_time", "rows/s", True, tuple(SIDES), """
        import math
        N = 20000
        t0 = time.perf_counter()
        for i in range(N):
            rr.set_time("step", sequence=i)
            rr.log("scalar", rr.Scalars(math.sin(i / 100.0)))
        flush()
        value = N / (time.perf_counter() - t0)
    """),
    "send_columns": ("send_columns 200k scalars", "rows/s", True, tuple(SIDES), """
        N = 200_000
        steps = np.arange(N)
        values = np.sin(steps / 100.0)
        t0 = time.perf_counter()
        rr.send_columns("scalars", indexes=[rr.TimeColumn("step", sequence=steps)],
                        columns=rr.Scalars.columns(scalars=values))
        flush()
        value = N / (time.perf_counter() - t0)
    """),
    "big_cloud": ("5M-point cloud (one array) x10", "points/s", True, tuple(SIDES), """
        N = 5_000_000
        pts = np.random.default_rng(0).random((N, 3), dtype=np.float32)
        t0 = time.perf_counter()
        for i in range(10):
            rr.set_time("frame", sequence=i)
            rr.log("cloud", rr.Points3D(pts))
        flush()
        value = 10 * N / (time.perf_counter() - t0)
        extra = {"peak RSS MiB": peak_mib()}
    """),
    "dna": ("DNA tutorial end to end", "s", False, tuple(SIDES), """
        sys.path.insert(0, os.path.join({root!r}, "tests", "rrd", "scripts"))
        from math import tau
        from sdk_dna import bounce_lerp, color_spiral
        t0 = time.perf_counter()
        n = 100
        points1, colors1 = color_spiral(n)
        points2, colors2 = color_spiral(n, angular_offset=tau * 0.5)
        rr.set_time("stable_time", duration=0)
        rr.log("dna/structure/left", rr.Points3D(points1, colors=colors1, radii=0.08))
        rr.log("dna/structure/right", rr.Points3D(points2, colors=colors2, radii=0.08))
        rr.log("dna/structure/scaffolding",
               rr.LineStrips3D(np.stack((points1, points2), axis=1), colors=[128, 128, 128]))
        time_offsets = np.random.default_rng(0).random(n)
        for i in range(400):
            t = i * 0.01
            rr.set_time("stable_time", duration=t)
            times = np.repeat(t, n) + time_offsets
            beads = [bounce_lerp(points1[k], points2[k], times[k]) for k in range(n)]
            colors = [[int(bounce_lerp(80, 230, times[k] * 2))] for k in range(n)]
            rr.log("dna/structure/scaffolding/beads",
                   rr.Points3D(beads, radii=0.06, colors=np.repeat(colors, 3, axis=-1)))
            rr.log("dna/structure",
                   rr.Transform3D(rotation=rr.RotationAxisAngle(axis=[0, 0, 1], radians=t / 4.0 * tau)))
        flush()
        value = time.perf_counter() - t0
    """),
    "log_one": ("one rr.log(Points3D(3 points))", "us", False, tuple(SIDES), """
        pts = np.random.default_rng(0).random((3, 3), dtype=np.float32)
        for _ in range(2000):
            rr.log("p", rr.Points3D(pts))
        per = []
        for _ in range(5):
            t0 = time.perf_counter()
            for _ in range(10000):
                rr.log("p", rr.Points3D(pts))
            per.append((time.perf_counter() - t0) / 10000 * 1e6)
        flush()
        value = float(np.median(per))
    """),
    "reader_one": ("reader latest-at, 1 index value, 10 entities", "ms", False, tuple(SIDES), """
        READER_SETUP
        value = 1e3 * float(np.median(one))
    """),
    "reader_many": ("same reader, 1,000 index values", "us/row", False, tuple(SIDES), """
        READER_SETUP
        value = 1e6 * float(np.median(many)) / 1000
    """),
    "memory_scalars": ("memory held / bytes logged, 100k Scalars", "x", False, ("rerun-sdk", "nb memory"), """
        MEMORY_SETUP
        N = 100_000
        logged = N * (8 + 8)  # one float64 value and one int64 time per row
        base = rss_mib()
        for i in range(N):
            rr.set_time("step", sequence=i)
            rr.log("scalar", rr.Scalars(float(i)))
        flush(); gc.collect()
        value = (rss_mib() - base) * 2**20 / logged
    """),
    "memory_clouds": ("memory held / bytes logged, 10 x 1M-point clouds", "x", False, ("rerun-sdk", "nb memory"),
                      """
        MEMORY_SETUP
        # Both SDKs may keep large logged arrays without a copy, so what the recording holds is measured once
        # the user's arrays are gone: RSS after logging and deleting them, over RSS before making them.
        rng = np.random.default_rng(0)
        gc.collect()
        base = rss_mib()
        clouds = [rng.random((1_000_000, 3), dtype=np.float32) for _ in range(10)]
        logged = sum(c.nbytes for c in clouds)
        for i, c in enumerate(clouds):
            rr.set_time("frame", sequence=i)
            rr.log("cloud", rr.Points3D(c))
        flush()
        del clouds, c
        gc.collect()
        value = (rss_mib() - base) * 2**20 / logged
    """),
    "rrd_write_dna": ("RRD write, DNA chunks", "MB/s", True, ("rerun-sdk", "nb file"), "CODEC('dna', 'write')"),
    "rrd_read_dna": ("RRD read, DNA chunks", "MB/s", True, ("rerun-sdk", "nb file"), "CODEC('dna', 'read')"),
    "rrd_write_cloud": ("RRD write, 10 x 200k-point clouds", "MB/s", True, ("rerun-sdk", "nb file"),
                        "CODEC('cloud', 'write')"),
    "rrd_read_cloud": ("RRD read, 10 x 200k-point clouds", "MB/s", True, ("rerun-sdk", "nb file"),
                       "CODEC('cloud', 'read')"),
}

READER_SETUP = """
rng = np.random.default_rng(0)
pts = rng.random((10, 3), dtype=np.float32)
for f in range(10_000):
    rr.set_time("frame", sequence=f)
    for e in range(10):
        rr.log(f"world/e{e}", rr.Points3D(pts))
flush()
if SIDE == "nb memory":
    store = rec.store
else:  # the same code on both sides: read the file back with the library's own rr.chunk
    rr.disconnect()
    import importlib
    chunk_module = importlib.import_module(rr.__name__ + ".chunk")
    store = chunk_module.RrdReader(os.path.join(TMP, "out.rrd")).stream().collect()

def q(values):
    return store.reader("frame", contents="/world/**", using_index_values=values,
                        fill_latest_at=True).to_arrow_table()

for _ in range(3):
    q([5])
one = []
for f in rng.integers(0, 10_000, 100):
    t0 = time.perf_counter(); table = q([int(f)]); one.append(time.perf_counter() - t0)
assert table.num_rows == 1
idx = np.sort(rng.choice(10_000, 1000, replace=False))
many = []
for _ in range(7):
    t0 = time.perf_counter(); table = q(idx); many.append(time.perf_counter() - t0)
assert table.num_rows == 1000
"""

MEMORY_SETUP = """
if SIDE == "rerun-sdk":
    mem = rr.memory_recording()
"""

CODEC = """
sys.path.insert(0, {here!r})
import bench_rrd
import pyarrow as pa
from rerun_nb.rrd import StoreId, read_rrd
from rerun_nb.rrd._writer import encode_chunk_ipc, write_rrd
name, op = {args}
if name == "dna":
    chunks = read_rrd(os.path.join({tmp_parent!r}, "dna_source.rrd"), strict=True)[0].chunks
else:
    chunks = bench_rrd.pointcloud_chunks(10, 200_000)
raw_mb = sum(len(encode_chunk_ipc(c)) for c in chunks) / 1e6
path = os.path.join(TMP, "codec.rrd")
if SIDE == "rerun-sdk":
    from rerun.chunk import Chunk, LazyChunkStream, RrdReader
    def write():
        sdk_chunks = (c for rb in chunks for c in Chunk.from_record_batch(rb))
        LazyChunkStream.from_iter(sdk_chunks).write_rrd(path, application_id="bench", recording_id="bench")
    def read():
        return [c.to_record_batch() for c in RrdReader(path).stream().to_chunks()]
else:
    store_id = StoreId(1, "bench", "bench")
    def write():
        write_rrd(path, [(store_id, chunks)])
    def read():
        return read_rrd(path, strict=True)[0].chunks
fn = write if op == "write" else read
write()
times = []
for _ in range(5):
    t0 = time.perf_counter(); fn(); times.append(time.perf_counter() - t0)
value = raw_mb / float(np.median(times))
extra = {{"file MB": os.path.getsize(path) / 1e6}}
"""


def _code(workload: str, side: str, tmp: str, tmp_parent: str) -> str:
    module, file_sink = SIDES[side]
    body = textwrap.dedent(WORKLOADS[workload][4])
    if body.startswith("CODEC("):
        body = CODEC.format(here=HERE, args=body[len("CODEC"):], tmp_parent=tmp_parent)
        file_sink = False
    if "MEMORY_SETUP" in body:
        file_sink = False
    body = body.replace("READER_SETUP", READER_SETUP).replace("MEMORY_SETUP", MEMORY_SETUP)
    body = body.replace("{root!r}", repr(ROOT))
    prelude = PRELUDE.format(module=module, tmp=tmp, side=side, file_sink=file_sink)
    return prelude + body + "\nprint('RESULT', json.dumps({'value': value, **(globals().get('extra') or {})}))\n"


def run_one(workload: str, side: str, tmp_parent: str) -> dict:
    with tempfile.TemporaryDirectory(dir=tmp_parent) as tmp:
        env = dict(os.environ, PYTHONPATH=ROOT, RERUN_STRICT="0", RERUN_ANALYTICS="false")
        proc = subprocess.run([sys.executable, "-c", _code(workload, side, tmp, tmp_parent)], capture_output=True,
                              text=True, env=env, cwd=ROOT, timeout=1800, check=False)
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    return {"error": ((proc.stderr or proc.stdout).strip().splitlines() or ["no output"])[-1]}


def _fmt(value: float, unit: str) -> str:
    if unit in ("calls/s", "rows/s", "points/s"):
        return f"{value / 1e6:.2f}M" if value >= 1e6 else f"{value / 1e3:.1f}k"
    if unit in ("s", "ms", "us", "us/row", "x"):
        return f"{value:.3g}" if value < 10 else f"{value:.1f}"
    return f"{value:.0f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", nargs="*", default=list(WORKLOADS), choices=list(WORKLOADS))
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", help="write the raw results here")
    args = parser.parse_args()
    raw: dict = {}
    rows = []
    with tempfile.TemporaryDirectory(prefix="rerun_nb_bench_") as tmp_parent:
        if any(w.endswith("_dna") for w in args.only):  # the DNA chunks, as rerun-sdk writes them
            subprocess.run([sys.executable, os.path.join(ROOT, "tests/rrd/scripts/sdk_dna.py"), "rerun",
                            os.path.join(tmp_parent, "dna_source.rrd")], check=True, cwd=ROOT,
                           env=dict(os.environ, RERUN_ANALYTICS="false"), capture_output=True)
        for workload in args.only:
            label, unit, higher, sides, _code_text = WORKLOADS[workload]
            medians: dict[str, str] = {}
            values: dict[str, float] = {}
            for side in sides:
                runs = [run_one(workload, side, tmp_parent) for _ in range(args.repeats)]
                raw[f"{workload}/{side}"] = runs
                ok = [r for r in runs if "value" in r]
                if not ok:
                    medians[side] = "fails: " + str(runs[0].get("error"))[:60]
                    continue
                values[side] = statistics.median(r["value"] for r in ok)
                text = _fmt(values[side], unit)
                extras = [k for k in ok[0] if k != "value"]
                for key in extras:
                    text += f" ({statistics.median(r[key] for r in ok):.0f} {key})"
                medians[side] = text
            sdk = values.get("rerun-sdk")
            ratios = []
            for side in ("nb file", "nb memory"):
                if sdk and side in values and values[side]:
                    ratios.append(f"{(values[side] / sdk) if higher else (sdk / values[side]):.2f}x")
                else:
                    ratios.append("")
            row = [f"{label}, {unit}", medians.get("rerun-sdk", ""), medians.get("nb file", ""),
                   medians.get("nb memory", ""), " / ".join(r for r in ratios if r)]
            rows.append(row)
            print(" | ".join(row), flush=True, file=sys.stderr)
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    print(f"\n{now}, {platform.machine()} {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"medians of {args.repeats} fresh processes; ratio > 1: rerun_nb better (file / memory)\n")
    print("| workload | rerun-sdk | rerun_nb (file) | rerun_nb (memory) | ratio |")
    print("|---|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(raw, f, indent=1)


if __name__ == "__main__":
    main()
