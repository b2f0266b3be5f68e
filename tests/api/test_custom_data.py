"""Custom data as in rerun-sdk 0.41: user component batches (ComponentBatchMixin), user archetypes
(AsComponents), DynamicArchetype, AnyValues overrides, descriptors; compared with rerun and round-tripped."""

from __future__ import annotations

import warnings

import numpy as np
import pyarrow as pa
import pytest

import rerun_nb

rerun = pytest.importorskip("rerun", reason="rerun-sdk 0.41 is the reference")


def _user_classes(rr):
    class ConfidenceBatch(rr.ComponentBatchMixin):
        _COMPONENT_TYPE = "user.Confidence"

        def __init__(self, confidence):
            self.confidence = confidence

        def as_arrow_array(self):
            return pa.array(self.confidence, type=pa.float32())

    class CustomPoints3D(rr.AsComponents):
        def __init__(self, positions, confidences):
            self.points3d = rr.Points3D(positions)
            self.confidences = ConfidenceBatch(confidences).described(rr.ComponentDescriptor(
                "user.CustomPoints3D:confidences", archetype="user.CustomPoints3D",
                component_type="user.Confidence"))

        def as_component_batches(self):
            return [*self.points3d.as_component_batches(), self.confidences]

    return ConfidenceBatch, CustomPoints3D


def _batches(obj):
    out = {}
    for b in obj.as_component_batches():
        d = b.component_descriptor()
        arr = b.as_arrow_array()
        out[d.component] = ((d.archetype, d.component_type), pa.array(arr) if not isinstance(arr, pa.Array) else arr)
    return out


def _same(make):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = _batches(make(rerun))
    ours = {}
    for k, (meta, arr) in _batches(make(rerun_nb)).items():
        from rerun_nb._baseclasses import batch_to_arrow

        ours[k] = (meta, batch_to_arrow(arr))
    assert set(ours) == set(theirs)
    for k in ours:
        assert ours[k][0] == theirs[k][0], k
        assert ours[k][1].equals(theirs[k][1]), (k, ours[k][1], theirs[k][1])


def test_user_archetype_matches_rerun():
    _same(lambda rr: _user_classes(rr)[1]([[0, 0, 0], [1, 1, 1]], [0.5, 0.9]))


def test_dynamic_archetype_matches_rerun():
    _same(lambda rr: rr.DynamicArchetype(archetype="MyArch", components={
        "confidence": [1.2, 3.4], "description": "Bla", "colors": rr.components.ColorBatch([[255, 0, 0]])}))


def test_dynamic_archetype_with_components_matches_rerun():
    _same(lambda rr: rr.DynamicArchetype("MyArch").with_component_from_data("a", [1, 2])
          .with_component_override("b", "rerun.components.Scalar", [3.0]))


def test_any_values_override_matches_rerun():
    # Names no other test logs: both SDKs keep a process-wide AnyValues type registry (the first type
    # logged under a name sticks), and rerun-sdk's here has seen none of rerun_nb's other tests.
    _same(lambda rr: rr.AnyValues(override_x=1.0).with_component_override("override_y", "rerun.components.Text",
                                                                          ["hi"])
          .with_component_from_data("override_z", np.arange(3)))


def test_descriptor_helpers_match_rerun():
    for rr in (rerun, rerun_nb):
        d = rr.ComponentDescriptor("conf").with_builtin_archetype("MyArch")
        assert (d.component, d.archetype) == ("MyArch:conf", "MyArch")
        e = rr.ComponentDescriptor("c", archetype="A").or_with_overrides(archetype="B", component_type="T")
        assert (e.archetype, e.component_type) == ("A", "T")


def test_dynamic_archetype_columns_match_rerun():
    for rr in (rerun, rerun_nb):
        cols = list(rr.DynamicArchetype.columns(archetype="MyArch", components={"a": [1, 2, 3]}))
        assert [c.component_descriptor().component for c in cols] == ["MyArch:a"]
        assert cols[0].as_arrow_array().to_pylist() == [[1], [2], [3]]


def test_custom_data_round_trips_through_rrd(tmp_path):
    _, custom = _user_classes(rerun_nb)
    rec = rerun_nb.RecordingStream("rerun_example_custom", send_properties=False)
    rec.log("pts", custom([[0, 0, 0], [1, 1, 1]], [0.5, 0.9]), static=True)
    rec.log("dyn", rerun_nb.DynamicArchetype("MyArch", components={"speed": [1.5]}), static=True)
    rec.save(tmp_path / "c.rrd")
    rec.disconnect()
    loaded = rerun_nb.load(tmp_path / "c.rrd").store
    desc = loaded.descriptor("/pts", "user.CustomPoints3D:confidences")
    assert (desc.archetype, desc.component_type) == ("user.CustomPoints3D", "user.Confidence")
    res = loaded.latest_at("pts", timeline="log_time", at=0)
    assert np.asarray(res["user.CustomPoints3D:confidences"]).tolist() == pytest.approx([0.5, 0.9])
    assert loaded.descriptor("/dyn", "MyArch:speed").archetype == "MyArch"
    # and rerun-sdk reads the same descriptors from our file
    store = rerun.chunk.RrdReader(str(tmp_path / "c.rrd")).store()
    seen = set()
    for chunk in store.stream():
        for field in chunk.to_record_batch().schema:
            meta = field.metadata or {}
            if b"rerun:component" in meta:
                seen.add((meta[b"rerun:component"].decode(), meta.get(b"rerun:component_type", b"").decode()))
    assert ("user.CustomPoints3D:confidences", "user.Confidence") in seen


def test_bad_custom_data_warns_or_raises():
    with pytest.raises(rerun_nb.error_utils.RerunError):
        rerun_nb.DynamicArchetype("", components={"a": [1]})
    with pytest.raises(rerun_nb.error_utils.RerunError):
        rerun_nb.DynamicArchetype("A", [1, 2])  # components passed positionally
    rerun_nb.set_strict_mode(False)
    with pytest.warns(rerun_nb.RerunWarning):
        arch = rerun_nb.DynamicArchetype("A", components={"a": object()})
    assert arch.as_component_batches() == []


def test_described_component_batch_in_rerun_order():
    desc = rerun_nb.ComponentDescriptor("user.Thing:speed", archetype="user.Thing", component_type="user.Speed")
    batch = rerun_nb.components.ScalarBatch([1.0, 2.0])
    for described in (rerun_nb.DescribedComponentBatch(batch, desc), rerun_nb.DescribedComponentBatch(desc, batch.data)):
        assert described.component_descriptor() == desc
        assert described.as_arrow_array().to_pylist() == [1.0, 2.0]
    with pytest.raises(TypeError):
        rerun_nb.DescribedComponentBatch(batch, "not a descriptor")
