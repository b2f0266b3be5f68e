"""log_file_from_path / log_file_from_contents: the same entities and components rerun-sdk 0.41's loaders log,
on small files written here; unknown or damaged files are reported by name and nothing else is lost."""

from __future__ import annotations

import time
import warnings

import numpy as np
import pyarrow as pa
import pytest

import rerun_nb as rr

rerun = pytest.importorskip("rerun", reason="rerun-sdk 0.41 is the reference")

URDF = """<?xml version="1.0"?>
<robot name="bot">
  <material name="red"><color rgba="1 0 0 1"/></material>
  <link name="base">
    <visual><origin xyz="0 0 0.1" rpy="0 0 0"/><geometry><box size="1 2 0.2"/></geometry><material name="red"/></visual>
  </link>
  <link name="arm">
    <visual><geometry><cylinder radius="0.1" length="0.5"/></geometry></visual>
    <visual><origin xyz="0.1 0 0" rpy="0.3 0.2 0.1"/><geometry><sphere radius="0.05"/></geometry></visual>
  </link>
  <link name="tool"><visual><geometry><mesh filename="meshes/cube.obj" scale="2 2 2"/></geometry></visual></link>
  <joint name="j1" type="revolute"><parent link="base"/><child link="arm"/>
    <origin xyz="0 0 0.2" rpy="0 0 1.5707963"/><axis xyz="0 0 1"/></joint>
  <joint name="j2" type="fixed"><parent link="arm"/><child link="tool"/><origin xyz="0 0 0.5"/></joint>
</robot>
"""


@pytest.fixture
def files(tmp_path):
    from PIL import Image

    Image.fromarray(np.arange(60, dtype=np.uint8).reshape(4, 5, 3)).save(tmp_path / "img.png")
    Image.fromarray(np.zeros((4, 5, 3), np.uint8)).save(tmp_path / "img.jpg")
    (tmp_path / "meshes").mkdir()
    (tmp_path / "meshes" / "cube.obj").write_text("v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n")
    (tmp_path / "m.stl").write_bytes(b"solid x\nendsolid x\n")
    (tmp_path / "m.glb").write_bytes(b"glTF" + bytes(16))
    (tmp_path / "pts.ply").write_text(
        "ply\nformat ascii 1.0\nelement vertex 2\nproperty float x\nproperty float y\nproperty float z\n"
        "property uchar red\nproperty uchar green\nproperty uchar blue\nend_header\n0 0 0 255 0 0\n1 2 3 0 255 0\n")
    (tmp_path / "notes.md").write_text("# hi")
    (tmp_path / "r.urdf").write_text(URDF)
    return tmp_path


def _write_mp4(path):
    import av

    if "libx264" not in av.codecs_available:
        pytest.skip("this PyAV build has no H.264 encoder (rerun-sdk reads H.264/AV1/HEVC MP4s only)")
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=10)
        stream.width, stream.height, stream.pix_fmt = 32, 32, "yuv420p"
        for i in range(5):
            frame = av.VideoFrame.from_ndarray(np.full((32, 32, 3), i * 40, np.uint8), format="rgb24")
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)


def _logged(chunks) -> dict:
    """{entity: {component: values}} plus which timelines each entity's component has."""
    out: dict = {}
    for chunk in chunks:
        if chunk.entity_path == "/__properties":
            continue
        batch = chunk.to_record_batch()
        timelines = sorted(f.name for f in batch.schema if (f.metadata or {}).get(b"rerun:kind") == b"index")
        for field, arr in zip(batch.schema, batch.columns):
            meta = field.metadata or {}
            if meta.get(b"rerun:kind", b"data") != b"data":
                continue
            comp = meta[b"rerun:component"].decode()
            values = arr.to_pylist()
            if isinstance(arr.type, pa.ListType) and arr.type.value_type == pa.float32():
                values = [np.round(v, 5).tolist() if v is not None else None for v in values]
            elif comp.endswith(("quaternion", "quaternions", "translation", "translations", "half_sizes")):
                values = [np.round(np.array(v, float), 5).tolist() for v in values]
            out.setdefault(chunk.entity_path, {})[comp] = (timelines, values)
    return out


