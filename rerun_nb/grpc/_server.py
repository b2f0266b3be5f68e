"""`GrpcServer`: Rerun's MessageProxyService (gRPC, grpcio) inside this process.

Producers (rerun-sdk 0.41's ``rr.connect_grpc`` or ours) stream `LogMsg`s with WriteMessages; each
incoming recording lands in its own `RecordingStream` (see `_registry`), so a notebook viewer of it shows
the data live. Readers (``rerun --connect``, ``rerun --save``, our client) get the history and then live
messages with ReadMessages, byte-identical to what was written. WriteTable/ReadTables keep tables for
``ViewerClient.send_table``.

Each WriteMessages call runs in one worker thread and handles its messages in order, so a producer's
order is kept and its memory is one message at a time (bounded by ``max_message_bytes`` and, once
decompressed, ``max_decoded_bytes``). What the network sends is untrusted: a malformed message (bad
protobuf, bad LZ4 or Arrow IPC, a length that lies, over a limit, a flood of new stores) ends that call
with INVALID_ARGUMENT or RESOURCE_EXHAUSTED and a logged reason; other calls and the data already stored
are untouched. A chunk that decodes fine but that the store refuses (say, a timeline logged with two kinds)
is skipped with a warning and the stream goes on, as Rerun's viewer does.
"""

from __future__ import annotations

import atexit
import logging
import queue
import socket
import threading
import weakref
from concurrent.futures import Future

import grpc

from ._codec import (
    STORE_KIND_BLUEPRINT,
    StreamError,
    decode_arrow_msg,
    parse_request,
    store_id_key,
)
from ._history import PERSISTENT, STATIC, TEMPORAL, MessageHistory, ReaderTooSlow
from ._registry import first_sight, recording_for, register_recording, set_application_blueprint
from ..blueprint._from_chunks import blueprint_from_chunks
from ..store import MemoryBudget

__all__ = ["DEFAULT_PORT", "GrpcServer"]

DEFAULT_PORT = 9876  # as rerun-sdk
SERVICE = "rerun.sdk_comms.v1alpha1.MessageProxyService"
_LOG = logging.getLogger("rerun_nb.grpc")
_MAX_BLUEPRINT_CHUNKS = 10_000  # per blueprint store; more is a flood, not a layout


_LIVE_SERVERS: weakref.WeakSet = weakref.WeakSet()


