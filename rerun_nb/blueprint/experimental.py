"""Experimental blueprint types (rerun-sdk 0.41's ``rerun.blueprint.experimental``): the table archetypes."""

from __future__ import annotations

from .archetypes import CardLayout, PreviewsConfig, TableBlueprint, TableColumn, TableColumnPreview, TableLayout

__all__ = ["CardLayout", "PreviewsConfig", "TableBlueprint", "TableColumn", "TableColumnPreview", "TableLayout"]
