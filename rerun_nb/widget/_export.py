"""Exports of a viewer's frames: a time range to MP4 / WebM / GIF, one frame to PNG.

Frames are rendered offscreen by the viewer's own renderer (its size, camera and visibility) at each export
time, without moving the viewer's time: the live view and the `on_event` callbacks see nothing of an export.

Export times: on a sequence timeline one video frame per sequence step (``fps`` steps a second); on a
duration or timestamp timeline the video runs in the recording's real time (``fps`` frames per second of
timeline time). ``start`` / ``end`` are in the timeline's unit, as ``rr.set_time`` takes them: an int for a
sequence; seconds, a timedelta or np.timedelta64 for a duration; seconds since the epoch, a datetime or
np.datetime64 for a timestamp. Default: the timeline's whole range.
"""

from __future__ import annotations

import sys
from fractions import Fraction
from pathlib import Path

import numpy as np

from ._timeline import NS_PER_S, to_raw_time

__all__ = ["VIDEO_CODECS", "Progress", "export_times", "save_png", "save_video"]

# extension -> (PyAV encoder, pixel format, encoder options). CRF 18: visually lossless for these scenes.
VIDEO_CODECS = {
    ".mp4": ("libx264", "yuv420p", {"crf": "18", "preset": "veryfast"}),
    ".mov": ("libx264", "yuv420p", {"crf": "18", "preset": "veryfast"}),
    ".mkv": ("libx264", "yuv420p", {"crf": "18", "preset": "veryfast"}),
    ".webm": ("libvpx-vp9", "yuv420p", {"crf": "24", "b": "0", "deadline": "realtime", "cpu-used": "8"}),
}
SUPPORTED = (*VIDEO_CODECS, ".gif")


def _raw(kind: str, value) -> int:
    """A start/end value in the timeline's unit as the raw int64 time."""
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool) and kind == "sequence":
        return int(value)
    keyword = {"sequence": "sequence", "duration": "duration", "timestamp": "timestamp"}[kind]
    return to_raw_time(**{keyword: value})[1]


def export_times(widget, *, timeline: str | None = None, start=None, end=None, fps: float = 30,
                 max_frames: int | None = None) -> tuple[str, str, np.ndarray]:
    """(timeline, kind, raw times) of the frames to export from ``widget`` (a `rerun_nb.Viewer`).

    ``max_frames``: spread that many frames evenly over the range instead (snapshots).
    """
    timeline = timeline or widget.timeline
    infos = widget.store.timelines()
    if not timeline or timeline not in infos:
        raise ValueError(f"export: the recording has no timeline {timeline!r}; it has {sorted(infos)}")
    if fps <= 0:
        raise ValueError(f"export: fps must be > 0, got {fps}")
    info = infos[timeline]
    kind = widget.timeline_kind(timeline)
    t0 = int(info.min) if start is None else _raw(kind, start)
    t1 = int(info.max) if end is None else _raw(kind, end)
    if t1 < t0:
        raise ValueError(f"export: end ({end}) is before start ({start}) on timeline {timeline!r}")
    if max_frames is not None:
        n = max(int(max_frames), 1)
        times = np.unique(np.round(np.linspace(t0, t1, n)).astype(np.int64)) if n > 1 else np.array([t1])
    elif kind == "sequence":
        times = np.arange(t0, t1 + 1, dtype=np.int64)
    else:
        step_ns = NS_PER_S / float(fps)
        n = int((t1 - t0) // step_ns) + 1
        times = t0 + np.round(np.arange(n) * step_ns).astype(np.int64)
    return timeline, kind, times


class Progress:
    """A progress bar: an ipywidgets bar in a notebook, else a text line on stderr. ``enabled=False``: silent."""

    def __init__(self, total: int, description: str, *, enabled: bool = True):
        self.total, self.done, self._bar, self._enabled = total, 0, None, enabled
        self._description = description
        if not enabled:
            return
        from ..notebook import in_notebook

        if in_notebook():
            import ipywidgets as ipw
            from IPython.display import display

            self._bar = ipw.IntProgress(value=0, min=0, max=max(total, 1), description=description)
            display(self._bar)

    def step(self) -> None:
        """One more frame done."""
        self.done += 1
        if not self._enabled:
            return
        if self._bar is not None:
            self._bar.value = self.done
        elif self.done == self.total or self.done % 10 == 0:
            sys.stderr.write(f"\r{self._description} {self.done}/{self.total}")
            sys.stderr.flush()

    def close(self) -> None:
        """Finish: the widget bar closes; the text line ends."""
        if not self._enabled:
            return
        if self._bar is not None:
            from ._lifecycle import close_tree

            close_tree(self._bar)  # with its layout and style models
        else:
            sys.stderr.write("\n")


def _even(frame: np.ndarray) -> np.ndarray:
    """RGB frame cropped to even width and height (4:2:0 video needs them)."""
    h, w = frame.shape[:2]
    return np.ascontiguousarray(frame[: h - h % 2, : w - w % 2, :3])


def save_video(widget, path, *, timeline: str | None = None, start=None, end=None, fps: float = 30,
               progress: bool = True) -> Path:
    """Render ``widget``'s frames over a time range offscreen and write them to ``path`` (see module doc).

    The format comes from the extension: .mp4/.mov/.mkv (H.264), .webm (VP9) or .gif. Returns the path.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise ValueError(f"save_video: unsupported file type {suffix!r}; use one of {SUPPORTED}")
    timeline, _kind, times = export_times(widget, timeline=timeline, start=start, end=end, fps=fps)
    bar = Progress(len(times), "video", enabled=progress)
    try:
        frames = (widget.render_at(timeline, t) for t in times)
        if suffix == ".gif":
            _write_gif(path, frames, fps, bar)
        else:
            _write_video(path, frames, fps, suffix, bar)
    finally:
        bar.close()
    return path


def _write_video(path: Path, frames, fps: float, suffix: str, bar: Progress) -> None:
    import av

    codec, pix_fmt, options = VIDEO_CODECS[suffix]
    with av.open(str(path), mode="w") as container:
        stream = container.add_stream(codec, rate=Fraction(fps).limit_denominator(1001))
        stream.pix_fmt = pix_fmt
        stream.options = options
        for i, frame in enumerate(frames):
            rgb = _even(frame)
            if i == 0:  # PyAV's stream starts at 640x480: the size comes from the first frame
                stream.width, stream.height = rgb.shape[1], rgb.shape[0]
            for packet in stream.encode(av.VideoFrame.from_ndarray(rgb, format="rgb24")):
                container.mux(packet)
            bar.step()
        for packet in stream.encode():
            container.mux(packet)


def _write_gif(path: Path, frames, fps: float, bar: Progress) -> None:
    from PIL import Image

    images = []
    for frame in frames:
        # An adaptive 256-color palette per frame (Pillow's octree): close to the frame, unlike a fixed one.
        images.append(Image.fromarray(np.ascontiguousarray(frame[:, :, :3])).quantize(
            256, method=Image.Quantize.FASTOCTREE))
        bar.step()
    if not images:
        raise ValueError("save_video: no frames in the time range")
    duration_ms = max(int(round(1000 / fps)), 10)  # GIF delays are in 1/100 s
    images[0].save(path, save_all=True, append_images=images[1:], duration=duration_ms, loop=0, optimize=False)


def save_png(frame: np.ndarray, path) -> Path:
    """Write an (H, W, 3|4) uint8 frame as a PNG (jupyter_rfb's own writer: no imaging library needed)."""
    from jupyter_rfb._png import array2png

    path = Path(path)
    path.write_bytes(array2png(np.ascontiguousarray(frame)))
    return path
