"""Fixtures for the gRPC tests: a server on a free loopback port, a clean registry, subprocess helpers.

Every test binds 127.0.0.1 on a port the OS picks (never a fixed one) and every wait has a bound.
"""

from __future__ import annotations

import os
import pathlib
import socket
import subprocess
import sys
import textwrap

import pytest

pytest.importorskip("grpc")
rerun_cli = pytest.importorskip("rerun_cli")

from rerun_nb.grpc import GrpcServer, _registry

RERUN_BIN = pathlib.Path(rerun_cli.__file__).with_name("rerun")
REPO = pathlib.Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(autouse=True)
def _clean_registry():
    _registry._forget_all()
    yield
    _registry._forget_all()


@pytest.fixture
def server():
    srv = GrpcServer(0)
    yield srv
    srv.stop(grace_sec=0.5)


def run_python(code: str, *, timeout: float = 120, check: bool = True, env: dict | None = None):
    """Run ``code`` in a fresh interpreter (the venv's), return the CompletedProcess."""
    full_env = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          timeout=timeout, env=full_env, cwd=REPO, check=False)
    if check and proc.returncode != 0:
        raise AssertionError(f"subprocess failed ({proc.returncode}):\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return proc


def start_python(code: str, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code)], env=env, cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


@pytest.fixture
def rerun_serve_grpc():
    """The real rerun 0.41 CLI as a headless gRPC server (``rerun --serve-grpc``) on a free port; yields its URL."""
    port = free_port()
    proc = subprocess.Popen([str(RERUN_BIN), "--serve-grpc", "--bind", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    import time

    from rerun_nb.grpc._spawn import port_is_listening

    deadline = time.monotonic() + 20
    while not port_is_listening(port) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert port_is_listening(port), "rerun --serve-grpc did not start listening"
    yield f"rerun+http://127.0.0.1:{port}/proxy"
    proc.kill()
    proc.wait(timeout=10)