def _theirs(tmp_path, name, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rec = rerun.RecordingStream("rerun_example_loaders", recording_id="r")
        out = tmp_path / f"theirs-{name.replace('/', '_')}.rrd"
        rec.save(str(out))
        rec.log_file_from_path(str(tmp_path / name), **kwargs)
        rec.flush()
        rec.disconnect()
        time.sleep(0.2)
        return _logged(rerun.chunk.RrdReader(str(out)).stream().to_chunks())


def _ours(tmp_path, name, **kwargs):
    rec = rr.RecordingStream("rerun_example_loaders", recording_id="r", send_properties=False)
    rec.log_file_from_path(tmp_path / name, **kwargs)
    rec.flush()
    return _logged(rr.chunk.Chunk(c) for c in rec.store.store_chunks())


def _drop_times(logged: dict) -> dict:
    return {e: {c: v for c, (_, v) in comps.items()} for e, comps in logged.items()}


@pytest.mark.parametrize("name", ["img.png", "img.jpg", "m.stl", "m.glb", "meshes/cube.obj", "pts.ply", "notes.md"])
def test_simple_loaders_match_rerun(files, name):
    ours, theirs = _ours(files, name), _theirs(files, name)
    assert ours == theirs  # also: both static (no timelines)


def test_prefix_and_static_match_rerun(files):
    kwargs = {"entity_path_prefix": "pre/fix", "static": True}
    assert _ours(files, "img.png", **kwargs) == _theirs(files, "img.png", **kwargs)


def test_video_loader_matches_rerun(files):
    _write_mp4(files / "v.mp4")
    ours, theirs = _ours(files, "v.mp4"), _theirs(files, "v.mp4")
    assert ours.keys() == theirs.keys()
    [entity] = ours
    assert ours[entity]["VideoFrameReference:timestamp"] == theirs[entity]["VideoFrameReference:timestamp"]
    assert ours[entity]["VideoFrameReference:timestamp"][1] == [[0], [100_000_000], [200_000_000], [300_000_000],
                                                                [400_000_000]]
    assert ours[entity]["AssetVideo:blob"][0] == ["video"]
    assert ours[entity]["AssetVideo:blob"][1] == theirs[entity]["AssetVideo:blob"][1]


def test_urdf_loader_matches_rerun(files):
    ours, theirs = _ours(files, "r.urdf"), _theirs(files, "r.urdf")
    assert _drop_times(ours) == _drop_times(theirs)
    assert ours["/tf_static"] == theirs["/tf_static"]  # static: no timeline in either


def test_log_file_from_contents(files, rec):
    rr.log_file_from_contents("virtual/dir/img.png", (files / "img.png").read_bytes(), entity_path_prefix="c")
    res = rec.store.latest_at("/c/virtual/dir/img.png", timeline="log_time", at=0)
    assert res["EncodedImage:media_type"].to_pylist() == ["image/png"]


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("x.unknownext", b"?", "no loader for '.unknownext'"),
    ("broken.ply", b"ply\nformat ascii 1.0\nelement vertex 3\n", "not a readable PLY"),
    ("broken.urdf", b"<robot><link", "not valid URDF"),
    ("broken.mp4", b"\x00" * 64, "not a readable video"),
    ("bad.txt", b"\xff\xfe\xfa", "not UTF-8"),
])
def test_bad_files_are_reported_by_name_and_the_rest_is_kept(rec, tmp_path, name, data, reason):
    (tmp_path / name).write_bytes(data)
    rec.log("kept", rr.Points3D([[1, 2, 3]]), static=True)
    with pytest.raises(rr.error_utils.RerunError, match=reason) as err:
        rr.log_file_from_path(tmp_path / name)
    assert name in str(err.value)
    rr.set_strict_mode(False)
    with pytest.warns(rr.RerunWarning, match=reason):
        rr.log_file_from_path(tmp_path / name)
    assert rec.store.entity_paths() == ["/kept"]


def test_missing_file_is_reported(rec, tmp_path):
    with pytest.raises(rr.error_utils.RerunError, match="missing.png.*No such file"):
        rr.log_file_from_path(tmp_path / "missing.png")


def test_import_rerun_nb_loads_no_loader_libraries():
    import subprocess
    import sys

    code = ("import sys, rerun_nb as rr\nrr.init('x')\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('av', 'plyfile', 'PIL')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.strip() == "[]"


def test_mp4_reader_asset_mode_matches_rerun(files):
    _write_mp4(files / "v.mp4")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = _logged(rerun.experimental.Mp4Reader(str(files / "v.mp4"), mode="asset").stream().to_chunks())
    ours = _logged(rr.experimental.Mp4Reader(files / "v.mp4", mode="asset").stream().to_chunks())
    assert ours == theirs
    with pytest.raises(NotImplementedError, match="stream"):
        rr.experimental.Mp4Reader(files / "v.mp4").stream()
