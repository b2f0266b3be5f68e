"""Every notebook in notebooks/ runs top to bottom, headless (nbclient), with no error output, and leaves
a rendered snapshot of its viewer in its outputs (so that it reads on GitHub / nbviewer without a kernel).

The kernel runs in strict mode (a bad log call raises instead of warning), imports this checkout's
rerun_nb (PYTHONPATH), and the executed notebooks plus their snapshots are kept in
tests/artifacts/notebooks/ for a person to look at.
"""

from __future__ import annotations

import base64
import io
import os
import re
from pathlib import Path

import nbformat
import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
ARTIFACTS = REPO / "tests" / "artifacts" / "notebooks"
_DATA_URL = re.compile(r"data:image/(?:image/)?(png|jpeg);base64,([A-Za-z0-9+/=]+)")


def snapshot_images(cell) -> list[bytes]:
    """The encoded images a cell's outputs hold: image/png, image/jpeg, or <img src="data:..."> in text/html."""
    images = []
    for out in cell.get("outputs", []):
        data = out.get("data", {})
        for mime in ("image/png", "image/jpeg"):
            if mime in data:
                images.append(base64.b64decode(data[mime]))
        images += [base64.b64decode(m.group(2)) for m in _DATA_URL.finditer(data.get("text/html", ""))]
    return images


def problems(nb) -> list[str]:
    """Error outputs and stderr text, with the cell they came from."""
    found = []
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out["output_type"] == "error":
                found.append(f"cell {i}: {out['ename']}: {out['evalue']}")
            elif out["output_type"] == "stream" and out["name"] == "stderr":
                found.append(f"cell {i} stderr: {out['text'][:500]}")
    return found


@pytest.fixture(scope="module", autouse=True)
def kernel_env():
    """Kernels inherit this process's environment: strict mode, this checkout's rerun_nb, quiet Mesa."""
    saved = dict(os.environ)
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH")) if p)
    os.environ.update(RERUN_STRICT="1", RERUN_NB_STRICT="1")
    os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp")
    yield
    os.environ.clear()
    os.environ.update(saved)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs_and_leaves_a_snapshot(path, tmp_path):
    from nbclient import NotebookClient
    from PIL import Image

    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, ARTIFACTS / path.name)

    assert not problems(nb), "\n".join(problems(nb))

    snapshots = [(i, png) for i, cell in enumerate(nb.cells) for png in snapshot_images(cell)]
    assert snapshots, f"{path.name}: no cell output holds a snapshot image of the viewer"
    stds = []
    for k, (i, data) in enumerate(snapshots):
        img = Image.open(io.BytesIO(data)).convert("RGB")
        img.save(ARTIFACTS / f"{path.stem}_cell{i:02d}_{k}.png")
        stds.append(float(np.asarray(img, np.float32).std()))
    # The last snapshot shows the finished scene: it must not be blank (a one-color image has std 0).
    assert stds[-1] > 5, f"{path.name}: the last snapshot looks blank (pixel std {stds[-1]:.1f})"


def test_every_notebook_is_tested():
    """The issue names these; each is picked up by the parametrized test above."""
    names = {p.name for p in NOTEBOOKS}
    for name in ("dna.ipynb", "quickstart.ipynb", "timelines_latest_at.ipynb", "transform_hierarchy.ipynb"):
        assert name in names
