"""Where a recording's data goes: `set_sinks` (several at once), `FileSink`, `memory_recording`,
`binary_stream`, `stdout` and the gRPC sink names, as in rerun-sdk 0.41.

A sink follows the protocol of `rerun_nb.rrd.FileSink`: `write_chunks(list[pa.RecordBatch])`, `flush()`,
`close()`. A recording holds one sink at a time (`RecordingStream._set_sink`), so `set_sinks` installs a
`FanOutSink` that hands every chunk to each sink in turn; one sink failing is reported once and never stops
the others or the user's logging loop. Public sink objects (`FileSink(path)`, `GrpcSink(url)`) are
descriptions of where to write: `_rnb_open(recording, default_blueprint)` makes the protocol object.
"""

from __future__ import annotations

import io
import os
import sys
import threading
import weakref
from typing import Any

from .error_utils import report_error
from .recording_stream import RecordingStream, get_data_recording

__all__ = [
    "BinaryStream",
    "FanOutSink",
    "FileSink",
    "GrpcServerSink",
    "GrpcSink",
    "MemoryRecording",
    "binary_stream",
    "memory_recording",
    "set_sinks",
    "stdout",
]


class FileSink:
    """Write the recording to an .rrd file (`rr.set_sinks(rr.FileSink("out.rrd"), ...)`)."""

    def __init__(self, path: str | os.PathLike, *, write_footer: bool = True) -> None:
        self.path = os.fspath(path)
        self.write_footer = write_footer

    def _rnb_open(self, rec: RecordingStream, default_blueprint: Any = None) -> Any:
        if not self.write_footer:
            # A footer-less stream (for files other tools append to): the RRD stream sink, not rrd.FileSink.
            return _RrdStreamSink(open(self.path, "wb"), rec, write_footer=False,
                                  default_blueprint=default_blueprint, close_target=True)
        from .rrd import FileSink as RrdFileSink

        return RrdFileSink(self.path, rec, default_blueprint=default_blueprint)

    def __repr__(self) -> str:
        return f"FileSink({self.path!r})"


class GrpcSink:
    """Stream the recording to a Rerun gRPC server (`rr.set_sinks(rr.GrpcSink(url), ...)`; the default URL is
    ``rerun+http://127.0.0.1:9876/proxy``). grpcio is imported when the sink is opened, not before."""

    def __init__(self, url: str | None = None) -> None:
        self.url = url

    def _rnb_open(self, rec: RecordingStream, default_blueprint: Any = None) -> Any:
        from .grpc import GrpcSink as GrpcClientSink

        return GrpcClientSink(self.url, rec, default_blueprint=default_blueprint)

    def __repr__(self) -> str:
        return f"GrpcSink({self.url!r})"


class GrpcServerSink:
    """Serve the recording over gRPC from this process (`rr.set_sinks(rr.GrpcServerSink(), ...)`), as
    `rr.serve_grpc` does. rerun_nb binds 127.0.0.1 when `bind_ip` is Rerun's default "0.0.0.0" only if the
    environment variable RERUN_NB_BIND_ALL is unset (see the README: loopback unless told otherwise)."""

    def __init__(self, bind_ip: str = "0.0.0.0", port: int = 9876, *, server_memory_limit: str = "1GiB",
                 newest_first: bool = False, cors_allow_origin: str | None = None) -> None:
        self.bind_ip, self.port = bind_ip, port
        self.server_memory_limit, self.newest_first = server_memory_limit, newest_first
        self.cors_allow_origin = cors_allow_origin

    def _rnb_open(self, rec: RecordingStream, default_blueprint: Any = None) -> Any:
        from .grpc import GrpcServer, ServerSink
        from .recording_stream import parse_memory_limit

        bind = self.bind_ip if (self.bind_ip != "0.0.0.0" or os.environ.get("RERUN_NB_BIND_ALL")) else "127.0.0.1"
        server = GrpcServer(self.port, bind=bind, server_memory_limit=parse_memory_limit(self.server_memory_limit),
                            newest_first=self.newest_first, memory_limit=rec.store.memory_limit)
        server.add_recording(rec)
        return ServerSink(server, rec, default_blueprint=default_blueprint)

    def __repr__(self) -> str:
        return f"GrpcServerSink({self.bind_ip!r}, {self.port})"


