"""Streaming over gRPC with Rerun 0.41's protocol (grpcio + protobuf; /work/shared/specs/grpc-protocol.md).

* `GrpcServer`: Rerun's MessageProxyService in this process. Incoming recordings land in their own
  `RecordingStream` (`incoming_recordings`, `wait_for_recording`); late readers get the history.
* `GrpcSink` (alias `GrpcStreamSink`): the client behind ``rr.connect_grpc`` and ``rr.GrpcSink`` (the sink
  protocol: ``write_chunks``, ``flush``, ``close``).
* `serve_grpc`: ``rr.serve_grpc``, a server that is also the recording's sink.

Importing this package is light: grpcio (and protobuf) load only when a server or a client is made.
"""

from typing import Any

from ._public import GrpcWarning as GrpcWarning
from ._registry import incoming_recordings as incoming_recordings
from ._registry import wait_for_recording as wait_for_recording
from ._url import parse_url as parse_url

DEFAULT_PORT = 9876

__all__ = [
    "DEFAULT_PORT", "GrpcServer", "GrpcSink", "GrpcStreamSink", "GrpcWarning", "ServerSink",
    "StreamError", "incoming_recordings", "parse_url", "serve_grpc", "wait_for_recording",
]

_LAZY = {"GrpcServer": "._server", "GrpcSink": "._client", "GrpcStreamSink": "._client", "ServerSink": "._serve",
         "serve_grpc": "._serve",
         "StreamError": "._codec"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module 'rerun_nb.grpc' has no attribute {name!r}")
