"""`viewer.snapshot(frames=N)`: a cell output that scrubs without a kernel.

N frames are rendered across a time range and embedded as WebP (or JPEG) data URLs in one HTML output: an
``<img>`` and an ``<input type=range>`` whose inline ``oninput`` handler swaps the image. Plain HTML and a
few lines of JS, no widget state and no kernel: it scrubs in exported HTML (``jupyter nbconvert --to
html``), on nbviewer, and in JupyterLab / Notebook 7 once the notebook is trusted. Where outputs are
sanitized (GitHub's notebook view strips scripts and handlers) the first frame still shows, as a picture.

Size: WebP at quality 60 keeps 60 DNA frames at 640x480 at about 1.75 MB (22 kB a frame, mean error
2.4/255; see tests/notebook_api/test_export.py and bench/bench_notebook_api.py). `SIZE_BUDGET_BYTES` is
checked when the HTML is built; a warning says when it is exceeded.
"""

from __future__ import annotations

import base64
import html
import io
import json
import secrets
import warnings

import numpy as np

from ._export import Progress, export_times
from ._timeline import format_time

__all__ = ["SIZE_BUDGET_BYTES", "Snapshot", "encode_image"]

SIZE_BUDGET_BYTES = 2_000_000  # for the default 60 frames at 640x480
FORMATS = {"webp": "image/webp", "jpeg": "image/jpeg"}


def encode_image(frame: np.ndarray, fmt: str = "webp", quality: int = 60) -> bytes:
    """An (H, W, 3|4) uint8 frame as WebP or JPEG bytes."""
    from PIL import Image

    if fmt not in FORMATS:
        raise ValueError(f"snapshot: format must be one of {tuple(FORMATS)}, got {fmt!r}")
    out = io.BytesIO()
    image = Image.fromarray(np.ascontiguousarray(frame[:, :, :3]))
    image.save(out, format=fmt.upper(), quality=int(quality), **({"method": 4} if fmt == "webp" else {}))
    return out.getvalue()


class Snapshot:
    """Pre-rendered frames with their time labels; displays as a self-contained scrubbable HTML output.

    Attributes: ``times`` (raw), ``labels``, ``images`` (encoded bytes), ``mimetype``, ``timeline``.
    """

    def __init__(self, timeline: str, times: np.ndarray, labels: list[str], images: list[bytes], mimetype: str,
                 size: tuple[int, int]):
        self.timeline, self.times, self.labels = timeline, times, labels
        self.images, self.mimetype, self.size = images, mimetype, size

    @classmethod
    def render(cls, widget, *, frames: int = 60, timeline: str | None = None, start=None, end=None,
               format: str = "webp", quality: int = 60, progress: bool = True) -> Snapshot:
        """Render ``frames`` frames of ``widget`` (a `rerun_nb.Viewer`) evenly over the time range."""
        if frames < 1:
            raise ValueError(f"snapshot: frames must be >= 1, got {frames}")
        timeline, kind, times = export_times(widget, timeline=timeline, start=start, end=end, max_frames=frames)
        bar = Progress(len(times), "snapshot", enabled=progress)
        images, size = [], (0, 0)
        try:
            for t in times:
                frame = widget.render_at(timeline, t)
                size = (frame.shape[1], frame.shape[0])
                images.append(encode_image(frame, format, quality))
                bar.step()
        finally:
            bar.close()
        labels = [f"{timeline} {format_time(kind, int(t))}" for t in times]
        snap = cls(timeline, times, labels, images, FORMATS[format], size)
        if len(times) <= 60 and size[0] * size[1] <= 640 * 480 and snap.nbytes > SIZE_BUDGET_BYTES:
            warnings.warn(f"snapshot: {snap.nbytes / 1e6:.2f} MB is over the {SIZE_BUDGET_BYTES / 1e6:.0f} MB "
                          f"budget; lower quality= or frames=", stacklevel=3)
        return snap

    @property
    def nbytes(self) -> int:
        """Size of the HTML output in bytes (what the saved notebook grows by)."""
        return len(self.to_html().encode())

    def to_html(self) -> str:
        """The self-contained HTML: image, slider, time label; the handler reads the frames from ``data-``."""
        uid = "rnb-snap-" + secrets.token_hex(4)
        urls = [f"data:{self.mimetype};base64,{base64.b64encode(b).decode()}" for b in self.images]
        # Space-separated data URLs (base64 has no spaces or quotes): no escaping, ~1% over the images.
        frames_attr = " ".join(urls)
        labels_json = html.escape(json.dumps(self.labels), quote=True)
        last = len(urls) - 1
        # The handler caches the parsed lists on the element (splitting ~1.7 MB at each input event is slow).
        handler = ("var s=this;s._f=s._f||s.dataset.frames.split(' ');s._l=s._l||JSON.parse(s.dataset.labels);"
                   f"document.getElementById('{uid}-img').src=s._f[s.value];"
                   f"document.getElementById('{uid}-label').textContent=s._l[s.value];")
        width, height = self.size
        return (
            f"<div class='rerun-nb-snapshot' id='{uid}' style='font:12px sans-serif'>"
            f"<img id='{uid}-img' src='{urls[0]}' width='{width}' height='{height}' "
            f"style='max-width:100%;height:auto;display:block' alt='{html.escape(self.labels[0])}'>"
            f"<div style='display:flex;gap:8px;align-items:center;max-width:{width}px'>"
            f"<input type='range' id='{uid}-slider' min='0' max='{last}' step='1' value='0' style='flex:1' "
            f"data-frames=\"{frames_attr}\" data-labels=\"{labels_json}\" oninput=\"{html.escape(handler)}\">"
            f"<span id='{uid}-label'>{html.escape(self.labels[0])}</span></div>"
            f"<div style='color:#888'>rerun_nb snapshot: {len(urls)} frames, scrubs without a kernel</div></div>"
        )

    def _repr_html_(self) -> str:
        return self.to_html()

    def save(self, path) -> None:
        """Write the snapshot as a standalone .html page."""
        from pathlib import Path

        Path(path).write_text(f"<!doctype html><meta charset='utf-8'><body>{self.to_html()}</body>")
