"""Lifecycle in a real kernel, driven as a notebook front end drives it (execute requests with a cellId):
re-running a viewer cell 50 times leaves live renderers, live threads, widget models and RSS flat; viewers
shown by cells that were not re-run stay open; a viewer whose renderer fails says why, in the cell and in Python.
"""

from __future__ import annotations

import pytest

from .kernel_driver import Kernel

pytest.importorskip("jupyter_client")

SETUP = """
import sys; sys.path.insert(0, 'examples')
import rerun_nb as rr
from rerun_nb.notebook import Viewer
from dna import log_dna
rr.init('rerun_example_dna_abacus')
log_dna(steps=100)
"""
VIEWER_CELL = "viewer = Viewer(width=320, height=240)\nviewer.display()"


@pytest.fixture
def kernel():
    k = Kernel()
    out, errors = k.run(SETUP, "setup")
    assert not errors, errors
    yield k
    k.close()


def test_rerunning_a_viewer_cell_50_times_leaves_resources_flat(kernel):
    probes = {}
    for i in range(1, 51):
        _out, errors = kernel.run(VIEWER_CELL, "cell-viewer")
        assert not errors, errors
        if i in (1, 25, 50):
            probes[i] = kernel.probe()
    print(probes)
    for i, p in probes.items():
        assert p["renderers"] == 1 and p["live_threads"] == 1, (i, p)  # only the viewer shown last is alive
    assert probes[50]["widgets"] == probes[25]["widgets"] == probes[1]["widgets"], probes
    # Before closing re-run viewers: 50 renderers, 5303 widget models, RSS +65 MB from run 25 to 50.
    assert probes[50]["rss_mb"] - probes[25]["rss_mb"] < 20, probes


def test_viewers_of_other_cells_and_of_the_same_run_stay_open(kernel):
    kernel.run("a = Viewer(width=160, height=120); a.display()\nb = Viewer(width=160, height=120); b.display()",
               "cell-two")
    kernel.run("c = Viewer(width=160, height=120); c.display()", "cell-other")
    kernel.run("a2 = Viewer(width=160, height=120); a2.display()", "cell-two")  # re-run of cell-two
    out, errors = kernel.run("print([v.widget is None for v in (a, b, c, a2)])", "check")
    assert not errors, errors
    assert out.strip() == "[True, True, False, False]"  # a and b closed with their cell's re-run; c, a2 open


def test_a_failing_renderer_says_why_in_the_cell_and_in_python(kernel):
    code = ("import rerun_nb.layout as L, warnings\n"
            "def broken(*a, **k): raise RuntimeError('no GPU adapter: install mesa-vulkan-drivers')\n"
            "L.LayoutRenderer = broken\n"
            "with warnings.catch_warnings(record=True) as w:\n"
            "    warnings.simplefilter('always')\n"
            "    v = Viewer(width=160, height=120)\n"
            "print('ERROR', v.error)\n"
            "print('WARNED', [str(x.message) for x in w])\n"
            "bundle = v._repr_mimebundle_()\n"
            "data = bundle[0] if isinstance(bundle, tuple) else bundle\n"
            "print('PLAIN', data['text/plain'])\n"
            "print('SHOWN', v.widget.canvas.value)\n"
            "try:\n    v.render()\nexcept RuntimeError as e:\n    print('RAISED', e)\n")
    out, errors = kernel.run(code, "cell-broken")
    assert not errors, errors
    lines = {line.split(" ", 1)[0]: line for line in out.splitlines()}
    for key in ("ERROR", "WARNED", "PLAIN", "SHOWN", "RAISED"):
        assert "mesa-vulkan-drivers" in lines[key], (key, out)


def test_save_video_in_a_notebook_shows_a_progress_bar_and_leaves_no_widgets(kernel, tmp_path):
    path = tmp_path / "clip.gif"
    code = ("import ipywidgets as W\n"
            "made = []; _init = W.IntProgress.__init__\n"
            "def _record(self, *a, **k): made.append(self); _init(self, *a, **k)\n"
            "W.IntProgress.__init__ = _record\n"
            "v = Viewer(width=160, height=120); v.display()\n"
            "n0 = len(W.Widget.widgets)\n"
            f"v.save_video({str(path)!r}, end=0.1)\n"
            "print('PROGRESS', len(made), made[0].value, made[0].max, len(W.Widget.widgets) - n0)\n")
    out, errors = kernel.run(code, "cell-video")
    assert not errors, errors
    assert "PROGRESS 1 4 4 0" in out, out  # 0, 1/30, 2/30, 3/30 s: 4 frames; the bar is closed afterwards
    assert path.stat().st_size > 0
