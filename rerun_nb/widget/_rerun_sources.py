"""Where the Rerun-style viewer's inputs come from: its size (ints, "auto", set_default_size) and ``url=``
(an .rrd path or an http(s) URL, read by the kernel)."""

from __future__ import annotations

import os
import tempfile
import urllib.parse
import urllib.request

from ..notebook import default_size

__all__ = ["load_url", "resolve_size"]


def resolve_size(width, height) -> tuple[int | None, int | None]:
    """Width/height as the widget takes them (None: full width / 480 px), from Rerun's ints or "auto"."""
    default_width, default_height = default_size()
    width = default_width if width is None else width
    height = default_height if height is None else height
    if width == "auto":
        width = None
    if height == "auto":  # Rerun: 16:9 of the width; a full-width viewer keeps the default height
        height = round(width * 9 / 16) if isinstance(width, int) else None
    return width, height


def load_url(url: str) -> list:
    """The recordings in an .rrd file path or http(s) URL (fetched by the kernel)."""
    import rerun_nb

    scheme = urllib.parse.urlparse(url).scheme
    if scheme in ("http", "https"):
        try:
            with urllib.request.urlopen(url, timeout=60) as response:
                data = response.read()
        except OSError as exc:
            raise ValueError(f"Viewer: could not fetch {url}: {exc}") from exc
        fd, path = tempfile.mkstemp(suffix=".rrd")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            return rerun_nb.load_all(path)
        finally:
            os.unlink(path)
    if scheme not in ("", "file"):
        raise ValueError(f"Viewer: cannot open {url!r}: only .rrd file paths and http(s) URLs are supported")
    path = urllib.parse.urlparse(url).path if scheme == "file" else url
    if not os.path.exists(path):
        raise FileNotFoundError(f"Viewer: no such file: {path}")
    return rerun_nb.load_all(path)
