"""Without Vulkan, wgpu's OpenGL adapter (llvmpipe) renders once pygfx is told !float32-filterable."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import numpy as np, rerun_nb as rr
from rerun_nb.layout import LayoutRenderer
from rerun_nb.viewer import ensure_adapter
choice = ensure_adapter()
rec = rr.RecordingStream("gl")
rec.log("pt", rr.Points3D([[0, 0, 0]], colors=[[255, 0, 0]], radii=0.5))
rec.log("box", rr.Boxes3D(centers=[[3, 0, 0]], half_sizes=[[1, 1, 1]], fill_mode="solid"))
img = LayoutRenderer(rec.store, width=96, height=72).render("log_time", None)
print(choice.backend, choice.is_cpu, int(((img[:, :, 0] > 200) & (img[:, :, 1] < 60)).sum()))
"""


def test_opengl_backend_renders():
    env = dict(os.environ, RERUN_NB_WGPU_BACKEND="OpenGL", RENDERCANVAS_FORCE_OFFSCREEN="1",
               XDG_RUNTIME_DIR=os.environ.get("XDG_RUNTIME_DIR", "/tmp"), PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120,
                         check=False)
    assert out.returncode == 0, out.stderr[-2000:]
    backend, _is_cpu, red = out.stdout.split()[-3:]
    assert backend == "OpenGL"
    assert int(red) > 10
