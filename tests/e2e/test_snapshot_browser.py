"""`viewer.snapshot(frames=N)` scrubs with no kernel at all: a notebook run and exported with
`jupyter nbconvert --execute --to html`, the HTML opened from disk in headless Chromium, the slider moved
with the keyboard as a user would: the picture changes, and each position shows its own frame."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import nbformat
from _browser_harness import png_array

REPO = Path(__file__).resolve().parents[2]

CELLS = [
    "import sys; sys.path.insert(0, %r)\n"
    "import rerun_nb as rr\n"
    "from rerun_nb.notebook import Viewer\n"
    "from dna import log_dna\n"
    "rr.init('rerun_example_dna_abacus')\n"
    "log_dna(steps=400)" % str(REPO / "examples"),
    "viewer = Viewer(width=640, height=480)\n"
    "snap = viewer.snapshot(frames=60, progress=False)\n"
    "print('snapshot bytes', snap.nbytes)\n"
    "snap",
]


def _export(tmp_path: Path) -> Path:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in CELLS])
    source = tmp_path / "snapshot.ipynb"
    nbformat.write(nb, source)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
               XDG_RUNTIME_DIR=os.environ.get("XDG_RUNTIME_DIR", "/tmp"), RENDERCANVAS_FORCE_OFFSCREEN="1")
    subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--execute", "--to", "html",
                    "--ExecutePreprocessor.timeout=300", str(source)], check=True, env=env, cwd=tmp_path,
                   capture_output=True)
    return tmp_path / "snapshot.html"


def test_exported_snapshot_scrubs_without_a_kernel(browser, tmp_path, e2e_report):
    html_path = _export(tmp_path)  # nbconvert's kernel is gone once this returns
    size = html_path.stat().st_size
    page = browser.new_page(viewport={"width": 1000, "height": 900})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(html_path.as_uri())
    slider = page.locator(".rerun-nb-snapshot input[type=range]")
    image = page.locator(".rerun-nb-snapshot img")
    label = page.locator(".rerun-nb-snapshot span")
    assert slider.count() == 1 and slider.get_attribute("max") == "59"
    image.scroll_into_view_if_needed()
    first_src, first_label = image.get_attribute("src"), label.text_content()
    first = png_array(image.screenshot())
    assert first.std() > 5  # a picture, not a blank box
    slider.focus()
    t0 = time.perf_counter()
    for _ in range(30):  # the keyboard moves an <input type=range> one step per press, firing "input"
        page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('.rerun-nb-snapshot input').value === '30'")
    scrub_s = time.perf_counter() - t0
    assert image.get_attribute("src") != first_src
    assert label.text_content() != first_label and label.text_content().startswith("stable_time 2.0")
    middle = png_array(image.screenshot())
    assert np.abs(middle - first).mean() > 1.0  # the picture changed
    page.keyboard.press("Home")  # back to the start: the first frame again
    page.wait_for_function("() => document.querySelector('.rerun-nb-snapshot input').value === '0'")
    assert image.get_attribute("src") == first_src
    assert np.abs(png_array(image.screenshot()) - first).mean() < 0.5
    assert not errors, errors
    e2e_report["snapshot_nbconvert_html"] = {"html_bytes": size, "30_key_presses_s": round(scrub_s, 3)}
    page.close()
