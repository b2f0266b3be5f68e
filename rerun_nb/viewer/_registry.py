"""Visualizer registry: archetype -> function turning a latest-at result into one pygfx object.

A visualizer is ``fn(prev, result, entity_path) -> WorldObject | None``. ``prev`` is the object the
same visualizer returned for this entity last time (or None): a visualizer reuses it and updates its
buffers in place when the instance count and kind are unchanged, and builds a new object otherwise.
Returning None means "nothing to draw" (e.g. the required component is empty).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["Visualizer", "batch", "float_rows", "register_visualizer", "visualizers_for"]

VisualizerFn = Callable[[Any, Mapping[str, Any], str], Any]


@dataclass(frozen=True)
class Visualizer:
    """One registered visualizer: its archetype, the component that must be present, its function."""

    archetype: str
    required: str
    fn: VisualizerFn


_VISUALIZERS: dict[str, Visualizer] = {}


def register_visualizer(archetype: str, required: str) -> Callable[[VisualizerFn], VisualizerFn]:
    """Register ``fn`` as the visualizer of ``archetype``, active when ``required`` is in the result."""

    def decorator(fn: VisualizerFn) -> VisualizerFn:
        _VISUALIZERS[archetype] = Visualizer(archetype, required, fn)
        return fn

    return decorator


def visualizers_for(result: Mapping[str, Any]) -> list[Visualizer]:
    """The visualizers whose required component is present and non-empty in ``result``."""
    return [v for v in _VISUALIZERS.values() if batch(result, v.required) is not None]


def batch(result: Mapping[str, Any], descriptor: str) -> Any:
    """The batch for ``descriptor``, or None when absent or empty."""
    b = result.get(descriptor)
    if b is None or len(b) == 0:
        return None
    return b


def float_rows(result: Mapping[str, Any], descriptor: str, width: int) -> np.ndarray | None:
    """A component as a contiguous float32 (n, width) array (None when absent or empty)."""
    b = batch(result, descriptor)
    if b is None:
        return None
    if hasattr(b, "flatten") and not isinstance(b, np.ndarray):  # pyarrow FixedSizeList
        b = b.flatten().to_numpy(zero_copy_only=False)
    return np.ascontiguousarray(np.asarray(b, dtype=np.float32).reshape(-1, width))


def float_values(result: Mapping[str, Any], descriptor: str) -> np.ndarray | None:
    """A scalar component (radii, lengths ...) as float32 (n,), or None."""
    b = batch(result, descriptor)
    if b is None:
        return None
    if hasattr(b, "to_numpy") and not isinstance(b, np.ndarray):
        b = b.to_numpy(zero_copy_only=False)
    return np.asarray(b, dtype=np.float32).reshape(-1)


def text_values(result: Mapping[str, Any], descriptor: str) -> list[str] | None:
    """A utf8 component (labels) as a list of str, or None."""
    b = batch(result, descriptor)
    if b is None:
        return None
    if hasattr(b, "to_pylist"):
        return [str(x) for x in b.to_pylist()]
    return [str(x) for x in b]


def first_int(result: Mapping[str, Any], descriptor: str, default: int) -> int:
    """The first value of an enum-like component (fill_mode ...), or ``default``."""
    b = batch(result, descriptor)
    if b is None:
        return default
    if hasattr(b, "to_numpy") and not isinstance(b, np.ndarray):
        b = b.to_numpy(zero_copy_only=False)
    return int(np.asarray(b).reshape(-1)[0])


def first_bool(result: Mapping[str, Any], descriptor: str, default: bool) -> bool:
    """The first value of a boolean component (show_labels), or ``default``."""
    b = batch(result, descriptor)
    if b is None:
        return default
    if hasattr(b, "to_pylist"):
        return bool(b.to_pylist()[0])
    return bool(np.asarray(b).reshape(-1)[0])
