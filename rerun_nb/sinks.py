"""`rerun.sinks` of 0.41: where a recording's data goes (files, memory, stdout, several at once, gRPC)."""

from ._log import connect_grpc, disconnect, save, send_blueprint, serve_grpc, spawn
from ._sinks import BinaryStream, FileSink, GrpcServerSink, GrpcSink, set_sinks, stdout

__all__ = ["BinaryStream", "FileSink", "GrpcServerSink", "GrpcSink", "connect_grpc", "disconnect", "save",
           "send_blueprint", "serve_grpc", "set_sinks", "spawn", "stdout"]
