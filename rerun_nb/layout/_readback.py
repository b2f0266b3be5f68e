"""Reading a frame back from the GPU without pygfx's output pass.

pygfx renders into an internal ``rgba8unorm-srgb`` color texture and ``flush()`` then draws a full-screen
quad that copies it into the canvas texture, which the offscreen canvas copies into a buffer and maps. With
``pixel_scale=1``, no effect passes (``ppaa="none"``) and an sRGB canvas format (no gamma applied), that
copy is the identity (same bytes; tests/views/test_readback.py checks it), so the frame can be read from the
internal texture directly. On lavapipe the skipped pass is a full-screen fragment pass: about 15 ms of a
1280x720 frame on a 2-core machine (bench/bench_views.py), so this matters on the CPU adapters we target.

``direct_read_possible`` says when the shortcut is exact; the layout renderer falls back to
``canvas.draw()`` otherwise. It uses two pygfx internals (``_blender``, ``_renders_since_last_flush``),
looked up defensively: a pygfx without them gets the ordinary path.
"""

from __future__ import annotations

import numpy as np
import wgpu

__all__ = ["FrameReader", "direct_read_possible", "end_frame_without_flush"]


def _color_texture(renderer):
    blender = getattr(renderer, "_blender", None)
    textures = getattr(blender, "_textures", None)
    return textures.get("color") if isinstance(textures, dict) else None


def direct_read_possible(renderer) -> bool:
    """True when the renderer's internal color texture holds exactly what ``flush()`` would put on the canvas."""
    if not hasattr(renderer, "_renders_since_last_flush") or _color_texture(renderer) is None:
        return False
    if renderer.effect_passes or getattr(renderer, "_gamma_correction_srgb", 1.0) != 1.0:
        return False
    if renderer.gamma_correction != 1.0:
        return False
    tex = _color_texture(renderer)
    return tuple(tex.size[:2]) == tuple(renderer.physical_size) and tex.format == wgpu.TextureFormat.rgba8unorm_srgb


def end_frame_without_flush(renderer) -> None:
    """What ``flush()`` does besides the copy: the next ``render()`` clears the targets again."""
    renderer._renders_since_last_flush = 0


class FrameReader:
    """Copies a renderer's color texture into a reused mappable buffer and returns an (H, W, 4) uint8 array."""

    def __init__(self, device):
        self._device = device
        self._buffer = None

    def _ensure_buffer(self, nbytes: int):
        buf = self._buffer
        if buf is None or buf.size < nbytes or buf.size > 2 * nbytes:
            if buf is not None:
                buf.destroy()
            self._buffer = self._device.create_buffer(
                size=nbytes, usage=wgpu.BufferUsage.COPY_DST | wgpu.BufferUsage.MAP_READ, label="rerun_nb-readback")
        return self._buffer

    def read(self, renderer) -> np.ndarray:
        """The frame now in ``renderer``'s internal color texture."""
        texture = _color_texture(renderer)
        width, height = int(texture.size[0]), int(texture.size[1])
        stride = (width * 4 + 255) // 256 * 256  # WebGPU wants rows aligned to 256 bytes
        nbytes = stride * height
        buf = self._ensure_buffer(nbytes)
        encoder = self._device.create_command_encoder()
        encoder.copy_texture_to_buffer({"texture": texture, "mip_level": 0, "origin": (0, 0, 0)},
                                       {"buffer": buf, "offset": 0, "bytes_per_row": stride, "rows_per_image": height},
                                       (width, height, 1))
        self._device.queue.submit([encoder.finish()])
        buf.map_sync("READ", 0, nbytes)
        try:
            rows = np.frombuffer(buf.read_mapped(0, nbytes, copy=False), np.uint8).reshape(height, stride)
            return rows[:, : width * 4].reshape(height, width, 4).copy()
        finally:
            buf.unmap()

    def close(self) -> None:
        """Release the buffer."""
        if self._buffer is not None:
            self._buffer.destroy()
            self._buffer = None
