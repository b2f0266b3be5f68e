""""Restart Kernel and Run All Cells" shows every viewer again (Rerun's notebook users get blank viewers
there): a notebook with a Rerun-style `Viewer(...).display()` and an `rr.notebook_show()`, run, then
restarted and run again from the Kernel menu, in Notebook 7 and JupyterLab in headless Chromium."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from _browser_harness import BLOB_FRAMES_JS, NotebookPage, png_array

REPO = Path(__file__).resolve().parents[2]
CELLS = [
    f"import sys; sys.path.insert(0, {str(REPO / 'examples')!r})\n"
    "import rerun_nb as rr\n"
    "from rerun_nb.notebook import Viewer\n"
    "from dna import log_dna\n"
    "rr.init('rerun_example_dna_abacus')\n"
    "log_dna(steps=100)",
    "Viewer(width=320, height=240).display()",
    "rr.notebook_show(width=320, height=240)",
]
N_VIEWERS = 2


def _ids_with_frames(nbp: NotebookPage) -> list[str]:
    return sorted({f["id"] for f in nbp.blob_frames()}, key=int)


def _wait_viewers_drawn(nbp: NotebookPage, n_ids: int, timeout_s: float = 180) -> None:
    nbp.page.wait_for_function(f"() => new Set(({BLOB_FRAMES_JS})(null).map(f => f.id)).size >= {n_ids}",
                               timeout=timeout_s * 1000, polling=100)


def _shown_views(nbp: NotebookPage) -> list[float]:
    """Pixel std of each jupyter_rfb view now in the page (scrolled into view first: it draws only then)."""
    stds = []
    imgs = nbp.page.locator("img.renderview-view")
    for i in range(imgs.count()):
        img = imgs.nth(i)
        img.scroll_into_view_if_needed()
        nbp.wait_quiet(img.get_attribute("data-e2e-id"))
        stds.append(float(png_array(img.screenshot()).std()))
    return stds


@pytest.mark.parametrize("ui", ["notebook", "lab"])
def test_restart_and_run_all_shows_every_viewer_again(ui, jupyter_server, browser, artifacts, e2e_report):
    name = f"restart_{ui}.ipynb"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in CELLS], metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})  # no kernel picker
    nbformat.write(nb, jupyter_server.root / name)
    nbp = NotebookPage.open(browser, jupyter_server, ui, name)
    res = e2e_report.setdefault(f"restart_{ui}", {})
    try:
        nbp.run_all()
        nbp.wait_all_done()
        for i in range(N_VIEWERS):  # jupyter_rfb draws only views in the viewport
            nbp.page.locator("img.renderview-view").nth(i).scroll_into_view_if_needed()
        _wait_viewers_drawn(nbp, N_VIEWERS)
        first_ids = _ids_with_frames(nbp)
        assert len(first_ids) == N_VIEWERS, first_ids

        page = nbp.page
        page.locator(".lm-MenuBar-itemLabel", has_text="Kernel").first.click()
        page.locator(".lm-Menu-itemLabel", has_text="Restart Kernel and Run All").first.click()
        page.locator(".jp-Dialog-button.jp-mod-accept").first.click()  # "Restart"
        # The outputs are replaced by new widget views (new img elements): each must get frames again.
        page.wait_for_function(f"() => document.querySelectorAll('img.renderview-view').length === {N_VIEWERS}"
                               f" && [...document.querySelectorAll('img.renderview-view')].every(i => "
                               f"i.dataset.e2eId === undefined || !{first_ids!r}.includes(i.dataset.e2eId))",
                               timeout=180_000, polling=100)
        nbp.wait_all_done()
        for i in range(N_VIEWERS):
            page.locator("img.renderview-view").nth(i).scroll_into_view_if_needed()
        _wait_viewers_drawn(nbp, 2 * N_VIEWERS)
        stds = _shown_views(nbp)
        res["view_std_after_restart"] = [round(s, 1) for s in stds]
        page.screenshot(path=str(artifacts / f"restart_{ui}.png"))
        assert len(stds) == N_VIEWERS and min(stds) > 10, stds  # every viewer shows a picture again
        assert not nbp.error_outputs(), nbp.error_outputs()
        assert not nbp.unexpected_errors(), nbp.unexpected_errors()
    finally:
        nbp.page.close()
        jupyter_server.delete_sessions()