class FanOutSink:
    """Hands every chunk to several sinks; a failing sink is reported once and skipped for that call."""

    def __init__(self, sinks: list[Any]) -> None:
        self.sinks = list(sinks)
        self._warned: set[int] = set()

    def _each(self, method: str, *args: Any) -> None:
        for i, sink in enumerate(self.sinks):
            func = getattr(sink, method, None)
            if func is None:
                continue
            try:
                func(*args)
            except Exception as exc:  # noqa: BLE001 - one sink must not break the others
                if i not in self._warned:
                    self._warned.add(i)
                    report_error(f"rr.set_sinks: sink {sink!r} failed in {method}: {exc}", key=f"sink:{id(sink)}")

    def write_chunks(self, chunks: list) -> None:
        self._each("write_chunks", chunks)

    def write_blueprint(self, *args: Any, **kwargs: Any) -> None:
        for sink in self.sinks:
            if hasattr(sink, "write_blueprint"):
                sink.write_blueprint(*args, **kwargs)

    def flush(self) -> None:
        self._each("flush")

    def close(self) -> None:
        self._each("close")

    def __repr__(self) -> str:
        return f"FanOutSink({self.sinks!r})"


def _open(sink: Any, rec: RecordingStream, default_blueprint: Any) -> Any:
    opener = getattr(sink, "_rnb_open", None)
    if opener is not None:
        return opener(rec, default_blueprint)
    if callable(getattr(sink, "write_chunks", None)):
        return sink  # already a protocol object (a user sink, or a gRPC sink implementing write_chunks)
    raise TypeError(f"expected a sink (rr.FileSink, rr.GrpcSink, ...), got {type(sink).__name__}")


def set_sinks(*sinks: Any, default_blueprint: Any = None, recording: RecordingStream | None = None) -> None:
    """Stream the recording to all of `sinks` at once (replacing the current sink); data so far goes too."""
    rec = get_data_recording(recording)
    if rec is None:
        report_error("rr.set_sinks: no recording (call rr.init first)")
        return
    rec.set_sinks(*sinks, default_blueprint=default_blueprint)


def install_sinks(rec: RecordingStream, sinks: tuple, default_blueprint: Any) -> None:
    """`RecordingStream.set_sinks`: open each sink for `rec`, then route all chunks to them."""
    try:
        opened = [_open(sink, rec, default_blueprint) for sink in sinks]
    except (TypeError, ValueError, OSError) as exc:
        report_error(f"rr.set_sinks: {exc}; the sinks were not changed")
        return
    rec._set_sink(opened[0] if len(opened) == 1 else FanOutSink(opened))


_OPEN_STREAM_SINKS: weakref.WeakSet = weakref.WeakSet()


def close_stream_sinks() -> None:
    """At exit: finish every open RRD byte stream (End message and footer), like Rerun's shutdown."""
    for sink in list(_OPEN_STREAM_SINKS):
        try:
            sink.close()
        except (OSError, ValueError):  # stdout already closed by the shell: nothing left to finish
            continue


class _RrdStreamSink:
    """The RRD stream of one recording into a binary file object (memory, stdout, a pipe)."""

    def __init__(self, target: Any, rec: RecordingStream, *, write_footer: bool = True,
                 default_blueprint: Any = None, close_target: bool = False) -> None:
        from .rrd import RrdWriter
        from .rrd._sink import prepare_chunk, recording_store_id

        self._prepare = prepare_chunk
        self._writer = RrdWriter(target)
        self._store_id = recording_store_id(rec)
        self._write_footer = write_footer
        self._target = target if close_target else None
        self._lock = threading.Lock()
        if default_blueprint is not None:
            self.write_blueprint(default_blueprint, rec.application_id, make_active=False, make_default=True)
        self._writer.begin_store(self._store_id)
        _OPEN_STREAM_SINKS.add(self)

    def write_chunks(self, chunks: list) -> None:
        with self._lock:
            if self._writer.closed:
                return
            for chunk in chunks:
                self._writer.write_chunk(self._store_id, self._prepare(chunk))
            self._writer.flush()

    def write_blueprint(self, blueprint: Any, application_id: str, *, make_active: bool = False,
                        make_default: bool = True) -> None:
        from .rrd._messages import STORE_KIND_BLUEPRINT, StoreId

        blueprint = blueprint.to_blueprint() if hasattr(blueprint, "to_blueprint") else blueprint
        bp_id = StoreId(STORE_KIND_BLUEPRINT, application_id, str(blueprint.blueprint_id))
        with self._lock:
            self._writer.begin_store(bp_id)
            for chunk in blueprint.blueprint_chunks(application_id):
                self._writer.write_chunk(bp_id, self._prepare(chunk))
            self._writer.write_blueprint_activation(bp_id, make_active=make_active, make_default=make_default)

    def flush(self) -> None:
        self._writer.flush()

    def close(self) -> None:
        _OPEN_STREAM_SINKS.discard(self)
        with self._lock:
            if self._writer.closed:
                return
            if self._write_footer:
                self._writer.close()
            else:
                self._writer.flush()
                self._writer.closed = True
            if self._target is not None:
                self._target.close()


