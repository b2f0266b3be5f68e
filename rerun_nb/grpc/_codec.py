"""Arrow chunks <-> the protobuf messages of Rerun's log stream (`LogMsg`), for both gRPC directions.

The bodies are those of RRD files (rrd-format.md); the gRPC transport wraps each in `LogMsg` (its oneof
says which message it is). Decoding is defensive: the bytes come from the network, so every size is
checked against explicit limits *before* any allocation it would cause, and each failure raises
`StreamError` naming what was wrong.
"""

from __future__ import annotations

import sys

import pyarrow as pa
from google.protobuf.message import DecodeError

from .._proto import common_pb2, log_msg_pb2, sdk_comms_pb2
from ..rrd._chunk_check import check_chunk, chunk_id_text
from ..rrd._errors import RrdError
from ..rrd._framing import RERUN_VERSION, new_tuid, tuid_from_str
from ..rrd._messages import ArrowMsg, field_span
from ..rrd._reader import decompress, read_ipc_batch
from ..rrd._sink import prepare_chunk
from ..rrd._writer import encode_chunk_ipc

__all__ = [
    "STORE_KIND_BLUEPRINT", "STORE_KIND_RECORDING", "StreamError", "activation_msg", "arrow_msg",
    "decode_arrow_msg", "parse_request", "store_id_key", "store_id_pb", "store_info_msg",
]

STORE_KIND_RECORDING, STORE_KIND_BLUEPRINT = 1, 2
_TELEMETRY_KEYS = (b"rerun:timestamp_sdk_grpc_sink", b"rerun:timestamp_sdk_ipc_encoded",
                   b"rerun:timestamp_viewer_ipc_decoded")


class StreamError(ValueError):
    """A message on a gRPC log stream that cannot be used (malformed, hostile or over a limit)."""


def store_id_pb(kind: int, application_id: str, recording_id: str) -> common_pb2.StoreId:
    return common_pb2.StoreId(kind=kind, recording_id=recording_id,
                              application_id=common_pb2.ApplicationId(id=application_id))


def store_id_key(store_id: common_pb2.StoreId) -> tuple[int, str, str]:
    """``(kind, application_id, recording_id)``: a hashable key for routing."""
    return int(store_id.kind), store_id.application_id.id, store_id.recording_id


def _tuid(tuid: tuple[int, int]) -> common_pb2.Tuid:
    return common_pb2.Tuid(time_ns=tuid[0], inc=tuid[1])


def store_info_msg(store_id: common_pb2.StoreId) -> log_msg_pb2.LogMsg:
    """SetStoreInfo announcing ``store_id`` (source: this Python, version 0.41.0, as rerun-sdk writes)."""
    v = sys.version_info
    extra = log_msg_pb2.PythonVersion(major=v.major, minor=v.minor, patch=v.micro).SerializeToString()
    major, minor, patch, meta = RERUN_VERSION
    info = log_msg_pb2.StoreInfo(
        store_id=store_id,
        store_source=log_msg_pb2.StoreSource(kind=log_msg_pb2.STORE_SOURCE_KIND_PYTHON_SDK,
                                             extra=log_msg_pb2.StoreSourceExtra(payload=extra)),
        store_version=log_msg_pb2.StoreVersion(crate_version_bits=major | minor << 8 | patch << 16 | meta << 24))
    return log_msg_pb2.LogMsg(set_store_info=log_msg_pb2.SetStoreInfo(row_id=_tuid(new_tuid()), info=info))


def arrow_msg(store_id: common_pb2.StoreId, batch: pa.RecordBatch, *, compression: bool = True) -> log_msg_pb2.LogMsg:
    """One chunk (a record batch in Rerun's layout) as an ArrowMsg, LZ4-compressed like rerun-sdk's."""
    batch = prepare_chunk(batch)
    ipc = encode_chunk_ipc(batch)
    if compression:
        import lz4.block

        payload, codec = lz4.block.compress(ipc, store_size=False), common_pb2.COMPRESSION_LZ4
    else:
        payload, codec = ipc.to_pybytes(), common_pb2.COMPRESSION_NONE
    is_static = not any((f.metadata or {}).get(b"rerun:kind") == b"index" for f in batch.schema)
    msg = log_msg_pb2.ArrowMsg(store_id=store_id, compression=codec, uncompressed_size=len(ipc),
                               encoding=log_msg_pb2.ENCODING_ARROW_IPC, payload=payload, is_static=is_static)
    chunk_id = tuid_from_str(chunk_id_text(batch) or "")
    if chunk_id is not None:
        msg.chunk_id.CopyFrom(_tuid(chunk_id))
    return log_msg_pb2.LogMsg(arrow_msg=msg)


