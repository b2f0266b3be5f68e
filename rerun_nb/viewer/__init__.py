"""The 3D viewer: store -> latest-at -> visualizers -> retained pygfx scene -> offscreen frames.

This is the only package (with ``rerun_nb.widget``) that imports pygfx / wgpu; it knows nothing of
widgets, so it renders in tests on an offscreen canvas.
"""

from ._adapter import INSTALL_HELP as INSTALL_HELP
from ._adapter import AdapterChoice as AdapterChoice
from ._adapter import NoAdapterError as NoAdapterError
from ._adapter import choose_adapter as choose_adapter
from ._adapter import ensure_adapter as ensure_adapter
from ._registry import Visualizer as Visualizer
from ._registry import register_visualizer as register_visualizer
from ._render import SceneRenderer as SceneRenderer
from ._render import render_frame as render_frame
from ._scene import SceneBuilder as SceneBuilder
from ._warmup import prewarm as prewarm
from ._warmup import prewarm_in_background as prewarm_in_background

__all__ = [
    "INSTALL_HELP",
    "AdapterChoice",
    "NoAdapterError",
    "SceneBuilder",
    "SceneRenderer",
    "Visualizer",
    "choose_adapter",
    "ensure_adapter",
    "prewarm",
    "prewarm_in_background",
    "register_visualizer",
    "render_frame",
]
