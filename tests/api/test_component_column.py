"""`rr.ComponentColumn` / `rr.ComponentColumnList` built as rerun-sdk 0.41 builds them (descriptor as a name or a
ComponentDescriptor, a component batch, keyword `lengths` or `offsets`), compared with rerun-sdk's arrays."""

from __future__ import annotations

import numpy as np
import pytest

import rerun_nb as rr

rerun = pytest.importorskip("rerun")


def _both(make):
    return make(rr).as_arrow_array(), make(rerun).as_arrow_array()


@pytest.mark.parametrize("kwargs", [{}, {"lengths": [1, 2, 0]}, {"offsets": np.array([0, 2, 3, 3], np.int32)}])
def test_column_from_a_component_batch(kwargs):
    def make(m):
        batch = m.components.Position3DBatch([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
        return m.ComponentColumn(m.Points3D.descriptor_positions(), batch, **kwargs)

    ours, theirs = _both(make)
    assert ours.equals(theirs)


def test_column_with_a_plain_name_and_partition():
    def make(m):
        col = m.ComponentColumn("my_scalar", m.components.ScalarBatch([1.0, 2.0, 3.0, 4.0]))
        return col.partition([2, 2])

    ours, theirs = _both(make)
    assert ours.equals(theirs)
    assert rr.ComponentColumn("my_scalar", rr.components.ScalarBatch([1.0])).descriptor.component == "my_scalar"


def test_both_lengths_and_offsets_is_an_error():
    with pytest.raises(ValueError, match="both"):
        rr.ComponentColumn("x", rr.components.ScalarBatch([1.0]), lengths=[1], offsets=[0, 1])


def test_user_built_columns_send_like_rerun(tmp_path):
    rec = rr.RecordingStream("cc", send_properties=False)
    col = rr.ComponentColumn(rr.Points3D.descriptor_positions(),
                             rr.components.Position3DBatch(np.arange(18, dtype=np.float32).reshape(6, 3)),
                             lengths=[2, 4])
    cols = rr.ComponentColumnList([col])
    rec.send_columns("pts", indexes=[rr.TimeColumn("t", sequence=[0, 1])], columns=cols)
    res = rec.store.latest_at("pts", timeline="t", sequence=1)
    assert len(res["Points3D:positions"]) == 4
