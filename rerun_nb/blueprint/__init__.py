"""Viewer layouts (blueprints) with rerun-sdk 0.41 names: ``import rerun_nb.blueprint as rrb``."""

from ._api import *
from ._api import __all__ as __all__
from . import archetypes as archetypes
