"""Blueprint datatypes with rerun-sdk 0.41's names (``rerun.blueprint.encodings``): column selectors, sort
orders, text log / timeline columns, visualizer component mappings. Generated from `_table.ENCODINGS`."""

from __future__ import annotations

from ._arrow import STRUCT_ENUMS
from ._records import build_module
from ._table import ENCODINGS

__all__ = build_module(ENCODINGS, __name__, globals())
STRUCT_ENUMS.update(direction=SortDirection, kind=TextLogColumnKind, source_kind=ComponentSourceKind)  # noqa: F821
