"""Adapter selection: a real GPU, else Vulkan lavapipe, else OpenGL llvmpipe, else a clear message.

On CPU adapters pygfx must run with ``pixel_scale=1, ppaa="none"`` (its defaults supersample and are
about 40x slower on lavapipe); on OpenGL it must also be told ``!float32-filterable``.
``RERUN_NB_WGPU_BACKEND=OpenGL`` (or ``Vulkan``) restricts the choice to one backend, for testing.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["INSTALL_HELP", "AdapterChoice", "NoAdapterError", "choose_adapter", "ensure_adapter"]

INSTALL_HELP = (
    "rerun_nb found no GPU adapter for rendering (wgpu enumerated none it could use).\n"
    "On a machine without a GPU, install a software renderer:\n"
    "  - Debian/Ubuntu: sudo apt-get install mesa-vulkan-drivers   (lavapipe, Vulkan on the CPU)\n"
    "  - Fedora: sudo dnf install mesa-vulkan-drivers\n"
    "  - conda: conda install -c conda-forge mesalib\n"
    "With a GPU, install or update its Vulkan / Metal / D3D12 driver. Then restart the kernel.\n"
    "Logging still works without a viewer: rr.save('recording.rrd') writes a file the Rerun viewer opens."
)

_ADAPTER_RANK = {"DiscreteGPU": 0, "IntegratedGPU": 1, "VirtualGPU": 2}
_BACKEND_RANK = {"Vulkan": 0, "Metal": 0, "D3D12": 1, "OpenGL": 3}


class NoAdapterError(RuntimeError):
    """No wgpu adapter can render here; the message says what to install."""


@dataclass(frozen=True)
class AdapterChoice:
    """The adapter in use and the renderer settings that go with it."""

    index: int
    summary: str
    is_cpu: bool
    backend: str

    @property
    def renderer_kwargs(self) -> dict[str, Any]:
        """pygfx.WgpuRenderer keyword arguments: the fast settings on CPU adapters."""
        return {"pixel_scale": 1, "ppaa": "none"} if self.is_cpu else {"pixel_scale": 1, "ppaa": "default"}


def choose_adapter(infos: Sequence[Mapping[str, Any]], backend: str | None = None) -> int | None:
    """Index of the best adapter among ``infos`` (wgpu ``adapter.info`` dicts), or None.

    Order: discrete GPU, integrated GPU, virtual GPU, then CPU adapters with Vulkan before OpenGL.
    """
    best, best_key = None, None
    for i, info in enumerate(infos):
        kind, api = str(info.get("adapter_type", "")), str(info.get("backend_type", ""))
        if backend and api.lower() != backend.lower():
            continue
        if api not in _BACKEND_RANK:
            continue
        is_cpu = kind == "CPU" or "llvmpipe" in str(info.get("device", "")).lower()
        key = (1 if is_cpu else 0, _ADAPTER_RANK.get(kind, 3), _BACKEND_RANK[api], i)
        if best_key is None or key < best_key:
            best, best_key = i, key
    return best


_lock = threading.Lock()
_choice: AdapterChoice | None = None
_error: NoAdapterError | None = None


def ensure_adapter() -> AdapterChoice:
    """Pick the adapter once per process (thread-safe) and configure pygfx for it.

    Raises
    ------
    NoAdapterError
        When no usable adapter exists; its message says what to install.
    """
    global _choice, _error
    with _lock:
        if _choice is not None:
            return _choice
        if _error is not None:
            raise _error
        os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.gettempdir())
        import pygfx as gfx
        import wgpu

        try:
            adapters = wgpu.gpu.enumerate_adapters_sync()
        except Exception as exc:  # a broken driver stack: same advice
            _error = NoAdapterError(f"{INSTALL_HELP}\n(wgpu said: {exc})")
            raise _error from exc
        index = choose_adapter([a.info for a in adapters], os.environ.get("RERUN_NB_WGPU_BACKEND") or None)
        if index is None:
            _error = NoAdapterError(INSTALL_HELP)
            raise _error
        adapter = adapters[index]
        info = adapter.info
        backend = str(info.get("backend_type", ""))
        if backend == "OpenGL":
            gfx.renderers.wgpu.enable_wgpu_features("!float32-filterable")
        # If the shared device exists already (pygfx used before us), selecting fails: keep that device.
        with contextlib.suppress(Exception):
            gfx.renderers.wgpu.select_adapter(adapter)
        is_cpu = info.get("adapter_type") == "CPU" or "llvmpipe" in str(info.get("device", "")).lower()
        _choice = AdapterChoice(index, adapter.summary, is_cpu, backend)
        return _choice
