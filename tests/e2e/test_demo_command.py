"""The README's demo command (scripts/demo.sh) starts JupyterLab with the DNA notebook open and served."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from _browser_harness import free_port

REPO = Path(__file__).resolve().parents[2]


def test_demo_script_serves_the_dna_notebook(tmp_path):
    port, token = free_port(), secrets.token_hex(8)
    with open(tmp_path / "demo.log", "w") as log:
        _check_demo(tmp_path, log, port, token)


def _check_demo(tmp_path, log, port, token):
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(tmp_path / "cfg"), JUPYTER_RUNTIME_DIR=str(tmp_path / "rt"),
               JUPYTERLAB_WORKSPACES_DIR=str(tmp_path / "ws"))
    proc = subprocess.Popen(  # demo.sh runs setup.sh (idempotent, ~1 s when set up), then execs jupyter lab
        ["bash", "scripts/demo.sh", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         f"--IdentityProvider.token={token}"], cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        # `jupyter lab notebooks/dna.ipynb` serves notebooks/ as its root and opens dna.ipynb there
        url = f"http://127.0.0.1:{port}/api/contents/dna.ipynb?token={token}&content=0"
        t0, model = time.time(), None
        while time.time() - t0 < 120 and proc.poll() is None and model is None:
            try:
                model = json.load(urllib.request.urlopen(url, timeout=2))
            except urllib.error.HTTPError as e:  # the server is up but has no such notebook
                raise AssertionError(f"GET {url.split('?')[0]}: HTTP {e.code}") from e
            except OSError:
                time.sleep(0.3)
        assert model is not None, (tmp_path / "demo.log").read_text()[-3000:]
        assert model["type"] == "notebook" and model["path"] == "dna.ipynb"
        # the server was asked to open the DNA notebook (the positional argument of `jupyter lab`)
        assert "dna.ipynb" in " ".join(Path(f"/proc/{proc.pid}/cmdline").read_text().split("\0"))
    finally:
        proc.terminate()
        proc.wait(20)
