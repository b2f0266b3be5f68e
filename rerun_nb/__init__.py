"""rerun_nb: the Rerun logging API (rerun-sdk 0.41 names and semantics), Jupyter-native.

Log calls write into an in-kernel Arrow store (`rr.get_global_data_recording().store`); the inline
viewer (`rr.notebook_show()`, `rerun_nb.Viewer`) renders it with pygfx. Importing this package loads
numpy and pyarrow only: the viewer's dependencies are imported when a viewer is first used.
"""

from __future__ import annotations

from typing import Any

from . import any_batch_value as any_batch_value
from . import any_value as any_value
from . import chunk as chunk
from . import components as components
from . import datatypes as datatypes
from . import dynamic_archetype as dynamic_archetype
from . import encodings as encodings  # rerun 0.41's name; `datatypes` is its deprecated alias
from . import experimental as experimental
from . import sinks as sinks
from . import time as time
from . import urdf as urdf
from . import utilities as utilities
from . import web as web
from ._baseclasses import AsComponents as AsComponents
from ._baseclasses import ComponentColumn as ComponentColumn
from ._baseclasses import ComponentColumnList as ComponentColumnList
from ._baseclasses import ComponentDescriptor as ComponentDescriptor
from ._baseclasses import DescribedComponentBatch as DescribedComponentBatch
from ._component_mixins import ComponentBatchLike as ComponentBatchLike
from ._component_mixins import ComponentBatchMixin as ComponentBatchMixin
from ._component_mixins import ComponentMixin as ComponentMixin
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
from ._recording_api import (
    EXTERNAL_IMPORTER_INCOMPATIBLE_EXIT_CODE as EXTERNAL_IMPORTER_INCOMPATIBLE_EXIT_CODE,
)
from ._recording_api import RECORDING_PROPERTIES_PATH as RECORDING_PROPERTIES_PATH
from ._recording_api import RERUN_KIND as RERUN_KIND
from ._recording_api import RERUN_KIND_CONTROL as RERUN_KIND_CONTROL
from ._recording_api import RERUN_KIND_INDEX as RERUN_KIND_INDEX
from ._recording_api import SORBET_ARCHETYPE_NAME as SORBET_ARCHETYPE_NAME
from ._recording_api import SORBET_COMPONENT as SORBET_COMPONENT
from ._recording_api import SORBET_COMPONENT_TYPE as SORBET_COMPONENT_TYPE
from ._recording_api import SORBET_ENTITY_PATH as SORBET_ENTITY_PATH
from ._recording_api import SORBET_INDEX_NAME as SORBET_INDEX_NAME
from ._recording_api import SORBET_IS_TABLE_INDEX as SORBET_IS_TABLE_INDEX
from ._recording_api import ChunkBatcherConfig as ChunkBatcherConfig
from ._recording_api import asarray as asarray
from ._recording_api import cleanup_if_forked_child as cleanup_if_forked_child
from ._recording_api import recording_stream_generator_ctx as recording_stream_generator_ctx
from ._recording_api import rerun_shutdown as rerun_shutdown
from ._recording_api import send_property as send_property
from ._recording_api import send_recording_start_time_nanos as send_recording_start_time_nanos
from ._recording_api import shutdown_at_exit as shutdown_at_exit
from ._recording_api import thread_local_stream as thread_local_stream
from ._recording_api import unregister_shutdown as unregister_shutdown
from ._recording_api import version as version
from ._sinks import BinaryStream as BinaryStream
from ._sinks import FileSink as FileSink
from ._sinks import GrpcServerSink as GrpcServerSink
from ._sinks import GrpcSink as GrpcSink
from ._sinks import MemoryRecording as MemoryRecording
from ._sinks import binary_stream as binary_stream
from ._sinks import memory_recording as memory_recording
from ._sinks import set_sinks as set_sinks
from ._sinks import stdout as stdout
from ._version import __version__ as __version__
from .archetypes import *
from .archetypes import __all__ as _archetype_names
from .chunk._from_batch import AUTO_INDEX as AUTO_INDEX
from .chunk._stores import send_chunks as send_chunks
from .chunk._stores import send_dataframe as send_dataframe
from .chunk._stores import send_record_batch as send_record_batch
from .components import AlbedoFactor as AlbedoFactor
from .components import FillMode as FillMode
from .components import GraphEdge as GraphEdge
from .components import GraphType as GraphType
from .components import MarkerShape as MarkerShape
from .components import MediaType as MediaType
from .components import Radius as Radius
from .components import Scale3D as Scale3D
from .components import TensorDimensionIndexSelection as TensorDimensionIndexSelection
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
from .dynamic_archetype import DynamicArchetype as DynamicArchetype
from .encodings import TensorDimensionSelection as TensorDimensionSelection
from .encodings import TimeInt as TimeInt
from .encodings import TimeRange as TimeRange
from .encodings import TimeRangeBoundary as TimeRangeBoundary
from .encodings import VisibleTimeRange as VisibleTimeRange
from .error_utils import RerunWarning as RerunWarning
from .error_utils import set_strict_mode as set_strict_mode
from .error_utils import strict_mode as strict_mode
from .logging_handler import LoggingHandler as LoggingHandler
from .recording_stream import RecordingStream as RecordingStream
from .recording_stream import get_data_recording as get_data_recording
from .recording_stream import get_global_data_recording as get_global_data_recording
from .recording_stream import get_thread_local_data_recording as get_thread_local_data_recording
from .recording_stream import set_global_data_recording as set_global_data_recording
from .recording_stream import set_thread_local_data_recording as set_thread_local_data_recording
from .script_helpers import script_add_args as script_add_args
from .script_helpers import script_setup as script_setup
from .script_helpers import script_teardown as script_teardown
from .store import escape_entity_path_part as escape_entity_path_part
from .store import new_entity_path as new_entity_path
from .time import TimeColumn as TimeColumn
from .time import TimeColumnLike as TimeColumnLike
from .web import serve_web_viewer as serve_web_viewer
from .web import start_web_viewer_server as start_web_viewer_server

