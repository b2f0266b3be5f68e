"""Visualizer registry: (view kind, archetype) -> function turning a latest-at result into one pygfx object.

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

from .. import query as _q

__all__ = ["Visualizer", "archetypes_drawn_by", "batch", "float_rows", "register_visualizer", "required_components",
           "visualizers_for"]

VisualizerFn = Callable[[Any, Mapping[str, Any], str], Any]


@dataclass(frozen=True)
class Visualizer:
    """One registered visualizer: its archetype, the component that must be present, its function."""

    archetype: str
    required: str
    fn: VisualizerFn
    view: str = "3D"


# view kind (Rerun's view class identifier: "3D", "2D", ...) -> archetype -> visualizer
_VISUALIZERS: dict[str, dict[str, Visualizer]] = {}


def register_visualizer(archetype: str, required: str, view: str = "3D") -> Callable[[VisualizerFn], VisualizerFn]:
    """Register ``fn`` as the visualizer of ``archetype`` in views of kind ``view``, active when
    ``required`` is in the result."""

    def decorator(fn: VisualizerFn) -> VisualizerFn:
        _VISUALIZERS.setdefault(view, {})[archetype] = Visualizer(archetype, required, fn, view)
        return fn

    return decorator


def visualizers_for(result: Mapping[str, Any], view: str = "3D") -> list[Visualizer]:
    """The visualizers of view kind ``view`` whose required component is present and non-empty in ``result``."""
    return [v for v in _VISUALIZERS.get(view, {}).values() if batch(result, v.required) is not None]


def required_components(view: str) -> dict[str, str]:
    """Archetype -> its required component, for the visualizers of view kind ``view``."""
    return {arch: v.required for arch, v in _VISUALIZERS.get(view, {}).items()}


def archetypes_drawn_by(view: str) -> set[str]:
    """Archetypes that views of kind ``view`` have a visualizer for."""
    return set(_VISUALIZERS.get(view, {}))


def batch(result: Mapping[str, Any], descriptor: str) -> Any:
    """The batch for ``descriptor``, or None when absent or empty."""
    return _q.batch(result, descriptor)


def float_rows(result: Mapping[str, Any], descriptor: str, width: int) -> np.ndarray | None:
    """A component as a contiguous float32 (n, width) array (None when absent or empty)."""
    return _q.as_float_rows(result.get(descriptor), width)


def float_values(result: Mapping[str, Any], descriptor: str) -> np.ndarray | None:
    """A scalar component (radii, lengths ...) as float32 (n,), or None."""
    return _q.float_values(result.get(descriptor))


def text_values(result: Mapping[str, Any], descriptor: str) -> list[str] | None:
    """A utf8 component (labels) as a list of str, or None."""
    return _q.text_values(result.get(descriptor))


def first_int(result: Mapping[str, Any], descriptor: str, default: int) -> int:
    """The first value of an enum-like component (fill_mode ...), or ``default``."""
    return _q.first_int(result.get(descriptor), default)


def first_bool(result: Mapping[str, Any], descriptor: str, default: bool) -> bool:
    """The first value of a boolean component (show_labels), or ``default``."""
    return _q.first_bool(result.get(descriptor), default)
