"""marimo: a headless `marimo run` of a small app that shows a Rerun-style `Viewer`, opened in Chromium.

marimo runs anywidget models but not ipywidgets / jupyter_rfb, so the live viewer cannot run there; the
Viewer shows a note saying so and a pre-rendered snapshot (an anywidget) whose slider scrubs in the page.
This test checks that honest fallback: the note, a non-blank picture, and the picture changing with the slider.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import numpy as np
import pytest
from _browser_harness import png_array

pytest.importorskip("marimo")
REPO = Path(__file__).resolve().parents[2]

APP = f'''
import marimo

app = marimo.App()


@app.cell
def _():
    import sys
    sys.path.insert(0, {str(REPO / "examples")!r})
    import rerun_nb as rr
    from rerun_nb.notebook import Viewer
    from dna import log_dna
    rec = rr.RecordingStream("rerun_example_dna_abacus", recording_id="marimo")
    log_dna(rec, steps=100)
    viewer = Viewer(recording=rec, width=320, height=240)
    viewer
    return
'''


def test_marimo_app_shows_a_scrubbable_snapshot_of_the_viewer(browser, tmp_path, artifacts, e2e_report):
    (tmp_path / "app.py").write_text(APP)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
               XDG_RUNTIME_DIR=os.environ.get("XDG_RUNTIME_DIR", "/tmp"), RENDERCANVAS_FORCE_OFFSCREEN="1")
    log = open(tmp_path / "marimo.log", "w")  # noqa: SIM115 (lives as long as the server)
    server = subprocess.Popen([sys.executable, "-m", "marimo", "run", "app.py", "--headless", "--host",
                               "127.0.0.1", "--port", str(port), "--no-token"], cwd=tmp_path, env=env,
                              stdout=log, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(url, timeout=2)
                break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, (tmp_path / "marimo.log").read_text()
                time.sleep(0.3)
        page = browser.new_page(viewport={"width": 1000, "height": 800})
        t0 = time.perf_counter()
        page.goto(url)
        image = page.locator(".rerun-nb-snapshot-img")  # inside the anywidget's shadow root: locators pierce it
        image.wait_for(timeout=180_000)
        slider = page.locator(".rerun-nb-snapshot input[type=range]")
        e2e_report["marimo_run"] = {"page_to_snapshot_s": round(time.perf_counter() - t0, 2)}
        assert "marimo has no ipywidgets" in page.inner_text("body")
        first_src = image.get_attribute("src")
        first = png_array(image.screenshot())
        assert first.std() > 10, "the snapshot looks blank"
        slider.focus()
        for _ in range(15):
            page.keyboard.press("ArrowRight")
        assert slider.input_value() == "15"
        page.wait_for_function("([img, src]) => img.src !== src", arg=[image.element_handle(), first_src])
        assert np.abs(png_array(image.screenshot()) - first).mean() > 1.0
        page.screenshot(path=str(artifacts / "marimo_snapshot.png"))
        assert "Traceback" not in (tmp_path / "marimo.log").read_text()
        page.close()
    finally:
        server.terminate()
        server.wait(15)
