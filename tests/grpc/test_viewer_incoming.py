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


def _view_names(blueprint) -> list[str]:
    """Names of the views in a rerun_nb blueprint, depth first."""
    from rerun_nb.blueprint.api import Container

    out = []

    def walk(node):
        if isinstance(node, Container):
            for child in node.contents:
                walk(child)
        elif getattr(node, "name", None) is not None:
            out.append(str(node.name))

    walk(blueprint.root_container)
    return out


@pytest.mark.parametrize("how", ["send_blueprint", "default_blueprint"])
def test_viewer_shows_the_blueprint_a_real_client_sent(server, how):
    """``rr.send_blueprint`` / ``connect_grpc(default_blueprint=)`` from a rerun-sdk process lay out the
    notebook viewer of the incoming recording, as they lay out Rerun's viewer."""
    pytest.importorskip("rerun_nb.viewer")
    blueprint = ('rrb.Blueprint(rrb.Horizontal(rrb.Spatial3DView(origin="/world", name="World"), '
                 'rrb.TimeSeriesView(origin="/plot", name="Plot")))')
    connect = (f"rr.connect_grpc({server.url!r}, default_blueprint={blueprint})" if how == "default_blueprint"
               else f"rr.connect_grpc({server.url!r}); rr.send_blueprint({blueprint})")
    run_python(f"""
        import rerun as rr
        import rerun.blueprint as rrb
        rr.init("bp_{how}", recording_id="b")
        {connect}
        rr.set_time("step", sequence=0)
        rr.log("world/pts", rr.Points3D([[0, 0, 0]]))
        rr.log("plot/loss", rr.Scalars(1.0))
        rr.disconnect()
    """)
    rec = wait_for_recording(f"bp_{how}", timeout_sec=20, min_chunks=2)
    viewer = rr.Viewer(rec, width=160, height=120)
    try:
        viewer.render()
        assert viewer.blueprint is not None, "the sent blueprint is not shown"
        assert _view_names(viewer.blueprint) == ["World", "Plot"]
    finally:
        viewer.close()
