"""The gRPC layer sits beside the file sinks: light to import, never importing the viewer or the widget."""

from __future__ import annotations

import subprocess
import sys

from ..test_layering import VIEWER_LIBS, _files, _imports


def test_import_rerun_nb_does_not_load_grpc():
    code = ("import sys, rerun_nb as rr; rr.init('x'); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('grpc', 'google')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip() == "[]"


def test_grpc_package_never_imports_viewer_or_widget():
    for path in _files("grpc"):
        for name in _imports(path):
            assert name.split(".")[0] not in VIEWER_LIBS, f"{path} imports {name}"
            assert not name.startswith(("rerun_nb.viewer", "rerun_nb.widget", "rerun_nb.notebook")), \
                f"{path} imports {name}"


def test_store_and_rrd_never_import_grpc():
    for layer in ("store", "rrd", "query"):
        for path in _files(layer):
            if path.exists():
                assert not any(n.startswith("rerun_nb.grpc") or n.split(".")[0] == "grpc" for n in _imports(path)), path
