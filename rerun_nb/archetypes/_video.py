"""Video helpers for the video archetypes, on PyAV (imported only when a video is actually read)."""

from __future__ import annotations

import io

import numpy as np


def frame_timestamps_nanos(data: bytes) -> np.ndarray:
    """Presentation timestamps of all frames of an encoded video (MP4, ...), in nanoseconds, sorted."""
    try:
        import av
    except ImportError as exc:
        raise RuntimeError("reading video frame times needs PyAV (`pip install av`)") from exc
    with av.open(io.BytesIO(data)) as container:
        stream = container.streams.video[0]
        base = stream.time_base
        times = [int(packet.pts * base * 1_000_000_000) for packet in container.demux(stream)
                 if packet.pts is not None]
    return np.array(sorted(times), np.int64)
