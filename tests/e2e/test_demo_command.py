"""The README's demo command (scripts/demo.sh): the URL it prints opens the DNA notebook itself, with no
"Jupyter news?" toast over it (a new user's first look)."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import time
from pathlib import Path

from _browser_harness import free_port

REPO = Path(__file__).resolve().parents[2]
URL_RE = re.compile(r"http://127\.0\.0\.1:\d+/\S*")


def test_demo_url_opens_the_dna_notebook(tmp_path, browser, artifacts):
    port, token = free_port(), secrets.token_hex(8)
    log_path = tmp_path / "demo.log"
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(tmp_path / "cfg"), JUPYTER_RUNTIME_DIR=str(tmp_path / "rt"),
               JUPYTERLAB_WORKSPACES_DIR=str(tmp_path / "ws"))
    with open(log_path, "w") as log:
        proc = subprocess.Popen(  # demo.sh runs setup.sh (idempotent, ~1 s when set up), then execs jupyter lab
            ["bash", "scripts/demo.sh", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
             f"--IdentityProvider.token={token}"], cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        url, t0 = None, time.time()
        while url is None and time.time() - t0 < 120 and proc.poll() is None:
            found = URL_RE.findall(log_path.read_text())
            url = found[0] if found else None
            time.sleep(0.3)
        assert url is not None, log_path.read_text()[-3000:]
        # The URL a user copies from the terminal: the notebook itself, not the Launcher. (JupyterLab prints
        # "token=..." for a token given on the command line, as here; a generated one is printed in full.)
        assert "/lab/tree/dna.ipynb" in url, url
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url.replace("token=...", f"token={token}"))
        page.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=90_000)
        tab = page.locator("#jp-main-dock-panel .lm-TabBar-tab.lm-mod-current")  # the open document's tab
        assert tab.first.inner_text().strip() == "dna.ipynb"
        time.sleep(3)  # the news toast, when enabled, shows a few seconds after the page loads
        page.screenshot(path=str(artifacts / "demo_first_look.png"))
        toasts = page.locator(".Toastify__toast").all_inner_texts()
        assert not [t for t in toasts if "news" in t.lower()], toasts
    finally:
        proc.terminate()
        proc.wait(20)
