"""Live updates while a cell is still running: a background thread that polls the store.

The kernel's asyncio loop (which drives jupyter_rfb's frame scheduling) does not turn while a cell
executes, so new data would only show when the cell ends. This thread polls ``store.generation``
(an int: a cheap read) at most ``max_hz`` times a second, and when it changed renders and pushes a
frame itself. It adapts its period so that the wall time of its redraws stays within
``budget`` (default 10%) of the wall time, which bounds what it can take from the logging loop. While
the loop runs, a redraw's wall time is 2-4x its idle cost (it waits for the GIL at each wgpu call), so
the measured cost to the loop stays well under the budget (bench/bench_viewer.py; 3% gave 1 redraw/s).
"""

from __future__ import annotations

import threading
import time
import weakref

__all__ = ["LivePoller"]

MAX_PERIOD_S = 2.0
FIRST_FRAME_AFTER_S = 0.5  # time for the browser to create the view before a pushed frame can land  # live data shows at least this often, however slow a frame is


class LivePoller:
    """Polls a viewer's store and redraws it on new data (throttled, adaptive)."""

    def __init__(self, viewer, *, max_hz: float = 10.0, budget: float = 0.10):
        self._viewer = weakref.ref(viewer)
        self.min_period_s = 1.0 / max_hz
        self.budget = budget
        self.period_s = self.min_period_s
        self.redraws = 0
        self._stalled_before = False
        self._stop = threading.Event()
        self._generation = viewer.store.generation
        self._thread = threading.Thread(target=self._run, name="rerun_nb-live", daemon=True)

    def start(self) -> None:
        """Start polling."""
        self._thread.start()

    def stop(self) -> None:
        """Stop polling (the thread exits within one period)."""
        self._stop.set()

    def _run(self) -> None:
        while not self._stop.wait(self.period_s):
            viewer = self._viewer()
            if viewer is None:
                return
            try:
                self.poll_once(viewer)
            except Exception as exc:  # noqa: BLE001 - never let the thread die silently mid-session
                viewer._rnb_error = f"live update failed: {exc}"
            del viewer

    def poll_once(self, viewer) -> bool:
        """One poll: if the store changed, refresh the panel and push a frame. True when it redrew."""
        generation = viewer.store.generation
        canvas = viewer.canvas
        if generation == self._generation:
            # Shown but never drawn, or a draw requested (e.g. `viewer.time = t` in a running cell)
            # that the busy kernel's loop has not done for a whole period: push the frame ourselves.
            stalled = getattr(canvas, "_rfb_draw_requested", False)
            if self._first_frame_due(viewer) or (stalled and self._stalled_before):
                self._stalled_before = False
                canvas.push_frame(viewer.render())
                canvas._rfb_draw_requested = False  # done; else jupyter_rfb ignores the next request
                return True
            self._stalled_before = stalled and viewer._rnb_displayed_at is not None
            return False
        self._generation = generation
        wall0 = time.perf_counter()
        viewer.refresh_timelines()
        # While another cell runs, the kernel cannot process the browser's "a view is visible" message,
        # so a displayed viewer counts as visible.
        if (viewer._rnb_displayed_at is not None or getattr(canvas, "_has_visible_views", False)) and \
                viewer._rnb_renderer is not None:
            canvas.push_frame(viewer.render())
            self.redraws += 1
        # The redraw's wall time bounds what it takes from the logging thread: besides this thread's own
        # GIL-holding work, a CPU adapter (lavapipe) rasterizes on worker threads that compete for the
        # same cores. (This thread's CPU time alone missed those and let redraws cost ~15%.)
        cost = time.perf_counter() - wall0
        if self.redraws > 1:  # the process's first render (device, shaders) says nothing about the next
            self.period_s = min(max(self.min_period_s, cost / self.budget), MAX_PERIOD_S)
        return True

    @staticmethod
    def _first_frame_due(viewer) -> bool:
        shown = viewer._rnb_displayed_at
        return (shown is not None and viewer._rnb_renderer is not None
                and getattr(viewer.canvas, "_rfb_frame_index", 1) == 0 and time.monotonic() - shown > FIRST_FRAME_AFTER_S)
