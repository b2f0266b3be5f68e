"""`GrpcStreamSink`: stream a recording to any Rerun 0.41 gRPC server (``rr.connect_grpc``, ``rr.GrpcSink``).

The sink plugs into ``RecordingStream`` like `rerun_nb.rrd.FileSink` (``write_chunks``, ``flush``,
``close``). ``write_chunks`` only queues: encoding and sending run on one background thread, so the user's
loop never waits for the network. The thread keeps one WriteMessages call open (as rerun-sdk does); each
(re)connection starts with the store's SetStoreInfo (and blueprint, if any).

A server that goes away: chunks keep queueing in a bounded buffer (``max_buffer_bytes``; past it the
oldest queued chunks are dropped, with one warning), the thread redials every 0.1-1 s, and on reconnect
it first re-sends the last messages of the broken call (up to ``max_replay_bytes``), because gRPC does not
say which of them the server had read; our server ignores chunks it already has (by chunk id), Rerun's
store does the same. ``flush`` and ``close`` wait at most ``flush_timeout_sec``, then warn and return.
While connected and idle, the thread flushes the store's row batcher every ``RERUN_FLUSH_TICK_SECS``
(8 ms), so a remote viewer sees a row within milliseconds, not at the batcher's own age limit.
"""

from __future__ import annotations

import atexit
import collections
import logging
import os
import threading
import time
import warnings
import weakref

import grpc
import pyarrow as pa

from ._codec import (
    STORE_KIND_BLUEPRINT,
    STORE_KIND_RECORDING,
    activation_msg,
    arrow_msg,
    store_id_pb,
    store_info_msg,
)
from ._public import GrpcWarning
from ._url import parse_url

__all__ = ["GrpcSink", "GrpcStreamSink", "request_bytes"]

WRITE_MESSAGES = "/rerun.sdk_comms.v1alpha1.MessageProxyService/WriteMessages"
_LOG = logging.getLogger("rerun_nb.grpc")
_OPEN_SINKS: weakref.WeakSet = weakref.WeakSet()
_CHANNEL_OPTIONS = [("grpc.max_send_message_length", -1), ("grpc.max_receive_message_length", -1),
                    ("grpc.enable_retries", 0), ("grpc.initial_reconnect_backoff_ms", 100),
                    ("grpc.max_reconnect_backoff_ms", 1000)]


def _flush_tick_sec() -> float:
    """Rerun's ``RERUN_FLUSH_TICK_SECS`` (default 8 ms for gRPC sinks, as rerun-sdk's low-latency preset)."""
    try:
        return max(0.001, float(os.environ.get("RERUN_FLUSH_TICK_SECS", "0.008")))
    except ValueError:
        return 0.008


def request_bytes(log_msg) -> bytes:
    """A serialized ``WriteMessagesRequest{log_msg}`` (field 1), built without copying the message twice."""
    body = log_msg.SerializeToString()
    n, prefix = len(body), bytearray(b"\x0a")
    while n > 0x7F:
        prefix.append(n & 0x7F | 0x80)
        n >>= 7
    prefix.append(n)
    return bytes(prefix) + body


