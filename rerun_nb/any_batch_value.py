"""`rerun.any_batch_value` of 0.41: `AnyBatchValue` (one arbitrary component batch) and its value type."""

from typing import Any

from .archetypes._any_values import AnyBatchValue

ComponentValueLike = Any  # anything pyarrow or numpy can turn into an array, or a Rerun batch

__all__ = ["AnyBatchValue", "ComponentValueLike"]
