"""The ``rerun-nb`` command (``python -m rerun_nb``) and ``rr.spawn()`` in a plain script."""

from __future__ import annotations

import os
import pathlib
import signal
import subprocess
import sys
import time

import pytest

from rerun_nb.grpc._codec import decode_arrow_msg
from rerun_nb.grpc._reader import read_messages
from rerun_nb.grpc._spawn import port_is_listening

from .conftest import REPO, RERUN_BIN, free_port, run_python, start_python


def _rerun_nb(*args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-m", "rerun_nb", *args], env=env, cwd=REPO, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _wait_listening(port: int, proc: subprocess.Popen | None = None, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not port_is_listening(port):
        assert proc is None or proc.poll() is None, proc.communicate()[1][-2000:]
        assert time.monotonic() < deadline, f"nothing listens on {port}"
        time.sleep(0.05)


def _stop(proc: subprocess.Popen) -> str:
    proc.send_signal(signal.SIGTERM)
    _out, err = proc.communicate(timeout=30)
    return err


def test_help_and_version():
    out = subprocess.run([sys.executable, "-m", "rerun_nb", "--help"], capture_output=True, text=True, timeout=60,
                         check=True, cwd=REPO).stdout
    for flag in ("--bind", "--port", "--web-viewer-port", "--memory-limit", "--save", "--version"):
        assert flag in out
    version = subprocess.run([sys.executable, "-m", "rerun_nb", "--version"], capture_output=True, text=True,
                             timeout=60, check=True, cwd=REPO).stdout
    from rerun_nb import __version__

    assert version.strip().startswith(f"rerun-nb {__version__}")


def test_serve_open_files_and_save(tmp_path):
    import rerun_nb as rr

    opened = tmp_path / "in.rrd"
    rec = rr.RecordingStream("from_file", recording_id="ff", send_properties=False)
    rec.save(opened)
    rec.set_time("frame", sequence=1)
    rec.log("file/pts", rr.Points3D([[1, 1, 1]]))
    rec.disconnect()
    saved = tmp_path / "out.rrd"
    port = free_port()
    proc = _rerun_nb("--port", str(port), "--save", str(saved), "--no-web-viewer", str(opened))
    try:
        _wait_listening(port, proc)
        url = f"rerun+http://127.0.0.1:{port}/proxy"
        run_python(f"""
            import rerun as rr
            rr.init("cli_app", recording_id="c")
            rr.connect_grpc({url!r})
            for i in range(25):
                rr.set_time("frame", sequence=i)
                rr.log("remote", rr.Scalars(float(i)))
            rr.disconnect()
        """)
        apps = {}
        for msg in read_messages(url, idle_timeout_sec=1.0):
            if msg.HasField("arrow_msg"):
                batch = decode_arrow_msg(msg.arrow_msg, max_decoded_bytes=1 << 30)
                app = msg.arrow_msg.store_id.application_id.id
                apps[app] = apps.get(app, 0) + batch.num_rows
        assert apps["from_file"] == 1
        assert apps["cli_app"] == 26  # 25 scalars + the recording properties row
    finally:
        err = _stop(proc)
    assert proc.returncode == 0, err
    assert "listening for gRPC on rerun+http://127.0.0.1:" in err
    assert "viewer page" not in err
    verify = subprocess.run([str(RERUN_BIN), "rrd", "verify", str(saved)], capture_output=True, text=True,
                            timeout=120, check=False)
    assert verify.returncode == 0, verify.stderr[-2000:]
    loaded = {r.application_id: r for r in rr.load_all(saved)}
    assert len(loaded["cli_app"].store.range("remote", timeline="frame")) == 25
    assert len(loaded["from_file"].store.range("file/pts", timeline="frame")) == 1


def test_port_taken_is_a_clear_error():
    port = free_port()
    first = _rerun_nb("--port", str(port), "--no-web-viewer")
    try:
        _wait_listening(port, first)
        second = _rerun_nb("--port", str(port), "--no-web-viewer")
        _out, err = second.communicate(timeout=60)
        assert second.returncode == 1
        assert f"cannot listen for gRPC on 127.0.0.1:{port}" in err
    finally:
        _stop(first)


def _pids_listening_on(port: int) -> list[int]:
    """The rerun_nb server processes started for ``port`` (found by their exact command line)."""
    want = ["-m", "rerun_nb", "--port", str(port)]
    pids = []
    for entry in pathlib.Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                args = (entry / "cmdline").read_bytes().decode().split("\0")
            except OSError:
                continue
            if args[1:5] == want:
                pids.append(int(entry.name))
    return pids


@pytest.mark.skipif(not pathlib.Path("/proc").is_dir(), reason="finds the spawned server through /proc")
def test_spawn_in_a_plain_script_starts_rerun_nb_and_connects():
    port = free_port()
    run_python(f"""
        import rerun_nb as rr
        rr.init("spawned_app", recording_id="sp")
        rr.spawn(port={port})
        for i in range(10):
            rr.set_time("frame", sequence=i)
            rr.log("spawned", rr.Points3D([[i, 0, 0]]))
        rr.disconnect()
    """, env={"RERUN_NB_SPAWN": "1", "RERUN_NB_OPEN_BROWSER": "0"})
    pids = _pids_listening_on(port)
    try:
        assert len(pids) == 1 and port_is_listening(port)
        url = f"rerun+http://127.0.0.1:{port}/proxy"
        rows = sum(decode_arrow_msg(m.arrow_msg, max_decoded_bytes=1 << 30).num_rows
                   for m in read_messages(url, idle_timeout_sec=1.0)
                   if m.HasField("arrow_msg") and m.arrow_msg.store_id.application_id.id == "spawned_app")
        assert rows == 11  # 10 points + the properties row
    finally:
        for pid in pids:
            os.kill(pid, signal.SIGTERM)


def test_spawn_off_in_tests_only_warns():
    proc = run_python("""
        import warnings
        import rerun_nb as rr
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            rr.init("nospawn", spawn=True)
        print([str(w.message) for w in caught])
    """, env={"RERUN_NB_SPAWN": "0"})
    assert "RERUN_NB_SPAWN=0" in proc.stdout


def _get(url: str, *, data: bytes | None = None, timeout: float = 60):
    import urllib.request

    req = urllib.request.Request(url, data=data, method="POST" if data is not None else "GET")
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        return resp.read(), dict(resp.headers)


@pytest.fixture
def web_rerun_nb():
    """``rerun-nb`` with its viewer page, after a real rerun-sdk client sent a red point at steps 0..4."""
    port, web_port = free_port(), free_port()
    proc = _rerun_nb("--port", str(port), "--web-viewer-port", str(web_port))
    try:
        _wait_listening(port, proc)
        _wait_listening(web_port, proc)
        run_python(f"""
            import rerun as rr
            rr.init("web_app", recording_id="w")
            rr.connect_grpc("rerun+http://127.0.0.1:{port}/proxy")
            rr.log("anchor", rr.Points3D([[-3, -3, -3], [3, 3, 3]], radii=0.01), static=True)
            for i in range(5):
                rr.set_time("step", sequence=i)
                rr.log("red", rr.Points3D([[i - 2, 0, 0]], colors=[[255, 0, 0]], radii=0.8))
            rr.disconnect()
        """)
        yield f"http://127.0.0.1:{web_port}"
    finally:
        _stop(proc)


def _red_pixels(png: bytes):
    import io

    import numpy as np
    from PIL import Image

    frame = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)
    red = (frame[..., 0] > 150) & (frame[..., 1] < 80) & (frame[..., 2] < 80)
    return red.sum(), (np.argwhere(red)[:, 1].mean() if red.any() else None)


def test_viewer_page_shows_incoming_data(web_rerun_nb):
    """The browser page's HTTP API: recordings, timeline state, PNG frames of the notebook renderer."""
    import json

    pytest.importorskip("PIL")
    base = web_rerun_nb
    page, _ = _get(base + "/")
    assert b"<title>rerun-nb</title>" in page
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        recs = json.loads(_get(base + "/api/recordings")[0])
        if recs:
            break
        time.sleep(0.1)
    assert [r["key"] for r in recs] == ["web_app/w"]
    state = json.loads(_get(base + "/api/state?rec=web_app/w")[0])
    assert state["timeline"] == "step" and (state["time_min"], state["time_max"]) == (0, 4)
    assert state["follow_latest"] is True
    count, _x = _red_pixels(_get(base + "/api/frame.png?rec=web_app/w")[0])
    assert count > 50
    _get(base + "/api/state?rec=web_app/w", data=json.dumps({"time": 2}).encode())
    state = json.loads(_get(base + "/api/state?rec=web_app/w")[0])
    assert (state["time"], state["follow_latest"]) == (2, False)
    _get(base + "/api/event?rec=web_app/w", data=json.dumps({"event_type": "wheel", "x": 10, "y": 10, "dx": 0,
                                                           "dy": 100}).encode())
    assert _get(base + "/api/frame.png?rec=web_app/w")[0].startswith(b"\x89PNG")


def test_viewer_page_scrubbing_moves_the_point(web_rerun_nb):
    import json

    pytest.importorskip("PIL")
    base = web_rerun_nb
    _count, x_latest = _red_pixels(_get(base + "/api/frame.png?rec=web_app/w")[0])
    _get(base + "/api/state?rec=web_app/w", data=json.dumps({"time": 0}).encode())
    count, x_first = _red_pixels(_get(base + "/api/frame.png?rec=web_app/w")[0])
    assert count > 50 and x_first < x_latest - 20  # x = -2 at step 0, 2 at step 4


def test_process_exits_while_a_producer_is_still_connected():
    """A kernel/script serving gRPC exits even though a producer keeps its stream open (no thread join hang)."""
    proc = start_python("""
        import subprocess, sys, time
        import rerun_nb as rr
        from rerun_nb.grpc import wait_for_recording
        rec = rr.RecordingStream("exit_app")
        url = rec.serve_grpc(grpc_port=0)
        code = (f"import rerun as rr, time\\nrr.init('still_connected')\\nrr.connect_grpc({url!r})\\n"
                "rr.log('x', rr.Points3D([[1, 2, 3]]))\\ntime.sleep(600)\\n")
        producer = subprocess.Popen([sys.executable, "-c", code])
        wait_for_recording("still_connected", timeout_sec=60)
        print(producer.pid, flush=True)
    """)
    producer_pid = None
    try:
        producer_pid = int(proc.stdout.readline())
        proc.wait(timeout=120)  # a server whose worker threads were joined at exit would wait 600 s here
        assert proc.returncode == 0, proc.stderr.read()[-2000:]
    finally:
        if producer_pid is not None:
            os.kill(producer_pid, signal.SIGKILL)
