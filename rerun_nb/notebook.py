"""Showing a recording in a notebook: ``notebook_show`` and ``spawn`` (called by RecordingStream).

This module imports no widget library at import time; the widget is loaded when first shown.
"""

from __future__ import annotations

import warnings

__all__ = ["in_notebook", "notebook_show", "prewarm", "spawn"]

_warned_no_viewer = False


def in_notebook() -> bool:
    """True inside a Jupyter kernel (where a widget can be displayed)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and hasattr(shell, "kernel")


def prewarm() -> None:
    """Start the viewer's one-time GPU setup on a background thread (call early, e.g. from ``rr.init``
    in a notebook): the first ``notebook_show`` then takes tens of ms instead of about 2 s."""
    from .viewer import prewarm_in_background

    prewarm_in_background()


def notebook_show(rec, *, width: int | None = None, height: int | None = None, blueprint=None) -> None:
    """Display an inline viewer of ``rec`` in the current cell's output, laid out by ``blueprint`` if given
    (else by the blueprint sent with ``rr.send_blueprint``, else automatically from the data).

    The first frame is rendered in the kernel right away, so the output also holds a PNG snapshot
    (kept in saved notebooks and in headless runs, e.g. nbclient / nbconvert --execute).
    """
    from .widget import Viewer

    Viewer(rec, width=width, height=height, blueprint=blueprint).display()


def _warning_category():
    try:
        from .error_utils import RerunWarning
    except ImportError:  # the core's warning class is not there (yet)
        return UserWarning
    return RerunWarning


def spawn(rec) -> None:
    """In a notebook, show the viewer; in a plain script, warn once that no viewer is available."""
    global _warned_no_viewer
    if in_notebook():
        notebook_show(rec)
        return
    if not _warned_no_viewer:
        _warned_no_viewer = True
        warnings.warn(
            "rerun_nb: no viewer is available outside a notebook (the `rerun-nb` viewer command does not "
            "exist yet). Logging goes on: save the data with rr.save('recording.rrd') and open it in the "
            "Rerun viewer, or run this code in a Jupyter notebook and call rr.notebook_show().",
            _warning_category(),
            stacklevel=3,
        )
