"""Blueprint components with rerun-sdk 0.41's names: ``import rerun_nb.blueprint.components as rrbc``.

Generated at import from `_table.COMPONENTS` (scripts/gen_blueprint_table.py): the enums (``Corner2D``,
``BackgroundKind``, ``PanelState``, ...), one ``FooBatch`` per component, ``Foo`` with rerun-sdk's
constructor, and the ``FooLike`` / ``FooArrayLike`` aliases.
"""

from __future__ import annotations

from ._records import build_module
from ._table import COMPONENTS

__all__ = build_module(COMPONENTS, __name__, globals())