class GrpcStreamSink:
    """Sends a recording's chunks to ``url`` (``rerun+http://HOST:PORT/proxy``) over gRPC.

    Parameters
    ----------
    url : str | None
        Proxy URL; None means ``rerun+http://127.0.0.1:9876/proxy``.
    rec : RecordingStream
        The recording whose ids name the store on the wire.
    flush_timeout_sec : float | None
        Longest ``flush``/``close`` wait for the queue to drain (None: 2 s).
    default_blueprint : optional
        A ``rerun_nb.blueprint`` blueprint sent first (``make_default=True``), as ``rr.connect_grpc`` does.
    max_buffer_bytes, max_replay_bytes : int
        Bounds on chunks queued while disconnected and on what is re-sent after a reconnect.

    """

    def __init__(self, url: str | None, rec, *, flush_timeout_sec: float | None = 2.0, default_blueprint=None,
                 max_buffer_bytes: int = 512 * 2**20, max_replay_bytes: int = 64 * 2**20,
                 compression: bool = True) -> None:
        host, port, tls = parse_url(url)
        if tls:
            raise NotImplementedError(f"rerun_nb.connect_grpc: TLS URLs ({url!r}) are not supported yet; "
                                      "use rerun+http:// (plaintext) to a server you trust")
        self.url = url or f"rerun+http://{host}:{port}/proxy"
        self.target = f"{host}:{port}"
        self.flush_timeout_sec = 2.0 if flush_timeout_sec is None else float(flush_timeout_sec)
        self.max_buffer_bytes = max_buffer_bytes
        self.max_replay_bytes = max_replay_bytes
        self._compression = compression
        self._store_id = store_id_pb(STORE_KIND_RECORDING, rec.application_id, rec.recording_id)
        self._persistent = [request_bytes(store_info_msg(self._store_id))]
        if default_blueprint is not None:
            self._persistent += _blueprint_requests(default_blueprint, rec.application_id)
        self._cond = threading.Condition()
        self._pending: collections.deque = collections.deque()  # pa.RecordBatch or bytes, oldest first
        self._pending_bytes = 0
        self._replay: collections.deque[bytes] = collections.deque()  # sent on the current call
        self._replay_bytes = 0
        self._call_no = 0
        self._closing = False
        self._done = threading.Event()
        self.connected = False
        self.messages_sent = 0
        self.chunks_dropped = 0
        self.reconnects = 0
        self._disconnected_since = time.monotonic()
        self._warned: set[str] = set()
        self._thread = threading.Thread(target=self._run, name=f"rerun_nb-grpc-sink-{self.target}", daemon=True)
        _OPEN_SINKS.add(self)
        self._rec_ref = weakref.ref(rec)
        self._store = rec.store
        self.flush_tick_sec = _flush_tick_sec()
        batcher = rec.store.batcher
        if not getattr(rec, "batcher_configured", False) and batcher.max_age_s > self.flush_tick_sec:
            # Rows reach the network within the flush tick, as rerun-sdk's gRPC sink (low-latency batching):
            # a viewer elsewhere sees each log call within ~10 ms, not after the in-memory default of 100 ms.
            batcher.set_thresholds(max_rows=batcher.max_rows, max_bytes=batcher.max_bytes,
                                   max_age_s=self.flush_tick_sec)
        self._thread.start()

    # --- the sink protocol (called from the user's threads) --------------------------------------------

    def write_chunks(self, chunks) -> None:
        """Queue chunks (Rerun-layout record batches) for sending; never blocks on the network."""
        with self._cond:
            if self._closing:
                return
            for chunk in chunks:
                self._pending.append(chunk)
                self._pending_bytes += chunk.nbytes
            self._drop_over_budget()
            self._cond.notify_all()
        self._warn_if_unreachable()

    def send_blueprint(self, blueprint, application_id: str, *, make_active: bool = True,
                       make_default: bool = True) -> None:
        """Send a blueprint store on this stream (``rr.send_blueprint``); it is also re-sent on reconnect."""
        requests = _blueprint_requests(blueprint, application_id, make_active=make_active,
                                       make_default=make_default)
        with self._cond:
            self._persistent += requests
            for raw in requests:
                self._pending.append(raw)
                self._pending_bytes += len(raw)
            self._cond.notify_all()

    def flush(self) -> None:
        """Wait (at most ``flush_timeout_sec``) until every queued chunk was handed to the connection."""
        deadline = time.monotonic() + self.flush_timeout_sec
        with self._cond:
            while self._pending and not self._done.is_set():
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._cond.wait(min(left, 0.05))
            left_over = len(self._pending)
        if left_over:
            self._warn_once("flush", f"rerun_nb: gRPC flush to {self.url} timed out after {self.flush_timeout_sec} s "
                                     f"with {left_over} chunks still queued (not connected?); they stay queued")

    def close(self) -> None:
        """Send what is queued, half-close the stream and wait for the server's answer (bounded); idempotent."""
        with self._cond:
            if self._closing:
                return
            self._closing = True
            self._cond.notify_all()
        self._done.wait(self.flush_timeout_sec)
        with self._cond:
            left_over = len(self._pending)
            self._done.set()
            self._cond.notify_all()
        _OPEN_SINKS.discard(self)
        if left_over:
            self._warn_once("close", f"rerun_nb: {left_over} chunks were not delivered to {self.url} "
                                     f"within flush_timeout_sec={self.flush_timeout_sec} s and are lost")

    @property
    def closed(self) -> bool:
        return self._closing

    # --- warnings (only from the caller's thread: never from the sender thread) ------------------------

    def _warn_once(self, key: str, message: str) -> None:
        if key not in self._warned:
            self._warned.add(key)
            warnings.warn(GrpcWarning(message), stacklevel=3)

    def _warn_if_unreachable(self) -> None:
        if self.connected or self._closing:
            return
        down = time.monotonic() - self._disconnected_since
        if down > self.flush_timeout_sec:
            self._warn_once("unreachable", f"rerun_nb: cannot reach the gRPC server at {self.url} (for {down:.0f} s); "
                                           f"logging goes on into a buffer of up to {self.max_buffer_bytes >> 20} MiB "
                                           "and is sent when it comes back")
        if self.chunks_dropped:
            self._warn_once("dropped", f"rerun_nb: the gRPC buffer for {self.url} is full "
                                       f"({self.max_buffer_bytes >> 20} MiB): the oldest queued chunks are dropped")

    def _drop_over_budget(self) -> None:
        while self._pending_bytes > self.max_buffer_bytes and len(self._pending) > 1:
            item = self._pending.popleft()
            self._pending_bytes -= item.nbytes if isinstance(item, pa.RecordBatch) else len(item)
            self.chunks_dropped += 1

    # --- the sender thread ---------------------------------------------------------------------------

    def _run(self) -> None:
        backoff = 0.1
        while not self._done.is_set():
            channel = grpc.insecure_channel(self.target, options=_CHANNEL_OPTIONS)
            try:
                grpc.channel_ready_future(channel).result(timeout=backoff)
            except grpc.FutureTimeoutError:
                channel.close()
                if self._closing and not self._pending:
                    break
                backoff = min(backoff * 2, 1.0)
                continue
            backoff = 0.1
            finished = self._one_call(channel)
            channel.close()
            if finished:
                break
        self.connected = False
        self._done.set()
        with self._cond:
            self._cond.notify_all()

    def _one_call(self, channel) -> bool:
        """Stream until closed (True) or the call breaks (False: reconnect)."""
        with self._cond:
            self._call_no += 1
            call_no = self._call_no
            for raw in reversed(self._replay):  # re-send the broken call's last messages first
                self._pending.appendleft(raw)
                self._pending_bytes += len(raw)
            self._replay.clear()
            self._replay_bytes = 0
        stub = channel.stream_unary(WRITE_MESSAGES, request_serializer=None, response_deserializer=None)
        future = stub.future(self._requests(call_no))
        self.connected = True
        if call_no > 1:
            self.reconnects += 1
            _LOG.info("rerun_nb: reconnected to %s", self.url)
        future.add_done_callback(lambda _f: self._wake())
        while not future.done():
            if self._done.is_set():  # close() gave up waiting: stop now
                future.cancel()
                return True
            with self._cond:
                self._cond.wait(0.1)
        self.connected = False
        self._disconnected_since = time.monotonic()
        try:
            future.result()
        except grpc.RpcError as err:
            if self._closing and not self._pending and err.code() == grpc.StatusCode.CANCELLED:
                return True
            _LOG.warning("rerun_nb: gRPC stream to %s broke (%s: %s); reconnecting", self.url,
                         err.code().name, err.details())
            with self._cond:
                self._call_no += 1  # ends the old request generator
                self._cond.notify_all()
            return self._done.is_set()
        return True  # the server answered after our half-close

    def _wake(self) -> None:
        with self._cond:
            self._cond.notify_all()

    def _requests(self, call_no: int):
        with self._cond:
            persistent = list(self._persistent)
        yield from persistent
        while True:
            with self._cond:
                idle = not self._pending
            if idle:  # hand on rows still batched at least every tick, as rerun-sdk's gRPC batcher does
                self._store.flush()  # (outside our lock: the flush calls write_chunks)
            with self._cond:
                while not self._pending:
                    if self._closing or self._call_no != call_no or self._done.is_set():
                        return
                    if not self._cond.wait(self.flush_tick_sec):
                        break
                if not self._pending:
                    continue
                if self._call_no != call_no:
                    return
                item = self._pending.popleft()
                is_batch = isinstance(item, pa.RecordBatch)
                self._pending_bytes -= item.nbytes if is_batch else len(item)
            raw = request_bytes(arrow_msg(self._store_id, item, compression=self._compression)) if is_batch else item
            with self._cond:
                self._replay.append(raw)
                self._replay_bytes += len(raw)
                while self._replay_bytes > self.max_replay_bytes and len(self._replay) > 1:
                    self._replay_bytes -= len(self._replay.popleft())
                self.messages_sent += 1
                self._cond.notify_all()
            yield raw

    def __repr__(self) -> str:
        state = "closed" if self._closing else ("connected" if self.connected else "connecting")
        return f"GrpcStreamSink({self.url!r}, {state})"


