"""`Blueprint.connect_grpc` sends the blueprint as rerun-sdk's does: a gRPC server (rerun_nb's) registers it
for the application, with the same views as the one rerun-sdk sent."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

import rerun_nb.blueprint as rrb
from rerun_nb.grpc import _registry
from rerun_nb.grpc._server import GrpcServer

LAYOUT = "rrb.Blueprint(rrb.Horizontal(rrb.Spatial3DView(origin='/w', name='A'), rrb.TimeSeriesView(name='B')))"


def _names(bp) -> list:
    return [(type(v).__name__, v.name) for v in bp.root_container.contents]


def _wait(app: str, timeout: float = 20.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if app in _registry._blueprints:
            return _registry._blueprints[app]
        time.sleep(0.05)
    raise AssertionError(f"no blueprint arrived for {app!r}")


def test_connect_grpc_sends_the_blueprint_like_rerun_sdk():
    pytest.importorskip("rerun")
    srv = GrpcServer(0)
    try:
        subprocess.run([sys.executable, "-c", f"import rerun.blueprint as rrb\n"
                        f"{LAYOUT}.connect_grpc('bp_sdk_app', url={srv.url!r})"], check=True, timeout=120)
        eval(LAYOUT, {"rrb": rrb}).connect_grpc("bp_nb_app", url=srv.url)
        theirs, ours = _wait("bp_sdk_app"), _wait("bp_nb_app")
        assert theirs[1:] == ours[1:] == (True, True)  # make_active, make_default
        assert _names(ours[0]) == _names(theirs[0]) == [("Spatial3DView", "A"), ("TimeSeriesView", "B")]
    finally:
        srv.stop(grace_sec=0.5)
        _registry._blueprints.pop("bp_sdk_app", None)
        _registry._blueprints.pop("bp_nb_app", None)
