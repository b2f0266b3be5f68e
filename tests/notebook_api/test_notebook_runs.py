"""A notebook written from Rerun 0.41's documented notebook API (Viewer, set_default_size, blueprint, on_event,
set_time_ctrl, update_panels, add_recording, set_active_recording, send_table, notebook_show) runs unchanged
under nbclient, headless, and its outputs show the events and snapshots."""

from __future__ import annotations

import base64
import io
import os
from pathlib import Path

import numpy as np
import pytest

nbclient = pytest.importorskip("nbclient")
nbformat = pytest.importorskip("nbformat")

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = Path(__file__).with_name("rerun_notebook_api.ipynb")


def _text(cell) -> str:
    return "".join(o.get("text", "") for o in cell.get("outputs", []))


def _pngs(cell) -> list[np.ndarray]:
    from PIL import Image

    return [np.asarray(Image.open(io.BytesIO(base64.b64decode(o["data"]["image/png"]))))
            for o in cell.get("outputs", []) if "image/png" in o.get("data", {})]


def test_rerun_style_notebook_runs_unchanged(monkeypatch):
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    monkeypatch.setenv("RERUN_STRICT", "1")
    monkeypatch.setenv("XDG_RUNTIME_DIR", os.environ.get("XDG_RUNTIME_DIR", "/tmp"))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(nb, kernel_name="python3", timeout=240, allow_errors=True,
                            resources={"metadata": {"path": str(ROOT)}}).execute()
    errors = [f"cell {i}: {o['ename']}: {o['evalue']}" for i, c in enumerate(nb.cells)
              for o in c.get("outputs", []) if o["output_type"] == "error"]
    assert not errors, errors
    code = [c for c in nb.cells if c.cell_type == "code"]
    (shown,) = _pngs(code[2])  # viewer.display(): the snapshot at set_default_size's size, not blank
    assert shown.shape[:2] == (320, 480) and shown.std() > 5
    assert "TimeUpdateEvent time_update 10.0" in _text(code[4])
    assert "PlayEvent play" in _text(code[5]) and "PauseEvent pause" in _text(code[5])
    summary = _text(code[8])
    assert "recordings: 2" in summary
    assert "'time_update'" in summary and "'play'" in summary and "'pause'" in summary
    (small,) = _pngs(code[9])
    assert small.shape[:2] == (240, 320) and small.std() > 5


def test_import_rerun_nb_notebook_loads_no_widget_library():
    import subprocess
    import sys

    code = ("import sys, rerun_nb, rerun_nb.notebook as n; n.set_default_size(width=1, height=1); "
            "from rerun_nb.notebook import PlayEvent, set_default_size; "
            "print(sorted(m for m in ('ipywidgets', 'anywidget', 'pygfx', 'wgpu', 'jupyter_rfb') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr
