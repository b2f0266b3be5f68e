"""Browser end-to-end check of rerun_nb's inline viewer in JupyterLab (adapted from
/work/shared/recipes/browser_e2e_example.py): the DNA tutorial's viewer shows a first frame, the
timeline slider changes the frame, and a mouse drag orbits the camera.

Run:  XDG_RUNTIME_DIR=/tmp python tests/widget/browser_e2e.py [--shot out.png]
Needs /usr/bin/chromium and, in the venv, jupyterlab ipykernel playwright (no `playwright install`).
Prints one JSON line, then exits 0 when every check passed.
"""

import argparse
import io
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import nbformat
import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
CELL1 = """
import sys
sys.path.insert(0, ROOT_DIR)
import rerun_nb as rr
from examples.dna import log_dna
rr.init("rerun_example_dna_abacus")
log_dna()
import os
if os.environ.get("RNB_E2E_DEBUG"):
    import time as _t
    from jupyter_rfb import RemoteFrameBuffer as _R
    _orig = _R._rfb_maybe_draw
    def _dbg(self):
        with open("/tmp/rfb_debug.log", "a") as f:
            f.write(f"{_t.time():.3f} maybe_draw req={self._rfb_draw_requested} idx={self._rfb_frame_index} "
                    f"fb={self._frame_feedback.get('index')} vis={self._has_visible_views}\\n")
        return _orig(self)
    _R._rfb_maybe_draw = _dbg
    import threading as _th, asyncio as _aio
    from rerun_nb.widget._viewer import Viewer as _V
    _orig_rd = _V.request_draw
    def _dbg_rd(self):
        try:
            _aio.get_running_loop(); has = True
        except RuntimeError:
            has = False
        with open("/tmp/rfb_debug.log", "a") as f:
            f.write(f"{_t.time():.3f} request_draw thread={_th.current_thread().name} loop={has} "
                    f"req={self.canvas._rfb_draw_requested} time={self.time}\\n")
        return _orig_rd(self)
    _V.request_draw = _dbg_rd
viewer = rr.Viewer()
viewer.display()
"""
CELL1 = CELL1.replace("ROOT_DIR", repr(str(ROOT)))
# Logs while the cell runs until the live poller has pushed at least 2 frames (and for at least 3 s), however
# slow this machine renders: the check is that frames reach the page during a running cell, not how many per second.
# The frame counter is jupyter_rfb's own (`_rfb_frame_index`; the viewer relies on it too, see widget/_live.py).
CELL2 = """
import time
start_index, t0, i = viewer.canvas._rfb_frame_index, time.monotonic(), 0
rr.set_time("stable_time", duration=5.0)
while time.monotonic() - t0 < 120:
    sent = viewer.canvas._rfb_frame_index - start_index
    if sent >= 2 and time.monotonic() - t0 > 3:
        break
    rr.log("dna/live", rr.Points3D([[0, 0, (i % 30) * 0.2]], radii=0.4, colors=[255, 0, 0]))
    i += 1
    time.sleep(0.1)
print(f"live frames sent: {sent}")
""".strip()


def make_notebook(path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(CELL1.strip()), nbformat.v4.new_code_cell(CELL2)]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    nbformat.write(nb, path)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(root):
    """JupyterLab (which also serves Notebook 7 at /notebooks/) on a free loopback port, with a token."""
    os.makedirs(f"{root}/.cfg/labconfig", exist_ok=True)
    with open(f"{root}/.cfg/labconfig/page_config.json", "w") as f:  # no "Jupyter news?" toast
        json.dump({"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}}, f)
    port, token = free_port(), secrets.token_hex(16)
    env = dict(os.environ, XDG_RUNTIME_DIR="/tmp", JUPYTER_CONFIG_DIR=f"{root}/.cfg",
               JUPYTER_RUNTIME_DIR=f"{root}/.rt", JUPYTERLAB_WORKSPACES_DIR=f"{root}/.ws")
    cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", "--ip=127.0.0.1",
           f"--port={port}", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
           "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    log = open(f"{root}/server.log", "w")  # noqa: SIM115 - lives as long as the server
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=root)
    url, t0 = f"http://127.0.0.1:{port}", time.time()
    while time.time() - t0 < 60 and proc.poll() is None:
        try:
            urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2)
            return proc, url, token, time.time() - t0
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("jupyter server did not start, see " + log.name)


