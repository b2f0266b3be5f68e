"""Browser check of rerun_nb.notebook.Viewer's events from the page (JupyterLab + headless Chromium): a user
clicking the timeline slider, pressing play / pause and picking an entity in the selection panel reaches the
kernel's `on_event` callback as TimeUpdateEvent, PlayEvent, PauseEvent and SelectionChangeEvent.

Run:  XDG_RUNTIME_DIR=/tmp python tests/notebook_api/browser_events.py
Reuses tests/widget/browser_e2e.py's server and page helpers. Prints one JSON line, exits 0 when all arrived.
"""

import json
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.widget.browser_e2e import (
    CHROMIUM_ARGS,
    FRAME_READY_JS,
    INIT_JS,
    KERNEL_READY_JS,
    STARTED_JS,
    start_server,
)

CELL = """
import sys
sys.path.insert(0, ROOT_DIR)
import numpy as np
import rerun_nb as rr
from rerun_nb.notebook import Viewer
rr.init("rerun_example_events")
for t in range(21):
    rr.set_time("frame", sequence=t)
    rr.log("points", rr.Points3D(np.random.default_rng(t).uniform(-1, 1, (20, 3)), radii=0.05))

def on_event(event):
    with open(EVENTS_PATH, "a") as f:
        f.write(f"{type(event).__name__} {getattr(event, 'time', '')} {getattr(event, 'items', '')}\\n")

viewer = Viewer(width=480, height=320)
viewer.on_event(on_event)
viewer.display()
"""


def wait_for_lines(path: Path, prefix: str, timeout: float = 30) -> list[str]:
    t0 = time.time()
    while time.time() - t0 < timeout:
        lines = path.read_text().splitlines() if path.exists() else []
        found = [line for line in lines if line.startswith(prefix)]
        if found:
            return found
        time.sleep(0.2)
    return []


def browser_run(pw, url, token, events: Path) -> dict:
    res, errors = {}, []
    browser = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS)
    page = browser.new_page(viewport={"width": 1280, "height": 1100})
    page.on("pageerror", lambda e: errors.append(str(e)[:200]))
    page.add_init_script(INIT_JS)
    try:
        page.goto(f"{url}/lab/tree/events.ipynb?token={token}&reset")
        page.wait_for_function(KERNEL_READY_JS, timeout=90_000, polling=50)
        for _ in range(3):
            page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
            page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
            try:
                page.wait_for_function(STARTED_JS, timeout=20_000, polling=50)
                break
            except Exception:  # noqa: BLE001, S112 - "Run All" clicked too early: click again
                continue
        page.wait_for_function(FRAME_READY_JS, timeout=120_000, polling=50)
        events.write_text("")  # from here on, only what the page does
        track = page.locator(".widget-slider .noUi-target").first
        track.scroll_into_view_if_needed()
        box = track.bounding_box()
        page.mouse.click(box["x"] + box["width"] * 0.5, box["y"] + box["height"] / 2)
        res["time_update"] = wait_for_lines(events, "TimeUpdateEvent")[-1:]
        page.locator("button[title='play / pause']").first.click()
        res["play"] = wait_for_lines(events, "PlayEvent")[-1:]
        page.locator("button[title='play / pause']").first.click()
        res["pause"] = wait_for_lines(events, "PauseEvent")[-1:]
        page.locator(".widget-dropdown:has(label:text-is('selection')) select").first.select_option("/points")
        res["selection"] = wait_for_lines(events, "SelectionChangeEvent")[-1:]
        res["page_errors"] = errors[:3]
        res["ok"] = all(res[k] for k in ("time_update", "play", "pause", "selection")) and \
            "/points" in res["selection"][0]
        return res
    except Exception:
        page.screenshot(path="/tmp/e2e_fail_notebook_events.png")
        print(json.dumps({"errors": errors[:3], "partial": res}), file=sys.stderr)
        raise
    finally:
        browser.close()


def main() -> int:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="rnb-events-") as root:
        events = Path(root) / "events.txt"
        nb = nbformat.v4.new_notebook()
        cell = CELL.replace("ROOT_DIR", repr(str(ROOT))).replace("EVENTS_PATH", repr(str(events)))
        nb.cells = [nbformat.v4.new_code_cell(cell.strip())]
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
        nbformat.write(nb, f"{root}/events.ipynb")
        proc, url, token, _t = start_server(root)
        try:
            with sync_playwright() as pw:
                res = browser_run(pw, url, token, events)
        finally:
            proc.terminate()
            proc.wait(15)
    print(json.dumps(res, default=str))
    return 0 if res["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
