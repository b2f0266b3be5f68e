"""The Rerun-style viewer's selection panel: pick an entity (and optionally one instance) from a menu; the
panel lists its components' values at the viewer's current time, and the selection becomes a
`SelectionChangeEvent` for `on_event` callbacks.

Selecting by clicking inside a view (pygfx picking) is not wired yet: the views do not expose picking.
"""

from __future__ import annotations

import html

import ipywidgets as ipw
import numpy as np

__all__ = ["SelectionPanel", "instance_position"]

MAX_VALUES_SHOWN = 8  # instances listed per component; the row says how many there are
MAX_CELL_CHARS = 160


def _value_text(batch, instance: int | None) -> tuple[str, int]:
    """A component batch as short text (one instance, or the first few), and its instance count."""
    values = batch.to_pylist() if hasattr(batch, "to_pylist") else np.asarray(batch).tolist()
    if not isinstance(values, list):
        values = [values]
    n = len(values)
    if instance is not None:
        shown = [values[min(instance, n - 1)]] if n else []  # clamped, as Rerun's instance join
    else:
        shown = values[:MAX_VALUES_SHOWN]
    text = ", ".join(str(v) for v in shown) + (", ..." if instance is None and n > MAX_VALUES_SHOWN else "")
    return (text[: MAX_CELL_CHARS - 3] + "...") if len(text) > MAX_CELL_CHARS else text, n


class SelectionPanel:
    """Widgets for the selected entity; holds the selection (entity path, instance) and nothing else."""

    def __init__(self, on_change):
        self._on_change = on_change
        self._syncing = False
        self.entity = ipw.Dropdown(options=[("(nothing selected)", "")], value="", description="selection",
                                   layout=ipw.Layout(width="auto"))
        self.instance = ipw.IntText(value=-1, description="instance", tooltip="-1: all instances",
                                    layout=ipw.Layout(width="160px"))
        self.values = ipw.HTML("")
        self.box = ipw.VBox([ipw.HBox([self.entity, self.instance]), self.values])
        self.entity.observe(self._changed, "value")
        self.instance.observe(self._changed, "value")

    @property
    def entity_path(self) -> str | None:
        """The selected entity path (None: nothing selected)."""
        return self.entity.value or None

    @property
    def instance_id(self) -> int | None:
        """The selected instance (None: the whole entity)."""
        return self.instance.value if self.instance.value >= 0 else None

    def set_entities(self, paths: list[str]) -> None:
        """Offer these entity paths (the selection is kept if its entity is still there)."""
        options = [("(nothing selected)", ""), *((p, p) for p in paths)]
        if list(self.entity.options) == options:
            return
        self._syncing = True
        try:
            keep = self.entity.value if self.entity.value in paths else ""
            self.entity.options = options
            self.entity.value = keep
        finally:
            self._syncing = False

    def _changed(self, _change) -> None:
        if not self._syncing:
            self._on_change()

    def show_values(self, store, timeline: str | None, time: int | None) -> None:
        """List the selected entity's components at (timeline, time)."""
        path = self.entity_path
        if path is None or store is None:
            self.values.value = ""
            return
        result = store.latest_at(path, timeline=timeline or "", at=time if timeline else None)
        rows = []
        for name in sorted(result):
            text, n = _value_text(result[name], self.instance_id)
            rows.append(f"<tr><td style='padding:1px 8px'>{html.escape(name)}</td>"
                        f"<td style='padding:1px 8px;color:#888'>{n}</td>"
                        f"<td style='padding:1px 8px'>{html.escape(text)}</td></tr>")
        where = f"{html.escape(timeline)} = {time}" if timeline else "latest"
        body = "".join(rows) or "<tr><td><i>no data at this time</i></td></tr>"
        self.values.value = (f"<div style='font-family:monospace;font-size:12px'><b>{html.escape(path)}</b> at "
                             f"{where}<table>{body}</table></div>")


def instance_position(store, path: str, instance: int, timeline: str | None, time: int | None) -> list[float] | None:
    """One instance's 3D position (its Points3D positions / Boxes3D centers etc.) at (timeline, time); None
    for entities without 3D positions."""
    result = store.latest_at(path, timeline=timeline or "", at=time if timeline else None)
    for name, batch in result.items():
        if name.endswith((":positions", ":centers")):
            rows = batch.to_pylist() if hasattr(batch, "to_pylist") else np.asarray(batch).tolist()
            if rows and isinstance(rows[0], (list, tuple)) and len(rows[0]) == 3:
                return [float(x) for x in rows[min(instance, len(rows) - 1)]]
    return None
