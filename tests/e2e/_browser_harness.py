"""Drive JupyterLab / Notebook 7 in Debian's headless Chromium with Playwright, as a user would.

Developer notes (see ../shared/recipes/browser-e2e.md for the measurements behind each choice):

- The server is JupyterLab on 127.0.0.1, a free port and a random token, with its config, runtime and
  workspace dirs inside a temp root that holds *copies* of the notebooks (autosave must never write
  executed outputs into the repository). It serves Notebook 7 too, at ``/notebooks/<file>``.
- The kernel inherits ``PYTHONPATH=<repo root>`` so it imports this checkout's ``rerun_nb`` even when
  the venv has no editable install, and ``XDG_RUNTIME_DIR`` so Mesa stays quiet.
- An init script (``INIT_JS``) records, with in-page timestamps, every ``src`` change of jupyter_rfb's
  ``img.renderview-view`` (a new ``blob:`` URL per frame; each img gets a ``data-e2e-id``), every
  ``data-status`` of the kernel indicator, and pointer-downs. Latencies are measured in the page, so
  Playwright's round trips don't count.
- The kernel indicator reads ``idle`` for a moment *before* a kernel exists; "Run All" clicked then does
  nothing. Ready = it went through a non-idle state and is idle again.
- jupyter_rfb draws only while a view is visible (IntersectionObserver): scroll the view into the viewport.
- Each change sends a JPEG, then a lossless PNG 0.3 s later: wait until frames stop before comparing pixels.
"""

from __future__ import annotations

import io
import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

