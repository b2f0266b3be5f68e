"""Non-spatial archetypes: Clear, Scalars and series styles, text, charts, tensors, annotations."""

from __future__ import annotations

from typing import Any

import numpy as np

from .._baseclasses import Archetype
from ._spatial import _fields


class Clear(Archetype):
    """Clears this entity's data at this time (and its descendants' with `recursive=True`)."""

    _fields = _fields(is_recursive="ClearIsRecursive")

    def __init__(self, *, recursive: bool):
        # A plain flag is the usual call; anything else goes through the component's conversion (rerun-sdk
        # takes a batch of flags too), which reports what is wrong with it.
        if isinstance(recursive, (bool, np.bool_, int, np.integer)):
            recursive = bool(recursive)
        self._set(is_recursive=recursive)

    @classmethod
    def flat(cls) -> Clear:
        return cls(recursive=False)

    @classmethod
    def recursive(cls) -> Clear:  # type: ignore[override]
        return cls(recursive=True)


class Scalars(Archetype):
    """One or more scalar values for a time series plot."""

    _fields = _fields(scalars="Scalar")

    def __init__(self, scalars: Any):
        self._set(scalars=scalars)


class SeriesLines(Archetype):
    """How the time series of this entity are drawn as lines."""

    _fields = _fields(colors="Color", widths="StrokeWidth", names="Name", visible_series="Visible",
                      aggregation_policy="AggregationPolicy", interpolation_mode="InterpolationMode")

    def __init__(self, *, colors: Any = None, widths: Any = None, names: Any = None, visible_series: Any = None,
                 aggregation_policy: Any = None, interpolation_mode: Any = None):
        self._set(colors=colors, widths=widths, names=names, visible_series=visible_series,
                  aggregation_policy=aggregation_policy, interpolation_mode=interpolation_mode)


class SeriesPoints(Archetype):
    """How the time series of this entity are drawn as points."""

    _fields = _fields(colors="Color", markers="MarkerShape", names="Name", visible_series="Visible",
                      marker_sizes="MarkerSize")

    def __init__(self, *, colors: Any = None, markers: Any = None, names: Any = None, visible_series: Any = None,
                 marker_sizes: Any = None):
        if colors is None and markers is None and names is None and visible_series is None and marker_sizes is None:
            markers = "Circle"  # Rerun logs a default marker when nothing is given
        self._set(colors=colors, markers=markers, names=names, visible_series=visible_series,
                  marker_sizes=marker_sizes)


class TextLogLevel(str):
    """The level of a text log entry; `rr.TextLogLevel.INFO` etc. are plain strings like in Rerun."""

    def __init__(self, value: str) -> None:
        super().__init__()  # the text is set by str.__new__; this only gives Rerun's signature (value)

    CRITICAL = "CRITICAL"
    ERROR = "ERROR"
    WARN = "WARN"
    INFO = "INFO"
    DEBUG = "DEBUG"
    TRACE = "TRACE"


class TextLog(Archetype):
    """A log line with an optional level and color."""

    _fields = _fields(text="Text", level="TextLogLevel", color="Color")

    def __init__(self, text: Any, *, level: Any = None, color: Any = None):
        self._set(text=text, level=level, color=color)


class TextDocument(Archetype):
    """A text document (plain text or markdown, by `media_type`)."""

    _fields = _fields(text="Text", media_type="MediaType")

    def __init__(self, text: Any, *, media_type: Any = None):
        self._set(text=text, media_type=media_type)


class BarChart(Archetype):
    """A bar chart from a 1D array of values."""

    _fields = _fields(values="TensorData", color="Color", abscissa="TensorData", widths="Length")

    def __init__(self, values: Any, *, color: Any = None, abscissa: Any = None, widths: Any = None):
        shape = np.shape(getattr(values, "array", values))
        if len(shape) == 0 or sum(d != 1 for d in shape) > 1:
            self._set_error(f"bar chart values must be 1-D, got shape {shape}")
            return
        self._set(values=values, color=color, abscissa=abscissa, widths=widths)


class Tensor(Archetype):
    """An n-dimensional array, optionally with dimension names."""

    _fields = _fields(data="TensorData", value_range="ValueRange")

    def __init__(self, data: Any = None, *, dim_names: Any = None, value_range: Any = None):
        from ..datatypes import TensorData

        try:
            if not isinstance(data, TensorData):
                data = TensorData(array=data, dim_names=dim_names)
            elif dim_names is not None:
                data = TensorData(array=data.array, dim_names=dim_names)
        except (ValueError, TypeError, ArithmeticError) as exc:
            self._set_error(str(exc))
            return
        self._set(data=data, value_range=value_range)


class AnnotationContext(Archetype):
    """Class ids -> labels and colors (and keypoint skeletons) for this entity and its children."""

    _fields = _fields(context="AnnotationContext")

    def __init__(self, context: Any):
        self._set(context=context)