# Runs before any page script. Logs, with in-page timestamps (performance.now(), ms): the toolbar
# kernel indicator's data-status, every src change of jupyter_rfb's <img class="renderview-view">,
# and every pointerdown / click.
INIT_JS = """
window.__srcs = []; window.__downs = []; window.__clicks = []; window.__kstat = [];
new MutationObserver(ms => { for (const m of ms) {
  const el = m.target;
  if (el.tagName === 'IMG' && el.classList.contains('renderview-view'))
    window.__srcs.push({t: performance.now(), src: el.src.slice(0, 30)});
  if (el.classList.contains('jp-Notebook-ExecutionIndicator')) window.__kstat.push(el.dataset.status);
}}).observe(document, {subtree: true, attributes: true, attributeFilter: ['src', 'data-status']});
document.addEventListener('pointerdown', e => window.__downs.push(performance.now()), true);
document.addEventListener('click', e => window.__clicks.push(performance.now()), true);
"""
# The indicator shows data-status="idle" for a moment BEFORE any kernel exists; "Run All" clicked
# then silently does nothing. Ready = it went through a non-idle state and is idle again.
KERNEL_READY_JS = "() => window.__kstat.some(s => s !== 'idle') && window.__kstat.at(-1) === 'idle'"
STARTED_JS = r"() => [...document.querySelectorAll('.jp-InputPrompt')].some(e => /\[(\*|\d+)\]/.test(e.textContent))"
ALL_DONE_JS = r"""() => { const p = [...document.querySelectorAll('.jp-InputPrompt')].map(e => e.textContent);
  return p.length >= 2 && p.every(s => /\[\d+\]/.test(s)); }"""
FRAME_READY_JS = """() => { const i = document.querySelector('img.renderview-view');
  return !!i && i.src.startsWith('blob:') && i.complete && i.naturalWidth > 1; }"""
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def wait_quiet(page, ms=600, timeout=15):
    """Wait until no frame arrived for `ms` (jupyter_rfb sends a JPEG, then a lossless PNG 0.3 s later)."""
    t0 = time.time()
    while time.time() - t0 < timeout:
        if page.evaluate(f"performance.now() - (window.__srcs.at(-1)?.t ?? 0) > {ms}"):
            return
        time.sleep(0.1)


def img_array(locator):
    return np.asarray(Image.open(io.BytesIO(locator.screenshot())).convert("RGB")).astype(np.float32)



def _near_the_middle(label: str) -> bool:
    """The last click was at the middle of the slider's track: the label reads about 2.5 s (of 0..5 s), in
    seconds (the exact value depends on the panel's pixel layout)."""
    value, _, unit = label.strip().partition(" ")
    try:
        return unit == "s" and 2.0 <= float(value) <= 3.0
    except ValueError:
        return False


