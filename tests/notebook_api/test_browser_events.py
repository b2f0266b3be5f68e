"""Events from a real page reach on_event callbacks (JupyterLab + headless Chromium; see browser_events.py).

Skipped when Chromium, JupyterLab or Playwright are missing; CI installs them. Takes about 40 s.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists() and shutil.which("chromium") is None,
                    reason="no chromium")
@pytest.mark.skipif(any(importlib.util.find_spec(m) is None for m in ("jupyterlab", "playwright")),
                    reason="jupyterlab / playwright not installed")
def test_page_interactions_fire_viewer_events():
    env = dict(os.environ, XDG_RUNTIME_DIR=os.environ.get("XDG_RUNTIME_DIR", "/tmp"))
    out = subprocess.run([sys.executable, str(HERE / "browser_events.py")], capture_output=True, text=True,
                         env=env, timeout=300, check=False)
    assert out.returncode == 0, (out.stdout[-2000:], out.stderr[-3000:])
    res = json.loads(out.stdout.strip().splitlines()[-1])
    assert res["time_update"] and res["play"] and res["pause"] and "/points" in res["selection"][0]
