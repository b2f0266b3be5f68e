"""The log API surface: AnyValues, raw component batches, images, text, tensors, recordings."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pytest

import rerun_nb as rr
from rerun_nb.error_utils import RerunError


def as_list(batch):
    """Numeric batches come back as numpy, others as Arrow."""
    return batch.tolist() if isinstance(batch, np.ndarray) else batch.to_pylist()


def test_any_values_kept_and_queryable(rec):
    rr.log("meta", rr.AnyValues(confidence=[0.3, 0.9], description="hello", count=np.arange(3)))
    res = rec.store.latest_at("meta", timeline="frame")
    assert as_list(res["confidence"]) == [0.3, 0.9]
    assert res["description"].to_pylist() == ["hello"]
    assert res["count"].tolist() == [0, 1, 2]
    assert rec.store.descriptor("meta", "confidence").archetype is None


def test_any_values_changing_type_between_calls(rec):
    """As rerun-sdk 0.41: a name keeps the type it was first logged with; a value that can't be converted to it
    is refused at that call (strict: RerunError; else warned and dropped), and the store stays readable."""
    rr.set_time("f", sequence=0)
    rr.log("m", rr.AnyValues(x=[1, 2]))
    rr.set_time("f", sequence=1)
    with pytest.raises(RerunError, match="first logged"):
        rr.log("m", rr.AnyValues(x=["a"]))
    rr.set_strict_mode(False)
    with pytest.warns(rr.RerunWarning, match="first logged"):
        rr.log("m", rr.AnyValues(x=["a"]))
    rr.log("m", rr.AnyValues(x=[3.0]))  # converts to the first type, as rerun-sdk does
    assert as_list(rec.store.latest_at("m", timeline="f", at=0)["x"]) == [1, 2]
    assert as_list(rec.store.latest_at("m", timeline="f", at=1)["x"]) == [3]
    assert rec.store.reader("f").to_arrow_table().num_rows == 2


def test_described_component_batches_and_extra(rec):
    colors = rr.components.ColorBatch([[255, 0, 0]]).described(rr.Points3D.descriptor_colors())
    rr.log("p", rr.Points3D([[0, 0, 0]]), [colors])
    res = rec.store.latest_at("p", timeline="f")
    assert res["Points3D:colors"].tolist() == [0xFF0000FF]


def test_image_text_tensor_scalars(rec):
    img = np.zeros((4, 6, 3), np.uint8)
    img[0, 0] = [255, 0, 0]
    rr.log("img", rr.Image(img))
    rr.log("depth", rr.DepthImage(np.ones((2, 3), np.uint16), meter=1000))
    rr.log("log", rr.TextLog("hello", level=rr.TextLogLevel.WARN))
    rr.log("doc", rr.TextDocument("# Title", media_type="text/markdown"))
    rr.log("tensor", rr.Tensor(np.arange(24).reshape(2, 3, 4), dim_names=["a", "b", "c"]))
    rr.log("bars", rr.BarChart([1, 2, 3]))
    rr.log("plot", rr.Scalars([1.0, 2.0]))
    s = rec.store
    image = s.latest_at("img", timeline="f")
    fmt = image["Image:format"].to_pylist()[0]
    assert (fmt["width"], fmt["height"], fmt["color_model"], fmt["channel_datatype"]) == (6, 4, 2, 6)
    buffer = image["Image:buffer"]
    assert isinstance(buffer, pa.Array) and buffer.to_pylist()[0][:3] == [255, 0, 0]
    assert s.latest_at("log", timeline="f")["TextLog:level"].to_pylist() == ["WARN"]
    tensor = s.latest_at("tensor", timeline="f")["Tensor:data"].to_pylist()[0]
    assert tensor["shape"] == [2, 3, 4] and tensor["names"] == ["a", "b", "c"] and tensor["buffer"][-1] == 23
    assert s.latest_at("plot", timeline="f")["Scalars:scalars"].tolist() == [1.0, 2.0]


def test_transform_variants(rec):
    rr.log("a", rr.Transform3D(translation=[1, 2, 3], rotation=rr.Quaternion(xyzw=[0, 0, 0, 1]), scale=2))
    rr.log("b", rr.Transform3D(mat3x3=[[1, 2, 3], [4, 5, 6], [7, 8, 9]], relation=rr.TransformRelation.ChildFromParent))
    rr.log("c", rr.Transform3D(from_parent=True))
    res = rec.store.latest_at("a", timeline="f")
    assert res["Transform3D:scale"].tolist() == [[2, 2, 2]]
    assert res["Transform3D:quaternion"].tolist() == [[0, 0, 0, 1]]
    res = rec.store.latest_at("b", timeline="f")
    assert res["Transform3D:mat3x3"].tolist() == [[1, 4, 7, 2, 5, 8, 3, 6, 9]]  # column-major like Rerun
    assert res["Transform3D:relation"].tolist() == [2]
    assert rec.store.latest_at("c", timeline="f")["Transform3D:relation"].tolist() == [2]


def test_view_coordinates_and_pinhole(rec):
    rr.log("world", rr.ViewCoordinates.RIGHT_HAND_Z_UP, static=True)
    rr.log("world/cam", rr.Pinhole(focal_length=100, width=640, height=480))
    s = rec.store
    assert s.latest_at("world", timeline="f")["ViewCoordinates:xyz"].tolist() == [[3, 5, 1]]
    proj = s.latest_at("world/cam", timeline="f")["Pinhole:image_from_camera"][0]
    assert proj.tolist() == [100, 0, 0, 0, 100, 0, 320, 240, 1]


def test_recording_identity():
    rr.init("my_app", recording_id="abc")
    assert rr.get_application_id() == "my_app" and rr.get_recording_id() == "abc"
    rec = rr.get_global_data_recording()
    # Rerun writes the recording's start time as a static property.
    assert rec.store.entity_paths(include_properties=True) == ["/__properties"]
    assert rec.store.entity_paths() == []
    rr.init("other")
    assert rr.get_global_data_recording() is not rec


def test_store_to_parquet(rec, tmp_path):
    import pyarrow.parquet as pq

    for f in range(3):
        rr.set_time("f", sequence=f)
        rr.log("a/b", rr.Points3D([[f, 0, 0]]))
    files = rec.store.to_parquet(tmp_path)
    table = pq.read_table(files["/a/b"])
    assert table.num_rows == 3 and "f" in table.column_names


def test_reader_with_a_component_missing_from_the_first_chunk(rec):
    rr.set_time("f", sequence=0)
    rr.log("e", rr.Points3D([[0, 0, 0]]))
    rec.store.flush()
    rr.set_time("f", sequence=1)
    rr.log("e", rr.Points3D.from_fields(colors=[255, 0, 0]))
    table = rec.store.reader("f", contents="/e").to_arrow_table()
    assert table.column("/e:Points3D:colors").to_pylist() == [None, [0xFF0000FF]]
    assert table.column("/e:Points3D:positions").null_count == 1
