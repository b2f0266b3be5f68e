"""Re-running a viewer cell: kernel RSS, live renderers and widget models after N runs of the same cell.

Run from the repository root (starts its own kernel; about 30 s):

    XDG_RUNTIME_DIR=/tmp python bench/bench_lifecycle.py [runs]

The cell is ``viewer = Viewer(width=320, height=240); viewer.display()`` on a 100-step DNA recording, sent as
a notebook front end sends it (an execute request with the same ``cellId`` each time). Before re-runs closed
the cell's previous viewer (rerun_nb before the lifecycle change) 50 runs left 50 renderers, 5303 widget models
and RSS growing ~3 MB a run.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "notebook_api"))
from kernel_driver import Kernel  # noqa: E402

SETUP = """
import sys; sys.path.insert(0, 'examples')
import rerun_nb as rr
from rerun_nb.notebook import Viewer
from dna import log_dna
rr.init('rerun_example_dna_abacus')
log_dna(steps=100)
"""
CELL = "viewer = Viewer(width=320, height=240)\nviewer.display()"


def main(runs: int = 50) -> None:
    kernel = Kernel()
    try:
        _out, errors = kernel.run(SETUP, "setup")
        assert not errors, errors
        marks = sorted({1, 10, runs // 2, runs})
        print(f"{'runs':>5} {'RSS MB':>7} {'renderers':>9} {'live threads':>12} {'widgets':>8}")
        for i in range(1, runs + 1):
            _out, errors = kernel.run(CELL, "cell-viewer")
            assert not errors, errors
            if i in marks:
                p = kernel.probe()
                print(f"{i:5d} {p['rss_mb']:7d} {p['renderers']:9d} {p['live_threads']:12d} {p['widgets']:8d}",
                      flush=True)
    finally:
        kernel.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
