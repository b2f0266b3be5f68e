"""Helpers to build the same archetype with rerun_nb and with rerun-sdk and compare what they log."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

import pyarrow as pa

import rerun_nb
from rerun_nb._baseclasses import batch_to_arrow

try:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import rerun
except ImportError:  # pragma: no cover - CI installs rerun-sdk==0.41.0
    rerun = None


def ours_batches(obj: Any) -> dict[str, tuple[tuple, pa.Array]]:
    out = {}
    for batch in obj.as_component_batches():
        d = batch.component_descriptor()
        out[d.component] = ((d.component, d.archetype, d.component_type), batch_to_arrow(batch.data))
    return out


def theirs_batches(obj: Any) -> dict[str, tuple[tuple, pa.Array]]:
    out = {}
    for batch in obj.as_component_batches():
        d = batch.component_descriptor()
        out[d.component] = ((d.component, d.archetype, d.component_type), batch.as_arrow_array())
    return out


def build_both(make: Callable[[Any], Any]) -> tuple[Any, Any]:
    """`make(rr)` with rerun (strict) and with rerun_nb (strict); exceptions are returned, not raised."""
    results = []
    rerun.set_strict_mode(True)
    rerun_nb.set_strict_mode(True)
    for module in (rerun, rerun_nb):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                results.append(make(module))
        except Exception as exc:  # noqa: BLE001 - compared below
            results.append(exc)
    return results[1], results[0]


def differences(ours: Any, theirs: Any) -> list[str]:
    """Every way our logged batches differ from rerun's: component set, descriptors, Arrow types and values."""
    ob, tb = ours_batches(ours), theirs_batches(theirs)
    problems = []
    if set(ob) != set(tb):
        problems.append(f"components differ: ours={sorted(ob)} theirs={sorted(tb)}")
    for name in sorted(set(ob) & set(tb)):
        (od, oa), (td, ta) = ob[name], tb[name]
        if od != td:
            problems.append(f"{name}: descriptor ours={od} theirs={td}")
        if oa.type != ta.type:
            problems.append(f"{name}: Arrow type ours={oa.type} theirs={ta.type}")
        elif not oa.equals(ta):
            problems.append(f"{name}: values ours={oa.to_pylist()[:6]} theirs={ta.to_pylist()[:6]}")
    return problems
