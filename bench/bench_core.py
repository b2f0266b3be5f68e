"""Core logging/query benchmark: rerun_nb beside rerun-sdk 0.41 on the same workloads, in one run.

Each (library, workload) runs in a fresh subprocess (so imports, caches and peak memory don't leak
between them), `--repeats` times; we print medians and the rerun_nb / rerun-sdk ratio.

    python bench/bench_core.py              # all workloads
    python bench/bench_core.py --only log_points --repeats 7

Workloads (targets from issue 2, on a 2-core machine):
  log_points     rr.set_time(sequence) + rr.log of a 10-point Points3D per call   (calls/s, >= 2x rerun)
  log_scalars    rr.set_time(sequence) + rr.log(rr.Scalars(x)) per call           (rows/s,  >= 3x rerun)
  send_columns   200k scalars in one rr.send_columns                              (rows/s,  >= 1x rerun)
  big_cloud      a 5M-point Points3D logged 10 times                              (points/s, peak RSS <= rerun)
  latest_at      latest-at of 10 entities at a random frame of a 10k-frame recording (ms per query, < 0.1 ms)
rerun-sdk has no sink here (it buffers in memory, like our store); its latest-at path is
`rerun.chunk.ChunkStore.reader(..., using_index_values=[t], fill_latest_at=True)` (needs datafusion).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

SETUP = {
    "rerun_nb": "import rerun_nb as rr\nrr.init('bench', spawn=False)\n",
    "rerun": "import rerun as rr\nrr.init('bench', spawn=False)\n",
}

WORKLOADS = {
    "log_points": """
        import numpy as np, time
        N = 20000
        pts = np.random.default_rng(0).random((10, 3), dtype=np.float32)
        t0 = time.perf_counter()
        for i in range(N):
            rr.set_time("frame", sequence=i)
            rr.log("points", rr.Points3D(pts))
        flush()
        dt = time.perf_counter() - t0
        result = {"value": N / dt, "unit": "calls/s"}
    """,
    "log_scalars": """
        import math, time
        N = 20000
        t0 = time.perf_counter()
        for i in range(N):
            rr.set_time("step", sequence=i)
            rr.log("scalar", rr.Scalars(math.sin(i / 100.0)))
        flush()
        dt = time.perf_counter() - t0
        result = {"value": N / dt, "unit": "rows/s"}
    """,
    "send_columns": """
        import numpy as np, time
        N = 200_000
        steps = np.arange(N)
        values = np.sin(steps / 100.0)
        t0 = time.perf_counter()
        rr.send_columns("scalars", indexes=[rr.TimeColumn("step", sequence=steps)],
                        columns=rr.Scalars.columns(scalars=values))
        flush()
        dt = time.perf_counter() - t0
        result = {"value": N / dt, "unit": "rows/s"}
    """,
    "big_cloud": """
        import numpy as np, time, resource
        N = 5_000_000
        pts = np.random.default_rng(0).random((N, 3), dtype=np.float32)
        base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        t0 = time.perf_counter()
        for i in range(10):
            rr.set_time("frame", sequence=i)
            rr.log("cloud", rr.Points3D(pts))
        flush()
        dt = time.perf_counter() - t0
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        result = {"value": 10 * N / dt, "unit": "points/s", "peak_rss_mib": peak / 1024,
                  "peak_over_input_mib": (peak - base) / 1024}
    """,
    "latest_at": """
        import numpy as np, time
        rng = np.random.default_rng(0)
        pts = rng.random((10, 3), dtype=np.float32)
        for f in range(10_000):
            rr.set_time("frame", sequence=f)
            for e in range(10):
                rr.log(f"e{e}", rr.Points3D(pts))
        flush()
        frames = rng.integers(0, 10_000, 200)
        times = []
        query = make_query()
        for f in frames:
            t0 = time.perf_counter()
            out = query(int(f))
            times.append(time.perf_counter() - t0)
        result = {"value": 1e3 * float(np.median(times)), "unit": "ms/query"}
    """,
}

FLUSH = {
    "rerun_nb": "def flush():\n    rr.get_global_data_recording().store.flush()\n",
    "rerun": "def flush():\n    rr.get_global_data_recording().flush()\n",
}

QUERY = {
    "rerun_nb": textwrap.dedent("""
        def make_query():
            store = rr.get_global_data_recording().store
            paths = [f"e{e}" for e in range(10)]
            def query(t):
                return [store.latest_at(p, timeline="frame", at=t) for p in paths]
            return query
    """),
    "rerun": textwrap.dedent("""
        def make_query():
            import tempfile, os
            from rerun.chunk import RrdReader
            path = os.path.join(tempfile.mkdtemp(), "x.rrd")
            rr.save(path); rr.disconnect()
            store = RrdReader(path).stream().collect()
            contents = [f"/e{e}" for e in range(10)]
            def query(t):
                return store.reader("frame", contents=contents, using_index_values=[t],
                                    fill_latest_at=True).to_arrow_table()
            return query
    """),
}


def run_one(lib: str, workload: str) -> dict:
    code = SETUP[lib] + FLUSH[lib] + QUERY[lib] + textwrap.dedent(WORKLOADS[workload]) + \
        "\nimport json\nprint('RESULT', json.dumps(result))\n"
    env = dict(os.environ, PYTHONPATH=ROOT, RERUN_STRICT="0")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=900)
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    return {"error": (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["no output"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", nargs="*", default=list(WORKLOADS))
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--libs", nargs="*", default=["rerun_nb", "rerun"])
    args = parser.parse_args()
    for workload in args.only:
        medians = {}
        for lib in args.libs:
            runs = [run_one(lib, workload) for _ in range(args.repeats)]
            ok = [r for r in runs if "value" in r]
            if not ok:
                print(f"{workload:13s} {lib:9s} failed: {runs[0].get('error')}")
                continue
            med = statistics.median(r["value"] for r in ok)
            medians[lib] = med
            extra = ""
            if "peak_rss_mib" in ok[0]:
                extra = "  peak RSS %.0f MiB (median)" % statistics.median(r["peak_rss_mib"] for r in ok)
            print(f"{workload:13s} {lib:9s} {med:14.4g} {ok[0]['unit']:10s} (n={len(ok)}){extra}", flush=True)
        if len(medians) == 2:
            ratio = medians["rerun_nb"] / medians["rerun"]
            print(f"{workload:13s} ratio rerun_nb/rerun = {ratio:.2f}", flush=True)


if __name__ == "__main__":
    main()
