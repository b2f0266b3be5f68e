"""rerun_nb mirrors rerun-sdk 0.41's public API: every public name, its kind and its parameters.

The walk is in `_surface.py`. Names not matched yet are listed in `surface_gaps.txt`; this test keeps that
list exact in both directions: a name that regresses fails, and a name that gets fixed must leave the list,
so the figures printed here (and by `python -m tests.api._surface`) only move forward.
"""

from __future__ import annotations

import importlib

import pytest

from . import _surface

rerun = pytest.importorskip("rerun", reason="rerun-sdk 0.41 is the reference (CI installs it)")


@pytest.fixture(scope="module")
def results():
    return _surface.walk(_surface.MODULES)


def test_print_figures(results, capsys):
    with capsys.disabled():
        print("\nAPI surface vs rerun-sdk 0.41:", _surface.figures(results))
        print("methods of those classes (informational):", _surface.figures(_surface.method_results()))
    assert results


def test_no_regressions(results):
    gaps = _surface.read_gaps()
    regressed = [f"{r.module}:{r.name} ({r.detail})" for r in results
                 if not r.same_params and f"{r.module}:{r.name}" not in gaps]
    assert not regressed, "names that no longer match rerun-sdk 0.41:\n" + "\n".join(regressed)


def test_gap_list_is_current(results):
    failing = {f"{r.module}:{r.name}" for r in results if not r.same_params}
    fixed = sorted(_surface.read_gaps() - failing)
    assert not fixed, ("these names match now; remove them from surface_gaps.txt "
                       "(python -m tests.api._surface --write-gaps):\n" + "\n".join(fixed))


def test_exclusions_have_reasons():
    for key, reason in _surface.EXCLUDED.items():
        module, _, name = key.partition(":")
        assert hasattr(importlib.import_module(module), name), f"{key} is not in rerun-sdk 0.41"
        assert len(reason) > 20, key


@pytest.mark.parametrize("module", ["rerun_nb.archetypes", "rerun_nb.components", "rerun_nb.utilities",
                                    "rerun_nb.time", "rerun_nb.error_utils"])
def test_submodules_import_as_modules(module):
    assert importlib.import_module(module).__name__ == module


def test_kind_and_params_detection_can_fail():
    """The comparison itself: a missing name, a wrong kind and a wrong signature are each caught."""
    import types

    ref = types.ModuleType("rerun.fake")
    ours = types.ModuleType("rerun_nb.fake")

    def f(a, *, b=1):
        pass

    def g(a, *, b=2):
        pass

    ref.f, ref.k, ref.m = f, type("K", (), {}), f
    ours.f, ours.k = g, f
    assert _surface.compare_name(ref, ours, "f").detail.startswith("params")
    assert not _surface.compare_name(ref, ours, "k").same_kind
    assert not _surface.compare_name(ref, ours, "m").present
