"""Archetypes: Rerun 0.41's names, constructors and component descriptors."""

from ._any_values import AnyBatchValue as AnyBatchValue
from ._any_values import AnyValues as AnyValues
from ._images import DepthImage as DepthImage
from ._images import EncodedImage as EncodedImage
from ._images import Image as Image
from ._images import SegmentationImage as SegmentationImage
from ._media import Asset3D as Asset3D
from ._media import AssetAudio as AssetAudio
from ._media import AssetVideo as AssetVideo
from ._media import EncodedDepthImage as EncodedDepthImage
from ._media import McapChannel as McapChannel
from ._media import McapMessage as McapMessage
from ._media import McapSchema as McapSchema
from ._media import McapStatistics as McapStatistics
from ._media import RecordingInfo as RecordingInfo
from ._media import VideoFrameReference as VideoFrameReference
from ._media import VideoStream as VideoStream
from ._misc import AnnotationContext as AnnotationContext
from ._misc import BarChart as BarChart
from ._misc import Clear as Clear
from ._misc import Scalars as Scalars
from ._misc import SeriesLines as SeriesLines
from ._misc import SeriesPoints as SeriesPoints
from ._misc import Tensor as Tensor
from ._misc import TextDocument as TextDocument
from ._misc import TextLog as TextLog
from ._misc import TextLogLevel as TextLogLevel
from ._more import CoordinateFrame as CoordinateFrame
from ._more import Ellipses2D as Ellipses2D
from ._more import GaussianSplats3D as GaussianSplats3D
from ._more import GeoLineStrings as GeoLineStrings
from ._more import GeoPoints as GeoPoints
from ._more import GraphEdges as GraphEdges
from ._more import GraphNodes as GraphNodes
from ._more import GridMap as GridMap
from ._more import Measurements as Measurements
from ._more import StateChange as StateChange
from ._more import StateConfiguration as StateConfiguration
from ._more import TransformAxes3D as TransformAxes3D
from ._more import Volume3D as Volume3D
from ._more import VoxelGridMap as VoxelGridMap
from ._spatial import Arrows2D as Arrows2D
from ._spatial import Arrows3D as Arrows3D
from ._spatial import Box2DFormat as Box2DFormat
from ._spatial import Boxes2D as Boxes2D
from ._spatial import Boxes3D as Boxes3D
from ._spatial import Capsules3D as Capsules3D
from ._spatial import Cylinders3D as Cylinders3D
from ._spatial import Ellipsoids3D as Ellipsoids3D
from ._spatial import LineStrips2D as LineStrips2D
from ._spatial import LineStrips3D as LineStrips3D
from ._spatial import Mesh3D as Mesh3D
from ._spatial import Points2D as Points2D
from ._spatial import Points3D as Points3D
from ._transforms import InstancePoses3D as InstancePoses3D
from ._transforms import Pinhole as Pinhole
from ._transforms import Transform3D as Transform3D
from ._transforms import ViewCoordinates as ViewCoordinates

__all__ = [
    "AnnotationContext",
    "AnyBatchValue",
    "AnyValues",
    "Arrows2D",
    "Arrows3D",
    # added for the full 0.41 surface
    "Asset3D",
    "AssetAudio",
    "AssetVideo",
    "BarChart",
    "Box2DFormat",
    "Boxes2D",
    "Boxes3D",
    "Capsules3D",
    "Clear",
    "CoordinateFrame",
    "Cylinders3D",
    "DepthImage",
    "Ellipses2D",
    "Ellipsoids3D",
    "EncodedDepthImage",
    "EncodedImage",
    "GaussianSplats3D",
    "GeoLineStrings",
    "GeoPoints",
    "GraphEdges",
    "GraphNodes",
    "GridMap",
    "Image",
    "InstancePoses3D",
    "LineStrips2D",
    "LineStrips3D",
    "McapChannel",
    "McapMessage",
    "McapSchema",
    "McapStatistics",
    "Measurements",
    "Mesh3D",
    "Pinhole",
    "Points2D",
    "Points3D",
    "RecordingInfo",
    "Scalars",
    "SegmentationImage",
    "SeriesLines",
    "SeriesPoints",
    "StateChange",
    "StateConfiguration",
    "Tensor",
    "TextDocument",
    "TextLog",
    "TextLogLevel",
    "Transform3D",
    "TransformAxes3D",
    "VideoFrameReference",
    "VideoStream",
    "ViewCoordinates",
    "Volume3D",
    "VoxelGridMap",
]


def _install_signatures() -> None:
    from .._baseclasses import Archetype
    from ._signatures import install_field_signatures

    for name in __all__:
        cls = globals()[name]
        if isinstance(cls, type) and issubclass(cls, Archetype) and cls._fields:
            install_field_signatures(cls)


_install_signatures()
