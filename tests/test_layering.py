"""The data flow is one-way: SDK -> store -> query -> viewer kit -> views -> layout -> widget. Checked by parsing imports."""

from __future__ import annotations

import ast
import os
import pathlib
import subprocess
import sys

import pytest

PKG = pathlib.Path(__file__).resolve().parents[1] / "rerun_nb"
VIEWER_LIBS = {"pygfx", "wgpu", "pylinalg", "rendercanvas", "jupyter_rfb", "anywidget", "ipywidgets"}


def _imports(path: pathlib.Path) -> set[str]:
    """Absolute module names imported by a file (relative imports resolved), including lazy ones."""
    tree = ast.parse(path.read_text())
    package = ".".join(path.relative_to(PKG.parent).with_suffix("").parts[:-1])
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                prefix = ".".join(base)
                mod = f"{prefix}.{node.module}" if node.module else prefix
                names.add(mod)
                names.update(f"{mod}.{a.name}" for a in node.names)
            else:
                names.add(node.module or "")
    return names


def _files(subpackage: str) -> list[pathlib.Path]:
    root = PKG / subpackage
    return sorted(root.rglob("*.py")) if root.is_dir() else [root.with_suffix(".py")]


@pytest.mark.parametrize("layer", ["store", "query", "time", "_baseclasses", "components", "archetypes",
                                   "datatypes", "error_utils", "utilities", "chunk", "dataloaders", "_sinks",
                                   "_recording_api", "_component_mixins", "dynamic_archetype", "logging_handler",
                                   "script_helpers"])
def test_lower_layers_never_import_viewer_or_widget(layer):
    for path in _files(layer):
        if not path.exists():
            continue
        for name in _imports(path):
            top = name.split(".")[0]
            assert top not in VIEWER_LIBS, f"{path} imports {name}"
            assert not name.startswith(("rerun_nb.viewer", "rerun_nb.views", "rerun_nb.layout", "rerun_nb.widget",
                                        "rerun_nb.notebook")), f"{path} imports {name}"


def test_store_imports_nothing_from_the_sdk_front_end():
    # The Parquet exporter (numpy + pyarrow only) is shared with the RRD code; it is imported lazily.
    allowed = ("rerun_nb.store", "rerun_nb._baseclasses", "rerun_nb.time", "rerun_nb.error_utils",
               "rerun_nb.rrd._parquet")
    for path in _files("store"):
        for name in _imports(path):
            if name.startswith("rerun_nb"):
                assert name.startswith(allowed), f"{path} imports {name}"


def test_import_rerun_nb_loads_no_viewer_libraries():
    code = (
        "import sys, rerun_nb as rr\n"
        "rr.init('x'); rr.log('p', rr.Points3D([[0, 0, 0]]))\n"
        "rr.get_global_data_recording().store.latest_at('p', timeline='log_time')\n"
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {sorted(VIEWER_LIBS)!r})\n"
        "print(','.join(bad))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(PKG.parent))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "", f"import rerun_nb pulled in: {out.stdout.strip()}"


# Each rendering layer imports only layers below it: the viewer kit (pygfx objects, 3D visualizers, scene
# builder) -> views (one class per view kind) -> layout (containers, heuristics, one canvas) -> widget.
_ABOVE = {
    "viewer": ("rerun_nb.views", "rerun_nb.layout", "rerun_nb.widget", "rerun_nb.notebook"),
    "views": ("rerun_nb.layout", "rerun_nb.widget", "rerun_nb.notebook"),
    "layout": ("rerun_nb.widget", "rerun_nb.notebook"),
}


@pytest.mark.parametrize("layer", sorted(_ABOVE))
def test_rendering_layers_import_only_downwards(layer):
    files = _files(layer)
    assert files, layer
    for path in files:
        for name in _imports(path):
            assert not name.startswith(_ABOVE[layer]), f"{path} imports {name}"


def test_views_and_layout_read_the_store_only_through_its_public_api():
    for layer in ("query", "views", "layout"):
        for path in _files(layer):
            for name in _imports(path):
                assert not name.startswith("rerun_nb.store._"), f"{path} imports {name}"
