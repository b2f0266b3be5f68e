"""Blueprint archetypes with rerun-sdk 0.41's names: ``rrb.archetypes.VisibleTimeRanges(...)``, ``rrb.Background``.

Every class is built from `_table.ARCHETYPES` (scripts/gen_blueprint_table.py): its constructor has
rerun-sdk's parameters (bound with `inspect.Signature.bind`), its fields are attributes holding what was
given (the views read them: ``prop.color``, ``prop.x_range``, ...), and `components()` encodes each field as
the component rerun-sdk writes for it (``rerun.blueprint.components.*`` through the generated batches,
``rerun.components.*`` through rerun_nb's own converters), so a saved blueprint holds the same Arrow data.
The few whose rerun-sdk constructor is hand-written (an ``_ext``: `Background`, `VisualBounds2D`,
`VisibleTimeRanges`, `DataframeQuery`) map their parameters to fields here.
"""

from __future__ import annotations

import inspect
from typing import Any, ClassVar

import numpy as np
import pyarrow as pa

from .._baseclasses import ComponentDescriptor, DescribedComponentBatch, batch_to_arrow
from ..components import COMPONENT_TYPES
from ..error_utils import report_error
from . import components as bpc
from ._records import signature_of
from ._table import ARCHETYPES

__all__ = sorted(ARCHETYPES) + ["PropertyArchetype"]

_BP = "rerun.blueprint.archetypes."


def _convert(component_type: str, value: Any) -> pa.Array:
    """``value`` as the Arrow array of ``component_type`` (a blueprint or a core component)."""
    short = component_type.rsplit(".", 1)[1]
    if component_type.startswith("rerun.blueprint.components."):
        ctype = getattr(bpc, f"{short}Batch")._component_type
    else:
        ctype = COMPONENT_TYPES[short]
        if short in ("TensorWidthDimension", "TensorHeightDimension") and isinstance(value, (int, np.integer)):
            from ..encodings import TensorDimensionSelection

            value = TensorDimensionSelection(dimension=int(value))  # rerun-sdk takes a bare dimension index
    from ..encodings._base import join_single_values

    joined = join_single_values(value)  # [TensorDimensionIndexSelection(...), ...]: single values, joined
    return batch_to_arrow(joined if joined is not None else ctype.convert(value), ctype.arrow_type)


class PropertyArchetype:
    """Base of the blueprint archetypes: the given fields as attributes; `components()` encodes them."""

    _short: ClassVar[str] = ""  # "VisualBounds2D": also the entity path part under a view
    _component_types: ClassVar[dict[str, str]] = {}

    def __init__(self, **fields: Any) -> None:
        self._fields = {name: fields.get(name) for name in self._component_types}
        for key, value in fields.items():  # also what is not stored (VisualBounds2D's x_range / y_range)
            setattr(self, key, value)
        for key in self._component_types:
            if key not in fields:
                setattr(self, key, None)

    @classmethod
    def archetype(cls) -> str:
        """The full name: ``rerun.blueprint.archetypes.VisualBounds2D``."""
        return _BP + cls._short

    @classmethod
    def archetype_short_name(cls) -> str:
        return cls._short

    @classmethod
    def from_fields(cls, *, clear_unset: bool = False, **kwargs: Any) -> PropertyArchetype:
        """Any subset of the fields (by field name); ``clear_unset`` sets the others to zero instances."""
        unknown = sorted(set(kwargs) - set(cls._component_types))
        if unknown:
            raise TypeError(f"{cls.__name__}.from_fields: unknown field(s) {unknown}")
        inst = cls.__new__(cls)
        fields = {k: ([] if clear_unset else None) for k in cls._component_types}
        fields.update({k: v for k, v in kwargs.items() if v is not None})
        PropertyArchetype.__init__(inst, **fields)
        return inst

    @classmethod
    def cleared(cls) -> PropertyArchetype:
        """Every field with zero instances (clears what an earlier row set)."""
        return cls.from_fields(clear_unset=True)

    def components(self) -> list[tuple[str, str, pa.Array]]:
        """(field, component type, Arrow array of its instances) for each field that was given."""
        return [(key, self._component_types[key], _convert(self._component_types[key], value))
                for key, value in self._fields.items() if value is not None]

    def as_component_batches(self) -> list[DescribedComponentBatch]:
        """The fields as described batches (``rr.log``-able, as rerun-sdk's archetypes are)."""
        name = type(self)._short
        return [DescribedComponentBatch(ComponentDescriptor(f"{name}:{key}", archetype=_BP + name,
                                                            component_type=ctype), arr)
                for key, ctype, arr in self.components()]

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self._fields.items() if v is not None)
        return f"{type(self).__name__}({args})"


