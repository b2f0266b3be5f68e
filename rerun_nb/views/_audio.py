"""The audio view: the waveform of an ``AssetAudio`` (decoded with PyAV), with the current time on it.

As Rerun 0.41's ``AudioView``, the audio starts at the time the asset was logged; x is seconds since then
(on a duration/timestamp timeline the current time is a vertical line on the waveform). The waveform is
the min/max envelope of the mono mix per column bin. Playback is not available: rerun_nb's viewer sends
frames, not sound, so ``playback`` (volume) is kept in the blueprint and named in the view's notice.
"""

from __future__ import annotations

import io

import numpy as np

from ..query import batch
from ..viewer import _objects
from ..viewer._colors import auto_color
from ._flat import FlatView

__all__ = ["AudioView", "decode_audio"]

BLOB = "AssetAudio:blob"
BINS = 2000


def decode_audio(blob: bytes) -> tuple[np.ndarray, int]:
    """(mono float32 samples, sample rate) of an audio file's bytes."""
    import av

    chunks, rate = [], 0
    with av.open(io.BytesIO(blob)) as container:
        stream = container.streams.audio[0]
        rate = stream.rate or stream.codec_context.sample_rate
        for frame in container.decode(stream):
            a = frame.to_ndarray().astype(np.float32)
            if frame.format.is_planar:
                a = a.mean(axis=0)
            else:
                a = a.reshape(-1, len(frame.layout.channels)).mean(axis=1)
            if frame.format.name.startswith(("s16", "s32", "u8")):
                a = a / float(np.iinfo({"s16": np.int16, "s32": np.int32, "u8": np.uint8}[frame.format.name[:3]]).max)
            chunks.append(a)
    return (np.concatenate(chunks) if chunks else np.zeros(0, np.float32)), int(rate)


def _envelope(samples: np.ndarray, rate: int) -> np.ndarray:
    """(2 * bins, 3) vertical segments (x seconds, y min..max), one per bin."""
    n = len(samples)
    bins = max(1, min(BINS, n))
    edges = np.linspace(0, n, bins + 1).astype(np.int64)
    lo = np.minimum.reduceat(samples, edges[:-1]) if n else np.zeros(1)
    hi = np.maximum.reduceat(samples, edges[:-1]) if n else np.zeros(1)
    x = (edges[:-1] + edges[1:]) / 2 / max(rate, 1)
    seg = np.zeros((2 * bins, 3), np.float32)
    seg[0::2, 0], seg[1::2, 0] = x, x
    seg[0::2, 1], seg[1::2, 1] = -hi, -lo  # y down: positive amplitude up
    return seg


class AudioView(FlatView):
    """Rerun's ``AudioView``: the waveform of ``AssetAudio`` entities (no sound)."""

    kind = "Audio"
    applied_properties = frozenset()

    def __init__(self, store, **kwargs):
        super().__init__(store, **kwargs)
        self.camera.maintain_aspect = False
        self.duration_s: float | None = None
        self.start_time: int | None = None
        self._decoded: dict[int, tuple[np.ndarray, int]] = {}
        self._cursor = None
        self._scale = None

    def rebuild(self, timeline, at) -> None:
        self.content.clear()
        self._cursor = None
        self.duration_s = None
        kind = self.store.timeline_kind(timeline)
        self._scale = None if kind == "sequence" else 1e-9
        for path in self.entity_paths_with(BLOB):
            r = self.store.latest_at(path, timeline=timeline, at=at)
            b = batch(r, BLOB)
            if b is None:
                continue
            cell = b[0]
            values = cell.values.to_numpy(zero_copy_only=False) if hasattr(cell, "values") else np.asarray(cell)
            blob = np.asarray(values, np.uint8).tobytes()
            key = hash(blob)
            if key not in self._decoded:
                self._decoded = {key: decode_audio(blob)}  # one asset at a time is kept decoded
            samples, rate = self._decoded[key]
            seg = _envelope(samples, rate)
            colors = np.tile(auto_color(path), (len(seg), 1))
            self.content.add(_objects.lines(None, seg, colors, thickness=1.0, thickness_space="screen",
                                            segments=True))
            self.duration_s = len(samples) / max(rate, 1)
            times = self.tracker.times_on(path, timeline)
            self.start_time = int(times[0]) if len(times) else None
            break  # Rerun's audio view shows one asset (its origin's)

    def update(self, timeline, at) -> None:
        super().update(timeline, at)
        if self.duration_s is None or self._scale is None or at is None or self.start_time is None:
            return
        x = (int(at) - self.start_time) * self._scale
        pos = np.array([[x, -1.1, 1], [x, 1.1, 1]], np.float32)
        self.place_cursor(pos)

    def content_bounds(self):
        if self.duration_s is None:
            return None
        return 0.0, max(self.duration_s, 1e-3), -1.1, 1.1
