"""Fault test: a process logging with `rr.save` is killed (SIGTERM or SIGKILL) at a random point of its run.

Everything it logged well before the kill is in the file: `rerun_nb.load` reads it, and so does the real
`rerun` CLI (`rrd verify` after SIGTERM, which finishes the file; `rrd print` after SIGKILL, which leaves no
footer). "Well before" is 1 s: the batcher flushes rows older than 0.1 s, but this is a shared 2-core
machine and the test must not depend on its speed.

CI runs a few kills; `RERUN_NB_FAULT_RUNS=40 pytest tests/reliability/test_fault_kill.py` runs more.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from rerun_nb.rrd import decode_rrd

ROOT = Path(__file__).resolve().parents[2]
RUNS = int(os.environ.get("RERUN_NB_FAULT_RUNS", "4"))
MARGIN_S = 1.0
RERUN_CLI = shutil.which("rerun", path=str(Path(sys.executable).parent))

SCRIPT = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {root!r})
    import numpy as np
    import rerun_nb as rr
    rr.init("killed", strict=False)
    rr.save({path!r})
    rr.log("doc", rr.TextDocument("static, at the start"), static=True)
    rr.log("log", rr.TextLog("at the start"))
    i = 0
    while True:
        rr.set_time("step", sequence=i)
        rr.log("loop/scalar", rr.Scalars([float(i)]))
        if i % 7 == 0:
            rr.log("loop/points", rr.Points3D(np.full((5, 3), i, np.float32)))
        if i % 10 == 0:
            print(i, time.monotonic(), flush=True)  # step i was logged by now
        i += 1
        time.sleep(0.001)
""")


def _logged_steps(path) -> tuple[set[str], np.ndarray]:
    entities, steps = set(), []
    for store in decode_rrd(path).stores:
        for chunk in store.chunks:
            entity = chunk.schema.metadata[b"rerun:entity_path"].decode()
            entities.add(entity)
            if entity == "/loop/scalar" and "step" in chunk.schema.names:
                steps.append(chunk.column("step").to_numpy())
    return entities, (np.concatenate(steps) if steps else np.empty(0, np.int64))


@pytest.mark.parametrize("run", range(RUNS))
def test_killed_at_a_random_point_keeps_what_was_logged_before(tmp_path, run):
    rng = random.Random(run)
    sig = (signal.SIGTERM, signal.SIGKILL)[run % 2]
    path = tmp_path / "killed.rrd"
    proc = subprocess.Popen([sys.executable, "-c", SCRIPT.format(root=str(ROOT), path=str(path))],
                            stdout=subprocess.PIPE, text=True)
    progress: list[tuple[int, float]] = []
    reader = threading.Thread(target=lambda: progress.extend(
        (int(a), float(b)) for a, b in (line.split() for line in proc.stdout)), daemon=True)
    reader.start()
    try:
        t0 = time.monotonic()
        while not progress and time.monotonic() - t0 < 60:
            time.sleep(0.02)
        assert progress, "the logging process did not start"
        time.sleep(rng.uniform(0.2, 2.5))
        t_kill = time.monotonic()
        proc.send_signal(sig)
        proc.wait(60)
    finally:
        if proc.poll() is None:
            proc.kill()
    reader.join(10)
    assert proc.returncode == -sig, f"exit status {proc.returncode}: it must still die of the signal"
    entities, steps = _logged_steps(path)
    assert {"/doc", "/log", "/loop/scalar"} <= entities
    must_have = [i for i, t in progress if t < t_kill - MARGIN_S]
    missing = sorted(set(range(max(must_have, default=-1) + 1)) - set(steps.tolist()))
    assert not missing, f"{len(missing)} steps logged more than {MARGIN_S} s before the kill are missing: {missing[:10]}"
    assert len(steps) == len(set(steps.tolist())), "a step written twice"
    result = decode_rrd(path)
    if sig == signal.SIGTERM:
        assert result.ok and result.has_footer, result.errors
    if RERUN_CLI is not None:  # the real Rerun reads the file too
        cmd = ["rrd", "verify"] if sig == signal.SIGTERM else ["rrd", "print"]
        out = subprocess.run([RERUN_CLI, *cmd, str(path)], capture_output=True, text=True, timeout=120, check=False)
        assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
        if sig == signal.SIGKILL:
            assert "/loop/scalar" in out.stdout
