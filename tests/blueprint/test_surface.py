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
