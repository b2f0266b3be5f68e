"""Every public name of rerun-sdk 0.41's ``rerun.blueprint`` and its submodules exists in rerun_nb.blueprint
with the same kind and constructor parameters (exclusions and their reasons: tests/api/_surface.py)."""

from __future__ import annotations

import pytest

from tests.api._surface import BLUEPRINT_MODULES, walk

pytest.importorskip("rerun", reason="rerun-sdk 0.41 is not installed")


@pytest.mark.parametrize("module", BLUEPRINT_MODULES)
def test_blueprint_module_surface_is_complete(module):
    results = walk([module])
    assert len(results) > 1
    gaps = [f"{r.name} [{r.kind}] {r.detail}" for r in results if not (r.present and r.same_params)]
    assert gaps == []


def test_blueprint_class_methods_match():
    """The public methods of those classes (``from_fields``, ``cleared``, ``descriptor_*``, ``save``, ...)."""
    from tests.api._surface import method_results

    mods = [m for m in BLUEPRINT_MODULES if m != "rerun.blueprint.api"]  # api re-exports rr.RecordingStream
    results = method_results(mods)
    assert len(results) > 250
    assert [f"{r.module}.{r.name}: {r.detail}" for r in results if not r.same_params] == []