class _ByteQueue(io.RawIOBase):
    """A write-only byte buffer that hands out (and forgets) what was written so far."""

    def __init__(self) -> None:
        super().__init__()
        self._parts: list[bytes] = []
        self._lock = threading.Lock()

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        with self._lock:
            self._parts.append(bytes(data))
        return len(data)

    def take(self) -> bytes:
        with self._lock:
            out, self._parts = b"".join(self._parts), []
        return out


class BinaryStream:
    """The recording as a live RRD byte stream: `read()` returns the bytes encoded since the last read."""

    def __init__(self, storage: Any) -> None:
        self.storage = storage  # (recording, _ByteQueue)

    def read(self, *, flush: bool = True, flush_timeout_sec: float = float("inf")) -> bytes | None:
        """The next bytes of the stream (the first read starts with the RRD header); None when there are none."""
        if flush:
            self.flush(flush_timeout_sec)
        data = self.storage[1].take()
        return data or None

    def flush(self, timeout_sec: float = float("inf")) -> None:
        """Encode everything logged so far into the stream."""
        self.storage[0].flush()


def binary_stream(recording: RecordingStream | None = None) -> BinaryStream:
    """Stream the recording as RRD bytes that `BinaryStream.read()` hands out (replaces the current sink)."""
    rec = _require(recording, "rr.binary_stream")
    queue = _ByteQueue()
    rec._set_sink(_RrdStreamSink(queue, rec))
    return BinaryStream((rec, queue))


class _MemorySink:
    """Keeps chunks until `MemoryRecording.drain_as_bytes` encodes them."""

    def __init__(self, rec: RecordingStream) -> None:
        self.rec = rec
        self.pending: list = []
        self._lock = threading.Lock()

    def write_chunks(self, chunks: list) -> None:
        with self._lock:
            self.pending.extend(chunks)

    def take(self) -> list:
        with self._lock:
            out, self.pending = self.pending, []
        return out

    def flush(self) -> None:
        """Nothing to write out: the chunks stay in memory until drained."""

    def close(self) -> None:
        """Nothing to release: what was not drained yet stays drainable."""


class MemoryRecording:
    """The recording kept in memory; `drain_as_bytes()` returns it as a standalone .rrd byte stream."""

    def __init__(self, storage: Any) -> None:
        self.storage = storage  # a _MemorySink

    def num_msgs(self) -> int:
        """The number of pending messages (store info + chunks), after flushing the batcher."""
        self.storage.rec.flush()
        n = len(self.storage.pending)
        return n + 1 if n else 0

    def drain_as_bytes(self) -> bytes:
        """Everything logged since the last drain, as RRD bytes (`rr.load`/the Rerun viewer open them)."""
        from .rrd import write_rrd
        from .rrd._sink import prepare_chunk, recording_store_id

        rec = self.storage.rec
        rec.flush()
        chunks = [prepare_chunk(c) for c in self.storage.take()]
        out = io.BytesIO()
        write_rrd(out, [(recording_store_id(rec), chunks)])
        return out.getvalue()

    def _repr_html_(self) -> str:
        return f"<code>MemoryRecording({len(self.storage.pending)} chunks pending)</code>"


def memory_recording(recording: RecordingStream | None = None) -> MemoryRecording:
    """Keep the recording in memory (replaces the current sink); drain it with `drain_as_bytes()`."""
    rec = _require(recording, "rr.memory_recording")
    sink = _MemorySink(rec)
    rec._set_sink(sink)
    return MemoryRecording(sink)


def stdout(default_blueprint: Any = None, recording: RecordingStream | None = None, *,
           write_footer: bool = True) -> None:
    """Stream the recording as RRD to standard output (`python script.py | rerun -`)."""
    rec = _require(recording, "rr.stdout")
    target = getattr(sys.stdout, "buffer", None)
    if target is None or (hasattr(sys.stdout, "isatty") and sys.stdout.isatty()):
        report_error("rr.stdout: standard output is a terminal (or not binary); pipe it to a file or `rerun -`")
        return
    rec._set_sink(_RrdStreamSink(target, rec, write_footer=write_footer, default_blueprint=default_blueprint))


def _require(recording: RecordingStream | None, what: str) -> RecordingStream:
    rec = get_data_recording(recording)
    if rec is None:
        raise ValueError(f"{what}: no recording (call rr.init first, or pass recording=)")
    return rec
