"""The archetypes added for the full 0.41 surface are stored, saved to .rrd and loaded back unchanged,
and rerun-sdk 0.41 reads the file we wrote with the same descriptors and values."""

from __future__ import annotations

import pathlib
import tempfile
import warnings

import pyarrow as pa
import pytest
from _cases_more import add_more_cases

import rerun_nb
from rerun_nb._baseclasses import batch_to_arrow


def _cases() -> dict:
    cases: dict = {}
    add_more_cases(lambda name, make: cases.setdefault(name, make), pathlib.Path(tempfile.mkdtemp()))
    return cases


_INVALID = {"Asset3D-neither", "VideoFrameReference-none"}
CASES = {k: v for k, v in _cases().items() if k not in _INVALID}


@pytest.mark.parametrize("case", list(CASES))
def test_store_save_load(case, tmp_path):
    arch = CASES[case](rerun_nb)
    rec = rerun_nb.RecordingStream("rerun_example_roundtrip", send_properties=False)
    rec.set_time("frame", sequence=1)
    rec.log("thing", arch)
    rec.flush()
    expected = {b.descriptor.component: batch_to_arrow(b.data) for b in arch.as_component_batches()}
    assert sorted(rec.store.components("/thing")) == sorted(expected)
    path = tmp_path / "x.rrd"
    rec.save(path)
    rec.disconnect()
    loaded = rerun_nb.load(path)
    assert sorted(loaded.store.components("/thing")) == sorted(expected)
    for store in (rec.store, loaded.store):
        res = store.latest_at("thing", timeline="frame", sequence=1)
        for name, values in expected.items():
            got = batch_to_arrow(res[name])
            assert got.cast(values.type).equals(values), (name, got.to_pylist()[:4], values.to_pylist()[:4])
    for name in expected:
        desc = loaded.store.descriptor("/thing", name)
        assert desc.component_type == arch._descriptors[name.split(":")[1]].component_type


def test_rerun_reads_our_file(tmp_path):
    rerun = pytest.importorskip("rerun")
    rec = rerun_nb.RecordingStream("rerun_example_roundtrip", send_properties=False)
    rec.log("graph/nodes", rerun_nb.GraphNodes(["a", "b"], labels=["A", "B"]), static=True)
    rec.log("graph/edges", rerun_nb.GraphEdges([("a", "b")], graph_type="directed"), static=True)
    rec.log("geo", rerun_nb.GeoPoints(lat_lon=[[59.3, 18.1]]), static=True)
    path = tmp_path / "x.rrd"
    rec.save(path)
    rec.disconnect()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        store = rerun.chunk.RrdReader(str(path)).store() if hasattr(rerun, "chunk") else None
    if store is None:
        pytest.skip("rerun.chunk.RrdReader is not in this rerun-sdk")
    seen = {}
    for chunk in store.stream() if hasattr(store, "stream") else []:
        rb = chunk.to_record_batch()
        for field in rb.schema:
            meta = field.metadata or {}
            comp = meta.get(b"rerun:component")
            if comp:
                seen[(chunk.entity_path, comp.decode())] = rb.column(field.name)
    assert ("/graph/edges", "GraphEdges:edges") in seen, sorted(seen)
    edges = seen[("/graph/edges", "GraphEdges:edges")]
    assert pa.ListArray.from_arrays(edges.offsets, edges.values).flatten().to_pylist() == [
        {"first": "a", "second": "b"}]
