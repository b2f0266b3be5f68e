"""Viewers shown by a cell are closed when that cell runs again: re-running a cell does not leak viewers.

Without this every re-run of ``Viewer(...).display()`` (or ``rr.notebook_show()``) leaves the previous viewer
alive: its widget models stay in ipywidgets' registry, its live thread polls and its GPU scene is kept, and
memory grows with each run (Rerun's own notebook users hit this). The kernel knows which cell runs from the
execute request's ``cellId`` (JupyterLab, Notebook 7, VS Code and nbclient send it), else from the cell's
source (the same code re-run counts as the same cell).

A viewer shown by several cells (shown again as another cell's value) is closed once every cell that showed it
has been re-run: the outputs that still hold it keep a working viewer.
"""

from __future__ import annotations

import weakref

__all__ = ["close_all", "close_tree", "current_cell", "shown_by_cell"]

# cell key -> (execution count, viewers it showed in that execution)
_shown: dict[str, tuple[int, list[weakref.ref]]] = {}
# id(viewer) -> cell keys whose latest execution showed it
_cells_of: dict[int, set[str]] = {}


def current_cell() -> tuple[str, int] | None:
    """(cell key, execution count) of the cell running now in this kernel, or None outside a kernel."""
    try:
        from IPython import get_ipython
    except ImportError:
        return None
    shell = get_ipython()
    if shell is None:
        return None
    key = None
    kernel = getattr(shell, "kernel", None)
    if kernel is not None:
        try:
            parent = kernel.get_parent("shell")
        except TypeError:  # older ipykernel: no channel argument
            parent = kernel.get_parent()
        key = (parent or {}).get("metadata", {}).get("cellId")
    if not key:
        history = getattr(getattr(shell, "history_manager", None), "input_hist_raw", None)
        key = "source:" + (history[-1] if history else "")
    return str(key), int(getattr(shell, "execution_count", 0))


def shown_by_cell(viewer) -> None:
    """Note that the running cell shows ``viewer``; close the viewers of this cell's previous execution."""
    cell = current_cell()
    if cell is None:
        return
    key, count = cell
    previous = _shown.get(key)
    if previous is not None and previous[0] != count:
        for ref in previous[1]:
            old = ref()
            if old is None or old is viewer:
                continue
            cells = _cells_of.get(id(old), set())
            cells.discard(key)
            if not cells:
                _cells_of.pop(id(old), None)
                old.close()
        previous = None
    if previous is None:
        previous = (count, [])
        _shown[key] = previous
    if not any(ref() is viewer for ref in previous[1]):
        previous[1].append(weakref.ref(viewer))
    if id(viewer) not in _cells_of:
        weakref.finalize(viewer, _cells_of.pop, id(viewer), None)
    _cells_of.setdefault(id(viewer), set()).add(key)


def close_all() -> int:
    """Close every viewer shown by a cell (tests, and users who want the memory back); returns how many."""
    closed = 0
    for _key, (_count, refs) in list(_shown.items()):
        for ref in refs:
            viewer = ref()
            if viewer is not None:
                viewer.close()
                closed += 1
    _shown.clear()
    _cells_of.clear()
    return closed


def close_tree(widget) -> None:
    """Close ``widget`` and every widget under it (``children``): ipywidgets' ``close`` closes only the one
    widget, and the rest would stay in its registry with the observers that hold the viewer and its scene."""
    stack, seen = [widget], set()
    while stack:
        w = stack.pop()
        if id(w) in seen:
            continue
        seen.add(id(w))
        stack.extend(getattr(w, "children", ()) or ())
        # each DOM widget has its own Layout (and Style) model, which its close() leaves open
        stack.extend(x for x in (getattr(w, "layout", None), getattr(w, "style", None)) if hasattr(x, "close"))
        # jupyter_rfb's canvas owns an Output widget for its error messages (not among its children)
        stack.extend(x for x in (getattr(w, "_output_context", None),) if hasattr(x, "close"))
        if hasattr(w, "close"):
            w.close()
