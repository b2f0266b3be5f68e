"""Reading view properties given with rerun-sdk 0.41's blueprint names (objects from ``rerun_nb.blueprint``)."""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["background_color", "line_grid_visible", "prop_value", "visual_bounds_2d"]


def prop_value(prop: Any, field: str, default: Any = None) -> Any:
    """``prop.field`` for a property archetype object, or ``default`` (None-valued fields too)."""
    value = getattr(prop, field, None) if prop is not None else None
    return default if value is None else value


def _css(color: Any) -> str | None:
    if color is None:
        return None
    if isinstance(color, str):
        return color
    if isinstance(color, (int, np.integer)):
        c = int(color)
        return f"#{(c >> 24) & 255:02x}{(c >> 16) & 255:02x}{(c >> 8) & 255:02x}"
    arr = np.asarray(color, float).reshape(-1)
    if arr.max() <= 1.0 and arr.dtype.kind == "f" and not np.all(arr == arr.astype(int)):
        arr = arr * 255
    return "#" + "".join(f"{round(v):02x}" for v in arr[:3])


def background_color(prop: Any, default: str) -> str:
    """A ``Background`` property (or a bare color) as a CSS color; ``default`` when none is given."""
    if prop is None:
        return default
    color = getattr(prop, "color", None) if not isinstance(prop, (str, list, tuple, np.ndarray, int)) else prop
    return _css(color) or default


def line_grid_visible(prop: Any, default: bool) -> bool:
    """``line_grid=`` given as a bool or a ``LineGrid3D``."""
    if prop is None:
        return default
    if isinstance(prop, (bool, np.bool_)):
        return bool(prop)
    return bool(prop_value(prop, "visible", default))


def visual_bounds_2d(prop: Any) -> tuple[float, float, float, float] | None:
    """``VisualBounds2D(x_range=, y_range=)`` as (x0, x1, y0, y1), or None."""
    if prop is None:
        return None
    xr, yr = getattr(prop, "x_range", None), getattr(prop, "y_range", None)
    if xr is None or yr is None:
        return None
    return float(xr[0]), float(xr[1]), float(yr[0]), float(yr[1])
