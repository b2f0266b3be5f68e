"""Views in a real browser (JupyterLab, headless Chromium): a notebook logging 3D points, an image, a plot and a
text log shows them in one viewer; all four views are visible, and the timeline slider moves the plot's
cursor and changes the image. Screenshots go to tests/artifacts/e2e/."""

from __future__ import annotations

import nbformat
import numpy as np
from _browser_harness import NotebookPage

NOTEBOOK = "views_e2e.ipynb"
CODE = """
import numpy as np
import rerun_nb as rr
rr.init("rerun_example_views_e2e")
for frame in range(60):
    rr.set_time("frame", sequence=frame)
    t = np.linspace(0, 6, 100)
    rr.log("world/points", rr.Points3D(np.stack([np.cos(t + frame / 10), np.sin(t), t / 3], 1), radii=0.05))
    image = np.full((48, 64, 3), 40, np.uint8)
    image[16:32, frame % 50 : frame % 50 + 14] = (255, 200, 0)
    rr.log("camera/image", rr.Image(image))
    rr.log("plot/sin", rr.Scalars(np.sin(frame / 6)))
    if frame % 5 == 0:
        rr.log("log", rr.TextLog(f"frame {frame}", level="INFO"))
rr.notebook_show(width=800, height=500)
"""

CURSOR = np.array([232, 232, 232])


def _quadrants(img: np.ndarray) -> dict[str, np.ndarray]:
    h, w = img.shape[:2]
    return {"3D": img[: h // 2, : w // 2], "2D": img[: h // 2, w // 2 :], "plot": img[h // 2 :, : w // 2],
            "log": img[h // 2 :, w // 2 :]}


def _cursor_column(plot: np.ndarray) -> float | None:
    h = plot.shape[0]
    band = plot[h // 4 : 3 * h // 4, 70:-10, :3].astype(int)  # inside the axes
    near = np.all(np.abs(band - CURSOR) <= 30, axis=-1).mean(axis=0)
    cols = np.nonzero(near > 0.6)[0] + 70
    return float(cols.mean()) if len(cols) else None


def test_four_views_in_browser(jupyter_server, browser, artifacts, e2e_report):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(CODE)]
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    nbformat.write(nb, jupyter_server.root / NOTEBOOK)
    nbp = NotebookPage.open(browser, jupyter_server, "lab", NOTEBOOK)
    res = {}
    e2e_report["views_lab"] = res
    try:
        nbp.run_all()
        res["run_all_to_first_frame_s"] = nbp.wait_first_frame(timeout_s=180)
        nbp.wait_all_done()
        assert not nbp.error_outputs(), nbp.error_outputs()
        viewer = nbp.viewer(0)  # the auto layout: 3D, 2D image, time series, text log in a 2 x 2 grid
        viewer.show()
        viewer.wait_frame()
        first = viewer.pixels()
        viewer.img.screenshot(path=str(artifacts / "views_lab_1_four_views.png"))
        stds = {name: round(float(q[:, :, :3].std()), 1) for name, q in _quadrants(first).items()}
        res["quadrant_std"] = stds
        assert all(s > 4 for s in stds.values()), f"a view looks blank: {stds}"

        before = _quadrants(first)
        cursor_before = _cursor_column(before["plot"])
        res["slider_to_frame_ms"] = viewer.click_slider(0.2)
        after_img = viewer.pixels()
        viewer.img.screenshot(path=str(artifacts / "views_lab_2_after_slider.png"))
        after = _quadrants(after_img)
        image_diff = float(np.abs(after["2D"].astype(int) - before["2D"].astype(int)).mean())
        cursor_after = _cursor_column(after["plot"])
        res.update(image_diff=round(image_diff, 2), cursor_before=cursor_before, cursor_after=cursor_after)
        assert image_diff > 0.5, f"the image did not change with the slider: {res}"
        assert cursor_after is not None, f"no time cursor in the plot after the slider click: {res}"
        assert cursor_before is None or cursor_after < cursor_before - 20, f"the cursor did not move left: {res}"
        assert not nbp.unexpected_errors(), nbp.unexpected_errors()
    finally:
        nbp.page.close()
