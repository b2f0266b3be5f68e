"""Dataframe reader benchmark: rerun_nb's `store.reader` beside rerun-sdk 0.41's `ChunkStore.reader` (datafusion),
same recording, same query, in one run; each (library, repeat) in a fresh subprocess.

    python bench/bench_reader.py [--repeats 3]

Recording: 10 entities `/world/e{i}` x 10,000 frames of a 10-point Points3D. Queries:
  one_value   reader("frame", contents="/world/**", using_index_values=[t], fill_latest_at=True), random t (ms)
  thousand    the same with 1,000 index values at once (us per row)
Targets (issue 13): one_value < 0.1 ms, thousand < 2 us per row.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import textwrap

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

LOG = textwrap.dedent("""
    import json, time, numpy as np
    rng = np.random.default_rng(0)
    pts = rng.random((10, 3), dtype=np.float32)
    for f in range(10_000):
        rr.set_time("frame", sequence=f)
        for e in range(10):
            rr.log(f"world/e{e}", rr.Points3D(pts))
""")
STORE = {
    "rerun_nb": "import rerun_nb as rr\nrr.init('bench', spawn=False)\n" + LOG +
                "store = rr.get_global_data_recording().store\nstore.flush()\n",
    "rerun": "import rerun as rr\nrr.init('bench', spawn=False)\nimport os, tempfile\n"
             "path = os.path.join(tempfile.mkdtemp(), 'x.rrd')\nrr.save(path)\n" + LOG +
             "rr.disconnect()\nfrom rerun.chunk import RrdReader\nstore = RrdReader(path).stream().collect()\n",
}
QUERY = textwrap.dedent("""
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
    print("RESULT", json.dumps({"one_value_ms": 1e3 * float(np.median(one)),
                                "thousand_us_per_row": 1e6 * float(np.median(many)) / 1000}))
""")


def run(lib: str) -> dict:
    env = dict(os.environ, PYTHONPATH=ROOT, RERUN_STRICT="0")
    out = subprocess.run([sys.executable, "-c", STORE[lib] + QUERY], capture_output=True, text=True, env=env,
                         cwd=ROOT, timeout=1800, check=False)
    for line in out.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    raise RuntimeError(f"{lib}: {(out.stderr or out.stdout)[-2000:]}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    results = {lib: [run(lib) for _ in range(args.repeats)] for lib in ("rerun_nb", "rerun")}
    print(f"{'query':<22}{'rerun_nb':>12}{'rerun-sdk':>12}{'ratio (sdk/ours)':>18}")
    for key, unit in (("one_value_ms", "ms"), ("thousand_us_per_row", "us/row")):
        ours = statistics.median(r[key] for r in results["rerun_nb"])
        theirs = statistics.median(r[key] for r in results["rerun"])
        print(f"{key:<22}{ours:>9.3f} {unit:<3}{theirs:>9.3f} {unit:<3}{theirs / ours:>14.1f}x")


if __name__ == "__main__":
    main()
