"""The built-in file loaders of rerun-sdk 0.41, for the common files: each turns one file into archetypes.

What each logs, as Rerun's loaders do (checked against rerun-sdk 0.41 in tests/api/test_dataloaders.py):
images (.png/.jpg/.jpeg) -> `EncodedImage`; meshes (.glb/.gltf/.obj/.stl) -> `Asset3D`; point clouds
(.ply) -> `Points3D`; text (.txt/.md) -> `TextDocument`; all static. Video (.mp4) -> `AssetVideo` on the
`video` timeline at 0 plus one `VideoFrameReference` per frame (frame times read with PyAV).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import numpy as np

IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}
MESH_TYPES = {".glb": "model/gltf-binary", ".gltf": "model/gltf+json", ".obj": "model/obj", ".stl": "model/stl"}
TEXT_TYPES = {".txt": "text/plain", ".md": "text/markdown"}


def load_image(rec: Any, entity: str, contents: bytes, suffix: str, static: bool) -> None:
    from ..archetypes import EncodedImage

    rec.log(entity, EncodedImage(contents=contents, media_type=IMAGE_TYPES[suffix]), static=True)


def load_mesh(rec: Any, entity: str, contents: bytes, suffix: str, static: bool) -> None:
    from ..archetypes import Asset3D

    rec.log(entity, Asset3D(contents=contents, media_type=MESH_TYPES[suffix]), static=True)


def load_text(rec: Any, entity: str, contents: bytes, suffix: str, static: bool) -> None:
    from ..archetypes import TextDocument

    try:
        text = contents.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 text (byte {exc.start})") from exc
    rec.log(entity, TextDocument(text, media_type=TEXT_TYPES[suffix]), static=True)


def load_ply(rec: Any, entity: str, contents: bytes, suffix: str, static: bool) -> None:
    """Vertices of a .ply file: x/y/z -> positions, red/green/blue(/alpha) -> colors, radius -> radii."""
    from plyfile import PlyData, PlyParseError

    from ..archetypes import Points3D

    try:
        ply = PlyData.read(io.BytesIO(contents))
    except (PlyParseError, ValueError, EOFError, IndexError) as exc:
        raise ValueError(f"not a readable PLY file: {exc}") from exc
    if "vertex" not in ply:
        raise ValueError("the PLY file has no 'vertex' element")
    vertex = ply["vertex"].data
    names = set(vertex.dtype.names or ())
    if not {"x", "y", "z"} <= names:
        raise ValueError(f"the PLY vertices have no x/y/z properties (they have {sorted(names)})")
    positions = np.stack([vertex["x"], vertex["y"], vertex["z"]], axis=1).astype(np.float32)
    colors = None
    channels = [c for c in ("red", "green", "blue", "alpha") if c in names]
    if len(channels) >= 3:
        rgba = np.stack([vertex[c] for c in channels], axis=1)
        if rgba.dtype.kind == "f":
            rgba = np.clip(rgba * 255.0 + 0.5, 0, 255)
        colors = rgba.astype(np.uint8)
    radii = np.asarray(vertex["radius"], np.float32) if "radius" in names else None
    rec.log(entity, Points3D(positions, colors=colors, radii=radii), static=True)


def load_video(rec: Any, entity: str, contents: bytes, suffix: str, static: bool) -> None:
    """The video once (at 0 on the `video` timeline) and a frame reference at each frame's time."""
    from ..archetypes import AssetVideo, VideoFrameReference
    from ..time import TimeColumn

    video = AssetVideo(contents=contents)
    try:
        times = video.read_frame_timestamps_nanos()
    except Exception as exc:
        raise ValueError(f"not a readable video: {exc}") from exc
    rec.send_columns(entity, [TimeColumn("video", duration=np.zeros(1, "timedelta64[ns]"))],
                     AssetVideo.columns(blob=[contents]), strict=True)
    rec.send_columns(entity, [TimeColumn("video", duration=times.astype("timedelta64[ns]"))],
                     VideoFrameReference.columns_nanos(times), strict=True)


LOADERS: dict[str, Callable[[Any, str, bytes, str, bool], None]] = {
    **dict.fromkeys(IMAGE_TYPES, load_image),
    **dict.fromkeys(MESH_TYPES, load_mesh),
    **dict.fromkeys(TEXT_TYPES, load_text),
    ".ply": load_ply,
    ".mp4": load_video,
}
