"""Video in the 2D view: an AssetVideo frame picked by VideoFrameReference, and a VideoStream decoded up to
the current time, each compared with the frame PyAV decodes from the same bytes (videos made here with PyAV)."""

from __future__ import annotations

import io
from fractions import Fraction

import numpy as np
import pytest

import rerun_nb as rr
import rerun_nb.blueprint as rrb

av = pytest.importorskip("av")

COLORS = [(230, 30, 30), (30, 200, 40), (40, 60, 220)]
W, H = 64, 48


def _frames():
    return [np.full((H, W, 3), c, np.uint8) for c in COLORS]


def _mp4() -> bytes:
    buf = io.BytesIO()
    with av.open(buf, "w", format="mp4") as out:
        s = out.add_stream("libx264", rate=10)
        s.width, s.height, s.pix_fmt = W, H, "yuv420p"
        s.options = {"bf": "0", "g": "1"}
        for img in _frames():
            for p in s.encode(av.VideoFrame.from_ndarray(img, format="rgb24")):
                out.mux(p)
        for p in s.encode():
            out.mux(p)
    return buf.getvalue()


def _h264_samples() -> list[tuple[bytes, bool]]:
    enc = av.CodecContext.create("libx264", "w")
    enc.width, enc.height, enc.pix_fmt = W, H, "yuv420p"
    enc.time_base = Fraction(1, 10)
    enc.options = {"bf": "0", "g": "2", "tune": "zerolatency"}
    samples = []
    for i, img in enumerate(_frames()):
        frame = av.VideoFrame.from_ndarray(img, format="rgb24")
        frame.pts = i
        samples += [(bytes(p), p.is_keyframe) for p in enc.encode(frame)]
    samples += [(bytes(p), p.is_keyframe) for p in enc.encode()]
    return samples


def _pyav_frames(blob: bytes) -> list[np.ndarray]:
    with av.open(io.BytesIO(blob)) as c:
        return [f.to_ndarray(format="rgba") for f in c.decode(video=0)]


def _center(img):
    return img[img.shape[0] // 2, img.shape[1] // 2, :3].astype(int)


def test_asset_video_frame_reference_shows_the_referenced_frame(rec, make_layout):
    blob = _mp4()
    truth = _pyav_frames(blob)
    assert len(truth) == 3
    rec.log("video", rr.AssetVideo(contents=blob, media_type="video/mp4"), static=True)
    for i in range(3):
        rec.set_time("t", sequence=i)
        rec.log("video", rr.VideoFrameReference(nanoseconds=i * 100_000_000))
    r = make_layout(rec.store, W * 2, H * 2)
    assert [v.kind for v in r.views] == ["2D"]
    for i in range(3):
        img = r.render("t", i)
        assert np.abs(_center(img) - truth[i][H // 2, W // 2, :3].astype(int)).max() <= 2, i
        assert np.abs(_center(img) - np.array(COLORS[i])).max() <= 12, i


def test_frame_reference_to_another_entity_and_between_frames(rec, make_layout):
    blob = _mp4()
    truth = _pyav_frames(blob)
    rec.log("assets/clip", rr.AssetVideo(contents=blob, media_type="video/mp4"), static=True)
    rec.set_time("t", sequence=0)
    rec.log("screen", rr.VideoFrameReference(seconds=0.15, video_reference="assets/clip"))  # between frames 1, 2
    r = make_layout(rec.store, W, H, blueprint=rrb.Spatial2DView(origin="/screen"))
    img = r.render("t", 0)
    assert np.abs(_center(img) - truth[1][H // 2, W // 2, :3].astype(int)).max() <= 2


def test_video_stream_decoded_up_to_the_current_time(rec, make_layout):
    samples = _h264_samples()
    assert len(samples) == 3
    rec.log("cam", rr.VideoStream(codec=rr.VideoCodec.H264), static=True)
    for i, (data, key) in enumerate(samples):
        rec.set_time("t", sequence=i)
        rec.log("cam", rr.VideoStream.from_fields(sample=data, is_keyframe=key))
    r = make_layout(rec.store, W, H, blueprint=rrb.Spatial2DView(origin="/cam"))
    for i in (0, 1, 2, 0, 2):  # forward, then back (a fresh decode from the keyframe), then forward
        img = r.render("t", i)
        assert np.abs(_center(img) - np.array(COLORS[i])).max() <= 12, i
