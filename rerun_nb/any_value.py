"""`rerun.any_value` of 0.41: `AnyValues` (arbitrary named components)."""

from .archetypes._any_values import AnyBatchValue, AnyValues
from .dynamic_archetype import DynamicArchetype

__all__ = ["AnyBatchValue", "AnyValues", "DynamicArchetype"]
