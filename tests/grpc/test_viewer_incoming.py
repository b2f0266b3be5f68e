"""A recording that arrives over gRPC is shown with the ordinary public viewer API, ``rerun_nb.Viewer(rec)``."""

from __future__ import annotations

import os

os.environ.setdefault("RENDERCANVAS_FORCE_OFFSCREEN", "1")

import numpy as np
import pytest

import rerun_nb as rr
from rerun_nb.grpc import wait_for_recording

from .conftest import run_python


def test_viewer_renders_what_a_real_client_sent(server):
    viewer_mod = pytest.importorskip("rerun_nb.viewer")
    try:
        viewer_mod.ensure_adapter()
    except viewer_mod.NoAdapterError as exc:  # pragma: no cover
        pytest.skip(f"no wgpu adapter: {exc}")
    run_python(f"""
        import rerun as rr
        rr.init("to_view", recording_id="v")
        rr.connect_grpc({server.url!r})
        rr.log("anchor", rr.Points3D([[-3, -3, -3], [3, 3, 3]], radii=0.01), static=True)
        rr.set_time("step", sequence=0)
        rr.log("red", rr.Points3D([[0, 0, 0]], colors=[[255, 0, 0]], radii=1.0))
        rr.disconnect()
    """)
    rec = wait_for_recording("to_view", timeout_sec=20, min_chunks=3)
    viewer = rr.Viewer(rec, width=160, height=120)
    try:
        frame = np.asarray(viewer.render())[..., :3].astype(int)
        if os.environ.get("RERUN_NB_SAVE_PNG"):
            from PIL import Image

            Image.fromarray(frame.astype(np.uint8)).save(os.environ["RERUN_NB_SAVE_PNG"])
    finally:
        viewer.close()
    red = (frame[..., 0] > 150) & (frame[..., 1] < 80) & (frame[..., 2] < 80)
    assert red.sum() > 20, "the red point sent over gRPC is not on screen"
