"""`rr.log_file_from_path` / `rr.log_file_from_contents`: log a file with Rerun's built-in loaders.

The entity path is the file path as given (`"/data/img.png"` -> `/data/img.png`, `"img.png"` -> `/img.png`),
under `entity_path_prefix` if given. Supported: images, meshes, point clouds (.ply), text, video (.mp4),
URDF and .rrd (see `_files.py`, `_urdf.py`). An unknown or damaged file is reported with its name and
what was wrong (a warning, once; strict mode raises) and nothing of it is logged; the recording keeps
everything else.
"""

from __future__ import annotations

import os
import pathlib
from typing import Any

from ..error_utils import report_error

__all__ = ["SUPPORTED_EXTENSIONS", "log_file_from_contents", "log_file_from_path"]


def _entity_for(file_path: pathlib.Path, prefix: str | None) -> str:
    from ..store import new_entity_path

    parts = [p for p in file_path.parts if p not in ("/", "")]
    head = [p for p in (prefix or "").split("/") if p]
    return new_entity_path(head + parts)


def _loaders() -> dict:
    from ._files import LOADERS
    from ._urdf import load_urdf

    return {**LOADERS, ".urdf": load_urdf}


SUPPORTED_EXTENSIONS = (".glb", ".gltf", ".jpeg", ".jpg", ".md", ".mp4", ".obj", ".ply", ".png", ".rrd", ".stl",
                        ".txt", ".urdf")


def _load(rec: Any, file_path: Any, contents: bytes | None, prefix: str | None, static: bool, what: str) -> None:
    path = pathlib.Path(os.fspath(file_path))
    suffix = path.suffix.lower()
    try:
        if suffix not in SUPPORTED_EXTENSIONS:
            raise ValueError(f"no loader for {suffix or 'files without an extension'!r} "
                             f"(supported: {', '.join(SUPPORTED_EXTENSIONS)})")
        if suffix == ".rrd":
            if contents is not None:
                raise ValueError(".rrd contents can't be logged from memory; save them and use log_file_from_path")
            from .._load import log_file_from_path as log_rrd

            log_rrd(path, entity_path_prefix=prefix, static=static, recording=rec)
            return
        data = path.read_bytes() if contents is None else bytes(contents)
        loader = _loaders()[suffix]
        if suffix == ".urdf":
            loader(rec, _entity_for(path, prefix), data, suffix, static, urdf_path=path, prefix=prefix)
        else:
            loader(rec, _entity_for(path, prefix), data, suffix, static)
    except (ValueError, TypeError, OSError, KeyError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        report_error(f"{what}({str(file_path)!r}): {reason}; nothing of it was logged",
                     key=f"{what}:{file_path}:{type(exc).__name__}")


def log_file_from_path(file_path: Any, *, entity_path_prefix: str | None = None, static: bool = False,
                       recording: Any = None) -> None:
    """Log a file with the loader for its extension (see the module docstring)."""
    from ..recording_stream import get_data_recording

    rec = get_data_recording(recording)
    if rec is not None and rec.is_enabled():
        _load(rec, file_path, None, entity_path_prefix, static, "rr.log_file_from_path")


def log_file_from_contents(file_path: Any, file_contents: bytes, *, entity_path_prefix: str | None = None,
                           static: bool = False, recording: Any = None) -> None:
    """Log a file's contents as if read from `file_path` (whose extension picks the loader)."""
    from ..recording_stream import get_data_recording

    rec = get_data_recording(recording)
    if rec is not None and rec.is_enabled():
        _load(rec, file_path, file_contents, entity_path_prefix, static, "rr.log_file_from_contents")
