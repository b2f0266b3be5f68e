"""Layouts: the views of one viewer, from a blueprint or from the data, and their rectangles on one canvas.

Imports views (never the widget); the widget imports this.
"""

from ._heuristics import heuristic_layout as heuristic_layout
from ._heuristics import store_archetypes as store_archetypes
from ._heuristics import undrawn_archetypes as undrawn_archetypes
from ._renderer import LayoutRenderer as LayoutRenderer
from ._renderer import render_frame as render_frame
from ._tree import ContainerSpec as ContainerSpec
from ._tree import ViewSpec as ViewSpec
from ._tree import compute_rects as compute_rects
from ._tree import from_blueprint as from_blueprint

__all__ = ["ContainerSpec", "LayoutRenderer", "ViewSpec", "compute_rects", "from_blueprint", "heuristic_layout",
           "render_frame", "store_archetypes", "undrawn_archetypes"]