def _archetype(name: str, init=None) -> type:
    """The class of ``ARCHETYPES[name]``: ``init(self, **bound_arguments) -> fields`` where the
    parameters are not the fields (rerun-sdk's `_ext` constructors)."""
    entry = ARCHETYPES[name]
    sig = signature_of(entry["params"])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        bound = sig.bind(self, *args, **kwargs)
        bound.apply_defaults()
        values = {k: v for k, v in bound.arguments.items() if k != "self"}
        try:
            PropertyArchetype.__init__(self, **(init(**values) if init is not None else values))
            self.components()  # converts each field now, as rerun-sdk does, so bad input shows here
        except (TypeError, ValueError, OverflowError, KeyError, pa.ArrowException) as exc:
            # rerun-sdk logs the error and leaves the archetype empty; strict mode raises
            report_error(f"{name}: {type(exc).__name__}: {exc}")
            PropertyArchetype.__init__(self)

    __init__.__signature__ = sig  # help(), inspect and IDEs show rerun-sdk's parameters
    fields = [f for f, _ in entry["fields"]]
    body = {"__init__": __init__, "_short": name, "_component_types": dict(entry["fields"]), "__module__": __name__,
            "__doc__": f"Rerun's ``{name}`` blueprint archetype (fields: {', '.join(fields)})."}
    def from_fields(cls, *, clear_unset: bool = False, **kwargs: Any) -> PropertyArchetype:
        return PropertyArchetype.from_fields.__func__(cls, clear_unset=clear_unset, **kwargs)

    kw = inspect.Parameter.KEYWORD_ONLY
    from_fields.__signature__ = inspect.Signature(  # rerun-sdk spells out each field
        [inspect.Parameter("cls", inspect.Parameter.POSITIONAL_OR_KEYWORD),
         inspect.Parameter("clear_unset", kw, default=False)]
        + [inspect.Parameter(f, kw, default=None) for f in entry.get("from_fields", fields)])
    from_fields.__doc__ = PropertyArchetype.from_fields.__doc__
    body["from_fields"] = classmethod(from_fields)
    for field, ctype in entry["fields"]:  # `VisualBounds2D.descriptor_range()`, as in rerun-sdk
        body[f"descriptor_{field}"] = staticmethod(_descriptor_getter(
            ComponentDescriptor(f"{name}:{field}", archetype=_BP + name, component_type=ctype)))
    return type(name, (PropertyArchetype,), body)


def _descriptor_getter(desc: ComponentDescriptor):
    def descriptor() -> ComponentDescriptor:
        return desc

    return descriptor


def _background(color_or_kind=None, color=None, kind=None) -> dict:
    if color_or_kind is not None:
        if isinstance(color_or_kind, (bpc.BackgroundKind, str)):
            kind = color_or_kind
        else:
            color = color_or_kind
    if color is not None and kind is None:
        kind = bpc.BackgroundKind.SolidColor
    return {"kind": kind, "color": color}


def _visual_bounds(x_range=None, y_range=None) -> dict:
    # stored as one VisualBounds2D component ("range"); x_range / y_range stay readable as attributes
    rng = None if x_range is None or y_range is None else {"x_range": list(x_range), "y_range": list(y_range)}
    return {"range": rng, "x_range": x_range, "y_range": y_range}


def _time_ranges(ranges=None, timeline=None, range=None, start=None, end=None) -> dict:
    from ..encodings import VisibleTimeRange

    if timeline is not None:
        if ranges is not None:
            raise ValueError("Only one of `ranges` or `timeline` (with its range) may be given.")
        ranges = [VisibleTimeRange(timeline, range, start=start, end=end)]
    elif isinstance(ranges, VisibleTimeRange) or hasattr(ranges, "timeline"):
        ranges = [ranges]
    return {"ranges": None if ranges is None else list(ranges)}


def _dataframe_query(timeline=None, filter_by_range=None, filter_is_not_null=None, apply_latest_at=False,
                     select=None, entity_order=None, auto_scroll=False) -> dict:
    if isinstance(filter_by_range, tuple):
        filter_by_range = bpc.FilterByRange(*filter_by_range)
    if filter_is_not_null is not None:
        filter_is_not_null = bpc.FilterIsNotNull(active=True, column=filter_is_not_null)
    if select is not None:
        select = bpc.SelectedColumns(select)
    return {"timeline": timeline, "filter_by_range": filter_by_range, "filter_is_not_null": filter_is_not_null,
            "apply_latest_at": apply_latest_at, "select": select, "entity_order": entity_order,
            "auto_scroll": auto_scroll}


_INITS = {"Background": _background, "VisualBounds2D": _visual_bounds, "VisibleTimeRanges": _time_ranges,
          "DataframeQuery": _dataframe_query}

for _name in ARCHETYPES:
    globals()[_name] = _archetype(_name, _INITS.get(_name))
