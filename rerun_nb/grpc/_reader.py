"""Reading from a Rerun 0.41 gRPC server (ours, ``rerun --serve-grpc``, a viewer): ReadMessages.

The server sends its history and then live messages forever; `read_messages` stops once nothing arrived
for ``idle_timeout_sec`` (or after ``max_messages``), so it can be used to take a snapshot.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator

import grpc

from .._proto import log_msg_pb2, sdk_comms_pb2
from ._url import parse_url

__all__ = ["read_messages"]

READ_MESSAGES = "/rerun.sdk_comms.v1alpha1.MessageProxyService/ReadMessages"
_END = object()


def read_messages(url: str | None = None, *, idle_timeout_sec: float = 1.0, max_messages: int | None = None,
                  connect_timeout_sec: float = 5.0) -> Iterator[log_msg_pb2.LogMsg]:
    """Yield the `LogMsg`s a server replays and streams, until it is idle for ``idle_timeout_sec``."""
    host, port, _tls = parse_url(url)
    channel = grpc.insecure_channel(f"{host}:{port}", options=[("grpc.max_receive_message_length", -1)])
    try:
        grpc.channel_ready_future(channel).result(timeout=connect_timeout_sec)
        call = channel.unary_stream(READ_MESSAGES, request_serializer=None, response_deserializer=None)(b"")
        inbox: queue.Queue = queue.Queue(maxsize=1024)

        def pump() -> None:
            try:
                for raw in call:
                    inbox.put(raw)
            except grpc.RpcError as err:
                inbox.put(err)
            inbox.put(_END)

        threading.Thread(target=pump, daemon=True, name="rerun_nb-grpc-read").start()
        count = 0
        while max_messages is None or count < max_messages:
            try:
                item = inbox.get(timeout=idle_timeout_sec)
            except queue.Empty:
                break
            if item is _END:
                break
            if isinstance(item, grpc.RpcError):
                if item.code() == grpc.StatusCode.CANCELLED:
                    break
                raise item
            count += 1
            yield sdk_comms_pb2.ReadMessagesResponse.FromString(item).log_msg
        call.cancel()
    finally:
        channel.close()
