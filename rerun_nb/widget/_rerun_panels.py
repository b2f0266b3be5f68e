"""`update_panels` states applied to a recording's widget: the timeline panel and the entity list."""

from __future__ import annotations

__all__ = ["PANEL_STATES", "apply_panel_states"]

PANEL_STATES = ("expanded", "collapsed", "hidden", "default")
# The timeline panel's widgets that "collapsed" hides (the picker, step/play buttons and slider stay).
_TIME_PANEL_DETAILS = ("range_start", "range_end", "label", "speed", "loop", "follow")


def apply_panel_states(viewer, states: dict[str, str]) -> None:
    """Show ``viewer`` (a `rerun_nb.Viewer`) with the "time" and "blueprint" panel states (absent: default)."""
    time_state = states.get("time")
    viewer.panel.box.layout.display = "none" if time_state == "hidden" else None
    for name in _TIME_PANEL_DETAILS:
        getattr(viewer.panel, name).layout.display = "none" if time_state == "collapsed" else None
    bp_state = states.get("blueprint")
    viewer.entities.layout.display = "none" if bp_state == "hidden" else None
    if bp_state == "expanded":
        viewer.entities.selected_index = 0
    elif bp_state == "collapsed":
        viewer.entities.selected_index = None
