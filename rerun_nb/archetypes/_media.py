"""Media and container archetypes: 3D assets, audio, video (files, frame references, streams), encoded depth,
MCAP metadata and the recording's own info. Constructors, fields and descriptors as in rerun-sdk 0.41."""

from __future__ import annotations

import pathlib
from typing import Any

import numpy as np

from .._baseclasses import Archetype
from ..components import COMPONENT_TYPES as T

_MEDIA_BY_SUFFIX = {
    ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".glb": "model/gltf-binary",
    ".gltf": "model/gltf+json", ".obj": "model/obj", ".ply": "application/x-ply", ".stl": "model/stl",
    ".mp4": "video/mp4", ".aac": "audio/aac", ".flac": "audio/flac", ".m4a": "audio/mp4", ".mp3": "audio/mpeg",
    ".oga": "audio/ogg", ".ogg": "audio/ogg", ".opus": "audio/ogg", ".wav": "audio/wav",
}


def guess_media_type(path: str | pathlib.Path) -> str | None:
    """The media type Rerun guesses from a file name's suffix (`MediaType.guess_from_path`), or None."""
    return _MEDIA_BY_SUFFIX.get(pathlib.Path(path).suffix.lower())


def _fields(**names: str) -> dict:
    return {field: T[ct] for field, ct in names.items()}


class _BlobAsset(Archetype):
    """Shared `path=` / `contents=` handling: exactly one; a path's suffix gives the media type."""

    def _set_asset(self, path: Any, contents: Any, media_type: Any, **rest: Any) -> None:
        try:
            if (path is None) == (contents is None):
                raise ValueError("give exactly one of `path` or `contents`")
            if path is not None:
                blob = pathlib.Path(path).read_bytes()
                if media_type is None:
                    media_type = guess_media_type(path)
            else:
                blob = contents
        except (ValueError, TypeError, OSError) as exc:
            self._set_error(str(exc))
            return
        self._set(blob=blob, media_type=media_type, **rest)


class Asset3D(_BlobAsset):
    """A 3D model file (glTF/GLB, OBJ, STL) logged as its bytes plus a media type."""

    _fields = _fields(blob="Blob", media_type="MediaType", albedo_factor="AlbedoFactor")

    def __init__(self, *, path: str | pathlib.Path | None = None, contents: Any = None, media_type: Any = None,
                 albedo_factor: Any = None):
        self._set_asset(path, contents, media_type, albedo_factor=albedo_factor)


class AssetAudio(_BlobAsset):
    """An audio file (WAV, MP3, FLAC, ...) logged as its bytes plus a media type."""

    _fields = _fields(blob="Blob", media_type="MediaType")

    def __init__(self, *, path: str | pathlib.Path | None = None, contents: Any = None, media_type: Any = None):
        self._set_asset(path, contents, media_type)


class AssetVideo(_BlobAsset):
    """A whole video file (MP4) logged once; `VideoFrameReference` rows pick frames from it over time."""

    _fields = _fields(blob="Blob", media_type="MediaType")

    def __init__(self, *, path: str | pathlib.Path | None = None, contents: Any = None, media_type: Any = None):
        self._set_asset(path, contents, media_type)

    def read_frame_timestamps_nanos(self) -> np.ndarray:
        """The presentation time of every frame of the video, in nanoseconds (decoded with PyAV)."""
        from ._video import frame_timestamps_nanos

        blob = self._batches.get("blob")
        if blob is None:
            raise RuntimeError("Asset video has no video buffer")
        return frame_timestamps_nanos(bytes(blob[0].values.to_numpy(zero_copy_only=False)))