def activation_msg(blueprint_id: common_pb2.StoreId, *, make_active: bool, make_default: bool) -> log_msg_pb2.LogMsg:
    cmd = log_msg_pb2.BlueprintActivationCommand(blueprint_id=blueprint_id, make_active=make_active,
                                                 make_default=make_default)
    return log_msg_pb2.LogMsg(blueprint_activation_command=cmd)


#: Requests at least this large are split without protobuf copying the chunk payload (see `parse_request`).
ZERO_COPY_MIN_BYTES = 64 * 1024


def parse_request(raw: bytes) -> tuple[str, object]:
    """One serialized `WriteMessagesRequest`: ``(kind, message)``, rejecting what 0.41's server rejects.

    ``kind`` is the `LogMsg` oneof's name. An ArrowMsg comes back as a `rerun_nb.rrd` ``ArrowMsg`` whose
    payload is a view into ``raw`` (large requests are split by their top-level tags, so protobuf never copies
    megabytes of payload); the other kinds as their protobuf message.
    """
    view = memoryview(raw)
    if len(view) >= ZERO_COPY_MIN_BYTES:
        outer = field_span(view, 1)
        if outer is not None and outer[0] == 0 and outer[2] == len(view):
            log_msg = view[outer[1]:outer[2]]
            inner = field_span(log_msg, 2)
            if inner is not None and inner[0] == 0 and inner[2] == len(log_msg):
                return "arrow_msg", _arrow(lambda: ArrowMsg.decode(log_msg[inner[1]:inner[2]], 0))
    request = sdk_comms_pb2.WriteMessagesRequest()
    try:
        request.ParseFromString(view)
    except DecodeError as err:
        raise StreamError(f"a {len(raw)}-byte WriteMessagesRequest is not valid protobuf ({err})") from None
    if not request.HasField("log_msg"):
        raise StreamError("missing `log_msg` in `WriteMessagesRequest`")
    which = request.log_msg.WhichOneof("msg")
    if which is None:
        raise StreamError("missing `msg` in `LogMsg` (an empty oneof)")
    if which == "arrow_msg":
        return which, _arrow(lambda: ArrowMsg.from_pb(request.log_msg.arrow_msg))
    return which, getattr(request.log_msg, which)


def _arrow(make) -> ArrowMsg:
    try:
        return make()
    except RrdError as err:
        raise StreamError(err.detail + (f" (expected {err.expected})" if err.expected else "")) from None


def decode_arrow_msg(msg, *, max_decoded_bytes: int) -> pa.RecordBatch:
    """The chunk inside an ArrowMsg (ours or protobuf's), checked for Rerun's chunk layout; telemetry removed."""
    if isinstance(msg, log_msg_pb2.ArrowMsg):
        msg = _arrow(lambda: ArrowMsg.from_pb(msg))
    if not msg.store_id.application_id:
        raise StreamError("ArrowMsg with an empty application id")
    declared = msg.uncompressed_size if msg.compression == common_pb2.COMPRESSION_LZ4 else len(msg.payload)
    if declared > max_decoded_bytes:
        raise StreamError(f"ArrowMsg declares {declared} uncompressed bytes, over this server's limit of "
                          f"{max_decoded_bytes} bytes per message")
    try:
        raw = decompress(msg.payload, msg.compression, msg.uncompressed_size, 0, "ArrowMsg")
        batch = read_ipc_batch(raw, 0, "ArrowMsg payload")
        check_chunk(batch, 0)
    except RrdError as err:
        raise StreamError(str(err.detail) + (f" (expected {err.expected})" if err.expected else "")) from None
    meta = batch.schema.metadata or {}
    if any(k in meta for k in _TELEMETRY_KEYS):
        batch = batch.replace_schema_metadata({k: v for k, v in meta.items() if k not in _TELEMETRY_KEYS})
    return batch
