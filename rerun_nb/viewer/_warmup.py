"""Warm-up: pay the one-time GPU costs before the first viewer is shown.

On lavapipe, the first frame of a process costs about 1.3 s (device, renderer internals, shader
compilation), against about 20 ms for the next ones: pipelines are cached per device and shared by all
renderers. ``prewarm_in_background()`` does that work on a daemon thread with a tiny scene that uses
the same materials as the visualizers; ``wait_for_prewarm()`` is called before any real render so the
two never touch the device at once.
"""

from __future__ import annotations

import contextlib
import threading

import numpy as np

__all__ = ["preparse_wgpu_types", "prewarm", "prewarm_in_background", "wait_for_prewarm"]

_thread: threading.Thread | None = None
_lock = threading.Lock()
_preparsed = False

# The other type strings wgpu-py 0.32 asks for during a first frame (from ``ffi._parsed_types`` after one).
EXTRA_TYPES = ("char []", "uint8_t []", "uint32_t []", "uint8_t[]", "uint8_t *", "WGPUChainedStruct * ", "uintptr_t", "intptr_t",
               "void(WGPULogLevel, WGPUStringView, void *)",
               "void(WGPUDevice const *, WGPUDeviceLostReason, WGPUStringView, void *, void *)",
               "void(WGPUDevice const *, WGPUErrorType, WGPUStringView, void *, void *)",
               "void(WGPURequestDeviceStatus, WGPUDevice, WGPUStringView, void *, void *)",
               "void(WGPURequestAdapterStatus, WGPUAdapter, WGPUStringView, void *, void *)",
               "void(WGPUMapAsyncStatus, WGPUStringView, void *, void *)",
               "void(WGPUQueueWorkDoneStatus, WGPUStringView, void *, void *)")


def preparse_wgpu_types() -> int:
    """Parse the C types wgpu-py asks cffi for (``"WGPUFoo *"``, ``"WGPUFoo[]"``) in one pycparser pass.

    Why: wgpu-py creates its structs with ``ffi.new("WGPUFoo *")``; cffi parses each new type string
    separately and re-lexes a ``typedef int X;`` line for every one of wgpu.h's ~430 typedefs each time
    (cffi's ``Parser._parse``). The ~70 types a first frame needs took most of the cold first frame on
    this machine (cProfile of bench_viewer's first frame: ~8 of 10 s profiled, 2-3 s unprofiled). One
    parse of all of them costs about as much as two of those. The results go into the cache cffi
    consults first (``ffi._parsed_types``), built by the same calls ``ffi.typeof`` makes, so later
    lookups return identical ctypes. Any cffi/wgpu that does not look as expected is left alone.
    Returns the number of types added.
    """
    global _preparsed
    with _lock:
        if _preparsed:
            return 0
        _preparsed = True
    try:
        from wgpu.backends.wgpu_native._ffi import ffi

        typedefs = ffi.list_types()[0]
        parser, cache = ffi._parser, ffi._parsed_types
    except (ImportError, AttributeError):
        return 0
    names = [n for n in typedefs if n.startswith("WGPU")]
    todo = [d for n in names for d in (f"{n} *", f"{n}[]")] + list(EXTRA_TYPES)
    todo = [d for d in dict.fromkeys(todo) if d not in cache]
    if not todo:
        return 0
    try:
        with ffi._lock:
            ast = parser._parse("void __dummy(\n%s\n);" % ",\n".join(todo))[0]
            params = ast.ext[-1].type.args.params
            if len(params) != len(todo):
                return 0
            added = 0
            for cdecl, node in zip(todo, params):
                tp = parser._get_type_and_quals(node.type)[0]
                is_function = tp.is_raw_function  # as in cffi's FFI._typeof_locked
                if is_function:
                    tp = tp.as_function_pointer()
                cache[cdecl] = (ffi._get_cached_btype(tp), is_function)
                added += 1
            return added
    except Exception:  # noqa: BLE001 - an optimisation only: cffi parses each type on demand as before
        return 0


def prewarm() -> None:
    """Create the device and compile the common pipelines by drawing a tiny scene once."""
    preparse_wgpu_types()
    import pygfx as gfx
    from rendercanvas.offscreen import OffscreenRenderCanvas

    from ._adapter import ensure_adapter
    from ._colors import BACKGROUND_RGB

    choice = ensure_adapter()
    canvas = OffscreenRenderCanvas(size=(32, 24), pixel_ratio=1)
    renderer = gfx.WgpuRenderer(canvas, **choice.renderer_kwargs)
    scene = gfx.Scene()
    scene.add(gfx.Background.from_color(BACKGROUND_RGB), gfx.AmbientLight())
    camera = gfx.PerspectiveCamera(45)
    camera.add(gfx.DirectionalLight())
    scene.add(camera)
    pos = np.zeros((2, 3), np.float32)
    col = np.ones((2, 4), np.float32)
    for space in ("world", "screen"):
        scene.add(gfx.Points(gfx.Geometry(positions=pos, colors=col, sizes=np.ones(2, np.float32)),
                             gfx.PointsMaterial(size_space=space, size_mode="vertex", color_mode="vertex", aa=True)))
    for material in (gfx.LineMaterial, gfx.LineSegmentMaterial):
        scene.add(gfx.Line(gfx.Geometry(positions=pos, colors=col),
                           material(thickness=1.5, thickness_space="screen", color_mode="vertex")))
    tri = np.array([[0, 0, 0], [1, 0, 0], [0, 1, 0]], np.float32)
    scene.add(gfx.Mesh(gfx.Geometry(positions=tri, normals=tri, colors=np.ones((3, 4), np.float32),
                                    indices=np.array([[0, 1, 2]], np.uint32)),
                       gfx.MeshPhongMaterial(color_mode="vertex", flat_shading=False, side="both")))
    scene.add(gfx.Text(text="warm", font_size=13, screen_space=True))
    canvas.request_draw(lambda: renderer.render(scene, camera))
    canvas.draw()


def prewarm_in_background() -> None:
    """Start ``prewarm`` on a daemon thread (once per process); errors are left for the viewer to report."""
    global _thread
    with _lock:
        if _thread is not None:
            return
        _thread = threading.Thread(target=_quiet_prewarm, name="rerun_nb-prewarm", daemon=True)
        _thread.start()


def _quiet_prewarm() -> None:
    with contextlib.suppress(Exception):  # NoAdapterError etc.: the viewer reports it when created
        prewarm()


def wait_for_prewarm() -> None:
    """Block until a running prewarm finished (renders must not overlap it)."""
    thread = _thread
    if thread is not None and thread is not threading.current_thread():
        thread.join()
