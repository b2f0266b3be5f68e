"""Re-execute the demo notebooks in place, so that the committed files carry the viewers' snapshots.

Usage:  .venv/bin/python scripts/execute_notebooks.py [notebooks/NAME.ipynb ...]   (default: all)

A saved viewer output holds the live widget view plus a PNG of its last frame; JupyterLab, Notebook 7,
GitHub and nbviewer show the PNG until the notebook is run again. To keep the files small and their
diffs readable, this drops what a reader can't use without a kernel: the saved widget state
(``metadata.widgets``, about 0.5 MB per notebook) and jupyter_rfb's empty ``RFBOutputContext()`` outputs.
It fails (exit 1) on any error or stderr output, as tests/test_notebooks.py does.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[1]
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def is_empty_output_context(out) -> bool:
    data = out.get("data", {})
    return WIDGET_VIEW in data and data.get("text/plain", "").startswith("RFBOutputContext(")


def execute(path: Path) -> list[str]:
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    problems = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        cell.outputs = [o for o in cell.outputs if not is_empty_output_context(o)]
        for o in cell.outputs:
            if o["output_type"] == "error" or (o["output_type"] == "stream" and o["name"] == "stderr"):
                problems.append(f"{path.name} cell {i}: {o.get('ename', '')} {o.get('evalue', o.get('text', ''))[:300]}")
    nb.metadata.pop("widgets", None)
    nbformat.write(nb, path)
    return problems


def main(argv: list[str]) -> int:
    os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp")
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH")) if p)
    paths = [Path(a) for a in argv] or sorted((REPO / "notebooks").glob("*.ipynb"))
    problems = []
    for path in paths:
        t = time.perf_counter()
        found = execute(path)
        problems += found
        print(f"{path.name}: {time.perf_counter() - t:.1f} s, {path.stat().st_size // 1024} KiB, {len(found)} problems")
    print("\n".join(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
