"""The rendering kit under the views: adapter choice, retained pygfx objects, 3D visualizers, scene builder.

Views (``rerun_nb.views``) are built from it, layouts (``rerun_nb.layout``) render views into one
frame, and the widget shows the frames. It knows nothing of views, layouts or widgets.
"""

from ._adapter import INSTALL_HELP as INSTALL_HELP
from ._adapter import AdapterChoice as AdapterChoice
from ._adapter import NoAdapterError as NoAdapterError
from ._adapter import choose_adapter as choose_adapter
from ._adapter import ensure_adapter as ensure_adapter
from ._registry import Visualizer as Visualizer
from ._registry import register_visualizer as register_visualizer
from ._scene import SceneBuilder as SceneBuilder
from ._warmup import prewarm as prewarm
from ._warmup import prewarm_in_background as prewarm_in_background

__all__ = [
    "INSTALL_HELP",
    "AdapterChoice",
    "NoAdapterError",
    "SceneBuilder",
    "Visualizer",
    "choose_adapter",
    "ensure_adapter",
    "prewarm",
    "prewarm_in_background",
    "register_visualizer",
]
