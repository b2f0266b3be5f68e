"""The viewer in a real browser (JupyterLab + headless Chromium): first frame, slider, mouse orbit.

Skipped when Chromium, JupyterLab or Playwright are missing; CI installs them (apt chromium,
pip jupyterlab playwright). Takes about 20 s.
"""

from __future__ import annotations

import importlib.util
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
def test_viewer_in_jupyterlab():
    env = dict(os.environ, XDG_RUNTIME_DIR=os.environ.get("XDG_RUNTIME_DIR", "/tmp"))
    out = subprocess.run([sys.executable, str(HERE / "browser_e2e.py")], capture_output=True, text=True,
                         env=env, timeout=300, check=False)
    assert out.returncode == 0, (out.stdout[-2000:], out.stderr[-3000:])
