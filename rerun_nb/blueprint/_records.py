"""Builds the classes of ``rerun_nb.blueprint.components`` / ``.encodings`` from the generated table.

Per entry of `_table.COMPONENTS` / `_table.ENCODINGS`: an enum (a `_RerunEnum` with Rerun's members), a
``FooBatch`` (a component batch whose cells are built by `_arrow.to_batch` from the Arrow type), a ``Foo``
record whose constructor has rerun-sdk's exact parameters (bound with `inspect.Signature.bind`, so a wrong
call fails as it does in Rerun) and whose fields are attributes, and the ``FooLike`` / ``FooArrayLike``
type aliases.
"""

from __future__ import annotations

import inspect
import typing
from typing import Any

import pyarrow as pa

from .._baseclasses import ComponentType
from ..components import ComponentBatch
from ..components import _convert as cv
from ..datatypes import _RerunEnum
from ._arrow import to_batch

__all__ = ["build_module", "signature_of"]

_KINDS = {
    "POSITIONAL_ONLY": inspect.Parameter.POSITIONAL_ONLY, "POSITIONAL_OR_KEYWORD": inspect.Parameter.POSITIONAL_OR_KEYWORD,
    "VAR_POSITIONAL": inspect.Parameter.VAR_POSITIONAL, "KEYWORD_ONLY": inspect.Parameter.KEYWORD_ONLY,
    "VAR_KEYWORD": inspect.Parameter.VAR_KEYWORD}


def signature_of(params: list[tuple], enums: dict[str, type] | None = None) -> inspect.Signature:
    """The `inspect.Signature` of a table's parameter list (self first)."""
    out = [inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD)]
    for name, kind, default in params:
        if default[0] == "required":
            value = inspect.Parameter.empty
        elif default[0] == "enum":
            value = getattr((enums or {})[default[1]], default[2])
        else:
            value = default[1]
        out.append(inspect.Parameter(name, _KINDS[kind], default=value))
    return inspect.Signature(out)


# Constructors whose parameters are not the cell's fields (rerun-sdk's `_ext` classes): params -> fields.
def _selector_fields(spec=None, entity_path=None, component=None):
    if spec is not None:
        if entity_path is not None or component is not None:
            raise ValueError("Either `spec` or both `entity_path` and `component` must be provided.")
        if not isinstance(spec, str):
            raise ValueError(f"Unexpected input value (`spec` must be a string): {spec}")
        parts = spec.split(":")
        if len(parts) != 2:
            raise ValueError(f"Invalid component column specifier: {spec}")
        entity_path, component = parts
    elif entity_path is None or component is None:
        raise ValueError("Both `entity_path` and `component` must be provided.")
    return {"entity_path": str(entity_path), "component": str(component)}


def _selected_columns_fields(columns):
    time_columns, component_columns = [], []
    for col in columns:
        if isinstance(col, str) and ":" not in col:
            time_columns.append(col)
        elif isinstance(col, str):
            component_columns.append(_selector_fields(col))
        else:
            component_columns.append({"entity_path": str(col.entity_path), "component": str(col.component)})
    return {"time_columns": time_columns, "component_columns": component_columns}


def _visible_time_range_fields(timeline, range=None, start=None, end=None):
    if range is not None and (start is not None or end is not None):
        raise ValueError("Only one of `range` or `start` and `end` may be given.")
    if range is None:
        if start is None or end is None:
            raise ValueError("Either `range` or both `start` and `end` must be given.")
        range = {"start": start, "end": end}
    return {"timeline": timeline, "range": range}


def _time_int_fields(seq=None, seconds=None, nanos=None):
    given = [v is not None for v in (seq, seconds, nanos)]
    if sum(given) != 1:
        raise ValueError("Exactly one of 'seq', 'seconds', or 'nanos' must be provided.")
    value = int(seq) if seq is not None else round(float(seconds) * 1e9) if seconds is not None else int(nanos)
    return {"value": value}


_FIELD_MAKERS = {"ComponentColumnSelector": _selector_fields, "SelectedColumns": _selected_columns_fields,
                 "VisibleTimeRange": _visible_time_range_fields, "TimeInt": _time_int_fields}


def _record_class(name: str, entry: dict, batch_cls: type, module: str, enums: dict[str, type]) -> type:
    sig = signature_of(entry["params"], enums)
    maker = _FIELD_MAKERS.get(name)
    arrow_type = entry["arrow"]
    single_field = pa.types.is_struct(arrow_type) is False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        bound = sig.bind(self, *args, **kwargs)
        bound.apply_defaults()
        values = {k: v for k, v in bound.arguments.items() if k != "self"}
        fields = maker(**values) if maker is not None else values
        for key, value in fields.items():
            object.__setattr__(self, key, value)
        self._rnb_fields = fields
        cell = next(iter(fields.values())) if single_field else fields
        ComponentBatch.__init__(self, to_batch(cell, arrow_type) if single_field else to_batch([cell], arrow_type))

    __init__.__signature__ = sig  # help(), inspect and IDEs show rerun-sdk's parameters
    return type(name, (batch_cls,), {"__init__": __init__, "__module__": module,
                                     "__doc__": f"Rerun's ``{name}`` ({', '.join(entry['params'] and [p[0] for p in entry['params']])})."})


def build_module(table: dict[str, dict], module: str, namespace: dict[str, Any]) -> list[str]:
    """Define every name of ``table`` in ``namespace`` (a module's globals); returns the names."""
    enums: dict[str, type] = {}
    for name, entry in table.items():
        if entry["kind"] == "enum":
            cls = _RerunEnum(name, [(m, v) for m, v in entry["members"]], module=module)
            cls.__doc__ = f"Rerun's ``{name}`` ({', '.join(m for m, _ in entry['members'])})."
            enums[name] = namespace[name] = cls
    batches: dict[str, type] = {}
    for name, entry in table.items():
        if entry["kind"] not in ("class", "enum") or "arrow" not in entry:
            continue
        arrow_type = entry["arrow"]
        if entry["kind"] == "enum":
            convert = cv.enum_u8(enums[name])
        else:
            def convert(value, _t=arrow_type):
                return to_batch(value, _t)
        ctype = ComponentType(entry.get("component_type", f"{module}.{name}"), arrow_type, convert)
        batches[name] = namespace[f"{name}Batch"] = type(
            f"{name}Batch", (ComponentBatch,), {"_component_type": ctype, "__module__": module,
                                               "__doc__": f"A batch of ``{name}`` values."})
    for name, entry in table.items():
        if entry["kind"] == "class" and name in batches:
            namespace[name] = _record_class(name, entry, batches[name], module, enums)
    for name, entry in table.items():
        if name in namespace:
            continue
        if entry["kind"] == "same":
            namespace[name] = namespace[entry["of"]]
        elif entry["kind"] == "alias":
            namespace[name] = typing.Any  # a type alias (Rerun's is a Union of the accepted inputs)
        elif entry["kind"] == "class":  # a class-valued alias without its own Arrow type
            base = name.removesuffix("ArrayLike").removesuffix("Like")
            namespace[name] = namespace.get(base, typing.Any)
    return list(table)
