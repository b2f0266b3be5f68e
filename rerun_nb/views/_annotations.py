"""Annotation contexts for visualizers: class id -> (label, color) of the nearest ``AnnotationContext``."""

from __future__ import annotations

from typing import Any

__all__ = ["AnnotationsMixin", "annotation_table"]


def annotation_table(batch: Any) -> dict[int, tuple[str | None, int | None]]:
    """An ``AnnotationContext:context`` batch as {class id: (label, packed RGBA color)}."""
    rows = batch.to_pylist() if hasattr(batch, "to_pylist") else list(batch)
    if rows and isinstance(rows[0], list):  # one instance holding the list of class descriptions
        rows = [entry for row in rows for entry in row]
    table = {}
    for entry in rows:
        info = (entry.get("class_description") or {}).get("info") or {}
        table[int(entry.get("class_id", info.get("id", 0)))] = (info.get("label"), info.get("color"))
    return table


class AnnotationsMixin:
    """``annotations(entity_path)`` for a view that sets ``self._query = (timeline, at)`` and clears
    ``self._annotations`` (a cache) on each update; the 2D visualizers call it through their context."""

    def annotations(self, entity_path: str) -> dict[int, tuple[str | None, int | None]] | None:
        """Class id -> (label, color) of the nearest AnnotationContext at or above ``entity_path``."""
        cached = self._annotations.get(entity_path)
        if cached is not None or entity_path in self._annotations:
            return cached
        timeline, at = self._query
        path, table = entity_path, None
        while timeline is not None:
            ctx = self.store.latest_at(path, timeline=timeline, at=at, components=["AnnotationContext:context"])
            b = ctx.get("AnnotationContext:context")
            if b is not None and len(b):
                table = annotation_table(b)
                break
            if path == "/":
                break
            path = path.rsplit("/", 1)[0] or "/"
        self._annotations[entity_path] = table
        return table