def browser_run(pw, url, token, shot=None):
    res, errors = {}, []
    browser = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS)
    page = browser.new_page(viewport={"width": 1280, "height": 1100})
    page.on("pageerror", lambda e: errors.append(str(e)[:200]))
    page.add_init_script(INIT_JS)
    try:
        page.goto(f"{url}/lab/tree/e2e.ipynb?token={token}&reset")
        page.wait_for_function(KERNEL_READY_JS, timeout=90_000, polling=50)
        for _ in range(3):
            page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
            page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
            t_click = page.evaluate("window.__clicks.at(-1)")
            try:
                page.wait_for_function(STARTED_JS, timeout=20_000, polling=50)
                break
            except Exception:  # noqa: BLE001, S112 - "Run All" clicked too early: click again
                continue
        page.wait_for_function(FRAME_READY_JS, timeout=120_000, polling=50)
        first = page.evaluate("window.__srcs.find(s => s.src.startsWith('blob:')).t")
        res["run_all_to_first_frame_s"] = round((first - t_click) / 1000, 2)
        page.wait_for_function(ALL_DONE_JS, timeout=120_000)
        # Cell 2 logs until the kernel pushed >= 2 live frames (the first frame is one of them when it is pushed
        # during the running cell); each must have reached the page.
        wait_quiet(page)
        out = page.locator(".jp-OutputArea-output", has_text="live frames sent").first.inner_text()
        res["live_frames_sent"] = int(out.rsplit(":", 1)[1])
        res["live_frames_during_cell"] = page.evaluate(
            f"window.__srcs.filter(s => s.t >= {first} && s.src.startsWith('blob:')).length")
        res["frames_rel_ms"] = page.evaluate(f"window.__srcs.map(s => Math.round(s.t - {first}))")[:30]
        wait_quiet(page)
        img = page.locator("img.renderview-view").first
        a = img_array(img)
        res["frame1_std"] = round(float(a.std()), 1)
        if shot:
            page.screenshot(path=shot.replace(".png", "_first.png"))
        track = page.locator(".widget-slider .noUi-target").first
        track.scroll_into_view_if_needed()
        box = track.bounding_box()
        lat = []
        for frac in (0.1, 0.3, 0.5):
            n = page.evaluate("window.__srcs.length")
            page.mouse.click(box["x"] + box["width"] * frac, box["y"] + box["height"] / 2)
            page.wait_for_function(f"window.__srcs.length > {n}", timeout=30_000, polling=20)
            lat.append(round(page.evaluate(f"window.__srcs[{n}].t - window.__downs.at(-1)"), 1))
            wait_quiet(page, 400)
        res["slider_to_frame_ms"] = lat
        # the current time: the last label of the slider's row (the panel also labels the range's two ends)
        res["time_label"] = page.locator(".widget-hbox:has(.widget-slider)").last.evaluate(
            "r => [...r.querySelectorAll('.widget-label')].map(e => e.innerText.trim()).filter(t => t).at(-1)")
        b = img_array(img)
        res["slider_frame_diff"] = round(float(np.abs(a - b).mean()), 2)
        ib = img.bounding_box()
        cx, cy = ib["x"] + ib["width"] / 2, ib["y"] + ib["height"] / 2
        n = page.evaluate("window.__srcs.length")
        page.mouse.move(cx, cy)
        page.mouse.down()
        page.mouse.move(cx + 120, cy + 10, steps=8)
        page.mouse.up()
        page.wait_for_function(f"window.__srcs.length > {n}", timeout=30_000, polling=20)
        wait_quiet(page, 500)
        c = img_array(img)
        res["orbit_frame_diff"] = round(float(np.abs(b - c).mean()), 2)
        res["frames_seen"], res["page_errors"] = page.evaluate("window.__srcs.length"), errors[:3]
        if shot:
            page.screenshot(path=shot)
        res["ok"] = (res["frame1_std"] > 5 and res["live_frames_sent"] >= 2
                     and res["live_frames_during_cell"] >= res["live_frames_sent"] and res["slider_frame_diff"] > 0.3 and res["orbit_frame_diff"] > 0.3
                     and _near_the_middle(res["time_label"]))
        return res
    except Exception:
        page.screenshot(path="/tmp/e2e_fail_rerun_nb.png")
        print(json.dumps({"kstat": page.evaluate("window.__kstat"), "errors": errors[:3], "partial": res,
                          "srcs": page.evaluate("window.__srcs.map(s => [Math.round(s.t), s.src.slice(0, 12)])"),
                          "downs": page.evaluate("window.__downs.map(Math.round)")}), file=sys.stderr)
        raise
    finally:
        browser.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shot", default=None, help="PNG path for the page after the interactions")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="rnb-e2e-") as root:
        make_notebook(f"{root}/e2e.ipynb")
        proc, url, token, t_srv = start_server(root)
        try:
            with sync_playwright() as pw:
                res = browser_run(pw, url, token, args.shot)
        finally:
            proc.terminate()
            proc.wait(15)
    res["server_start_s"] = round(t_srv, 2)
    print(json.dumps(res, default=str))
    return 0 if res["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
