from rerun_nb._proto import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class StoreSourceKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    STORE_SOURCE_KIND_UNSPECIFIED: _ClassVar[StoreSourceKind]
    STORE_SOURCE_KIND_C_SDK: _ClassVar[StoreSourceKind]
    STORE_SOURCE_KIND_PYTHON_SDK: _ClassVar[StoreSourceKind]
    STORE_SOURCE_KIND_RUST_SDK: _ClassVar[StoreSourceKind]
    STORE_SOURCE_KIND_FILE: _ClassVar[StoreSourceKind]
    STORE_SOURCE_KIND_VIEWER: _ClassVar[StoreSourceKind]
    STORE_SOURCE_KIND_OTHER: _ClassVar[StoreSourceKind]

class Encoding(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ENCODING_UNSPECIFIED: _ClassVar[Encoding]
    ENCODING_ARROW_IPC: _ClassVar[Encoding]
STORE_SOURCE_KIND_UNSPECIFIED: StoreSourceKind
STORE_SOURCE_KIND_C_SDK: StoreSourceKind
STORE_SOURCE_KIND_PYTHON_SDK: StoreSourceKind
STORE_SOURCE_KIND_RUST_SDK: StoreSourceKind
STORE_SOURCE_KIND_FILE: StoreSourceKind
STORE_SOURCE_KIND_VIEWER: StoreSourceKind
STORE_SOURCE_KIND_OTHER: StoreSourceKind
ENCODING_UNSPECIFIED: Encoding
ENCODING_ARROW_IPC: Encoding

class LogMsg(_message.Message):
    __slots__ = ("set_store_info", "arrow_msg", "blueprint_activation_command")
    SET_STORE_INFO_FIELD_NUMBER: _ClassVar[int]
    ARROW_MSG_FIELD_NUMBER: _ClassVar[int]
    BLUEPRINT_ACTIVATION_COMMAND_FIELD_NUMBER: _ClassVar[int]
    set_store_info: SetStoreInfo
    arrow_msg: ArrowMsg
    blueprint_activation_command: BlueprintActivationCommand
    def __init__(self, set_store_info: _Optional[_Union[SetStoreInfo, _Mapping]] = ..., arrow_msg: _Optional[_Union[ArrowMsg, _Mapping]] = ..., blueprint_activation_command: _Optional[_Union[BlueprintActivationCommand, _Mapping]] = ...) -> None: ...

class SetStoreInfo(_message.Message):
    __slots__ = ("row_id", "info")
    ROW_ID_FIELD_NUMBER: _ClassVar[int]
    INFO_FIELD_NUMBER: _ClassVar[int]
    row_id: _common_pb2.Tuid
    info: StoreInfo
    def __init__(self, row_id: _Optional[_Union[_common_pb2.Tuid, _Mapping]] = ..., info: _Optional[_Union[StoreInfo, _Mapping]] = ...) -> None: ...

class StoreInfo(_message.Message):
    __slots__ = ("application_id", "store_id", "store_source", "store_version")
    APPLICATION_ID_FIELD_NUMBER: _ClassVar[int]
    STORE_ID_FIELD_NUMBER: _ClassVar[int]
    STORE_SOURCE_FIELD_NUMBER: _ClassVar[int]
    STORE_VERSION_FIELD_NUMBER: _ClassVar[int]
    application_id: _common_pb2.ApplicationId
    store_id: _common_pb2.StoreId
    store_source: StoreSource
    store_version: StoreVersion
    def __init__(self, application_id: _Optional[_Union[_common_pb2.ApplicationId, _Mapping]] = ..., store_id: _Optional[_Union[_common_pb2.StoreId, _Mapping]] = ..., store_source: _Optional[_Union[StoreSource, _Mapping]] = ..., store_version: _Optional[_Union[StoreVersion, _Mapping]] = ...) -> None: ...

class StoreSource(_message.Message):
    __slots__ = ("kind", "extra")
    KIND_FIELD_NUMBER: _ClassVar[int]
    EXTRA_FIELD_NUMBER: _ClassVar[int]
    kind: StoreSourceKind
    extra: StoreSourceExtra
    def __init__(self, kind: _Optional[_Union[StoreSourceKind, str]] = ..., extra: _Optional[_Union[StoreSourceExtra, _Mapping]] = ...) -> None: ...

class StoreSourceExtra(_message.Message):
    __slots__ = ("payload",)
    PAYLOAD_FIELD_NUMBER: _ClassVar[int]
    payload: bytes
    def __init__(self, payload: _Optional[bytes] = ...) -> None: ...

class PythonVersion(_message.Message):
    __slots__ = ("major", "minor", "patch", "suffix")
    MAJOR_FIELD_NUMBER: _ClassVar[int]
    MINOR_FIELD_NUMBER: _ClassVar[int]
    PATCH_FIELD_NUMBER: _ClassVar[int]
    SUFFIX_FIELD_NUMBER: _ClassVar[int]
    major: int
    minor: int
    patch: int
    suffix: str
    def __init__(self, major: _Optional[int] = ..., minor: _Optional[int] = ..., patch: _Optional[int] = ..., suffix: _Optional[str] = ...) -> None: ...

class StoreVersion(_message.Message):
    __slots__ = ("crate_version_bits",)
    CRATE_VERSION_BITS_FIELD_NUMBER: _ClassVar[int]
    crate_version_bits: int
    def __init__(self, crate_version_bits: _Optional[int] = ...) -> None: ...

class ArrowMsg(_message.Message):
    __slots__ = ("store_id", "compression", "uncompressed_size", "encoding", "payload", "chunk_id", "is_static")
    STORE_ID_FIELD_NUMBER: _ClassVar[int]
    COMPRESSION_FIELD_NUMBER: _ClassVar[int]
    UNCOMPRESSED_SIZE_FIELD_NUMBER: _ClassVar[int]
    ENCODING_FIELD_NUMBER: _ClassVar[int]
    PAYLOAD_FIELD_NUMBER: _ClassVar[int]
    CHUNK_ID_FIELD_NUMBER: _ClassVar[int]
    IS_STATIC_FIELD_NUMBER: _ClassVar[int]
    store_id: _common_pb2.StoreId
    compression: _common_pb2.Compression
    uncompressed_size: int
    encoding: Encoding
    payload: bytes
    chunk_id: _common_pb2.Tuid
    is_static: bool
    def __init__(self, store_id: _Optional[_Union[_common_pb2.StoreId, _Mapping]] = ..., compression: _Optional[_Union[_common_pb2.Compression, str]] = ..., uncompressed_size: _Optional[int] = ..., encoding: _Optional[_Union[Encoding, str]] = ..., payload: _Optional[bytes] = ..., chunk_id: _Optional[_Union[_common_pb2.Tuid, _Mapping]] = ..., is_static: _Optional[bool] = ...) -> None: ...

class BlueprintActivationCommand(_message.Message):
    __slots__ = ("blueprint_id", "make_active", "make_default")
    BLUEPRINT_ID_FIELD_NUMBER: _ClassVar[int]
    MAKE_ACTIVE_FIELD_NUMBER: _ClassVar[int]
    MAKE_DEFAULT_FIELD_NUMBER: _ClassVar[int]
    blueprint_id: _common_pb2.StoreId
    make_active: bool
    make_default: bool
    def __init__(self, blueprint_id: _Optional[_Union[_common_pb2.StoreId, _Mapping]] = ..., make_active: _Optional[bool] = ..., make_default: _Optional[bool] = ...) -> None: ...

class RrdFooter(_message.Message):
    __slots__ = ("manifests",)
    MANIFESTS_FIELD_NUMBER: _ClassVar[int]
    manifests: _containers.RepeatedCompositeFieldContainer[RrdManifest]
    def __init__(self, manifests: _Optional[_Iterable[_Union[RrdManifest, _Mapping]]] = ...) -> None: ...

class RrdManifest(_message.Message):
    __slots__ = ("store_id", "sorbet_schema", "sorbet_schema_sha256", "data")
    STORE_ID_FIELD_NUMBER: _ClassVar[int]
    SORBET_SCHEMA_FIELD_NUMBER: _ClassVar[int]
    SORBET_SCHEMA_SHA256_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    store_id: _common_pb2.StoreId
    sorbet_schema: _common_pb2.Schema
    sorbet_schema_sha256: bytes
    data: _common_pb2.DataframePart
    def __init__(self, store_id: _Optional[_Union[_common_pb2.StoreId, _Mapping]] = ..., sorbet_schema: _Optional[_Union[_common_pb2.Schema, _Mapping]] = ..., sorbet_schema_sha256: _Optional[bytes] = ..., data: _Optional[_Union[_common_pb2.DataframePart, _Mapping]] = ...) -> None: ...
