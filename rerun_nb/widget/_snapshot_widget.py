"""A snapshot as an anywidget: the same frames and slider, for front ends that run anywidget models but not
ipywidgets or inline HTML handlers (marimo). The frames travel once, as the ``frames`` traitlet; the slider
runs in the page and needs no kernel round trip."""

from __future__ import annotations

import base64

import anywidget
import traitlets as tl

__all__ = ["SnapshotWidget"]

_ESM = """
function render({ model, el }) {
  const frames = model.get("frames"), labels = model.get("labels");
  const img = document.createElement("img");
  img.className = "rerun-nb-snapshot-img";
  img.style.maxWidth = "100%";
  const row = document.createElement("div");
  row.style.cssText = "display:flex;gap:8px;align-items:center;font:12px sans-serif";
  const slider = document.createElement("input");
  Object.assign(slider, { type: "range", min: 0, max: frames.length - 1, step: 1, value: 0 });
  slider.style.flex = "1";
  const label = document.createElement("span");
  const show = (i) => { img.src = frames[i]; label.textContent = labels[i]; };
  slider.addEventListener("input", () => show(Number(slider.value)));
  show(0);
  row.append(slider, label);
  el.classList.add("rerun-nb-snapshot");
  el.append(img, row);
  return () => el.replaceChildren();
}
export default { render };
"""


class SnapshotWidget(anywidget.AnyWidget):
    """Pre-rendered frames (data URLs) with their labels; the browser flips through them with a slider."""

    _esm = _ESM
    frames = tl.List(tl.Unicode()).tag(sync=True)
    labels = tl.List(tl.Unicode()).tag(sync=True)

    @classmethod
    def from_snapshot(cls, snapshot) -> SnapshotWidget:
        """The widget of a `Snapshot` (rerun_nb.widget._snapshot)."""
        urls = [f"data:{snapshot.mimetype};base64,{base64.b64encode(b).decode()}" for b in snapshot.images]
        return cls(frames=urls, labels=list(snapshot.labels))
