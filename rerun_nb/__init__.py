"""rerun_nb: the Rerun logging API (rerun-sdk 0.41 names and semantics), Jupyter-native.

Log calls write into an in-kernel Arrow store (`rr.get_global_data_recording().store`); the inline
viewer (`rr.notebook_show()`, `rerun_nb.Viewer`) renders it with pygfx. Importing this package loads
numpy and pyarrow only: the viewer's dependencies are imported when a viewer is first used.
"""

from __future__ import annotations

from typing import Any

from . import components as components
from . import datatypes as datatypes
from . import datatypes as encodings  # rerun 0.41 calls this module `encodings`
from . import utilities as utilities
from ._baseclasses import AsComponents as AsComponents
from ._baseclasses import ComponentColumn as ComponentColumn
from ._baseclasses import ComponentColumnList as ComponentColumnList
from ._baseclasses import ComponentDescriptor as ComponentDescriptor
from ._baseclasses import DescribedComponentBatch as DescribedComponentBatch
from ._log import connect_grpc as connect_grpc
from ._log import disable_timeline as disable_timeline
from ._log import disconnect as disconnect
from ._log import flush as flush
from ._log import get_application_id as get_application_id
from ._log import get_recording_id as get_recording_id
from ._log import init as init
from ._log import is_enabled as is_enabled
from ._log import log as log
from ._log import notebook_show as notebook_show
from ._log import reset_time as reset_time
from ._log import save as save
from ._log import send_blueprint as send_blueprint
from ._log import send_columns as send_columns
from ._log import send_recording_name as send_recording_name
from ._log import serve_grpc as serve_grpc
from ._log import set_log_tick_enabled as set_log_tick_enabled
from ._log import set_log_time_enabled as set_log_time_enabled
from ._log import set_time as set_time
from ._log import spawn as spawn
from ._version import __version__ as __version__
from .archetypes import *
from .archetypes import __all__ as _archetype_names
from .components import AlbedoFactor as AlbedoFactor
from .components import FillMode as FillMode
from .components import GraphEdge as GraphEdge
from .components import GraphType as GraphType
from .components import MarkerShape as MarkerShape
from .components import MediaType as MediaType
from .components import Radius as Radius
from .components import Scale3D as Scale3D
from .components import TransformRelation as TransformRelation
from .components import VideoCodec as VideoCodec
from .datatypes import Angle as Angle
from .datatypes import AnnotationInfo as AnnotationInfo
from .datatypes import ChannelDatatype as ChannelDatatype
from .datatypes import ClassDescription as ClassDescription
from .datatypes import ColorModel as ColorModel
from .datatypes import PixelFormat as PixelFormat
from .datatypes import Quaternion as Quaternion
from .datatypes import RotationAxisAngle as RotationAxisAngle
from .datatypes import TensorData as TensorData
from .error_utils import RerunWarning as RerunWarning
from .error_utils import set_strict_mode as set_strict_mode
from .error_utils import strict_mode as strict_mode
from .recording_stream import RecordingStream as RecordingStream
from .recording_stream import get_data_recording as get_data_recording
from .recording_stream import get_global_data_recording as get_global_data_recording
from .recording_stream import get_thread_local_data_recording as get_thread_local_data_recording
from .recording_stream import set_global_data_recording as set_global_data_recording
from .recording_stream import set_thread_local_data_recording as set_thread_local_data_recording
from .store import escape_entity_path_part as escape_entity_path_part
from .store import new_entity_path as new_entity_path
from .time import TimeColumn as TimeColumn

__all__ = [  # noqa: PLE0604 - the archetype names come from rerun_nb.archetypes
    *_archetype_names,
    "AnnotationInfo", "Angle", "AsComponents", "ChannelDatatype", "ClassDescription", "ColorModel",
    "AlbedoFactor", "ComponentColumn", "ComponentColumnList", "ComponentDescriptor", "MediaType", "Radius",
    "Scale3D", "encodings", "DescribedComponentBatch", "FillMode", "MarkerShape", "PixelFormat",
    "Quaternion", "RecordingStream", "RerunWarning", "RotationAxisAngle", "TensorData", "TimeColumn",
    "TransformRelation", "Viewer", "GraphEdge", "GraphType", "VideoCodec", "components", "connect_grpc", "datatypes", "disable_timeline", "disconnect",
    "escape_entity_path_part", "flush", "get_application_id", "get_data_recording", "get_global_data_recording",
    "get_recording_id", "get_thread_local_data_recording", "init", "is_enabled", "load", "load_all", "log",
    "log_file_from_path", "new_entity_path",
    "notebook_show", "reset_time", "save", "send_blueprint", "send_columns", "send_recording_name", "serve_grpc",
    "set_global_data_recording", "set_log_tick_enabled", "set_log_time_enabled", "set_strict_mode", "set_time",
    "set_thread_local_data_recording", "spawn", "strict_mode", "utilities",
]


def __getattr__(name: str) -> Any:
    # The viewer and file loading are imported on first use, so `import rerun_nb` stays light.
    if name == "Viewer":
        from .widget import Viewer

        return Viewer
    if name in ("load", "load_all", "log_file_from_path"):
        from . import _load

        return getattr(_load, name)
    raise AttributeError(f"module 'rerun_nb' has no attribute {name!r}")
