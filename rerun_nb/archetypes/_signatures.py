"""Per-archetype `from_fields` / `columns` with Rerun's keyword-only signatures (field names, defaults None).

The base `Archetype` implements both generically over `**kwargs`; here each archetype gets thin wrappers
whose `inspect.signature` lists its own fields, like rerun-sdk's generated classes, so IDEs, `help()`
and signature checks see the same API.
"""

from __future__ import annotations

import inspect
from typing import Any

from .._baseclasses import Archetype

_KW = inspect.Parameter.KEYWORD_ONLY
_CLS = inspect.Parameter("cls", inspect.Parameter.POSITIONAL_OR_KEYWORD)


def install_field_signatures(cls: type[Archetype]) -> None:
    base_from_fields = Archetype.from_fields.__func__
    base_columns = Archetype.columns.__func__
    fields = [inspect.Parameter(name, _KW, default=None) for name in cls._fields]

    def from_fields(cls: Any, *, clear_unset: bool = False, **kwargs: Any) -> Archetype:
        inst = base_from_fields(cls, **_in_field_order(cls, kwargs))
        if clear_unset and inst._error is None:
            # Each unset field gets what its converter makes of `[]`, exactly like Rerun's `Batch([])`
            # (one empty tensor for TensorData, one empty class map for AnnotationContext, else no instances).
            for name, component_type in cls._fields.items():
                if name not in inst._batches:
                    inst._batches[name] = component_type.convert([])
        return inst

    def columns(cls: Any, **kwargs: Any):
        return base_columns(cls, **_in_field_order(cls, kwargs))

    from_fields.__signature__ = inspect.Signature([_CLS, inspect.Parameter("clear_unset", _KW, default=False), *fields])
    columns.__signature__ = inspect.Signature([_CLS, *fields])
    for func, doc in ((from_fields, base_from_fields.__doc__), (columns, base_columns.__doc__)):
        func.__qualname__ = f"{cls.__name__}.{func.__name__}"
        func.__doc__ = doc
    cls.from_fields = classmethod(from_fields)
    cls.columns = classmethod(columns)


def _in_field_order(cls: type[Archetype], kwargs: dict[str, Any]) -> dict[str, Any]:
    """Batches come out in the archetype's field order, whatever the keyword order (like Rerun)."""
    ordered = {name: kwargs[name] for name in cls._fields if name in kwargs}
    ordered.update((k, v) for k, v in kwargs.items() if k not in ordered)  # unknown names: the base reports them
    return ordered
