"""User values -> Arrow arrays of a blueprint component's cell type, driven by the type alone.

rerun-sdk has one hand-generated converter per blueprint component; the blueprint components are all plain
Arrow shapes (primitives, strings, UUIDs, fixed-size lists, structs of those, and the time-range-boundary
dense union), so one recursive builder covers them: struct fields are read from dicts, from attributes
(rerun_nb's and rerun-sdk's record classes name them the same) or from tuples in field order.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pyarrow as pa

__all__ = ["STRUCT_ENUMS", "build", "field_of", "to_batch"]

# Struct fields that hold an enum (a uint8): the enum, so that names ("Descending") are accepted too.
STRUCT_ENUMS: dict[str, type[enum.Enum]] = {}


def _is_record(value: Any) -> bool:
    return isinstance(value, Mapping) or hasattr(value, "__dict__") or hasattr(value, "__attrs_attrs__")


def field_of(value: Any, name: str, index: int) -> Any:
    """Field ``name`` of one struct value: a dict key, an attribute or a tuple item."""
    if value is None:
        return None
    if isinstance(value, Mapping):
        return value.get(name)
    if isinstance(value, (tuple, list)):
        return value[index] if index < len(value) else None
    if hasattr(value, name):
        return getattr(value, name)
    raise TypeError(f"{type(value).__name__} has no field {name!r}")


def _selector(spec: str) -> dict:
    parts = spec.split(":")
    if len(parts) != 2:
        raise ValueError(f"Invalid component column specifier: {spec}")
    return {"entity_path": parts[0], "component": parts[1]}


def _uuid_bytes(value: Any) -> list[int]:
    if isinstance(value, uuid.UUID):
        return list(value.bytes)
    if isinstance(value, (bytes, bytearray)):
        return list(value)
    if isinstance(value, str):
        return list(uuid.UUID(value).bytes)
    inner = getattr(value, "bytes", None)  # a record with a `bytes` field (rerun's Uuid datatype)
    if inner is not None and not isinstance(value, (list, tuple, np.ndarray)):
        return _uuid_bytes(inner)
    out = [int(v) for v in value]
    if len(out) != 16:
        raise ValueError(f"a UUID has 16 bytes, got {len(out)}")
    return out


def _scalar(value: Any, t: pa.DataType) -> Any:
    if value is None:
        return None
    if isinstance(value, enum.Enum):
        return value.value
    inner = getattr(value, "value", None)  # a one-field record (Float32(1.0), a component of one value)
    if inner is not None and not isinstance(value, (int, float, str, bool, np.generic)):
        return _scalar(inner, t)
    if isinstance(value, np.generic):
        value = value.item()
    if pa.types.is_boolean(t):
        return bool(value)
    if pa.types.is_floating(t):
        return float(value)
    if pa.types.is_integer(t):
        return int(value)
    if pa.types.is_string(t):
        return str(value)
    return value


def _union_child(value: Any, t: pa.UnionType) -> tuple[int, Any]:
    """(child index, child value) of one union value: a time range boundary (``kind`` + ``inner``/``value``)."""
    kind = getattr(value, "kind", None)
    if kind is None and isinstance(value, Mapping):
        kind = value.get("kind")
    if kind is None:
        raise TypeError(f"expected a TimeRangeBoundary, got {type(value).__name__}")
    key = str(kind).replace("_", "").lower()
    for i in range(t.num_fields):
        if t.field(i).name.lower() == key:
            inner = getattr(value, "inner", getattr(value, "value", None))
            inner = getattr(inner, "value", inner)  # TimeInt(seq=...) keeps its int in `.value`
            return i, inner
    raise ValueError(f"unknown boundary kind {kind!r}")


def build(values: Sequence[Any], t: pa.DataType) -> pa.Array:
    """An Arrow array of type ``t`` with one cell per item of ``values`` (None: a null cell)."""
    if pa.types.is_struct(t):
        if {t.field(i).name for i in range(t.num_fields)} == {"entity_path", "component"}:
            values = [_selector(v) if isinstance(v, str) else v for v in values]  # "/entity:Component"
        if t.num_fields == 1:  # a one-field struct given as its value (TensorDimensionIndexSlider(2) as 2)
            values = [{t.field(0).name: v} if isinstance(v, (int, float, str, np.generic)) else v for v in values]
        mask = np.array([v is None for v in values], bool)
        children = []
        for i in range(t.num_fields):
            name, ftype = t.field(i).name, t.field(i).type
            items = [field_of(v, name, i) for v in values]
            if name in STRUCT_ENUMS and pa.types.is_integer(ftype):
                items = [None if x is None else STRUCT_ENUMS[name].auto(x) for x in items]
            children.append(build(items, ftype))
        return pa.StructArray.from_arrays(children, fields=list(t), mask=pa.array(mask) if mask.any() else None)
    if pa.types.is_union(t):
        picked = [_union_child(v, t) for v in values]
        per_child: list[list] = [[] for _ in range(t.num_fields)]
        offsets = []
        for code, inner in picked:
            offsets.append(len(per_child[code]))
            per_child[code].append(inner)
        children = [pa.nulls(len(vs), pa.null()) if pa.types.is_null(t.field(i).type)
                    else build(vs, t.field(i).type) for i, vs in enumerate(per_child)]
        codes = np.array([t.type_codes[c] for c, _ in picked], np.int8)
        # from_buffers, not UnionArray.from_dense: that one makes every child field nullable
        return pa.Array.from_buffers(t, len(values), [None, pa.py_buffer(codes),
                                                      pa.py_buffer(np.array(offsets, np.int32))], children=children)
    if pa.types.is_fixed_size_list(t) and t.list_size == 16 and t.value_type == pa.uint8():
        return pa.array([None if v is None else _uuid_bytes(v) for v in values], t)
    if pa.types.is_fixed_size_list(t) or pa.types.is_list(t):
        lengths, flat = [], []
        for v in values:
            items = [] if v is None else list(np.asarray(v).reshape(-1)) if isinstance(v, np.ndarray) else list(v)
            lengths.append(len(items))
            flat.extend(items)
        child = build(flat, t.value_type)
        if pa.types.is_fixed_size_list(t):
            return pa.FixedSizeListArray.from_arrays(child, type=t)
        offsets = np.zeros(len(lengths) + 1, np.int32)
        np.cumsum(lengths, out=offsets[1:])
        return pa.ListArray.from_arrays(pa.array(offsets), child, type=t)
    return pa.array([_scalar(v, t) for v in values], t)


def _one_cell(value: Any, t: pa.DataType) -> bool:
    """Whether ``value`` is one instance of ``t`` (else a sequence of instances)."""
    if isinstance(value, (str, bytes, bytearray, uuid.UUID, enum.Enum, Mapping)) or np.isscalar(value):
        return True
    if pa.types.is_struct(t):
        if _is_record(value):
            return True
        # a tuple of the struct's fields, e.g. (start, end), is one instance; a list of records is many
        return isinstance(value, tuple) and not any(_is_record(v) for v in value)
    if pa.types.is_fixed_size_list(t) and t.list_size == 16 and t.value_type == pa.uint8():  # UUIDs
        items = list(value)
        return not items or not isinstance(items[0], (bytes, bytearray, uuid.UUID, str, list, tuple, np.ndarray))
    if pa.types.is_fixed_size_list(t):
        arr = np.asarray(value)
        return arr.ndim <= 1 and not (arr.ndim == 1 and len(arr) and isinstance(arr[0], (list, tuple, np.ndarray)))
    if pa.types.is_list(t):
        items = list(value)
        return not items or not isinstance(items[0], (list, tuple, np.ndarray))
    return hasattr(value, "value") and not isinstance(value, (list, tuple, np.ndarray))


def to_batch(value: Any, t: pa.DataType) -> pa.Array:
    """One instance or a sequence of instances of cell type ``t``, as an Arrow array."""
    if isinstance(value, pa.Array):
        return value if value.type == t else value.cast(t)
    arrow = getattr(value, "as_arrow_array", None)
    if arrow is not None:
        return to_batch(arrow(), t)
    if _one_cell(value, t):
        return build([value], t)
    return build(list(np.asarray(value).reshape(-1)) if isinstance(value, np.ndarray) and value.ndim <= 1
                 and not pa.types.is_fixed_size_list(t) else list(value), t)
