"""Component types of the archetypes added for the full 0.41 surface: graphs, geo, video, volumes, MCAP, ...

Same shape as `_types.py`: Rerun 0.41's name, the Arrow cell type and the converter from user input. They
are merged into `COMPONENT_TYPES` by `components/__init__.py`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pyarrow as pa

from .._baseclasses import ComponentType
from ..datatypes import _RerunEnum
from . import _convert as cv


def _fsl(t: pa.DataType, n: int) -> pa.DataType:
    return pa.list_(pa.field("item", t, False), n)


class GraphType(_RerunEnum):
    """Whether a graph's edges are directed (Rerun's `GraphType`)."""

    Undirected = 1
    Directed = 2


class VideoCodec(_RerunEnum):
    """The codec of a `VideoStream` (the values are the FourCC codes, as in Rerun)."""

    AV1 = 0x61763031
    H264 = 0x61766331
    H265 = 0x68657631
    VP8 = 0x76703038
    VP9 = 0x76703039


UTF8_PAIR_TYPE = pa.struct([pa.field("first", pa.utf8(), False), pa.field("second", pa.utf8(), False)])
KEY_VALUE_PAIRS_TYPE = pa.list_(pa.field("item", UTF8_PAIR_TYPE, False))
CHANNEL_COUNT_TYPE = pa.struct([pa.field("channel_id", pa.uint16(), False),
                                pa.field("message_count", pa.uint64(), False)])
CHANNEL_MESSAGE_COUNTS_TYPE = pa.list_(pa.field("item", CHANNEL_COUNT_TYPE, False))
SH3_TYPE = _fsl(_fsl(pa.float16(), 3), 15)


def _pair(item: Any) -> tuple[str, str]:
    first = getattr(item, "first", None)
    if first is not None:
        return str(first), str(item.second)
    if isinstance(item, str) or not isinstance(item, Sequence | np.ndarray) or len(item) != 2:
        raise ValueError(f"expected a pair of strings, got {item!r:.60}")
    return str(item[0]), str(item[1])


def utf8_pairs(data: Any) -> pa.Array:
    """GraphEdge(s): (first, second) string pairs; one pair or a sequence of them."""
    if isinstance(data, pa.Array) and data.type == UTF8_PAIR_TYPE:
        return data
    items = list(data) if not isinstance(data, tuple) or (data and not isinstance(data[0], str)) else [data]
    if len(items) == 2 and all(isinstance(i, str) for i in items):
        items = [items]  # one edge given as a list of two ids
    pairs = [_pair(i) for i in items]
    return pa.array([{"first": a, "second": b} for a, b in pairs], UTF8_PAIR_TYPE)


def key_value_pairs(data: Any) -> pa.Array:
    """KeyValuePairs: one instance per mapping (a dict, or a sequence of (key, value) pairs)."""
    items = [data] if isinstance(data, Mapping) or (data and isinstance(data[0], tuple | list)) else list(data)
    rows = []
    for item in items:
        pairs = item.items() if isinstance(item, Mapping) else item
        rows.append([{"first": str(k), "second": str(v)} for k, v in pairs])
    return pa.array(rows, KEY_VALUE_PAIRS_TYPE)


def channel_message_counts(data: Any) -> pa.Array:
    """ChannelMessageCounts: one instance per mapping {channel_id: message_count} (or sequence of pairs)."""
    items = [data] if isinstance(data, Mapping) or (data and isinstance(data[0], tuple | list)) else list(data)
    rows = []
    for item in items:
        pairs = item.items() if isinstance(item, Mapping) else item
        rows.append([{"channel_id": int(k), "message_count": int(v)} for k, v in pairs])
    return pa.array(rows, CHANNEL_MESSAGE_COUNTS_TYPE)


def spherical_harmonics3(data: Any) -> pa.Array:
    """Degree-3 SH coefficients per splat: (N, 15, 3) (or (N, 45), or one (15, 3)) numbers, stored as float16."""
    cv._check_numeric(data)
    arr = np.asarray(data, dtype=np.float16)
    if arr.size % 45:
        raise ValueError(f"expected 15 RGB coefficients (45 numbers) per instance, got shape {arr.shape}")
    flat = pa.array(arr.reshape(-1), pa.float16())
    rgb = pa.FixedSizeListArray.from_arrays(flat, type=_fsl(pa.float16(), 3))
    return pa.FixedSizeListArray.from_arrays(rgb, type=SH3_TYPE)


def _structs(arrow_type: pa.StructType, names: tuple[str, ...]) -> Any:
    """A converter for struct components: dicts, tuples in field order, objects with those attributes."""

    def one(item: Any) -> dict:
        if isinstance(item, Mapping):
            return {n: item.get(n) for n in names}
        if hasattr(item, names[0]):
            return {n: getattr(item, n) for n in names}
        if isinstance(item, Sequence) and not isinstance(item, str) and len(item) == len(names):
            return dict(zip(names, item))
        raise ValueError(f"expected {len(names)} values ({', '.join(names)}), got {item!r:.60}")

    def convert(data: Any) -> pa.Array:
        if isinstance(data, pa.Array) and data.type == arrow_type:
            return data
        batch_data = getattr(data, "_rnb_data", None)
        if isinstance(batch_data, pa.Array):
            return batch_data
        single = isinstance(data, Mapping) or hasattr(data, names[0]) or (
            isinstance(data, Sequence) and len(data) == len(names)
            and all(isinstance(x, int | float | str | bool | np.number) for x in data))
        items = [data] if single else list(data)
        return pa.array([one(i) for i in items], arrow_type)

    return convert


TENSOR_INDEX_SELECTION_TYPE = pa.struct([pa.field("dimension", pa.uint32(), False), pa.field("index", pa.uint64(), False)])
TENSOR_DIMENSION_TYPE = pa.struct([pa.field("dimension", pa.uint32(), False), pa.field("invert", pa.bool_(), False)])


def _ct(name: str, arrow_type: pa.DataType, convert) -> ComponentType:
    return ComponentType(f"rerun.components.{name}", arrow_type, convert)


_F32 = cv.scalar(np.float32)
MORE_COMPONENT_TYPES: dict[str, ComponentType] = {ct.name.rsplit(".", 1)[1]: ct for ct in [
    _ct("SphericalHarmonics3Rgb", SH3_TYPE, spherical_harmonics3),
    _ct("SphericalHarmonicsDegree", pa.uint32(), cv.scalar(np.uint32)),
    _ct("GeoLineString", pa.list_(pa.field("item", _fsl(pa.float64(), 2), False)), cv.strips(2, np.float64)),
    _ct("LatLon", _fsl(pa.float64(), 2), cv.vec(2, np.float64)),
    _ct("GraphEdge", UTF8_PAIR_TYPE, utf8_pairs),
    _ct("GraphType", pa.uint8(), cv.enum_u8(GraphType)),
    _ct("GraphNode", pa.utf8(), cv.utf8),
    _ct("CellSize", pa.float32(), _F32),
    _ct("ChannelId", pa.uint16(), cv.scalar(np.uint16)),
    _ct("SchemaId", pa.uint16(), cv.scalar(np.uint16)),
    _ct("KeyValuePairs", KEY_VALUE_PAIRS_TYPE, key_value_pairs),
    _ct("Count", pa.uint64(), cv.scalar(np.uint64)),
    _ct("ChannelMessageCounts", CHANNEL_MESSAGE_COUNTS_TYPE, channel_message_counts),
    _ct("Variance", pa.float64(), cv.scalar(np.float64)),
    _ct("Unit", pa.utf8(), cv.utf8),
    _ct("AxisLength", pa.float32(), _F32),
    _ct("VideoTimestamp", pa.int64(), cv.scalar(np.int64)),
    _ct("EntityPath", pa.utf8(), cv.utf8),
    _ct("VideoCodec", pa.uint32(), cv.enum_u8(VideoCodec, np.uint32)),
    _ct("VideoSample", cv.BLOB_TYPE, cv.blob),
    _ct("IsKeyframe", pa.bool_(), cv.boolean),
    _ct("VoxelSize", _fsl(pa.float32(), 3), cv.vec(3)),
    _ct("GammaCorrection", pa.float32(), _F32),
    _ct("OpticalDensity", pa.float32(), _F32),
    _ct("VoxelIndex", _fsl(pa.int32(), 3), cv.vec(3, np.int32)),
    _ct("VoxelValue", pa.float32(), _F32),
    _ct("Bool", pa.bool_(), cv.boolean),
    _ct("Flag", pa.bool_(), cv.boolean),
    _ct("Interactive", pa.bool_(), cv.boolean),
    _ct("LinearSpeed", pa.float64(), cv.scalar(np.float64)),
    _ct("Plane3D", _fsl(pa.float32(), 4), cv.vec(4)),
    _ct("Range1D", _fsl(pa.float64(), 2), cv.vec(2, np.float64)),
    _ct("Thumbnail", cv.BLOB_TYPE, cv.blob),
    _ct("Url", pa.utf8(), cv.utf8),
    _ct("TensorDimensionIndexSelection", TENSOR_INDEX_SELECTION_TYPE,
        _structs(TENSOR_INDEX_SELECTION_TYPE, ("dimension", "index"))),
    _ct("TensorHeightDimension", TENSOR_DIMENSION_TYPE, _structs(TENSOR_DIMENSION_TYPE, ("dimension", "invert"))),
    _ct("TensorWidthDimension", TENSOR_DIMENSION_TYPE, _structs(TENSOR_DIMENSION_TYPE, ("dimension", "invert"))),
]}
