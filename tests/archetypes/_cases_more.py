"""Parity cases for the archetypes added for the full 0.41 surface (see test_parity.py for the protocol)."""

from __future__ import annotations

import numpy as np

PNG = b"\x89PNG\r\n\x1a\n" + bytes(16)


def _asset_file(tmp_dir, name: str, data: bytes) -> str:
    path = tmp_dir / name
    path.write_bytes(data)
    return str(path)


def add_more_cases(add, tmp_dir) -> None:
    add("Ellipses2D-half_sizes", lambda rr: rr.Ellipses2D(half_sizes=[[1, 2], [3, 4]], centers=[[0, 0], [1, 1]]))
    add("Ellipses2D-all", lambda rr: rr.Ellipses2D(half_sizes=[1, 2], centers=[0, 0], line_radii=0.1,
                                                   colors=[255, 0, 0], labels="e", show_labels=True, draw_order=2,
                                                   class_ids=3))
    add("GaussianSplats3D-min", lambda rr: rr.GaussianSplats3D([[0, 0, 0], [1, 1, 1]]))
    add("GaussianSplats3D-all", lambda rr: rr.GaussianSplats3D(
        np.zeros((2, 3)), scales=[[1, 1, 1], [2, 2, 2]], quaternions=[[0, 0, 0, 1]] * 2, colors=[[255, 0, 0]] * 2,
        sh_coefficients=np.arange(90, dtype=np.float32).reshape(2, 15, 3) / 90, spherical_harmonics_degree=3))
    add("GeoPoints-one", lambda rr: rr.GeoPoints(lat_lon=[59.3, 18.1]))
    add("GeoPoints-all", lambda rr: rr.GeoPoints(lat_lon=np.array([[59.3, 18.1], [48.8, 2.3]]), radii=[5, 6],
                                                 colors=[0, 0, 255], class_ids=[1, 2]))
    add("GeoLineStrings-one", lambda rr: rr.GeoLineStrings(lat_lon=[[59.3, 18.1], [48.8, 2.3]]))
    add("GeoLineStrings-many", lambda rr: rr.GeoLineStrings(
        lat_lon=[np.array([[0, 0], [1, 1]]), [[2, 2], [3, 3], [4, 4]]], radii=2.0, colors=[[255, 0, 0]]))
    add("GraphNodes-ids", lambda rr: rr.GraphNodes(["a", "b", "c"]))
    add("GraphNodes-all", lambda rr: rr.GraphNodes(node_ids=["a", "b"], positions=[[0, 0], [1, 1]],
                                                   colors=[[255, 0, 0], [0, 255, 0]], labels=["A", "B"],
                                                   show_labels=True, radii=[1, 2]))
    add("GraphEdges-tuples", lambda rr: rr.GraphEdges([("a", "b"), ("b", "c")]))
    add("GraphEdges-directed", lambda rr: rr.GraphEdges([["a", "b"]], graph_type=rr.GraphType.Directed))
    add("GraphEdges-type-name", lambda rr: rr.GraphEdges([("a", "b")], graph_type="undirected"))
    add("GridMap-all", lambda rr: rr.GridMap(
        data=np.zeros(6, np.uint8), format=rr.components.ImageFormat(width=3, height=2, color_model="L",
                                                                     channel_datatype="U8"),
        cell_size=0.5, translation=[1, 2, 3], quaternion=rr.Quaternion(xyzw=[0, 0, 0, 1]), opacity=0.5,
        draw_order=1, colormap="Viridis"))
    add("VoxelGridMap-min", lambda rr: rr.VoxelGridMap([[0, 0, 0], [1, 2, 3]], [0.1, 0.1, 0.1]))
    add("VoxelGridMap-all", lambda rr: rr.VoxelGridMap(
        np.array([[0, 0, 0], [-1, 2, 3]]), [0.5, 0.5, 0.5], values=[0.1, 0.9], colors=[[255, 0, 0], [0, 0, 255]],
        translation=[0, 0, 1], rotation_axis_angle=rr.RotationAxisAngle(axis=[0, 0, 1], degrees=90), opacity=1.0,
        value_range=[0, 1], colormap="Turbo"))
    add("Volume3D-all", lambda rr: rr.Volume3D(
        np.arange(24, dtype=np.float32).reshape(2, 3, 4), voxel_size=[1, 1, 1], translation=[0, 0, 0],
        quaternion=[0, 0, 0, 1], value_range=[0, 23], gamma=2.2, colormap="Inferno", optical_density=0.5))
    add("TransformAxes3D-min", lambda rr: rr.TransformAxes3D(1.0))
    add("TransformAxes3D-show", lambda rr: rr.TransformAxes3D(0.5, show_frame=True))
    add("CoordinateFrame-str", lambda rr: rr.CoordinateFrame("world"))
    add("StateChange-str", lambda rr: rr.StateChange(state="running"))
    add("StateChange-list", lambda rr: rr.StateChange(state=["idle", "running"]))
    add("StateConfiguration-all", lambda rr: rr.StateConfiguration(
        values=["idle", "run"], labels=["Idle", "Running"], colors=[[128, 128, 128], [0, 255, 0]],
        visible=[True, False]))
    add("Measurements-min", lambda rr: rr.Measurements([1.0, 2.0]))
    add("Measurements-all", lambda rr: rr.Measurements(
        3.5, variances=0.25, units="m", colors=[255, 0, 0], widths=2, names="depth", visible_series=True,
        aggregation_policy="Average", interpolation_mode="StepAfter"))
    add("Asset3D-contents", lambda rr: rr.Asset3D(contents=b"solid x\nendsolid x\n", media_type=rr.MediaType.STL))
    glb = _asset_file(tmp_dir, "m.glb", b"glTF" + bytes(12))
    add("Asset3D-path", lambda rr: rr.Asset3D(path=glb, albedo_factor=[255, 0, 0, 255]))
    add("Asset3D-neither", lambda rr: rr.Asset3D())
    wav = _asset_file(tmp_dir, "a.wav", b"RIFF" + bytes(40))
    add("AssetAudio-path", lambda rr: rr.AssetAudio(path=wav))
    add("AssetAudio-contents", lambda rr: rr.AssetAudio(contents=b"ID3" + bytes(8), media_type="audio/mpeg"))
    mp4 = _asset_file(tmp_dir, "v.mp4", bytes(32))
    add("AssetVideo-path", lambda rr: rr.AssetVideo(path=mp4))
    add("AssetVideo-contents", lambda rr: rr.AssetVideo(contents=np.zeros(8, np.uint8), media_type="video/mp4"))
    add("VideoFrameReference-nanos", lambda rr: rr.VideoFrameReference(nanoseconds=1_500_000_000))
    add("VideoFrameReference-secs", lambda rr: rr.VideoFrameReference(seconds=1.5, video_reference="video"))
    add("VideoFrameReference-ts", lambda rr: rr.VideoFrameReference(12345, opacity=0.5, draw_order=2))
    add("VideoFrameReference-none", lambda rr: rr.VideoFrameReference())
    add("VideoStream-h264", lambda rr: rr.VideoStream(rr.VideoCodec.H264, sample=b"\x00\x00\x01", is_keyframe=True))
    add("VideoStream-codec-name", lambda rr: rr.VideoStream("AV1", opacity=1.0, draw_order=3))
    add("EncodedDepthImage-all", lambda rr: rr.EncodedDepthImage(
        PNG, media_type="image/png", meter=1000, colormap="Turbo", depth_range=[0, 5], point_fill_ratio=0.5,
        draw_order=1, magnification_filter="Nearest"))
    add("McapChannel-all", lambda rr: rr.McapChannel(id=1, topic="/cam", message_encoding="cdr",
                                                     metadata={"a": "1", "b": "2"}))
    add("McapChannel-min", lambda rr: rr.McapChannel(id=2, topic="/imu", message_encoding="json"))
    add("McapMessage-bytes", lambda rr: rr.McapMessage(b"\x01\x02\x03"))
    add("McapSchema-all", lambda rr: rr.McapSchema(id=1, name="sensor_msgs/Image", encoding="ros2msg",
                                                   data=b"uint32 height"))
    add("McapStatistics-all", lambda rr: rr.McapStatistics(
        message_count=10, schema_count=1, channel_count=2, attachment_count=0, metadata_count=0, chunk_count=1,
        message_start_time=0, message_end_time=10**9))
    add("RecordingInfo-all", lambda rr: rr.archetypes.RecordingInfo(start_time=123, name="run"))