__all__ = [  # noqa: PLE0604 - the archetype names come from rerun_nb.archetypes
    *_archetype_names,
    "AnnotationInfo", "Angle", "AsComponents", "ChannelDatatype", "ClassDescription", "ColorModel",
    "AlbedoFactor", "ComponentColumn", "ComponentColumnList", "ComponentDescriptor", "MediaType", "Radius",
    "Scale3D", "encodings", "DescribedComponentBatch", "FillMode", "MarkerShape", "PixelFormat",
    "Quaternion", "RecordingStream", "RerunWarning", "RotationAxisAngle", "TensorData", "TimeColumn",
    "TransformRelation", "Viewer", "GraphEdge", "GraphType", "VideoCodec", "components", "connect_grpc", "datatypes", "disable_timeline", "disconnect",
    "escape_entity_path_part", "flush", "get_application_id", "get_data_recording", "get_global_data_recording",
    "get_recording_id", "get_thread_local_data_recording", "init", "is_enabled", "load", "load_all", "log",
    "log_file_from_path", "log_file_from_contents", "new_entity_path",
    "notebook_show", "reset_time", "save", "send_blueprint", "send_columns", "send_recording_name", "serve_grpc",
    "set_global_data_recording", "set_log_tick_enabled", "set_log_time_enabled", "set_strict_mode", "set_time",
    "set_thread_local_data_recording", "spawn", "strict_mode", "utilities",
    "TensorDimensionSelection", "TimeInt", "TimeRange", "TimeRangeBoundary", "VisibleTimeRange",
    "TensorDimensionIndexSelection", "AUTO_INDEX", "chunk", "send_chunks", "send_dataframe", "send_record_batch",
    "ComponentBatchLike", "ComponentBatchMixin", "ComponentMixin", "DynamicArchetype",
    # recording API, sinks, logging handler and script helpers (issue #10)
    "EXTERNAL_IMPORTER_INCOMPATIBLE_EXIT_CODE", "RECORDING_PROPERTIES_PATH", "RERUN_KIND", "RERUN_KIND_CONTROL", "RERUN_KIND_INDEX", "SORBET_ARCHETYPE_NAME", "SORBET_COMPONENT", "SORBET_COMPONENT_TYPE", "SORBET_ENTITY_PATH", "SORBET_INDEX_NAME", "SORBET_IS_TABLE_INDEX", "ChunkBatcherConfig", "asarray", "cleanup_if_forked_child", "recording_stream_generator_ctx", "rerun_shutdown", "send_property", "send_recording_start_time_nanos", "shutdown_at_exit", "thread_local_stream", "unregister_shutdown", "version", "BinaryStream", "FileSink", "GrpcServerSink", "GrpcSink", "MemoryRecording", "binary_stream", "memory_recording", "set_sinks", "stdout", "LoggingHandler", "script_add_args", "script_setup", "script_teardown",
]


def __getattr__(name: str) -> Any:
    # The viewer and file loading are imported on first use, so `import rerun_nb` stays light.
    if name == "Viewer":
        from .widget import Viewer

        return Viewer
    if name in ("load", "load_all"):
        from . import _load

        return getattr(_load, name)
    if name in ("log_file_from_path", "log_file_from_contents"):
        from . import dataloaders

        return getattr(dataloaders, name)
    if name in ("blueprint", "notebook"):  # submodules Rerun imports eagerly; here on first use
        import importlib

        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module 'rerun_nb' has no attribute {name!r}")
