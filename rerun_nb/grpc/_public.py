"""``rr.GrpcSink`` / ``rr.GrpcServerSink``: rerun-sdk 0.41's sink descriptions for ``rr.set_sinks``.

They are light (no grpc import until a recording uses them): ``set_sinks`` calls ``_rnb_open(recording,
default_blueprint)``, which makes the object that follows the sink protocol (``write_chunks``, ``flush``,
``close``): a `GrpcStreamSink` (client) or a `ServerSink` (a server in this process).
"""

from __future__ import annotations

from typing import Any

from ..error_utils import RerunWarning
from ._url import parse_url

__all__ = ["GrpcServerSink", "GrpcSink", "GrpcWarning"]


class GrpcWarning(RerunWarning):
    """The gRPC connection could not deliver (server unreachable, buffer full, data left at close)."""


class GrpcSink:
    """Connect to an existing Rerun gRPC server and stream the recording to it (``rr.set_sinks(rr.GrpcSink())``).

    Parameters
    ----------
    url : str | None
        ``rerun+http://HOST:PORT/proxy``; the default is ``rerun+http://127.0.0.1:9876/proxy``.

    """

    def __init__(self, url: str | None = None) -> None:
        parse_url(url)  # refuse what rerun-sdk refuses, at the call that takes it
        self.url = url

    def _rnb_open(self, rec: Any, default_blueprint: Any = None) -> Any:
        from ._client import GrpcStreamSink

        return GrpcStreamSink(self.url, rec, default_blueprint=default_blueprint)

    def __repr__(self) -> str:
        return f"GrpcSink({self.url!r})"


class GrpcServerSink:
    """Host a gRPC server in this process and stream the recording to the viewers and SDKs that connect.

    Same parameters as rerun-sdk 0.41, but ``bind_ip`` defaults to ``127.0.0.1`` (Rerun binds 0.0.0.0): the
    protocol has no authentication. The server starts here (so `uri` is known) and stops when the recording's
    sinks are replaced or it is disconnected. ``cors_allow_origin`` is accepted and unused (grpcio serves no
    gRPC-Web, so browsers cannot connect anyway).
    """

    def __init__(self, bind_ip: str = "127.0.0.1", port: int = 9876, *, server_memory_limit: str = "1GiB",
                 newest_first: bool = False, cors_allow_origin: list[str] | None = None) -> None:
        from ..recording_stream import parse_memory_limit
        from ._server import GrpcServer

        self.server = GrpcServer(port, bind=bind_ip, server_memory_limit=parse_memory_limit(server_memory_limit),
                                 newest_first=newest_first)
        self.cors_allow_origin = cors_allow_origin

    @property
    def uri(self) -> str:
        """URI that a Rerun Viewer (``rerun --connect``) or ``rr.connect_grpc`` uses to reach this server."""
        return self.server.url

    def _rnb_open(self, rec: Any, default_blueprint: Any = None) -> Any:
        from ._serve import ServerSink

        self.server.add_recording(rec)
        return ServerSink(self.server, rec, default_blueprint=default_blueprint)

    def __repr__(self) -> str:
        return f"GrpcServerSink({self.uri!r})"
