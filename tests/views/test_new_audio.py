"""The audio view: the waveform of an AssetAudio (a WAV made here), its envelope where the sound is."""

from __future__ import annotations

import io
import wave

import numpy as np

import rerun_nb as rr
import rerun_nb.blueprint as rrb
from rerun_nb.layout import heuristic_layout
from rerun_nb.views._audio import decode_audio


def _wav(rate=8000, seconds=1.0) -> bytes:
    t = np.arange(int(rate * seconds)) / rate
    amp = np.where(t < 0.5, 0.9, 0.1)  # loud first half, quiet second half
    pcm = (np.sin(2 * np.pi * 440 * t) * amp * 32767).astype(np.int16)
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm.tobytes())
    return buf.getvalue()


def test_decode_audio_gives_samples_at_their_rate():
    samples, rate = decode_audio(_wav())
    assert rate == 8000 and len(samples) == 8000
    assert 0.85 < np.abs(samples[:4000]).max() <= 1.0 and np.abs(samples[4000:]).max() < 0.15


def test_waveform_is_tall_where_the_sound_is_loud(rec, make_layout):
    rec.set_time("time", duration=0.0)
    rec.log("audio", rr.AssetAudio(contents=_wav(), media_type="audio/wav"))
    rec.set_time("time", duration=0.25)
    rec.log("marker", rr.TextLog("t"))  # a later time on the timeline for the cursor
    r = make_layout(rec.store, 200, 100, blueprint=rrb.AudioView(origin="/audio"))
    img = r.render("time", 250_000_000)
    view, rect = r.views[0], r.placed[0][1]
    assert view.kind == "Audio" and view.duration_s == 1.0
    lit = img[..., :3].astype(int).sum(axis=-1) > 150
    loud_col, _ = view.to_pixel(0.4, 0, rect)
    quiet_col, _ = view.to_pixel(0.75, 0, rect)
    assert lit[:, int(loud_col)].sum() > 4 * lit[:, int(quiet_col)].sum() > 0


def test_heuristics_one_audio_view_per_asset():
    tree = heuristic_layout({"/a": {"AssetAudio"}, "/b": {"AssetAudio"}})
    assert [(v.kind, v.origin) for v in tree.children] == [("Audio", "/a"), ("Audio", "/b")]
