"""The typed read side: store results as numpy, one clamping rule, change detection from store events.

This layer imports only numpy, pyarrow and the store's public API; it never imports views, layouts
or widgets (tests/test_layering.py checks).
"""

from ._arrays import as_float_rows as as_float_rows
from ._arrays import batch as batch
from ._arrays import clamp_rows as clamp_rows
from ._arrays import first_bool as first_bool
from ._arrays import first_float as first_float
from ._arrays import first_int as first_int
from ._arrays import first_text as first_text
from ._arrays import float_values as float_values
from ._arrays import rgba_float as rgba_float
from ._arrays import tensor_from_arrow as tensor_from_arrow
from ._arrays import text_values as text_values
from ._changes import ChangeTracker as ChangeTracker
from ._entity_filter import EntityPathFilter as EntityPathFilter
from ._series import ScalarHistory as ScalarHistory
from ._timeset import TimeSet as TimeSet
from ._visible_range import RangeResult as RangeResult
from ._visible_range import range_result as range_result
from ._visible_range import resolve_time_range as resolve_time_range

__all__ = [
    "ChangeTracker", "EntityPathFilter", "RangeResult", "ScalarHistory", "TimeSet", "as_float_rows", "batch", "clamp_rows",
    "first_bool", "first_float", "first_int", "first_text", "float_values", "range_result", "resolve_time_range",
    "rgba_float", "tensor_from_arrow", "text_values",
]
