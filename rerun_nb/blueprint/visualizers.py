"""`Visualizer` and `VisualizableArchetype` with rerun-sdk 0.41's names (``rerun.blueprint.visualizers``).

A `Visualizer` names a visualizer type and the component overrides / mappings to apply to it; views take
them in ``overrides={entity_path: Visualizer(...) or [..]}``. rerun_nb's views apply ``overrides`` given as
archetypes (rerun_nb.views._overrides); a `Visualizer`'s own overrides are read there too when given.
"""

from __future__ import annotations

import uuid
from typing import Any, Protocol, runtime_checkable

__all__ = ["VisualizableArchetype", "Visualizer"]


class Visualizer:
    """A visualizer configuration: its type name, component ``overrides`` and component ``mappings``."""

    def __init__(self, visualizer_type: str, *, overrides: list | None = None, mappings: list | None = None) -> None:
        self.id = uuid.uuid4()
        self.visualizer_type = visualizer_type
        self.overrides = overrides
        self.mappings = mappings

    def __repr__(self) -> str:
        return f"Visualizer({self.visualizer_type!r})"


@runtime_checkable
class VisualizableArchetype(Protocol):
    """Archetypes that can make a `Visualizer` of themselves (``archetype.visualizer()``)."""

    def visualizer(self, *args: Any, **kwargs: Any) -> Visualizer:
        """A visualizer from this archetype."""
        ...
