"""Widget tests: the Viewer's Python side without a browser (frame sender stubbed)."""

from __future__ import annotations

import os
import threading

os.environ.setdefault("RENDERCANVAS_FORCE_OFFSCREEN", "1")
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp")

import pytest

import rerun_nb as rr


@pytest.fixture(scope="session", autouse=True)
def _adapter():
    from rerun_nb.viewer import NoAdapterError, ensure_adapter

    try:
        ensure_adapter()
    except NoAdapterError as exc:  # pragma: no cover
        pytest.skip(f"no wgpu adapter: {exc}")


@pytest.fixture
def rec():
    return rr.RecordingStream("rerun_example_widget_test")


class Sent:
    """Collects what the canvas sends (frames) instead of a browser."""

    def __init__(self):
        self.frames = []

    def __call__(self, msg, buffers=None):
        if msg.get("type") == "framebufferdata":
            self.frames.append((msg, buffers))


@pytest.fixture
def make_viewer():
    from rerun_nb.widget import Viewer

    made = []

    def make(rec, **kwargs):
        # Built on a thread without an event loop: in a pytest process where another test left a
        # (not spinning) loop on the main thread, a draw scheduled there would never run.
        box = []
        thread = threading.Thread(target=lambda: box.append(
            Viewer(rec, width=kwargs.pop("width", 160), height=kwargs.pop("height", 120), **kwargs)))
        thread.start()
        thread.join()
        v = box[0]
        sent = Sent()
        v.canvas.send = sent
        v.canvas._has_visible_views = True  # as if a browser showed it
        made.append(v)
        return v, sent

    yield make
    for v in made:
        v.close()
