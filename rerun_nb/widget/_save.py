"""The viewer's Save action: write the recording (or a time range of it) to an .rrd beside the notebook.

Like the Rerun viewer's "Save recording" / "Save current time selection". The file goes to the kernel's
working directory (beside the notebook); the status line then offers it as a browser download: a data
URL for files up to `DOWNLOAD_LIMIT_BYTES`, else just the path (a data URL that large would stall the page).
"""

from __future__ import annotations

import base64
import html
import re
from pathlib import Path

import ipywidgets as ipw

DOWNLOAD_LIMIT_BYTES = 32 * 1024 * 1024
SCOPE_ALL = "all"
SCOPE_TO_NOW = "to_now"


def _safe_name(name: str, default: str) -> str:
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", Path(name.strip() or default).name) or default
    return stem if stem.endswith(".rrd") else stem + ".rrd"


class SavePanel:
    """File name, scope (whole recording / start of the timeline to the current time), Save button, status."""

    def __init__(self, viewer):
        self._viewer = viewer
        default = f"{getattr(viewer.recording, 'application_id', 'recording')}.rrd"
        self.name = ipw.Text(value=_safe_name(default, "recording.rrd"), description="file",
                             layout=ipw.Layout(width="260px"))
        self.scope = ipw.Dropdown(options=[("whole recording", SCOPE_ALL), ("timeline start → current time", SCOPE_TO_NOW)],
                                  value=SCOPE_ALL, layout=ipw.Layout(width="230px"))
        self.button = ipw.Button(description="Save .rrd", icon="save", tooltip="write an .rrd beside the notebook")
        self.status = ipw.HTML("")
        self.button.on_click(lambda _b: self.save())
        self.box = ipw.VBox([ipw.HBox([self.name, self.scope, self.button]), self.status])

    def save(self) -> Path | None:
        """Write the file now; returns its path (None on failure, with the reason in the status line)."""
        from ..rrd import save_recording

        viewer = self._viewer
        path = Path.cwd() / _safe_name(self.name.value, "recording.rrd")
        kwargs = {}
        if self.scope.value == SCOPE_TO_NOW and viewer.timeline:
            kwargs = {"timeline": viewer.timeline, "time_range": (viewer.time_min, viewer.time)}
        try:
            size = save_recording(viewer.recording, path, **kwargs)
        except Exception as exc:  # noqa: BLE001 - report any failure (disk full, permissions) in the widget
            self.status.value = f"<span style='color:#c33'>could not save {html.escape(str(path))}: " \
                                f"{html.escape(str(exc))}</span>"
            return None
        size = path.stat().st_size if size is None else size
        text = f"saved {html.escape(path.name)} ({size / 1e6:.2f} MB) in {html.escape(str(path.parent))}"
        if size <= DOWNLOAD_LIMIT_BYTES:
            data = base64.b64encode(path.read_bytes()).decode()
            text += (f" · <a download='{html.escape(path.name)}' "
                     f"href='data:application/octet-stream;base64,{data}'>download</a>")
        self.status.value = text
        return path
