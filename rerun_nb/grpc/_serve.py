"""``rec.serve_grpc()``: a `GrpcServer` in this process that is also ``rec``'s sink.

As in rerun-sdk 0.41, the server lives as long as the recording's sink: ``rec.disconnect()`` (or another
sink) stops it. The recording's own chunks go into the server's history, so ``rerun --connect URL`` or any
reader sees them, and producers that log with the same application and recording ids write into ``rec``;
any other incoming recording gets its own (see `incoming_recordings`).
"""

from __future__ import annotations

from ._client import _blueprint_requests, request_bytes
from ._codec import STORE_KIND_RECORDING, arrow_msg, store_id_pb, store_info_msg
from ._history import PERSISTENT, STATIC, TEMPORAL
from ._server import GrpcServer

__all__ = ["ServerSink", "publish_recording", "serve_grpc"]


class ServerSink:
    """Publishes a recording's chunks to a `GrpcServer`'s readers; closing it stops the server."""

    def __init__(self, server: GrpcServer, rec, *, default_blueprint=None) -> None:
        self.server = server
        self._store_id = store_id_pb(STORE_KIND_RECORDING, rec.application_id, rec.recording_id)
        if default_blueprint is not None:
            for raw in _blueprint_requests(default_blueprint, rec.application_id):
                server.publish(raw, PERSISTENT)
        server.publish(request_bytes(store_info_msg(self._store_id)), PERSISTENT)
        self.closed = False

    def write_chunks(self, chunks) -> None:
        for chunk in chunks:
            is_static = not any((f.metadata or {}).get(b"rerun:kind") == b"index" for f in chunk.schema)
            self.server.publish(request_bytes(arrow_msg(self._store_id, chunk)), STATIC if is_static else TEMPORAL)

    def send_blueprint(self, blueprint, application_id: str, *, make_active: bool = True,
                       make_default: bool = True) -> None:
        for raw in _blueprint_requests(blueprint, application_id, make_active=make_active, make_default=make_default):
            self.server.publish(raw, PERSISTENT)

    def flush(self) -> None:
        """Nothing to do: chunks are published as they are written."""

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            self.server.stop()


def serve_grpc(rec, *, grpc_port: int | None = None, default_blueprint=None, server_memory_limit="1GiB",
               newest_first: bool = False) -> str:
    """Start the server, make it ``rec``'s sink and return its ``rerun+http://`` URL."""
    from ..recording_stream import parse_memory_limit

    server = GrpcServer(grpc_port, server_memory_limit=parse_memory_limit(server_memory_limit),
                        newest_first=newest_first, memory_limit=rec.store.memory_limit)
    server.add_recording(rec)
    rec._set_sink(ServerSink(server, rec, default_blueprint=default_blueprint))
    return server.url


def publish_recording(server: GrpcServer, rec) -> int:
    """Put ``rec``'s chunks so far into ``server``'s history (as an incoming stream would); returns the count."""
    store_id = store_id_pb(STORE_KIND_RECORDING, rec.application_id, rec.recording_id)
    server.publish(request_bytes(store_info_msg(store_id)), PERSISTENT)
    chunks = rec.store.chunks()
    for chunk in chunks:
        is_static = not any((f.metadata or {}).get(b"rerun:kind") == b"index" for f in chunk.schema)
        server.publish(request_bytes(arrow_msg(store_id, chunk)), STATIC if is_static else TEMPORAL)
    return len(chunks)
