"""Harness self-check on a tiny jupyter_rfb + ipywidgets notebook (no rerun_nb).

If this fails, the browser setup (Chromium, Playwright, JupyterLab, lavapipe, jupyter_rfb) is broken,
not rerun_nb: it tells the two apart. Lab only; about 15 s.
"""

from __future__ import annotations

import nbformat
import numpy as np
from _browser_harness import NotebookPage

PROBE = r'''
import numpy as np, pygfx as gfx, ipywidgets as ipw
from jupyter_rfb import RemoteFrameBuffer
from rendercanvas.offscreen import RenderCanvas

rng = np.random.default_rng(42)
base = (rng.random((500, 3)) * 2 - 1).astype(np.float32)
cols = rng.random((500, 4)).astype(np.float32); cols[:, 3] = 1
off = RenderCanvas(size=(480, 320), pixel_ratio=1)
renderer = gfx.WgpuRenderer(off, pixel_scale=1, ppaa="none")
scene = gfx.Scene(); scene.add(gfx.Background.from_color("#000"))
geom = gfx.Geometry(positions=base.copy(), colors=cols)
scene.add(gfx.Points(geom, gfx.PointsMaterial(size=8, color_mode="vertex")))
camera = gfx.PerspectiveCamera(60); camera.local.position = (0, 0, 3.5)
off.request_draw(lambda: renderer.render(scene, camera))

class View(RemoteFrameBuffer):
    def get_frame(self):
        return np.asarray(off.draw())[:, :, :3]

view = View(css_width="480px", css_height="320px", resizable=False)
slider = ipw.IntSlider(0, min=0, max=100, description="t")
play = ipw.Play(0, min=0, max=100, interval=100)
ipw.jslink((play, "value"), (slider, "value"))

def on_time(change):
    a = change["new"] * 2 * np.pi / 100
    c, s = np.cos(a), np.sin(a)
    geom.positions.data[:] = base @ np.array([[c, 0, s], [0, 1, 0], [-s, 0, c]], np.float32).T
    geom.positions.update_full()
    view.request_draw()

slider.observe(on_time, names="value")
ipw.VBox([view, ipw.HBox([play, slider])])
'''


def test_probe_lab(jupyter_server, browser, artifacts, e2e_report):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(PROBE.strip())]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, jupyter_server.root / "_probe.ipynb")

    nbp = NotebookPage.open(browser, jupyter_server, "lab", "_probe.ipynb")
    try:
        nbp.run_all()
        res = {"run_all_to_first_frame_s": nbp.wait_first_frame()}
        nbp.wait_all_done()
        v = nbp.viewer(-1)
        v.show()
        v.wait_frame()
        a = v.pixels()
        res["frame_std"] = round(float(a.std()), 1)
        res["slider_to_frame_ms"] = v.click_slider(0.5)
        b = v.pixels()
        res["slider_diff"] = round(float(np.abs(a - b).mean()), 1)
        n = v.n_frames()
        play = v.play_button()
        play.click()
        v.wait_frame(after=n + 3, timeout_s=30)
        play.click()  # pause
        res.update(nbp.timings)
        e2e_report["probe_lab"] = res
        nbp.page.screenshot(path=str(artifacts / "probe_lab.png"))
        assert res["frame_std"] > 10, res
        assert res["slider_diff"] > 1, res
        assert v.slider_readout() != "0"
        assert not nbp.unexpected_errors(), nbp.errors
    finally:
        nbp.page.close()
        jupyter_server.delete_sessions()
