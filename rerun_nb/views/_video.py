"""Video in the 2D view, decoded with PyAV: ``AssetVideo`` + ``VideoFrameReference``, and ``VideoStream``.

* ``VideoFrameReference`` (at the view's time) names a timestamp inside a video: the ``AssetVideo`` of
  ``video_reference`` (default: the same entity). The frame shown is the last one whose presentation
  time is at or before that timestamp, as Rerun does. Containers are opened once per blob and kept;
  decoding seeks to the keyframe before the timestamp.
* ``VideoStream``: one encoded sample per row (H.264/H.265 Annex B, AV1, VP8/VP9). The frame shown at
  time t is the decoder's output after feeding the samples from the last keyframe at or before t (the
  ``is_keyframe`` rows; without them, from the first sample) up to t. Moving forward in time feeds only
  the new samples to the same decoder.
Frames are drawn as RGBA images covering [0, W] x [0, H], like ``Image``.
"""

from __future__ import annotations

import io
from collections import OrderedDict

import numpy as np

from ..query import batch, first_float, first_int, text_values
from ..viewer._registry import register_visualizer
from ._images import opacity_of
from ._vis2d import image_object

__all__ = ["CODEC_NAMES", "decode_video_frame"]

# VideoCodec (FourCC) -> FFmpeg decoder name
CODEC_NAMES = {0x61766331: "h264", 0x68657631: "hevc", 0x61763031: "av1", 0x76703038: "vp8", 0x76703039: "vp9"}
DRAW_ORDER = -15.0  # Rerun draws videos under images (-10) and above depth images (-20)
_CONTAINERS: OrderedDict = OrderedDict()  # blob key -> (bytes, [(pts_ns, is_key)]) ; few, large
_FRAMES: OrderedDict = OrderedDict()  # (blob key, frame pts) -> rgba
CACHE_VIDEOS, CACHE_FRAMES = 4, 64


def _blob_bytes(b) -> bytes:
    cell = b[0]
    values = cell.values if hasattr(cell, "values") else cell
    if hasattr(values, "to_numpy"):
        values = values.to_numpy(zero_copy_only=False)
    return np.asarray(values, np.uint8).tobytes()


def _remember(cache: OrderedDict, key, value, limit: int):
    cache[key] = value
    cache.move_to_end(key)
    while len(cache) > limit:
        cache.popitem(last=False)
    return value


def decode_video_frame(blob: bytes, timestamp_ns: int) -> np.ndarray | None:
    """The RGBA frame of a video file (bytes) shown at ``timestamp_ns``: the last frame at or before it."""
    import av

    key = (len(blob), hash(blob))
    if key not in _CONTAINERS:
        with av.open(io.BytesIO(blob)) as container:
            stream = container.streams.video[0]
            tb = stream.time_base
            pts = sorted(int(p.pts * tb * 1_000_000_000) for p in container.demux(stream) if p.pts is not None)
        _remember(_CONTAINERS, key, pts, CACHE_VIDEOS)
    pts_ns = _CONTAINERS[key]
    i = int(np.searchsorted(pts_ns, timestamp_ns, side="right")) - 1
    if i < 0:
        return None  # before the first frame: Rerun shows nothing yet
    target = pts_ns[i]
    cached = _FRAMES.get((key, target))
    if cached is not None:
        return cached
    with av.open(io.BytesIO(blob)) as container:
        stream = container.streams.video[0]
        tb = stream.time_base
        container.seek(int(target / 1e9 / tb), stream=stream, backward=True, any_frame=False)
        best = None
        for frame in container.decode(stream):
            t = int(frame.pts * tb * 1_000_000_000) if frame.pts is not None else None
            if t is None or t <= target:
                best = frame
            if t is not None and t >= target:
                break
    if best is None:
        return None
    return _remember(_FRAMES, (key, target), best.to_ndarray(format="rgba"), CACHE_FRAMES)


def _any_timeline(store) -> str:
    names = list(store.timelines())
    return names[0] if names else "log_time"


@register_visualizer("VideoFrameReference", "VideoFrameReference:timestamp", view="2D")
def video_frame_reference2d(prev, result, entity_path, ctx=None):
    ts = int(np.asarray(batch(result, "VideoFrameReference:timestamp")).reshape(-1)[0])
    ref = text_values(batch(result, "VideoFrameReference:video_reference"))
    source = ref[0] if ref and ref[0] else entity_path
    blob = batch(result, "AssetVideo:blob") if source == entity_path else None
    if blob is None and ctx is not None:  # the video lives at another entity (usually static)
        other = ctx.store.latest_at(source, timeline=_any_timeline(ctx.store), components=["AssetVideo:blob"])
        blob = batch(other, "AssetVideo:blob")
    if blob is None:
        raise ValueError(f"no AssetVideo at {source!r} for this VideoFrameReference")
    rgba = decode_video_frame(_blob_bytes(blob), ts)
    if rgba is None:
        return None
    z = float(first_float(batch(result, "VideoFrameReference:draw_order"), DRAW_ORDER))
    return image_object(prev, rgba, z=z, opacity=opacity_of(result, "VideoFrameReference"), linear=True)


class _StreamDecoder:
    """One VideoStream entity's decoder and how far it has been fed."""

    def __init__(self, codec: int):
        import av

        name = CODEC_NAMES.get(codec)
        if name is None:
            raise NotImplementedError(f"VideoStream codec 0x{codec:08x} is not decoded by rerun_nb")
        self.codec = codec
        self.ctx = av.CodecContext.create(name, "r")
        self.fed: list[int] = []  # row ids fed since the last restart
        self.frame: np.ndarray | None = None

    def feed(self, data: bytes) -> None:
        import av

        packet = av.Packet(data)
        try:
            frames = self.ctx.decode(packet)
        except av.error.InvalidDataError:  # a broken sample: skip it, as a player would
            return
        for frame in frames:
            self.frame = frame.to_ndarray(format="rgba")


_DECODERS: dict[tuple[int, str], _StreamDecoder] = {}


@register_visualizer("VideoStream", "VideoStream:codec", view="2D")
def video_stream2d(prev, result, entity_path, ctx=None):
    if ctx is None or ctx.query_time()[0] is None:
        return None
    timeline, at = ctx.query_time()
    codec = first_int(batch(result, "VideoStream:codec"), 0)
    rows = ctx.store.range(entity_path, timeline=timeline, end=at,
                           components=["VideoStream:sample", "VideoStream:is_keyframe"])
    rows = [r for r in rows if r[2].get("VideoStream:sample") is not None]
    start = 0
    for k, (_t, _rid, comps) in enumerate(rows):
        key = comps.get("VideoStream:is_keyframe")
        if key is not None and len(key) and bool(key[0].as_py() if hasattr(key[0], "as_py") else key[0]):
            start = k
    wanted = [rid for _t, rid, _c in rows[start:]]
    key = (id(ctx), entity_path)
    dec = _DECODERS.get(key)
    if dec is None or dec.codec != codec or dec.fed != wanted[: len(dec.fed)] or not dec.fed:
        dec = _DECODERS[key] = _StreamDecoder(codec)
    for _t, rid, comps in rows[start:][len(dec.fed):]:
        dec.feed(_blob_bytes(comps["VideoStream:sample"]))
        dec.fed.append(rid)
    if dec.frame is None:
        return None
    z = float(first_float(batch(result, "VideoStream:draw_order"), DRAW_ORDER))
    return image_object(prev, dec.frame, z=z, opacity=opacity_of(result, "VideoStream"), linear=True)
