"""View property archetypes with rerun-sdk 0.41 names and fields (``rrb.VisualBounds2D``, ``rrb.Background``, ...).

Each is a small record of its fields. ``components()`` encodes the fields rerun_nb knows how to store
(booleans, enums, scalars, colors, ranges) as Rerun's blueprint components, so a saved blueprint keeps
them under ``view/<id>/<ArchetypeName>`` as rerun-sdk writes them; fields with richer types (time
range boundaries, entity paths) are kept in Python only. Which ones the viewer applies is the views'
business: the others show as a one-line notice in the view, never an error.
"""

from __future__ import annotations

import enum
import inspect
from typing import Any, ClassVar

import numpy as np
import pyarrow as pa

__all__ = [
    "MapProvider",
    "AudioPlayback", "Background", "BackgroundKind", "Corner2D", "DataframeQuery", "Eye3DKind", "EyeControls3D",
    "ForceCenter", "ForceCollisionRadius", "ForceLink", "ForceManyBody", "ForcePosition", "GraphBackground",
    "LineGrid3D", "LinkAxis", "MapBackground", "MapZoom", "PlotBackground", "PlotInteraction", "PlotLegend",
    "PropertyArchetype", "ScalarAxis", "SpatialInformation", "TensorScalarMapping", "TensorSliceSelection",
    "TensorViewFit", "TextDocumentFormat", "TextLogColumns", "TextLogFormat", "TextLogRows", "TimeAxis",
    "TimeRange", "TimeRangeBoundary", "VisibleTimeRange", "VisibleTimeRanges", "VisualBounds2D",
]

_BP = "rerun.blueprint.components."
_RC = "rerun.components."


class Corner2D(enum.Enum):
    """Where a plot legend sits."""

    LeftTop = 1
    RightTop = 2
    LeftBottom = 3
    RightBottom = 4


class BackgroundKind(enum.Enum):
    """A 3D/2D view's background."""

    GradientDark = 1
    GradientBright = 2
    SolidColor = 3


class Eye3DKind(enum.Enum):
    """The 3D camera controller."""

    FirstPerson = 1
    Orbital = 2


class LinkAxis(enum.Enum):
    """Whether a time axis follows the global time panel."""

    Independent = 1
    LinkToGlobal = 2


class MapProvider(enum.Enum):
    """The tile provider of a map view's background."""

    OpenStreetMap = 1
    MapboxStreets = 2
    MapboxDark = 3
    MapboxSatellite = 4
    MapboxLight = 5


def _enum_value(enum_cls, value) -> int:
    if isinstance(value, enum.Enum):
        return int(value.value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    key = str(value).replace("_", "").lower()
    for member in enum_cls:
        if member.name.lower() == key:
            return int(member.value)
    raise ValueError(f"{value!r} is not a valid {enum_cls.__name__} (one of {[m.name for m in enum_cls]})")


def pack_color(color: Any) -> int:
    """A color (0xRRGGBBAA int, [r, g, b(, a)] in 0..255, or floats in 0..1) as a packed uint32."""
    if isinstance(color, (int, np.integer)):
        return int(color) & 0xFFFFFFFF
    arr = np.asarray(color).reshape(-1)
    if arr.dtype.kind == "f":
        arr = np.round(np.clip(arr, 0, 1) * 255)
    vals = [int(v) for v in arr[:4]] + [255] * (4 - min(len(arr), 4))
    return (vals[0] << 24) | (vals[1] << 16) | (vals[2] << 8) | vals[3]


# field encoders: value -> (component type, arrow array of one instance)
def _bool(ctype):
    return lambda v: (ctype, pa.array([bool(v)], pa.bool_()))


def _u8enum(ctype, enum_cls):
    return lambda v: (ctype, pa.array([_enum_value(enum_cls, v)], pa.uint8()))


def _float(ctype, typ=None):
    typ = pa.float32() if typ is None else typ
    return lambda v: (ctype, pa.array([float(v)], typ))


def _color(ctype=_RC + "Color"):
    return lambda v: (ctype, pa.array([pack_color(v)], pa.uint32()))


def _range1d(ctype=_RC + "Range1D"):
    return lambda v: (ctype, pa.array([[float(v[0]), float(v[1])]], pa.list_(pa.field("item", pa.float64(), False), 2)))


def _strings(ctype):
    return lambda v: (ctype, pa.array([str(x) for x in ([v] if isinstance(v, str) else v)], pa.utf8()))


class PropertyArchetype:
    """Base of the view property archetypes: keeps its fields; ``components()`` for saving."""

    archetype = ""
    _encoders: ClassVar[dict[str, Any]] = {}

    def __init__(self, **fields: Any):
        self._fields = dict(fields)
        for key, value in fields.items():
            setattr(self, key, value)

    def components(self) -> list[tuple[str, str, pa.Array]]:
        """(field, component type, one-instance arrow array) for each set field rerun_nb can encode."""
        out = []
        for key, value in self._fields.items():
            encoder = self._encoders.get(key)
            if value is not None and encoder is not None:
                ctype, arr = encoder(value)
                out.append((key, ctype, arr))
        return out

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self._fields.items() if v is not None)
        return f"{type(self).__name__}({args})"


