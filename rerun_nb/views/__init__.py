"""Views: one class per Rerun view kind behind one interface (``View``), drawn into a rectangle.

Imports query and the viewer's rendering kit (pygfx objects, 3D visualizers); never the layout or the widget.
"""

from ._base import BACKGROUND_RGB as BACKGROUND_RGB
from ._base import ScreenOverlay as ScreenOverlay
from ._base import View as View
from ._kinds import VIEW_CLASSES as VIEW_CLASSES
from ._kinds import make_view as make_view

__all__ = ["BACKGROUND_RGB", "VIEW_CLASSES", "ScreenOverlay", "View", "make_view"]
