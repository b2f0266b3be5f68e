"""Archetypes: Rerun 0.41's names, constructors and component descriptors."""

from ._any_values import AnyBatchValue as AnyBatchValue
from ._any_values import AnyValues as AnyValues
from ._images import DepthImage as DepthImage
from ._images import EncodedImage as EncodedImage
from ._images import Image as Image
from ._images import SegmentationImage as SegmentationImage
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
    "AnnotationContext", "AnyBatchValue", "AnyValues", "Arrows2D", "Arrows3D", "BarChart", "Box2DFormat", "Boxes2D", "Boxes3D", "Capsules3D",
    "Clear", "Cylinders3D", "DepthImage", "Ellipsoids3D", "EncodedImage", "Image", "InstancePoses3D",
    "LineStrips2D", "LineStrips3D", "Mesh3D", "Pinhole", "Points2D", "Points3D", "Scalars", "SegmentationImage",
    "SeriesLines", "SeriesPoints", "Tensor", "TextDocument", "TextLog", "TextLogLevel", "Transform3D",
    "ViewCoordinates",
]


def _install_signatures() -> None:
    from .._baseclasses import Archetype
    from ._signatures import install_field_signatures

    for name in __all__:
        cls = globals()[name]
        if isinstance(cls, type) and issubclass(cls, Archetype) and cls._fields:
            install_field_signatures(cls)


_install_signatures()
