"""A view's ``defaults=``, ``overrides=`` and ``time_ranges=`` as Rerun 0.41 applies them to its visualizers.

* ``defaults=[rr.Points3D.from_fields(radii=0.1), ...]``: a component an entity did not log takes the
  view's default (instead of the visualizer's own fallback); logged values win.
* ``overrides={"/world/points": rr.Points3D.from_fields(colors=[255, 0, 0])}``: the component of that
  entity (the fully qualified path, as 0.41 requires) is replaced, whatever was logged.
* ``overrides={"/world/points": rrb.VisibleTimeRanges(...)}`` and the view's ``time_ranges=``: the entity is
  drawn from a range query over the window (``rerun_nb.query.range_result``); the entity's own range
  wins over the view's.

What cannot be applied (a component batch without a descriptor, a visualizer with component
mappings) is named in one notice; the rest still applies.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pyarrow as pa

__all__ = ["ViewSettings", "component_cells", "view_settings"]


def _cell(arr: pa.Array) -> Any:
    """A component batch as the store hands it out: numpy for plain numbers (and fixed-size lists of them)."""
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    t = arr.type
    if arr.null_count == 0:
        if pa.types.is_integer(t) or pa.types.is_floating(t):
            return arr.to_numpy(zero_copy_only=False)
        if pa.types.is_fixed_size_list(t) and (pa.types.is_integer(t.value_type) or pa.types.is_floating(t.value_type)):
            flat = arr.flatten()
            if flat.null_count == 0:
                return flat.to_numpy(zero_copy_only=False).reshape(-1, t.list_size)
    return arr


def _batches_of(item: Any) -> list:
    if hasattr(item, "as_component_batches"):
        return list(item.as_component_batches())
    if hasattr(item, "component_descriptor"):
        return [item]
    if isinstance(item, (list, tuple)):
        return [b for x in item for b in _batches_of(x)]
    raise TypeError(f"{type(item).__name__} is neither an archetype nor a described component batch")


def component_cells(item: Any) -> dict[str, Any]:
    """Descriptor name (``"Points3D:colors"``) -> batch, for an archetype or (a list of) described batches."""
    out = {}
    for b in _batches_of(item):
        desc = b.component_descriptor()
        name = getattr(desc, "component", None) or str(desc)
        arr = b.as_arrow_array()
        if arr is not None and len(arr):
            out[str(name)] = _cell(arr)
    return out


def _is_time_ranges(item: Any) -> bool:
    return type(item).__name__ in ("VisibleTimeRanges", "VisibleTimeRange")


def _ranges_by_timeline(item: Any) -> dict[str, Any]:
    ranges = [item] if type(item).__name__ == "VisibleTimeRange" else (getattr(item, "ranges", None) or [])
    return {str(r.timeline): r.range for r in ranges}


class ViewSettings:
    """The blueprint's per-view visualizer settings: component defaults, per-entity overrides, time ranges."""

    def __init__(self, properties: Mapping[str, Any]):
        self.problems: list[str] = []
        self.defaults: dict[str, Any] = {}
        self.overrides: dict[str, dict[str, Any]] = {}
        self.entity_ranges: dict[str, dict[str, Any]] = {}
        self.view_ranges = _ranges_by_timeline(properties["time_ranges"]) if properties.get("time_ranges") else {}
        for item in properties.get("defaults") or []:
            try:
                self.defaults.update(component_cells(item))
            except (TypeError, ValueError) as exc:
                self.problems.append(f"defaults: {exc}")
        for path, value in (properties.get("overrides") or {}).items():
            path = "/" + str(path).strip("/")
            items = value if isinstance(value, (list, tuple)) else [value]
            for item in items:
                if _is_time_ranges(item):
                    self.entity_ranges.setdefault(path, {}).update(_ranges_by_timeline(item))
                    continue
                if getattr(item, "mappings", None):
                    self.problems.append(f"overrides: component mappings at {path}")
                target = getattr(item, "overrides", item) if hasattr(item, "visualizer_type") else item
                try:
                    self.overrides.setdefault(path, {}).update(component_cells(target or []))
                except (TypeError, ValueError) as exc:
                    self.problems.append(f"overrides at {path}: {exc}")

    @property
    def empty(self) -> bool:
        """True when nothing changes what the visualizers see."""
        return not (self.defaults or self.overrides or self.entity_ranges or self.view_ranges)

    def time_range(self, entity_path: str, timeline: str) -> Any:
        """The ``TimeRange`` that applies to an entity on ``timeline`` (None: latest-at)."""
        own = self.entity_ranges.get(entity_path)
        if own is not None and timeline in own:
            return own[timeline]
        return self.view_ranges.get(timeline)

    def has_ranges(self) -> bool:
        """True when some entity may be drawn from a range query."""
        return bool(self.view_ranges or self.entity_ranges)

    def apply(self, entity_path: str, result: Mapping[str, Any], archetypes: set[str]) -> Mapping[str, Any]:
        """``result`` with the view's defaults filled in and the entity's overrides put over it.

        Only components of ``archetypes`` (those the entity has) are touched: a default radius for
        points does not make an entity without points draw any.
        """
        over = self.overrides.get(entity_path)
        if not self.defaults and not over:
            return result
        out = dict(result)
        for name, value in self.defaults.items():
            if name.split(":", 1)[0] in archetypes and (out.get(name) is None or len(out[name]) == 0):
                out[name] = value
        for name, value in (over or {}).items():
            out[name] = value
        if isinstance(result, dict) and hasattr(result, "row_ids"):
            out = _WithRowIds(out, result.row_ids)
        return out


class _WithRowIds(dict):
    """A result dict that keeps the row ids of the query it came from (change detection)."""

    def __init__(self, data: dict, row_ids: Any):
        super().__init__(data)
        self.row_ids = row_ids


def view_settings(view) -> ViewSettings | None:
    """The ``ViewSettings`` of a view's properties (None when they change nothing); problems become notices."""
    settings = ViewSettings(view.properties)
    for problem in settings.problems:
        view.add_notice(f"not applied: {problem}")
    return None if settings.empty else settings
