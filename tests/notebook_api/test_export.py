"""Exports of rerun_nb.notebook.Viewer: save_video (MP4 / GIF) frames equal render() at the same times,
screenshot, and snapshot (frames, size budget)."""

from __future__ import annotations

import base64
import io
import re
import sys
from pathlib import Path

import numpy as np
import pytest

from .conftest import frames_recording

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "examples"))
from dna import log_dna  # noqa: E402

import rerun_nb as rr  # noqa: E402

PIL = pytest.importorskip("PIL")
av = pytest.importorskip("av")


def dna_recording(steps: int, recording_id: str):
    rec = rr.RecordingStream("export_dna", recording_id=recording_id, send_properties=False)
    rec.set_log_time_enabled(False)
    log_dna(rec, steps=steps)
    return rec


def _rendered_at(viewer, seconds: float) -> np.ndarray:
    viewer.set_time_ctrl(duration=seconds, timeline="stable_time")
    return viewer.render()[:, :, :3].astype(int)


def _luma2(rgb: np.ndarray) -> np.ndarray:
    """Luma over 2x2 blocks: what 4:2:0 video keeps exactly (it halves only the chroma resolution)."""
    y = rgb @ np.array([0.299, 0.587, 0.114])
    h, w = y.shape[0] // 2 * 2, y.shape[1] // 2 * 2
    return y[:h, :w].reshape(h // 2, 2, w // 2, 2).mean(axis=(1, 3))


def _decode_video(path) -> list[np.ndarray]:
    with av.open(str(path)) as container:
        return [f.to_ndarray(format="rgb24").astype(int) for f in container.decode(video=0)]


def test_mp4_frames_equal_render_at_the_same_times(make_viewer, tmp_path):
    viewer = make_viewer(recording=dna_recording(30, "mp4"), width=320, height=240)  # stable_time 0..0.29 s
    seen = []
    viewer.on_event(seen.append)
    time_before = viewer.time
    path = viewer.save_video(tmp_path / "dna.mp4", fps=30, progress=False)
    assert seen == [] and viewer.time == time_before  # an export moves neither the time nor fires events
    frames = _decode_video(path)
    assert len(frames) == 9  # 0.00, 0.033, ..., 0.267 s: floor(0.29 * 30) + 1
    assert frames[0].shape == (240, 320, 3)
    with av.open(str(path)) as container:
        assert container.streams.video[0].average_rate == 30
    expected = {i: _rendered_at(viewer, i / 30) for i in (0, 4, 8)}
    for i, want in expected.items():
        err = np.abs(frames[i] - want)
        # H.264 4:2:0 at CRF 18: ~2/255 off on the background (limited-range YUV), soft thin colored lines
        assert err.mean() < 4.0 and np.median(err) <= 2, (i, err.mean())
        assert np.percentile(np.abs(_luma2(frames[i]) - _luma2(want)), 99) < 25, i
    # each video frame is the render at its own time, not a neighbour's
    for i, j in ((0, 4), (4, 8), (8, 4)):
        assert np.abs(frames[i] - expected[i]).mean() < np.abs(frames[i] - expected[j]).mean(), (i, j)
    # frames differ over time (the beads move): the video is not one frame repeated
    assert np.abs(frames[0] - frames[8]).mean() > 1.0


def test_gif_frames_close_to_render_and_sequence_steps(make_viewer, tmp_path):
    from PIL import Image, ImageSequence

    rec = rr.RecordingStream("gif", recording_id="gif", send_properties=False)
    rec.set_log_time_enabled(False)
    for i in range(6):  # the same points in a new color at each step: every frame differs
        rec.set_time("frame", sequence=i)
        rec.log("points", rr.Points3D(np.eye(3), radii=0.3, colors=[(40 * i, 255 - 40 * i, 60)]))
    viewer = make_viewer(recording=rec, width=160, height=120)
    path = viewer.save_video(tmp_path / "pts.gif", start=1, end=4, fps=10, progress=False)
    with Image.open(path) as gif:
        frames = [np.asarray(f.convert("RGB")).astype(int) for f in ImageSequence.Iterator(gif)]
        assert gif.info["duration"] == 100
    assert len(frames) == 4  # one frame per sequence step 1..4
    for i, step in enumerate(range(1, 5)):
        viewer.set_time_ctrl(sequence=step, timeline="frame")
        expected = viewer.render()[:, :, :3].astype(int)
        assert np.abs(frames[i] - expected).mean() < 1.5
    assert np.abs(frames[0] - frames[3]).mean() > 1.0


def test_save_video_rejects_bad_input(make_viewer, tmp_path):
    viewer = make_viewer(recording=frames_recording("bad", "bad", n=3))
    with pytest.raises(ValueError, match="unsupported file type"):
        viewer.save_video(tmp_path / "x.avi", progress=False)
    with pytest.raises(ValueError, match="no timeline 'nope'"):
        viewer.save_video(tmp_path / "x.mp4", timeline="nope", progress=False)
    with pytest.raises(ValueError, match="before start"):
        viewer.save_video(tmp_path / "x.mp4", start=2, end=1, progress=False)


def test_screenshot_returns_the_frame_and_writes_png(make_viewer, tmp_path):
    from PIL import Image

    viewer = make_viewer(recording=frames_recording("shot", "shot", n=3), width=160, height=120)
    image = viewer.screenshot(tmp_path / "shot.png")
    assert image.shape == (120, 160, 4) and image.dtype == np.uint8 and image.std() > 5
    np.testing.assert_array_equal(np.asarray(Image.open(tmp_path / "shot.png")), image)
    np.testing.assert_array_equal(viewer.screenshot(), viewer.render())


def _snapshot_images(html_text: str) -> list[np.ndarray]:
    from PIL import Image

    (frames,) = re.findall(r'data-frames="([^"]*)"', html_text)
    return [np.asarray(Image.open(io.BytesIO(base64.b64decode(u.split(",", 1)[1]))).convert("RGB")).astype(int)
            for u in frames.split(" ")]


def test_snapshot_of_60_dna_frames_at_640x480_is_under_2_mb(make_viewer):
    viewer = make_viewer(recording=dna_recording(400, "snap"), width=640, height=480)
    snap = viewer.snapshot(frames=60, progress=False)
    html_text = snap._repr_html_()
    assert len(snap.times) == 60 and snap.times[0] == 0 and snap.times[-1] == 3_990_000_000
    assert snap.nbytes < 2_000_000, snap.nbytes
    images = _snapshot_images(html_text)
    assert len(images) == 60 and images[0].shape == (480, 640, 3)
    for i in (0, 30, 59):  # each frame is the render at its time (WebP q60 tolerance)
        expected = viewer.widget.render_at("stable_time", int(snap.times[i]))[:, :, :3].astype(int)
        assert np.abs(images[i] - expected).mean() < 4.0
    assert np.abs(images[0] - images[59]).mean() > 1.0
    assert "stable_time 3.990 s" in html_text and 'type=\'range\'' in html_text and "oninput" in html_text
