"""`rerun.experimental` of 0.41, the parts that fit a notebook: `Mp4Reader` (mode="asset").

Not here (see tests/api/_surface.py for the reasons): the remote-viewer client (`ViewerClient` and its schema
types) and the cloud query metrics. Still missing: the Parquet, HDF5 and LeRobot readers, `Mp4Reader`'s
"stream" mode (samples for `VideoStream`, which Rerun transcodes with FFmpeg), the `video` helpers.
"""

from __future__ import annotations

import os
from typing import Any

__all__ = ["Mp4Reader", "Mp4TranscodeOptions"]


class Mp4TranscodeOptions:
    """How Rerun transcodes an MP4 for the "stream" mode (accepted here; transcoding is not implemented)."""

    def __init__(self, *, output_codec: Any = None, gop_size: int | None = None, try_gpu: bool = False,
                 ffmpeg_override: str | os.PathLike | None = None) -> None:
        self.output_codec = output_codec
        self.gop_size = gop_size
        self.try_gpu = try_gpu
        self.ffmpeg_override = ffmpeg_override


class Mp4Reader:
    """Read chunks from an MP4 file: mode="asset" gives a static `AssetVideo` plus a `VideoFrameReference` per
    frame on `timeline_name` (as rerun-sdk 0.41 does). mode="stream" raises NotImplementedError."""

    def __init__(self, path: str | os.PathLike, *, mode: str = "stream", chunk_by_gop: bool = True,
                 timeline_name: str = "video", timeline_type: str = "duration_ns",
                 transcode: Mp4TranscodeOptions | None = None, entity_path: str | None = None) -> None:
        if mode not in ("asset", "stream"):
            raise ValueError(f"Mp4Reader mode must be 'asset' or 'stream', got {mode!r}")
        if timeline_type not in ("duration_ns", "timestamp_ns", "sequence"):
            raise ValueError(f"Mp4Reader timeline_type must be 'duration_ns', 'timestamp_ns' or 'sequence', "
                             f"got {timeline_type!r}")
        self.path = os.fspath(path)
        self.entity_path = entity_path if entity_path is not None else self.path
        self._mode, self._timeline, self._timeline_type = mode, timeline_name, timeline_type
        self._transcode = transcode

    def stream(self) -> Any:
        """The chunks of the file as a `rr.chunk.LazyChunkStream`."""
        if self._mode == "stream" or self._transcode is not None:
            raise NotImplementedError("Mp4Reader: mode='stream' (and transcoding) is not implemented in rerun_nb "
                                      "yet; use mode='asset'")
        from ..archetypes import AssetVideo, VideoFrameReference
        from ..chunk import Chunk, LazyChunkStream
        from ..time import TimeColumn

        with open(self.path, "rb") as f:
            data = f.read()
        try:
            times = AssetVideo(contents=data).read_frame_timestamps_nanos()
        except Exception as exc:
            raise ValueError(f"Mp4Reader({self.path!r}): not a readable video: {exc}") from exc
        if self._timeline_type == "sequence":
            index = TimeColumn(self._timeline, sequence=list(range(len(times))))
        elif self._timeline_type == "timestamp_ns":
            index = TimeColumn(self._timeline, timestamp=times.astype("datetime64[ns]"))
        else:
            index = TimeColumn(self._timeline, duration=times.astype("timedelta64[ns]"))
        asset = Chunk.from_columns(self.entity_path, [], AssetVideo.columns(blob=[data]))
        frames = Chunk.from_columns(self.entity_path, [index], VideoFrameReference.columns_nanos(times))
        return LazyChunkStream.from_iter([asset, frames])
