"""Notebook API tests: rerun_nb.notebook.Viewer's Python side, without a browser."""

from __future__ import annotations

import os
import threading

os.environ.setdefault("RENDERCANVAS_FORCE_OFFSCREEN", "1")
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp")

import numpy as np
import pytest

import rerun_nb as rr


@pytest.fixture(scope="session", autouse=True)
def _adapter():
    from rerun_nb.viewer import NoAdapterError, ensure_adapter

    try:
        ensure_adapter()
    except NoAdapterError as exc:  # pragma: no cover
        pytest.skip(f"no wgpu adapter: {exc}")


def frames_recording(app: str, recording_id: str, n: int = 5, timeline: str = "frame"):
    """A recording with a few points at sequence times 0..n-1."""
    rec = rr.RecordingStream(app, recording_id=recording_id, send_properties=False)
    rec.set_log_time_enabled(False)
    for i in range(n):
        rec.set_time(timeline, sequence=i)
        rec.log("points", rr.Points3D(np.full((3, 3), float(i)), radii=0.1))
    return rec


@pytest.fixture
def make_viewer():
    """Build rerun_nb.notebook.Viewer on a thread without an asyncio loop (no draw gets scheduled on a loop
    that never spins); closed after the test."""
    from rerun_nb.notebook import Viewer

    made = []

    def make(**kwargs):
        box = []
        errors = []

        def build():
            try:
                box.append(Viewer(**{"width": 160, "height": 120, **kwargs}))
            except Exception as exc:  # noqa: BLE001 - re-raised on the test's thread
                errors.append(exc)

        thread = threading.Thread(target=build)
        thread.start()
        thread.join()
        if errors:
            raise errors[0]
        made.append(box[0])
        return box[0]

    yield make
    for v in made:
        v.close()
