"""The timeline panel at a 1280 px wide page (JupyterLab, headless Chromium): with the longest labels (a
``log_time`` timestamp timeline) no label or button is clipped or pushed out of the output. Screenshot:
tests/artifacts/e2e/timeline_panel_1280.png."""

from __future__ import annotations

import nbformat
from _browser_harness import NotebookPage

NOTEBOOK = "timeline_panel_e2e.ipynb"
CODE = """
import time
import numpy as np
import rerun_nb as rr
rr.init("rerun_example_timeline_panel")
for i in range(5):
    rr.log("points", rr.Points3D(np.random.default_rng(i).normal(size=(20, 3))))
    time.sleep(0.05)
rr.notebook_show()
"""

# every control of the panel: its box, whether its text overflows, and the panel's own box
MEASURE_JS = """() => {
  const label = document.querySelector('.rnb-time-label');
  const box = label.closest('.widget-hbox');
  const out = box.getBoundingClientRect();
  const kids = [...box.children].map(el => { const r = el.getBoundingClientRect(); return {
    cls: el.className, text: (el.innerText || el.value || '').trim().slice(0, 40), left: r.left, right: r.right,
    top: r.top, overflow: el.scrollWidth - el.clientWidth, visible: r.width > 0}; });
  const texts = [...box.querySelectorAll('.rnb-time-label, .rnb-range-label')].map(el => ({
    text: el.innerText, overflow: el.scrollWidth - el.clientWidth}));
  return {panel: {left: out.left, right: out.right, width: out.width}, kids, texts};
}"""


def test_timeline_panel_fits_1280(jupyter_server, browser, artifacts, e2e_report):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(CODE)]
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    nbformat.write(nb, jupyter_server.root / NOTEBOOK)
    nbp = NotebookPage.open(browser, jupyter_server, "lab", NOTEBOOK)
    try:
        nbp.run_all()
        nbp.wait_first_frame(timeout_s=180)
        nbp.wait_all_done()
        assert not nbp.error_outputs(), nbp.error_outputs()
        page = nbp.page
        page.wait_for_function("() => document.querySelector('.rnb-time-label')?.innerText.length > 10")
        label = page.locator(".rnb-time-label").first
        label.scroll_into_view_if_needed()
        panel = page.locator(".widget-hbox:has(.rnb-time-label)").first
        panel.screenshot(path=str(artifacts / "timeline_panel_1280.png"))
        m = page.evaluate(MEASURE_JS)
        e2e_report["timeline_panel_1280"] = m
        for t in m["texts"]:
            assert t["overflow"] <= 1, f"label clipped: {t}"
        rows = {round(k["top"]) for k in m["kids"]}
        assert len(rows) == 1, f"the panel wrapped onto {len(rows)} rows at this width: {m}"
        for k in m["kids"]:
            assert k["visible"] and k["right"] <= m["panel"]["right"] + 1, f"control outside the panel: {k} {m['panel']}"
            assert k["overflow"] <= 1 or "slider" in k["cls"], f"control clipped: {k}"
    finally:
        nbp.page.close()
