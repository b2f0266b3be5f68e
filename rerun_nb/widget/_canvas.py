"""The frame canvas: a jupyter_rfb RemoteFrameBuffer fed by a SceneRenderer."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from jupyter_rfb import RemoteFrameBuffer

__all__ = ["ViewerCanvas"]


class ViewerCanvas(RemoteFrameBuffer):
    """Shows frames from ``frame_fn()`` and forwards pointer events to ``event_fn(event) -> redraw?``.

    Frames go through jupyter_rfb (JPEG while interacting, a PNG 0.3 s after), with its backpressure,
    when the kernel is idle; ``push_frame`` sends one directly (used by the live thread while a cell
    runs, when the asyncio loop that drives jupyter_rfb's scheduling does not turn).
    """

    # Old-style events ("event_type"), the form rendercanvas/pygfx handle.
    _event_compatibility = 1

    def __init__(self, frame_fn: Callable[[], np.ndarray | None], event_fn: Callable[[dict], bool],
                 resize_fn: Callable[[int, int, float], None], **kwargs):
        super().__init__(**kwargs)
        self._rnb_frame_fn = frame_fn
        self._rnb_event_fn = event_fn
        self._rnb_resize_fn = resize_fn

    def get_frame(self):
        """Render the current state (called by jupyter_rfb when a draw is due)."""
        return self._rnb_frame_fn()

    def handle_event(self, event: dict) -> None:
        """Resize the renderer, or move the camera and ask for a new frame."""
        kind = event.get("event_type")
        if kind == "resize":
            self._rnb_resize_fn(int(event["width"]), int(event["height"]), float(event.get("pixel_ratio", 1.0)))
            return  # jupyter_rfb already requested a draw
        if self._rnb_event_fn(event):
            self.request_draw()

    def push_frame(self, array: np.ndarray) -> None:
        """Send a frame now, bypassing the scheduler (see class docstring)."""
        self._rfb_send_frame(array)
