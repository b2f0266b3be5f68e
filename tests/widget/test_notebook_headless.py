"""Headless execution (nbclient, as nbconvert --execute): the saved outputs hold PNG snapshots."""

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

CELLS = [
    "import rerun_nb as rr\nfrom examples.dna import log_dna\nrr.init('rerun_example_dna_abacus')",
    "rr.notebook_show(width=320, height=240)",  # shown before any data: an empty scene at first
    "log_dna(steps=100)",  # the snapshot above is refreshed after this cell
    "viewer = rr.Viewer(width=200, height=150)\nviewer",
    "frame = viewer.render()\nprint('frame', frame.shape, frame.dtype, round(float(frame.std()), 1))",
]


def _pngs(cell) -> list[np.ndarray]:
    from PIL import Image

    out = []
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        if "image/png" in data:
            out.append(np.asarray(Image.open(io.BytesIO(base64.b64decode(data["image/png"])))))
    return out


def test_headless_notebook_keeps_snapshots_of_the_last_frame(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in CELLS])
    env_path = os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])
    os.environ["PYTHONPATH"] = env_path  # the kernel imports this checkout's rerun_nb
    client = nbclient.NotebookClient(nb, kernel_name="python3", timeout=120,
                                     resources={"metadata": {"path": str(ROOT)}})
    client.execute()
    show_pngs = _pngs(nb.cells[1])
    assert len(show_pngs) == 1, [o.get("output_type") for o in nb.cells[1].outputs]
    dna = show_pngs[0]
    assert dna.shape == (240, 320, 3)
    assert dna.std() > 5  # the DNA logged in the next cell, not the empty first frame
    widget_pngs = _pngs(nb.cells[3])
    assert len(widget_pngs) == 1 and widget_pngs[0].shape == (150, 200, 3) and widget_pngs[0].std() > 5
    text = "".join(o.get("text", "") for o in nb.cells[4].outputs)
    assert "frame (150, 200, 4) uint8" in text


STEP_CELLS = [
    "import rerun_nb as rr\nfrom examples.dna import log_dna\nrr.init('steps')\nlog_dna(steps=1)",
    "rr.notebook_show(width=320, height=240)",
    "rr.set_time('stable_time', duration=1.0)\nrr.log('dna/structure', rr.Transform3D(scale=0.5))",
    "rr.notebook_show(width=320, height=240)",
    "rr.set_time('stable_time', duration=2.0)\nrr.log('dna/structure', rr.Transform3D(scale=0.1))",
]


def test_each_step_keeps_its_own_snapshot(tmp_path):
    """A viewer's saved snapshot follows the recording until a newer viewer of it is shown."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in STEP_CELLS])
    os.environ["PYTHONPATH"] = os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])
    client = nbclient.NotebookClient(nb, kernel_name="python3", timeout=120,
                                     resources={"metadata": {"path": str(ROOT)}})
    client.execute()
    (first,) = _pngs(nb.cells[1])
    (second,) = _pngs(nb.cells[3])
    # The first viewer froze at the half-size step; the second shows the tenth-size step.
    assert np.abs(first.astype(float) - second.astype(float)).mean() > 1
    assert (first.std() > second.std())  # the bigger helix covers more of the frame
