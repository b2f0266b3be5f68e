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

from .conftest import REPO, RERUN_BIN, free_port, run_python


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
    proc = _rerun_nb("--port", str(port), "--save", str(saved), "--web-viewer-port", "1", str(opened))
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
    assert "browser viewer page is not available yet" in err
    verify = subprocess.run([str(RERUN_BIN), "rrd", "verify", str(saved)], capture_output=True, text=True,
                            timeout=120, check=False)
    assert verify.returncode == 0, verify.stderr[-2000:]
    loaded = {r.application_id: r for r in rr.load_all(saved)}
    assert len(loaded["cli_app"].store.range("remote", timeline="frame")) == 25
    assert len(loaded["from_file"].store.range("file/pts", timeline="frame")) == 1


def test_port_taken_is_a_clear_error():
    port = free_port()
    first = _rerun_nb("--port", str(port))
    try:
        _wait_listening(port, first)
        second = _rerun_nb("--port", str(port))
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
    """, env={"RERUN_NB_SPAWN": "1"})
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
