"""The container classes with rerun-sdk 0.41's names and keywords (``rerun.blueprint.containers``)."""

from __future__ import annotations

from .api import Container, Grid, Horizontal, Tabs, Vertical, View
from .components import ContainerKind  # noqa: F401 - rerun-sdk's module has it too

__all__ = ["Container", "ContainerKind", "Grid", "Horizontal", "Tabs", "Vertical", "View"]