GrpcSink = GrpcStreamSink  # the name rerun_nb._sinks (rr.GrpcSink's opener) and older code use


def _blueprint_requests(blueprint, application_id: str, *, make_active: bool = False,
                        make_default: bool = True) -> list[bytes]:
    from ..rrd._sink import prepare_chunk

    blueprint = blueprint.to_blueprint() if hasattr(blueprint, "to_blueprint") else blueprint
    bp_id = store_id_pb(STORE_KIND_BLUEPRINT, application_id, str(blueprint.blueprint_id))
    out = [request_bytes(store_info_msg(bp_id))]
    out += [request_bytes(arrow_msg(bp_id, prepare_chunk(c))) for c in blueprint.blueprint_chunks(application_id)]
    out.append(request_bytes(activation_msg(bp_id, make_active=make_active, make_default=make_default)))
    return out


@atexit.register
def _close_open_sinks() -> None:
    for sink in list(_OPEN_SINKS):
        try:
            rec = sink._rec_ref()
            if rec is not None and getattr(rec, "_sink", None) is sink:
                rec.disconnect()  # flushes rows still batched, then closes the sink
            sink.close()
        except Exception as err:  # noqa: BLE001  (interpreter exit: report, never raise)
            _LOG.error("rerun_nb: could not finish the gRPC stream to %s at exit: %s", sink.url, err)