def _archetype(name: str, fields: list[str], encoders: dict[str, Any] | None = None) -> type:
    """A property archetype class whose ``__init__`` takes ``fields`` as keyword arguments (0.41's names)."""

    def __init__(self, **kwargs: Any) -> None:
        unknown = sorted(set(kwargs) - set(fields))
        if unknown:
            raise TypeError(f"{name}.__init__() got unexpected keyword argument(s) {unknown}; it takes {fields}")
        PropertyArchetype.__init__(self, **{f: kwargs.get(f) for f in fields})

    params = [inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD)] + [
        inspect.Parameter(f, inspect.Parameter.KEYWORD_ONLY, default=None) for f in fields]
    __init__.__signature__ = inspect.Signature(params)  # help(), inspect and IDEs show the real keywords
    return type(name, (PropertyArchetype,), {"__init__": __init__, "archetype": name, "_encoders": encoders or {},
                                             "__doc__": f"Rerun's ``{name}`` view property ({', '.join(fields)})."})


class Background(PropertyArchetype):
    """A 2D/3D view's background: a color (solid) or a ``BackgroundKind``."""

    archetype = "Background"
    _encoders: ClassVar[dict[str, Any]] = {"kind": _u8enum(_BP + "BackgroundKind", BackgroundKind), "color": _color()}

    def __init__(self, color_or_kind: Any = None, *, color: Any = None, kind: Any = None):
        if color_or_kind is not None:
            if isinstance(color_or_kind, (BackgroundKind, str)):
                kind = color_or_kind
            else:
                color = color_or_kind
        if color is not None and kind is None:
            kind = BackgroundKind.SolidColor
        super().__init__(kind=kind, color=color)


class VisualBounds2D(PropertyArchetype):
    """The visible area of a 2D view: ``x_range`` and ``y_range`` in scene units."""

    archetype = "VisualBounds2D"

    def __init__(self, *, x_range: Any = None, y_range: Any = None):
        super().__init__(x_range=x_range, y_range=y_range)

    def components(self):
        if self.x_range is None or self.y_range is None:
            return []
        pair = pa.list_(pa.field("item", pa.float64(), False), 2)
        typ = pa.struct([pa.field("x_range", pair, False), pa.field("y_range", pair, False)])
        value = {"x_range": [float(v) for v in self.x_range], "y_range": [float(v) for v in self.y_range]}
        return [("range", _BP + "VisualBounds2D", pa.array([value], typ))]


class TimeRangeBoundary:
    """One end of a visible time range: ``cursor_relative``, ``absolute`` or ``infinite``."""

    def __init__(self, kind: str, value: float | None = None):
        self.kind, self.value = kind, value

    @classmethod
    def cursor_relative(cls, seq: int | None = None, seconds: float | None = None, nanos: int | None = None):
        """Relative to the time cursor (frames, or seconds / nanoseconds)."""
        return cls("cursor_relative", _boundary_value(seq, seconds, nanos))

    @classmethod
    def absolute(cls, seq: int | None = None, seconds: float | None = None, nanos: int | None = None):
        """An absolute time (frames, or seconds / nanoseconds)."""
        return cls("absolute", _boundary_value(seq, seconds, nanos))

    @classmethod
    def infinite(cls):
        """No bound."""
        return cls("infinite")

    def __repr__(self) -> str:
        return f"TimeRangeBoundary.{self.kind}({'' if self.value is None else self.value})"


def _boundary_value(seq, seconds, nanos) -> int:
    if seq is not None:
        return int(seq)
    if seconds is not None:
        return round(float(seconds) * 1e9)
    return int(nanos or 0)


class TimeRange:
    """A range between two boundaries."""

    def __init__(self, start: TimeRangeBoundary | None = None, end: TimeRangeBoundary | None = None):
        self.start, self.end = start, end


class VisibleTimeRange:
    """The visible range of one timeline."""

    def __init__(self, timeline: str, range: TimeRange | None = None, *,
                 start: TimeRangeBoundary | None = None, end: TimeRangeBoundary | None = None):
        if range is not None and (start is not None or end is not None):
            raise ValueError("give `range` or `start`/`end`, not both")
        self.timeline = timeline
        self.range = range if range is not None else TimeRange(start, end)


