"""A blueprint written against rerun-sdk 0.41's API, built by rerun-sdk and by rerun_nb: the same chunks.

The layout code (tests/blueprint/_layouts.py) runs unchanged with ``rerun.blueprint`` (in a subprocess that
saves an .rbl) and ``rerun_nb.blueprint``; every data column is compared: entity path, component, its
archetype and component type, the Arrow type and the values. Generated ids (view/container uuids, row and
chunk ids, log times) are blanked.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import rerun_nb as rr
import rerun_nb.blueprint as rrb
from rerun_nb.rrd import read_rrd

from ._layouts import LAYOUTS

pytest.importorskip("rerun", reason="rerun-sdk 0.41 is not installed")

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_SKIP = {"rerun.controls.RowId", "log_time", "blueprint"}


def _cells(chunks) -> list:
    """(entity, component, archetype, component type, arrow type, static, values) per column, ids blanked."""
    out = []
    for c in chunks:
        entity = _UUID.sub("<id>", c.schema.metadata[b"rerun:entity_path"].decode())
        static = "blueprint" not in c.schema.names
        for f in c.schema:
            if f.name in _SKIP:
                continue
            meta = f.metadata or {}
            values = c.column(f.name).to_pylist()
            if f.name in ("ViewportBlueprint:root_container", "ActiveVisualizers:instruction_ids"):
                values = ["<uuid bytes>"]
            if "union" in str(f.type):  # to_pylist drops which union member a value is: keep Arrow's listing
                values = [values, c.column(f.name).to_string()]
            out.append((entity, f.name, meta.get(b"rerun:archetype", b"").decode(),
                        meta.get(b"rerun:component_type", b"").decode(), str(f.type), static,
                        _UUID.sub("<id>", repr(values))))
    return sorted(out)


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_blueprint_chunks_match_rerun_sdk(tmp_path, name):
    path = tmp_path / f"{name}.rbl"
    subprocess.run([sys.executable, str(Path(__file__).parent / "scripts" / "sdk_save.py"), name, str(path)],
                   check=True, timeout=300)
    (sdk_store,) = read_rrd(path, strict=True)
    theirs = _cells(sdk_store.chunks)
    ours = _cells(LAYOUTS[name](rrb, rr).blueprint_chunks("bp_app"))
    only_theirs = [c for c in theirs if c not in ours]
    only_ours = [c for c in ours if c not in theirs]
    assert not only_theirs and not only_ours, (only_theirs, only_ours)
    assert len(theirs) > {"rich": 90, "defaults_and_overrides": 12}[name]  # the layout really sets components
