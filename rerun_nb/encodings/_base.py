"""The datatype batch base and the single-value datatype classes of `rerun.encodings` (0.41).

A datatype batch converts user input exactly like the components built on the same datatype (the
converters are shared), and a single datatype value (`Vec3D([1, 2, 3])`, `Rgba32(0xFF0000FF)`) is a
batch of one: archetypes and components accept it wherever they accept the plain value.
"""

from __future__ import annotations

import inspect
from typing import Any

import numpy as np
import pyarrow as pa

from .._baseclasses import _empty_batch, batch_to_arrow
from ..error_utils import report_error


class DatatypeBatch:
    """A converted batch of one datatype (`Vec3DBatch([[1, 2, 3]])`): `as_arrow_array()`, `len()`."""

    _component_type: Any  # the shared ComponentType-like (arrow type + converter)

    def __init__(self, data: Any, strict: bool | None = None) -> None:
        try:
            joined = join_single_values(data)
            self.data = joined if joined is not None else self._component_type.convert(data)
        except (ValueError, TypeError, OverflowError) as exc:
            report_error(f"{type(self).__name__}: {exc}", strict=strict)
            self.data = _empty_batch(self._component_type)

    @property
    def _rnb_data(self) -> Any:
        return self.data

    def as_arrow_array(self) -> pa.Array:
        arr = batch_to_arrow(self.data, self._component_type.arrow_type)
        want = self._component_type.arrow_type
        return arr if arr.type == want else arr.cast(want)

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        data = self.data if isinstance(self.data, np.ndarray) else np.asarray(self.data.to_pylist(), dtype=dtype)
        return data if dtype is None else data.astype(dtype)

    def __len__(self) -> int:
        return len(self.data)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, DatatypeBatch):
            return self.as_arrow_array().equals(other.as_arrow_array())
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.as_arrow_array().to_pylist()!r})"


def join_single_values(data: Any) -> Any:
    """A list of single values that are batches themselves (`[Vec3D(...), Vec3D(...)]`): their data joined
    (numpy rows stacked, Arrow arrays concatenated); None for any other input."""
    own = getattr(data, "_rnb_data", None)
    if own is not None:
        return own  # one single value (itself a batch of one)
    if not isinstance(data, list | tuple) or not data:
        return None
    parts = [getattr(item, "_rnb_data", None) for item in data]
    if any(p is None for p in parts):
        return None
    if all(isinstance(p, np.ndarray) for p in parts):
        return np.concatenate(parts)
    if all(isinstance(p, pa.Array) for p in parts):
        return pa.concat_arrays(parts)
    return None


_POS = inspect.Parameter.POSITIONAL_OR_KEYWORD
_KW = inspect.Parameter.KEYWORD_ONLY
_SELF = inspect.Parameter("self", _POS)


def value_class(name: str, batch_cls: type, params: list[inspect.Parameter], build: Any, module: str,
                what: str = "Datatype") -> type:
    """`name(*params)`: a batch of one, built from the parameters by `build(**arguments)` (datatypes here,
    components in `rerun_nb.components._single`; `what` names which in the class docstring)."""
    sig = inspect.Signature([_SELF, *params])

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        bound = sig.bind(self, *args, **kwargs)
        bound.apply_defaults()
        values = dict(bound.arguments)
        values.pop("self")
        batch_cls.__init__(self, build(**values))

    __init__.__signature__ = sig
    return type(name, (batch_cls,), {"__init__": __init__, "__module__": module,
                                     "__doc__": f"**{what}**: one {name} (a batch of one instance)."})


def param(name: str, default: Any = inspect.Parameter.empty, kind: Any = _POS) -> inspect.Parameter:
    return inspect.Parameter(name, kind, default=default)


KW = _KW
