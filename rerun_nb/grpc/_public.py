"""The light public pieces of `rerun_nb.grpc` (no grpcio import): the warning category.

``rr.GrpcSink`` / ``rr.GrpcServerSink`` (rerun-sdk's sink descriptions for ``rr.set_sinks``) live in
`rerun_nb._sinks`; they open `rerun_nb.grpc.GrpcSink` (the client) or a `ServerSink` when a recording uses them.
"""

from __future__ import annotations

from ..error_utils import RerunWarning

__all__ = ["GrpcWarning"]


class GrpcWarning(RerunWarning):
    """The gRPC connection could not deliver (server unreachable, buffer full, data left at close)."""
