"""AnyValues: arbitrary user components, keyed by name (kept and queryable, not drawn)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyarrow as pa

from .._baseclasses import AsComponents, ComponentDescriptor, DescribedComponentBatch
from ..error_utils import RerunError, strict_mode


def any_batch(value: Any) -> np.ndarray | pa.Array:
    """User data as a batch: numeric arrays stay numpy (flattened), everything else goes through pyarrow."""
    if isinstance(value, (pa.Array, pa.ChunkedArray)):
        return value.combine_chunks() if isinstance(value, pa.ChunkedArray) else value
    if isinstance(value, np.ndarray) and value.dtype.kind in "biuf" and value.dtype != bool:
        return np.array(value.reshape(-1))
    if isinstance(value, (str, bytes, int, float, bool)) or np.isscalar(value):
        return pa.array([value])
    return pa.array(list(value))


class AnyValues(AsComponents):
    """Log arbitrary values: `rr.AnyValues(confidence=[0.3, 0.9], description="...")`."""

    def __init__(self, drop_untyped_nones: bool = True, **kwargs: Any):
        self._batches: list[tuple[ComponentDescriptor, Any]] = []
        self._error: str | None = None
        for name, value in kwargs.items():
            if value is None:
                if drop_untyped_nones:
                    continue
                self._fail(f"AnyValues: `{name}` is None and has no type")
                return
            try:
                self._batches.append((ComponentDescriptor(name), any_batch(value)))
            except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError) as exc:
                self._fail(f"AnyValues: bad `{name}`: {exc}")
                return

    def _fail(self, message: str) -> None:
        if strict_mode():
            raise RerunError(message)
        self._batches, self._error = [], message

    def with_component(self, name: str, value: Any) -> AnyValues:
        self._batches.append((ComponentDescriptor(name), any_batch(value)))
        return self

    def as_component_batches(self) -> list[DescribedComponentBatch]:
        return [DescribedComponentBatch(d, b) for d, b in self._batches]

    def _rnb_batches(self) -> list[tuple[ComponentDescriptor, Any]]:
        return list(self._batches)