class VisibleTimeRanges(PropertyArchetype):
    """Visible time ranges per timeline (a list of ``VisibleTimeRange``, or one given by its parts)."""

    archetype = "VisibleTimeRanges"

    def __init__(self, ranges: Any = None, *, timeline: str | None = None, range: Any = None,
                 start: Any = None, end: Any = None):
        if timeline is not None:
            ranges = [VisibleTimeRange(timeline, range, start=start, end=end)]
        elif isinstance(ranges, VisibleTimeRange):
            ranges = [ranges]
        super().__init__(ranges=list(ranges or []))


ScalarAxis = _archetype("ScalarAxis", ["range", "zoom_lock"],
                        {"range": _range1d(), "zoom_lock": _bool(_BP + "LockRangeDuringZoom")})
PlotLegend = _archetype("PlotLegend", ["corner", "visible"],
                        {"corner": _u8enum(_BP + "Corner2D", Corner2D), "visible": _bool(_RC + "Visible")})
LineGrid3D = _archetype("LineGrid3D", ["visible", "spacing", "plane", "stroke_width", "color"],
                        {"visible": _bool(_RC + "Visible"), "spacing": _float(_BP + "GridSpacing"),
                         "stroke_width": _float(_RC + "StrokeWidth"), "color": _color()})
EyeControls3D = _archetype("EyeControls3D", ["kind", "position", "look_target", "eye_up", "speed", "tracking_entity",
                                             "spin_speed"],
                           {"kind": _u8enum(_BP + "Eye3DKind", Eye3DKind),
                            "speed": _float(_RC + "LinearSpeed", pa.float64())})
TimeAxis = _archetype("TimeAxis", ["link", "view_range", "zoom_lock"],
                      {"link": _u8enum(_BP + "LinkAxis", LinkAxis), "zoom_lock": _bool(_BP + "LockRangeDuringZoom")})
PlotBackground = _archetype("PlotBackground", ["color", "show_grid"], {"color": _color()})
PlotInteraction = _archetype("PlotInteraction", ["tooltip_mode", "points_display"])
SpatialInformation = _archetype("SpatialInformation", ["target_frame", "show_bounding_box", "show_axes", "axes"])
TextLogColumns = _archetype("TextLogColumns", ["timeline_columns", "text_log_columns"])
TextLogRows = _archetype("TextLogRows", ["filter_by_log_level"],
                         {"filter_by_log_level": _strings(_RC + "TextLogLevel")})
TextLogFormat = _archetype("TextLogFormat", ["monospace_body"])
TextDocumentFormat = _archetype("TextDocumentFormat", ["monospace", "word_wrap"])
TensorSliceSelection = _archetype("TensorSliceSelection", ["width", "height", "indices", "slider"])
TensorScalarMapping = _archetype("TensorScalarMapping", ["mag_filter", "colormap", "gamma"],
                                 {"gamma": _float(_RC + "GammaCorrection")})
TensorViewFit = _archetype("TensorViewFit", ["scaling"])
DataframeQuery = _archetype("DataframeQuery", ["timeline", "filter_by_range", "filter_is_not_null", "apply_latest_at",
                                               "select", "entity_order", "auto_scroll"])
GraphBackground = _archetype("GraphBackground", ["color"], {"color": _color()})
_FORCE = {"enabled": _bool(_BP + "Enabled"), "strength": _float(_BP + "ForceStrength", pa.float64()),
          "distance": _float(_BP + "ForceDistance", pa.float64()),
          "iterations": lambda v: (_BP + "ForceIterations", pa.array([int(v)], pa.uint64())),
          "position": lambda v: (_RC + "Position2D", pa.array([[float(x) for x in v]],
                                                              pa.list_(pa.field("item", pa.float32(), False), 2)))}
ForceLink = _archetype("ForceLink", ["enabled", "distance", "iterations"], _FORCE)
ForceManyBody = _archetype("ForceManyBody", ["enabled", "strength"], _FORCE)
ForcePosition = _archetype("ForcePosition", ["enabled", "strength", "position"], _FORCE)
ForceCollisionRadius = _archetype("ForceCollisionRadius", ["enabled", "strength", "iterations"], _FORCE)
ForceCenter = _archetype("ForceCenter", ["enabled", "strength"], _FORCE)
MapZoom = _archetype("MapZoom", ["zoom"], {"zoom": _float(_BP + "ZoomLevel", pa.float64())})
MapBackground = _archetype("MapBackground", ["provider"], {"provider": _u8enum(_BP + "MapProvider", MapProvider)})
AudioPlayback = _archetype("AudioPlayback", ["volume"])
