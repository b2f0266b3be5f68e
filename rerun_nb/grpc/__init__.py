"""Streaming over gRPC with Rerun 0.41's protocol (grpcio + protobuf; /work/shared/specs/grpc-protocol.md).

* `GrpcServer`: Rerun's MessageProxyService in this process. Incoming recordings land in their own
  `RecordingStream` (`incoming_recordings`, `wait_for_recording`); late readers get the history.
* `GrpcSink`: the client behind ``rr.connect_grpc``, for ``RecordingStream`` sinks.
* `serve_grpc`: ``rr.serve_grpc``, a server that is also the recording's sink.

`import rerun_nb` does not import this package (nor grpc); ``rr.connect_grpc`` / ``rr.serve_grpc`` do.
"""

from ._client import GrpcSink as GrpcSink
from ._client import GrpcWarning as GrpcWarning
from ._codec import StreamError as StreamError
from ._registry import incoming_recordings as incoming_recordings
from ._registry import wait_for_recording as wait_for_recording
from ._serve import ServerSink as ServerSink
from ._serve import serve_grpc as serve_grpc
from ._server import DEFAULT_PORT as DEFAULT_PORT
from ._server import GrpcServer as GrpcServer
from ._url import parse_url as parse_url

__all__ = [
    "DEFAULT_PORT", "GrpcServer", "GrpcSink", "GrpcWarning", "ServerSink", "StreamError", "incoming_recordings",
    "parse_url", "serve_grpc", "wait_for_recording",
]