class VideoFrameReference(Archetype):
    """Which frame of a video (an `AssetVideo` entity) to show at this time: a timestamp inside the video."""

    _fields = _fields(timestamp="VideoTimestamp", video_reference="EntityPath", opacity="Opacity",
                      draw_order="DrawOrder")

    def __init__(self, timestamp: Any = None, *, seconds: float | None = None, nanoseconds: int | None = None,
                 video_reference: Any = None, opacity: Any = None, draw_order: Any = None):
        if timestamp is None:
            if seconds is None and nanoseconds is None:
                self._set_error("either `timestamp` or `seconds`/`nanoseconds` must be given")
                return
            if seconds is not None and nanoseconds is not None:
                self._set_error("can't give both `seconds` and `nanoseconds`")
                return
            try:
                timestamp = int(float(seconds) * 1e9 + 0.5) if seconds is not None else nanoseconds
            except (TypeError, ValueError, OverflowError) as exc:
                self._set_error(f"bad `seconds`: {exc}")
                return
        elif seconds is not None or nanoseconds is not None:
            self._set_error("can't give both `timestamp` and `seconds`/`nanoseconds`")
            return
        elif isinstance(timestamp, float):
            self._set_error("a timestamp can't be a float; use `seconds=` instead")
            return
        self._set(timestamp=getattr(timestamp, "_rnb_data", timestamp), video_reference=video_reference,
                  opacity=opacity, draw_order=draw_order)

    @classmethod
    def columns_secs(cls, seconds: Any):
        """`columns(timestamp=...)` from times in seconds."""
        return cls.columns(timestamp=np.asarray(seconds, dtype=np.int64) * 1_000_000_000)

    @classmethod
    def columns_millis(cls, milliseconds: Any):
        """`columns(timestamp=...)` from times in milliseconds."""
        return cls.columns(timestamp=np.asarray(milliseconds, dtype=np.int64) * 1_000_000)

    @classmethod
    def columns_nanos(cls, nanoseconds: Any):
        """`columns(timestamp=...)` from times in nanoseconds."""
        return cls.columns(timestamp=np.asarray(nanoseconds, dtype=np.int64))


class VideoStream(Archetype):
    """Encoded video samples (one per row) of a codec, for live video without a container file."""

    _fields = _fields(codec="VideoCodec", sample="VideoSample", is_keyframe="IsKeyframe", opacity="Opacity",
                      draw_order="DrawOrder")

    def __init__(self, codec: Any, *, sample: Any = None, is_keyframe: Any = None, opacity: Any = None,
                 draw_order: Any = None):
        self._set(codec=codec, sample=sample, is_keyframe=is_keyframe, opacity=opacity, draw_order=draw_order)


class EncodedDepthImage(Archetype):
    """A depth image still encoded (PNG/RVL): bytes, media type, and how to read and draw the depths."""

    _fields = _fields(blob="Blob", media_type="MediaType", meter="DepthMeter", colormap="Colormap",
                      depth_range="ValueRange", point_fill_ratio="FillRatio", draw_order="DrawOrder",
                      magnification_filter="MagnificationFilter")

    def __init__(self, blob: Any, *, media_type: Any = None, meter: Any = None, colormap: Any = None,
                 depth_range: Any = None, point_fill_ratio: Any = None, draw_order: Any = None,
                 magnification_filter: Any = None):
        self._set(blob=blob, media_type=media_type, meter=meter, colormap=colormap, depth_range=depth_range,
                  point_fill_ratio=point_fill_ratio, draw_order=draw_order,
                  magnification_filter=magnification_filter)


class McapChannel(Archetype):
    """An MCAP channel: id, topic, message encoding and metadata."""

    _fields = _fields(id="ChannelId", topic="Text", message_encoding="Text", metadata="KeyValuePairs")

    def __init__(self, *, id: Any, topic: Any, message_encoding: Any, metadata: Any = None):
        self._set(id=id, topic=topic, message_encoding=message_encoding, metadata=metadata)


class McapMessage(Archetype):
    """One raw MCAP message payload."""

    _fields = _fields(data="Blob")

    def __init__(self, data: Any):
        self._set(data=data)


class McapSchema(Archetype):
    """An MCAP schema: id, name, encoding and the schema bytes."""

    _fields = _fields(id="SchemaId", name="Text", encoding="Text", data="Blob")

    def __init__(self, *, id: Any, name: Any, encoding: Any, data: Any):
        self._set(id=id, name=name, encoding=encoding, data=data)


class McapStatistics(Archetype):
    """The statistics record of an MCAP file."""

    _fields = _fields(message_count="Count", schema_count="Count", channel_count="Count", attachment_count="Count",
                      metadata_count="Count", chunk_count="Count", message_start_time="Timestamp",
                      message_end_time="Timestamp", channel_message_counts="ChannelMessageCounts")

    def __init__(self, *, message_count: Any, schema_count: Any, channel_count: Any, attachment_count: Any,
                 metadata_count: Any, chunk_count: Any, message_start_time: Any, message_end_time: Any,
                 channel_message_counts: Any = None):
        self._set(message_count=message_count, schema_count=schema_count, channel_count=channel_count,
                  attachment_count=attachment_count, metadata_count=metadata_count, chunk_count=chunk_count,
                  message_start_time=message_start_time, message_end_time=message_end_time,
                  channel_message_counts=channel_message_counts)


class RecordingInfo(Archetype):
    """The recording's own properties (start time in ns since the epoch, name), at `/__properties`."""

    _fields = _fields(start_time="Timestamp", name="Name")

    def __init__(self, *, start_time: Any = None, name: Any = None):
        self._set(start_time=start_time, name=name)
