"""Blueprints: rerun_nb.blueprint writes what rerun-sdk writes; rr.save / rr.send_blueprint store them."""

from __future__ import annotations

import re

import rerun_nb as rr
import rerun_nb.blueprint as rrb
from rerun_nb.rrd import read_rrd

from ._helpers import needs_cli, needs_sdk, run_cli, run_sdk_script

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _layout() -> rrb.Blueprint:
    return rrb.Blueprint(
        rrb.Horizontal(rrb.Spatial3DView(origin="/world", name="3D"),
                       rrb.Vertical(rrb.TimeSeriesView(origin="/plot"), rrb.TextLogView(origin="/logs"),
                                    row_shares=[1, 2]),
                       column_shares=[2, 1]),
        collapse_panels=True)


def _summary(chunks) -> list:
    """(entity with uuids blanked, {component: values with uuids blanked}) per chunk, sorted."""
    out = []
    for c in chunks:
        entity = _UUID.sub("<id>", c.schema.metadata[b"rerun:entity_path"].decode())
        values = {}
        for f in c.schema:
            if f.name in ("rerun.controls.RowId", "log_time", "blueprint"):
                continue
            if f.name == "ContainerBlueprint:active_tab" and c.column("ContainerBlueprint:container_kind")[0].as_py() != [1]:
                # rerun-sdk 0.41 sets active_tab on non-Tabs containers too (its `sub.name == None` match on
                # unnamed views); it has no meaning there, and rerun_nb leaves it out
                continue
            cell = c.column(f.name).to_pylist()[0]
            if f.name == "ViewportBlueprint:root_container":
                cell = "<uuid bytes>"
            values[f.name] = _UUID.sub("<id>", repr(cell))
        out.append((entity, sorted(values.items())))
    return sorted(out)


@needs_sdk
def test_same_blueprint_chunks_as_rerun_sdk(tmp_path):
    sdk_path = tmp_path / "sdk.rbl"
    run_sdk_script("sdk_blueprint.py", str(sdk_path))
    (sdk_store,) = read_rrd(sdk_path, strict=True)
    assert sdk_store.kind == "blueprint"
    ours = _summary(_layout().blueprint_chunks("bp_app"))
    theirs = _summary(sdk_store.chunks)
    assert ours == theirs


@needs_cli
def test_save_with_default_blueprint_and_send_blueprint(tmp_path):
    path = tmp_path / "bp.rrd"
    rec = rr.RecordingStream("bp_app", recording_id="bp-rec")
    rec.save(path, default_blueprint=_layout())
    rec.set_time("frame", sequence=1)
    rec.log("world/p", rr.Points3D([[1, 2, 3]]))
    rr.send_blueprint(rrb.Tabs(rrb.Spatial3DView(origin="/"), rrb.TimeSeriesView(), active_tab=1), recording=rec)
    rec.disconnect()
    stores = read_rrd(path, strict=True)
    assert [s.kind for s in stores] == ["blueprint", "recording", "blueprint"]
    assert all(s.activation is not None for s in stores if s.kind == "blueprint")
    assert stores[2].activation.make_active
    tabs = [c for c in stores[2].chunks if b"container" in c.schema.metadata[b"rerun:entity_path"]]
    assert tabs[0].column("ContainerBlueprint:active_tab").to_pylist()[0][0].startswith("view/")
    proc = run_cli("rrd", "verify", str(path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    loaded = rr.load(path)
    assert loaded.recording_id == "bp-rec" and loaded._rrd_blueprint.kind == "blueprint"


def test_empty_blueprint_means_auto_layout():
    chunks = rrb.Blueprint().blueprint_chunks()
    (viewport,) = chunks
    assert viewport.column("ViewportBlueprint:auto_layout").to_pylist() == [[True]]
    assert viewport.column("ViewportBlueprint:auto_views").to_pylist() == [[True]]