class _DaemonExecutor:
    """The thread pool grpcio runs handlers on, with daemon threads.

    A WriteMessages handler blocks for as long as its producer stays connected. With
    `concurrent.futures.ThreadPoolExecutor`, whose threads are joined at interpreter exit, a kernel or script
    would then not exit until every producer had disconnected; these threads are not joined, and
    `_stop_live_servers` (atexit) ends the calls first.
    """

    def __init__(self, max_workers: int, name: str) -> None:
        self._tasks: queue.SimpleQueue = queue.SimpleQueue()
        for i in range(max_workers):
            threading.Thread(target=self._work, name=f"{name}-{i}", daemon=True).start()

    def _work(self) -> None:
        while True:
            future, fn, args, kwargs = self._tasks.get()
            if future is None:
                return
            if future.set_running_or_notify_cancel():
                try:
                    future.set_result(fn(*args, **kwargs))
                except BaseException as exc:  # noqa: BLE001 - handed to the future, as ThreadPoolExecutor does
                    future.set_exception(exc)

    def submit(self, fn, *args, **kwargs) -> Future:
        future: Future = Future()
        self._tasks.put((future, fn, args, kwargs))
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Let the threads finish (they are daemons: nothing waits for them)."""
        del wait, cancel_futures


class GrpcServer:
    """A gRPC log-stream server (Rerun 0.41's protocol) writing incoming recordings into kernel stores.

    Parameters
    ----------
    port : int | None
        TCP port; ``None`` tries 9876 and falls back to a free port if it is taken; 0 picks a free port.
    bind : str
        Interface to listen on. ``127.0.0.1`` by default: the protocol has no authentication, so anyone who
        can reach the port can write data and read the whole history (Rerun binds 0.0.0.0).
    server_memory_limit : int | None
        Bytes of history kept for late readers (oldest temporal messages dropped first; 0 keeps none).
    memory_limit : int | None
        Bytes of store memory for all incoming recordings together (a shared ``MemoryBudget``): past it the
        oldest-arrived temporal data is dropped first, whichever recording holds it.
    newest_first : bool
        Replay history newest first to late readers.
    max_message_bytes, max_decoded_bytes : int
        Largest gRPC message accepted, and largest decompressed chunk.
    max_stores_per_connection : int
        How many different stores one WriteMessages call may announce (a flood guard).

    """

    def __init__(self, port: int | None = None, *, bind: str = "127.0.0.1", server_memory_limit: int | None = 2**30,
                 memory_limit: int | None = None, newest_first: bool = False, max_message_bytes: int = 1 << 30,
                 max_decoded_bytes: int = 1 << 31, max_stores_per_connection: int = 256,
                 max_workers: int = 64) -> None:
        self.bind = bind
        self.history = MessageHistory(server_memory_limit, newest_first=newest_first)
        self.memory_limit = memory_limit
        self._budget = None if memory_limit is None else MemoryBudget(memory_limit)
        self.max_decoded_bytes = max_decoded_bytes
        self.max_stores_per_connection = max_stores_per_connection
        self.max_workers = max_workers
        self.connection_errors: list[str] = []  # why calls were closed, most recent last (kept to 100)
        self.connections_served = 0
        self.on_chunk = None  # optional callback(store_key, batch) after a chunk is stored (e.g. --save)
        self._lock = threading.Lock()
        self._tables: dict[str, bytes] = {}
        self._blueprint_chunks: dict[tuple, list] = {}  # blueprint store key -> its chunks, to show on activation
        self._incoming: list = []
        self._executor = _DaemonExecutor(max_workers, "rerun_nb-grpc")
        self._server = grpc.server(
            self._executor,
            options=[("grpc.max_receive_message_length", max_message_bytes),
                     ("grpc.max_send_message_length", -1),
                     ("grpc.keepalive_time_ms", 10_000), ("grpc.keepalive_timeout_ms", 20_000),
                     ("grpc.so_reuseport", 0)],
            maximum_concurrent_rpcs=max_workers)
        self._server.add_generic_rpc_handlers([grpc.method_handlers_generic_handler(SERVICE, {
            "WriteMessages": grpc.stream_unary_rpc_method_handler(self._write_messages),
            "ReadMessages": grpc.unary_stream_rpc_method_handler(self._read_messages),
            "WriteTable": grpc.unary_unary_rpc_method_handler(self._write_table),
            "ReadTables": grpc.unary_stream_rpc_method_handler(self._read_tables),
        })])
        self.port = self._listen(port)
        self._server.start()
        self._stopped = False
        _LIVE_SERVERS.add(self)

    def _listen(self, port: int | None) -> int:
        candidates = [DEFAULT_PORT, 0] if port is None else [port]
        for candidate in candidates:
            if candidate and not _port_free(self.bind, candidate):
                continue
            try:
                bound = self._server.add_insecure_port(f"{_host_for_grpc(self.bind)}:{candidate}")
            except RuntimeError:  # grpcio raises when it cannot bind
                bound = 0
            if bound:
                if port is None and candidate == 0:
                    _LOG.warning("rerun_nb: port %d is taken; serving gRPC on port %d instead", DEFAULT_PORT, bound)
                return bound
        raise OSError(f"rerun_nb: cannot listen for gRPC on {self.bind}:{port} (the port is taken?)")

    @property
    def url(self) -> str:
        """``rerun+http://HOST:PORT/proxy`` for ``rr.connect_grpc`` / ``rerun --connect``."""
        host = "127.0.0.1" if self.bind in ("0.0.0.0", "", "::") else self.bind
        return f"rerun+http://{host}:{self.port}/proxy"

    def add_recording(self, rec) -> None:
        """Route incoming data with ``rec``'s ids into ``rec`` instead of a new recording."""
        register_recording(rec)

    def publish(self, raw_request: bytes, group: str) -> None:
        """Add one serialized WriteMessagesRequest of this process's own data to the history for readers."""
        self.history.add(raw_request, group)

    # --- WriteMessages ---------------------------------------------------------------------------------

    def _write_messages(self, request_iterator, context) -> bytes:
        peer = context.peer()
        with self._lock:
            self.connections_served += 1
        stores: set = set()
        count = 0
        try:
            for raw in request_iterator:
                count += 1
                self._handle(raw, stores)
        except StreamError as err:
            reason = f"gRPC stream from {peer} closed after {count} messages: {err}"
            self._closed_with(reason)
            code = grpc.StatusCode.RESOURCE_EXHAUSTED if "limit" in str(err) else grpc.StatusCode.INVALID_ARGUMENT
            context.abort(code, str(err))
        except grpc.RpcError:
            _LOG.info("rerun_nb: producer %s went away after %d messages; they are kept", peer, count)
        return b""  # an empty WriteMessagesResponse, sent only once the client half-closes

    def _closed_with(self, reason: str) -> None:
        _LOG.warning("rerun_nb: %s", reason)
        with self._lock:
            self.connection_errors.append(reason)
            del self.connection_errors[:-100]

    def _handle(self, raw: bytes, stores: set) -> None:
        which, msg = parse_request(raw)
        if which == "set_store_info":
            if not msg.info.HasField("store_id") or not msg.info.store_id.application_id.id:
                raise StreamError("SetStoreInfo without a store id (or with an empty application id)")
            self._announce(store_id_key(msg.info.store_id), stores)
            self.history.add(raw, PERSISTENT)
        elif which == "arrow_msg":
            self._arrow(raw, msg, stores)
        else:
            if not msg.HasField("blueprint_id"):
                raise StreamError("BlueprintActivationCommand without a blueprint id")
            self.history.add(raw, PERSISTENT)
            self._activate_blueprint(msg)

    def _activate_blueprint(self, cmd) -> None:
        """Show the blueprint the producer sent (its chunks so far) in the viewers of its application."""
        key = store_id_key(cmd.blueprint_id)
        with self._lock:
            chunks = list(self._blueprint_chunks.get(key, ()))
        if not chunks or not (cmd.make_active or cmd.make_default):
            return
        try:
            blueprint = blueprint_from_chunks(chunks)
        except Exception as err:  # noqa: BLE001 - a blueprint we cannot read must not end the stream
            _LOG.warning("rerun_nb: the blueprint sent for %s was not understood (%s: %s); views are laid out "
                         "from the data", key[1], type(err).__name__, err)
            return
        if blueprint is not None:
            set_application_blueprint(key[1], blueprint, make_active=cmd.make_active,
                                      make_default=cmd.make_default)

    def _announce(self, key: tuple, stores: set) -> None:
        if key in stores:
            return
        if len(stores) >= self.max_stores_per_connection:
            raise StreamError(f"more than {self.max_stores_per_connection} stores announced on one stream "
                              f"(limit max_stores_per_connection)")
        stores.add(key)
        if key[0] != STORE_KIND_BLUEPRINT:
            self._recording(key)

    def _recording(self, key: tuple):
        rec = recording_for(key[1], key[2], memory_limit=self.memory_limit)
        with self._lock:
            if rec not in self._incoming:
                self._incoming.append(rec)
                if self._budget is not None:  # one limit for all incoming recordings, oldest data dropped first
                    self._budget.add(rec.store)
        return rec

    def _arrow(self, raw: bytes, arrow, stores: set) -> None:
        batch = decode_arrow_msg(arrow, max_decoded_bytes=self.max_decoded_bytes)
        sid = arrow.store_id
        key = (sid.kind, sid.application_id, sid.recording_id)
        self._announce(key, stores)  # a chunk without SetStoreInfo first is still stored (as Rerun does)
        chunk_id = arrow.chunk_id
        if not first_sight(key, chunk_id):
            return  # a client re-sent it after a reconnect: already stored
        if key[0] == STORE_KIND_BLUEPRINT:
            self.history.add(raw, PERSISTENT)
            with self._lock:
                chunks = self._blueprint_chunks.setdefault(key, [])
                if len(chunks) < _MAX_BLUEPRINT_CHUNKS:  # a flood guard: real blueprints are tens of chunks
                    chunks.append(batch)
            return
        is_static = arrow.is_static if arrow.is_static is not None else not any(
            (f.metadata or {}).get(b"rerun:kind") == b"index" for f in batch.schema)
        rec = self._recording(key)
        try:
            rec.store.insert_record_batch(batch)
        except Exception as err:  # noqa: BLE001 - one chunk the store refuses must not end the producer's stream
            entity = (batch.schema.metadata or {}).get(b"rerun:entity_path", b"?").decode("utf-8", "replace")
            _LOG.warning("rerun_nb: a chunk of %r for %s/%s was not stored: %s: %s", entity, key[1], key[2],
                         type(err).__name__, err)
            return
        self.history.add(raw, STATIC if is_static else TEMPORAL)
        if self.on_chunk is not None:
            try:
                self.on_chunk(key, batch)
            except Exception as err:  # noqa: BLE001 - e.g. --save's disk is full: keep receiving, say why
                _LOG.error("rerun_nb: could not record a chunk of %s/%s: %s: %s", key[1], key[2],
                           type(err).__name__, err)

    # --- ReadMessages, tables ----------------------------------------------------------------------------

    def _read_messages(self, request: bytes, context):
        context.send_initial_metadata(())  # headers now: grpcio would otherwise wait for the first message
        try:
            yield from self.history.read(context.is_active)
        except ReaderTooSlow as err:
            self._closed_with(f"reader {context.peer()} cut off: {err}")
            context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, str(err))

    def _write_table(self, request: bytes, context) -> bytes:
        from .._proto import sdk_comms_pb2

        try:
            table = sdk_comms_pb2.WriteTableRequest.FromString(request)
        except Exception as err:  # noqa: BLE001 - untrusted bytes (protobuf raises DecodeError and others)
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, f"WriteTableRequest is not valid protobuf ({err})")
        with self._lock:
            self._tables[table.id.id] = request  # same layout as ReadTablesResponse
        return b""

    def _read_tables(self, request: bytes, context):
        with self._lock:
            tables = list(self._tables.values())
        yield from tables

    def tables(self) -> dict:
        """Tables sent with WriteTable (``ViewerClient.send_table``): name -> pyarrow.RecordBatch."""
        from .._proto import sdk_comms_pb2
        from ..rrd._reader import decompress, read_ipc_batch

        out = {}
        with self._lock:
            items = list(self._tables.items())
        for name, raw in items:
            part = sdk_comms_pb2.WriteTableRequest.FromString(raw).data
            out[name] = read_ipc_batch(decompress(part.payload, part.compression, part.uncompressed_size, 0,
                                                  "table"), 0, f"table {name!r}")
        return out

    def stop(self, grace_sec: float | None = 1.0) -> None:
        """Stop listening; live readers are ended, calls in progress get ``grace_sec`` to finish."""
        if self._stopped:
            return
        self._stopped = True
        _LIVE_SERVERS.discard(self)
        self.history.close()
        self._server.stop(grace_sec).wait()
        for _ in range(self.max_workers):
            self._executor._tasks.put((None, None, None, None))  # let the idle workers end

    def wait(self, timeout_sec: float | None = None) -> bool:
        """Block until the server stops (True) or the timeout passes (False)."""
        return self._server.wait_for_termination(timeout_sec)

    def __repr__(self) -> str:
        return f"GrpcServer({self.url!r}, {'stopped' if self._stopped else 'serving'})"


@atexit.register
def _stop_live_servers() -> None:
    """At exit: end the calls of producers still connected (their data so far is kept) and stop listening."""
    for server in list(_LIVE_SERVERS):
        try:
            server.stop(grace_sec=0.5)
        except Exception as err:  # noqa: BLE001 - interpreter exit: report, never raise
            _LOG.error("rerun_nb: could not stop %r at exit: %s", server, err)


def _host_for_grpc(bind: str) -> str:
    return f"[{bind}]" if ":" in bind and not bind.startswith("[") else bind


def _port_free(bind: str, port: int) -> bool:
    family = socket.AF_INET6 if ":" in bind else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as grpcio binds: TIME_WAIT is no obstacle
        try:
            sock.bind((bind, port))
        except OSError:
            return False
    return True