CHROMIUM = os.environ.get("RERUN_NB_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# Notebook 7 always logs these two harmless errors on load.
KNOWN_PAGE_ERRORS = ("reading 'schema'", "filebrowser:open-path")

INIT_JS = """
window.__srcs = []; window.__downs = []; window.__kstat = []; window.__nextImg = 0;
new MutationObserver(ms => { for (const m of ms) {
  const el = m.target;
  if (el.tagName === 'IMG' && el.classList.contains('renderview-view')) {
    if (!el.dataset.e2eId) el.dataset.e2eId = String(window.__nextImg++);
    window.__srcs.push({t: performance.now(), id: el.dataset.e2eId, src: el.src.slice(0, 30)});
  }
  if (el.classList.contains('jp-Notebook-ExecutionIndicator')) window.__kstat.push(el.dataset.status);
}}).observe(document, {subtree: true, attributes: true, attributeFilter: ['src', 'data-status']});
document.addEventListener('pointerdown', e => window.__downs.push(performance.now()), true);
"""
KERNEL_READY_JS = "() => window.__kstat.some(s => s !== 'idle') && window.__kstat.at(-1) === 'idle'"
STARTED_JS = (r"() => [...document.querySelectorAll('.jp-InputPrompt')]"
              r".some(e => /\[(\*|\d+)\]/.test(e.textContent))")
ALL_DONE_JS = r"""() => { const p = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
  .map(e => e.textContent); return p.length > 0 && p.every(s => /\[\d+\]/.test(s)); }"""
# A frame counts once it is a decoded blob: image (before any frame, src is a 1x1 grey data: PNG).
BLOB_FRAMES_JS = "(id) => window.__srcs.filter(s => s.src.startsWith('blob:') && (id === null || s.id === id))"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class JupyterServer:
    """A JupyterLab server (also serving Notebook 7) on a free loopback port."""

    root: Path
    repo: Path
    proc: subprocess.Popen | None = None
    url: str = ""
    token: str = ""
    start_s: float = 0.0

    def start(self, timeout_s: float = 60) -> JupyterServer:
        cfg = self.root / ".cfg"
        (cfg / "labconfig").mkdir(parents=True, exist_ok=True)
        (cfg / "labconfig" / "page_config.json").write_text(  # no "Jupyter news?" toast
            json.dumps({"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}}))
        port, self.token = free_port(), secrets.token_hex(16)
        pythonpath = os.pathsep.join(p for p in (str(self.repo), os.environ.get("PYTHONPATH", "")) if p)
        env = dict(os.environ, XDG_RUNTIME_DIR=os.environ.get("XDG_RUNTIME_DIR", "/tmp"),
                   JUPYTER_CONFIG_DIR=str(cfg), JUPYTER_RUNTIME_DIR=str(self.root / ".rt"),
                   JUPYTERLAB_WORKSPACES_DIR=str(self.root / ".ws"), PYTHONPATH=pythonpath)
        cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", "--ip=127.0.0.1",
               f"--port={port}", f"--IdentityProvider.token={self.token}", f"--ServerApp.root_dir={self.root}",
               "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
        self.log_path = self.root / "server.log"
        log = open(self.log_path, "w")  # noqa: SIM115 (lives as long as the server)
        t0 = time.perf_counter()
        self.proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=self.root)
        self.url = f"http://127.0.0.1:{port}"
        while time.perf_counter() - t0 < timeout_s and self.proc.poll() is None:
            try:
                urllib.request.urlopen(f"{self.url}/api/status?token={self.token}", timeout=2)
                self.start_s = time.perf_counter() - t0
                return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"jupyter server did not start in {timeout_s} s; see {self.log_path}:\n"
                           + self.log_path.read_text()[-3000:])

    def page_url(self, ui: str, name: str) -> str:
        prefix = {"lab": "lab/tree", "notebook": "notebooks"}[ui]
        return f"{self.url}/{prefix}/{name}?token={self.token}&reset"

    def delete_sessions(self) -> None:
        """Shut down every kernel session, so that the next page gets a fresh kernel."""
        with urllib.request.urlopen(f"{self.url}/api/sessions?token={self.token}") as r:
            sessions = json.load(r)
        for s in sessions:
            urllib.request.urlopen(urllib.request.Request(
                f"{self.url}/api/sessions/{s['id']}?token={self.token}", method="DELETE"))

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)


def png_array(png: bytes) -> np.ndarray:
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(np.float32)


@dataclass
class NotebookPage:
    """One notebook opened in one UI, with helpers that act as a user and measure in the page."""

    page: object
    ui: str
    errors: list = field(default_factory=list)
    timings: dict = field(default_factory=dict)

    @classmethod
    def open(cls, browser, server: JupyterServer, ui: str, name: str) -> NotebookPage:
        page = browser.new_page(viewport={"width": 1280, "height": 1100})
        self = cls(page, ui)
        page.on("pageerror", lambda e: self.errors.append(str(e)[:300]))
        page.add_init_script(INIT_JS)
        t = time.perf_counter()
        page.goto(server.page_url(ui, name))
        page.wait_for_function(KERNEL_READY_JS, timeout=90_000, polling=50)
        self.timings["page_to_kernel_idle_s"] = round(time.perf_counter() - t, 2)
        return self

    def unexpected_errors(self) -> list[str]:
        return [e for e in self.errors if not any(k in e for k in KNOWN_PAGE_ERRORS)]

    def run_all(self) -> float:
        """Run > Run All Cells through the menu bar; returns the in-page time of the click (ms)."""
        page = self.page
        for attempt in range(3):  # a second safeguard against a kernel that was not really ready
            page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
            page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
            t_click = page.evaluate("window.__downs.at(-1)")
            try:
                page.wait_for_function(STARTED_JS, timeout=20_000, polling=50)
                break
            except Exception:
                if attempt == 2:
                    raise
        self.timings["run_all_retries"] = attempt
        self.t_run_all = t_click
        return t_click

    def wait_all_done(self, timeout_s: float = 300) -> None:
        t = time.perf_counter()
        self.page.wait_for_function(ALL_DONE_JS, timeout=timeout_s * 1000, polling=200)
        self.timings["wait_all_done_s"] = round(time.perf_counter() - t, 2)

    def blob_frames(self, img_id: str | None = None) -> list[dict]:
        return self.page.evaluate(BLOB_FRAMES_JS, img_id)

    def wait_first_frame(self, timeout_s: float = 180) -> float:
        """Seconds from the Run All click to the first frame of any viewer."""
        self.page.wait_for_function(f"() => ({BLOB_FRAMES_JS})(null).length > 0",
                                    timeout=timeout_s * 1000, polling=50)
        first = self.blob_frames()[0]["t"]
        return round((first - self.t_run_all) / 1000, 2)

    def error_outputs(self) -> list[str]:
        """Text of outputs that hold a Python traceback (error outputs and stderr)."""
        return self.page.evaluate("""() => [...document.querySelectorAll('.jp-OutputArea-output')]
            .map(e => e.innerText).filter(t => /Traceback|Error:/.test(t)).map(t => t.slice(0, 3000))""")

    def viewer(self, index: int = -1) -> ViewerHandle:
        """The index-th output holding a jupyter_rfb view (in document order)."""
        outputs = self.page.locator(".jp-OutputArea-output", has=self.page.locator("img.renderview-view"))
        n = outputs.count()
        assert n > 0, "no viewer (img.renderview-view) in any output"
        return ViewerHandle(self, outputs.nth(index if index >= 0 else n + index))

    def wait_quiet(self, img_id: str | None, quiet_ms: int = 700, timeout_s: float = 20) -> None:
        """Wait until no frame arrived for quiet_ms (a JPEG is followed by a PNG 0.3 s later)."""
        t0 = time.perf_counter()
        js = f"() => performance.now() - (({BLOB_FRAMES_JS})({json.dumps(img_id)}).at(-1)?.t ?? 0) > {quiet_ms}"
        while time.perf_counter() - t0 < timeout_s:
            if self.page.evaluate(js):
                return
            time.sleep(0.1)


@dataclass
class ViewerHandle:
    """One viewer output: the jupyter_rfb image plus the timeline panel (ipywidgets) in the same output."""

    nb: NotebookPage
    root: object  # Locator of the .jp-OutputArea-output

    @property
    def img(self):
        return self.root.locator("img.renderview-view").first

    def img_id(self) -> str | None:
        return self.img.get_attribute("data-e2e-id")

    def show(self) -> None:
        """Scroll the view into the viewport (jupyter_rfb draws only visible views)."""
        self.img.scroll_into_view_if_needed()

    def wait_frame(self, after: int = 0, timeout_s: float = 120) -> int:
        """Wait until this view shows more than `after` decoded blob frames; returns the count."""
        self.nb.page.wait_for_function(
            """([img, after]) => { const id = img.dataset.e2eId;
               return id !== undefined && img.complete && img.naturalWidth > 1 &&
                 window.__srcs.filter(s => s.id === id && s.src.startsWith('blob:')).length > after; }""",
            arg=[self.img.element_handle(), after], timeout=timeout_s * 1000, polling=50)
        return self.n_frames()

    def pixels(self) -> np.ndarray:
        self.nb.wait_quiet(self.img_id())
        return png_array(self.img.screenshot())

    def n_frames(self) -> int:
        return len(self.nb.blob_frames(self.img_id()))

    def click_slider(self, fraction: float, timeout_s: float = 30) -> float:
        """Click the timeline slider's track at `fraction`; returns ms from pointer-down to the next frame."""
        page = self.nb.page
        track = self.root.locator(".widget-slider .noUi-target").first
        track.scroll_into_view_if_needed()
        self.show()
        box = track.bounding_box()
        n = self.n_frames()
        page.mouse.click(box["x"] + box["width"] * fraction, box["y"] + box["height"] / 2)
        self._wait_more_frames(n, timeout_s)
        frames = self.nb.blob_frames(self.img_id())
        return round(frames[n]["t"] - page.evaluate("window.__downs.at(-1)"), 1)

    def slider_readout(self) -> str:
        """The slider's readout, or (rerun_nb's panel hides it) the text of the row holding the slider."""
        readout = self.root.locator(".widget-slider .widget-readout")
        if readout.count() and readout.first.is_visible():
            return readout.first.inner_text().strip()
        row = self.root.locator(".widget-hbox:has(.widget-slider)").last
        return row.evaluate("""r => [...r.querySelectorAll('.widget-label')].map(e => e.innerText.trim())
                                      .filter(t => t).join(' ')""")

    def _wait_more_frames(self, n: int, timeout_s: float) -> None:
        self.nb.page.wait_for_function(
            f"() => ({BLOB_FRAMES_JS})({json.dumps(self.img_id())}).length > {n}",
            timeout=timeout_s * 1000, polling=20)

    def play_button(self):
        """The Play button of the timeline panel (ipywidgets Play, or a button titled/labelled play)."""
        r = self.root
        for loc in (r.locator(".widget-play button").first,
                    r.locator("button:has(.fa-play)").first,
                    r.locator("button[title*='lay' i]").first,
                    r.get_by_role("button", name="Play").first):
            if loc.count():
                return loc.element_handle()  # pinned: a locator would re-resolve after the icon changes
        raise AssertionError("no play button in the viewer's timeline panel")
