"""`rerun.notebook` of 0.41: the Rerun-style `Viewer`, `set_default_size`, the viewer events; and
``notebook_show`` / ``spawn`` (called by RecordingStream).

This module imports no widget library at import time: `Viewer` is loaded on first use (a module
``__getattr__``), so ``import rerun_nb`` stays headless.
"""

from __future__ import annotations

import warnings
from typing import Any

from ._events import ContainerSelectionItem as ContainerSelectionItem
from ._events import EntitySelectionItem as EntitySelectionItem
from ._events import PauseEvent as PauseEvent
from ._events import PlayEvent as PlayEvent
from ._events import RecordingOpenEvent as RecordingOpenEvent
from ._events import SelectionChangeEvent as SelectionChangeEvent
from ._events import SelectionItem as SelectionItem
from ._events import TimelineChangeEvent as TimelineChangeEvent
from ._events import TimeUpdateEvent as TimeUpdateEvent
from ._events import ViewerEvent as ViewerEvent
from ._events import ViewSelectionItem as ViewSelectionItem

# Rerun 0.41's names, and rerun_nb's own in_notebook / notebook_show / prewarm / spawn.
__all__ = [
    "ContainerSelectionItem", "EntitySelectionItem", "PauseEvent", "PlayEvent", "RecordingOpenEvent",
    "SelectionChangeEvent", "SelectionItem", "TimeUpdateEvent", "TimelineChangeEvent", "ViewSelectionItem",
    "Viewer", "ViewerEvent", "in_notebook", "notebook_show", "prewarm", "set_default_size", "spawn",
]

_warned_no_viewer = False

# Size of viewers created without width/height (set_default_size). None: rerun_nb's default, the full
# width of the cell's output and 480 px high.
_default_width: int | None = None
_default_height: int | None = None


def set_default_size(*, width: int | None, height: int | None) -> None:
    """Set the default size (CSS pixels) of viewers created after this call; None keeps that side as it is."""
    global _default_width, _default_height
    if width is not None:
        _default_width = width
    if height is not None:
        _default_height = height


def default_size() -> tuple[int | None, int | None]:
    """The (width, height) set with `set_default_size` (None: full width / 480 px)."""
    return _default_width, _default_height


def __getattr__(name: str) -> Any:
    if name == "Viewer":  # the widget stack loads only when a viewer is wanted
        from ..widget._rerun_api import Viewer

        return Viewer
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
    from ..viewer import prewarm_in_background

    prewarm_in_background()


def notebook_show(rec, *, width: int | None = None, height: int | None = None, blueprint=None) -> None:
    """Display an inline viewer of ``rec`` in the current cell's output, laid out by ``blueprint`` if given
    (else by the blueprint sent with ``rr.send_blueprint``, else automatically from the data).

    The first frame is rendered in the kernel right away, so the output also holds a PNG snapshot
    (kept in saved notebooks and in headless runs, e.g. nbclient / nbconvert --execute).
    """
    from ..widget import Viewer
    from ..widget._lifecycle import shown_by_cell

    viewer = Viewer(rec, width=width if width is not None else _default_width,
                    height=height if height is not None else _default_height, blueprint=blueprint)
    shown_by_cell(viewer)  # re-running this cell closes the viewer it showed before
    viewer.display()


def _warning_category():
    try:
        from ..error_utils import RerunWarning
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
