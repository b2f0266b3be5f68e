"""RecordingStream: one recording (application id + recording id) and the store it writes into.

Holds the per-thread time cursor, turns `log` calls into rows for the store's batcher, and manages
the global / thread-local current recording like rerun-sdk 0.41.
"""

from __future__ import annotations

import os
import threading
import time
import uuid
import weakref
from collections.abc import Iterable
from typing import Any

from ._baseclasses import ComponentColumn, ComponentDescriptor, DescribedComponentBatch
from ._recording_api import RecordingStreamApi, apply_batcher_config
from .error_utils import report_error, set_strict_mode
from .store import ChunkStore
from .store._ids import TUIDS, normalize_entity_path
from .time import time_to_int64

__all__ = [
    "RecordingStream",
    "get_data_recording",
    "get_global_data_recording",
    "get_thread_local_data_recording",
    "parse_memory_limit",
    "set_global_data_recording",
    "set_thread_local_data_recording",
]

_PROPERTIES_PATH = "/__properties"


class _TimeCursor:
    """This thread's time on each timeline, with the tuple form `log` needs cached.

    Setting a timeline that is already set (the common loop: `set_time` then `log`) only swaps one
    value in the cached tuple instead of rebuilding it.
    """

    __slots__ = ("cached", "positions", "times")

    def __init__(self) -> None:
        self.times: dict[str, tuple[str, int]] = {}
        self.cached: tuple[tuple[str, ...], tuple[str, ...], tuple[int, ...]] | None = None
        self.positions: dict[str, int] = {}

    def set(self, timeline: str, kind: str, value: int) -> None:
        previous = self.times.get(timeline)
        self.times[timeline] = (kind, value)
        cached = self.cached
        if cached is not None and previous is not None:
            pos = self.positions[timeline]
            values = cached[2]
            self.cached = (cached[0], cached[1], values[:pos] + (value,) + values[pos + 1:])
        else:
            self.cached = None

    def as_tuples(self) -> tuple[tuple[str, ...], tuple[str, ...], tuple[int, ...]]:
        if self.cached is None:
            names = tuple(sorted(self.times))
            self.positions = {name: i for i, name in enumerate(names)}
            self.cached = (names, tuple(self.times[n][0] for n in names), tuple(self.times[n][1] for n in names))
        return self.cached


class RecordingStream(RecordingStreamApi):
    """A recording: log into it with `rec.log(...)`, or make it the global one with `rr.init`.

    `rec.store` is the `ChunkStore` with everything logged so far (query it with `latest_at`,
    `range` and `reader`).
    """

    def __init__(self, application_id: str, *, recording_id: str | uuid.UUID | None = None,
                 make_default: bool = False, make_thread_default: bool = False, default_enabled: bool = True,
                 send_properties: bool = True, batcher_config: Any = None, memory_limit: int | str | None = None):
        if not isinstance(application_id, str) or not application_id:
            raise ValueError("application_id must be a non-empty string")
        self.application_id = application_id
        self.recording_id = str(recording_id) if recording_id is not None else str(uuid.uuid4())
        self.store = ChunkStore(memory_limit=parse_memory_limit(memory_limit))
        apply_batcher_config(self, batcher_config)
        self._tls = threading.local()
        self._timeline_kinds: dict[str, str] = {}
        self._log_time = os.environ.get("RERUN_LOG_TIME", "1").lower() not in ("0", "false", "off", "no")
        self._log_tick = os.environ.get("RERUN_LOG_TICK", "0").lower() in ("1", "true", "on", "yes")
        self._tick = 0
        self._enabled = default_enabled
        self._sink: Any = None
        self._blueprint: Any = None
        if send_properties:
            self._send_start_time()
        if make_default:
            set_global_data_recording(self)
        if make_thread_default:
            set_thread_local_data_recording(self)

    # --- identity ------------------------------------------------------------------------

    def get_application_id(self) -> str:
        return self.application_id

    def get_recording_id(self) -> str:
        return self.recording_id

    def is_enabled(self) -> bool:
        return self._enabled

    def __repr__(self) -> str:
        return f"RecordingStream({self.application_id!r}, recording_id={self.recording_id!r})"

    def __enter__(self) -> RecordingStream:  # noqa: PYI034
        self._previous_thread_rec = set_thread_local_data_recording(self)
        return self

    def __exit__(self, *exc: object) -> None:
        self.flush()
        set_thread_local_data_recording(getattr(self, "_previous_thread_rec", None))

    # --- time ----------------------------------------------------------------------------

    def _cursor(self) -> _TimeCursor:
        cursor = getattr(self._tls, "cursor", None)
        if cursor is None:
            cursor = self._tls.cursor = _TimeCursor()
        return cursor

    def set_time(self, timeline: str, *, sequence: Any = None, duration: Any = None, timestamp: Any = None) -> None:
        """Set this thread's time on `timeline` for the following log calls (Rerun 0.41 semantics).

        The value is checked here (type, 64-bit range, the timeline's kind), so a bad time is dropped at
        this call (warned once; strict mode raises) and never reaches the batcher.
        """
        try:
            if not isinstance(timeline, str) or not timeline:
                raise TypeError(f"timeline name must be a non-empty string, got {timeline!r}")
            if (type(sequence) is int and duration is None and timestamp is None
                    and -(2**63) <= sequence < 2**63):
                kind, value = "sequence", sequence  # the hot loop's case, without the general conversion
            else:
                kind, value = time_to_int64(sequence=sequence, duration=duration, timestamp=timestamp)
            self._check_timeline_kind(timeline, kind)
        except (TypeError, ValueError, OverflowError) as exc:
            report_error(f"rr.set_time({timeline!r}): {exc}; the time was not changed",
                         key=f"set_time:{timeline}:{type(exc).__name__}:{exc}")
            return
        self._cursor().set(timeline, kind, value)

    def _check_timeline_kind(self, timeline: str, kind: str, *, register: bool = True) -> None:
        """A timeline keeps one kind: the first one set, sent, or found in data loaded into the store.
        `register=False` only checks (for a call that may still be dropped)."""
        known = self._timeline_kinds.get(timeline) or self.store.timeline_kind(timeline)
        if known is None:
            if register:
                self._timeline_kinds[timeline] = kind
        elif known != kind:
            raise ValueError(f"timeline {timeline!r} is a {known} timeline; it can't be set with `{kind}=`")
        elif register:
            self._timeline_kinds.setdefault(timeline, known)

    def disable_timeline(self, timeline: str) -> None:
        cursor = self._cursor()
        if cursor.times.pop(timeline, None) is not None:
            cursor.cached = None

    def reset_time(self) -> None:
        cursor = self._cursor()
        cursor.times.clear()
        cursor.cached = None

    def set_log_time_enabled(self, enabled: bool) -> None:
        """Whether rows get the automatic `log_time` timestamp timeline (on by default)."""
        self._log_time = bool(enabled)

    def set_log_tick_enabled(self, enabled: bool) -> None:
        """Whether rows get the automatic `log_tick` sequence timeline (off by default, as in Rerun 0.41)."""
        self._log_tick = bool(enabled)

    # --- logging -------------------------------------------------------------------------

    def log(self, entity_path: str | list[str], entity: Any, *extra: Any, static: bool = False,
            strict: bool | None = None) -> None:
        """Log an archetype (and/or extra component batches) to `entity_path` at the current time."""
        if not self._enabled:
            return
        try:
            path = normalize_entity_path(entity_path)
        except (TypeError, ValueError) as exc:
            report_error(f"rr.log: bad entity path {entity_path!r}: {exc}; the call was dropped", strict=strict)
            return
        batches = _collect_batches(path, entity, extra, strict)
        if not batches:
            return
        try:
            static = bool(static)
        except (TypeError, ValueError) as exc:
            report_error(f"rr.log({path!r}): `static` must be a bool ({exc}); the call was dropped", strict=strict)
            return
        row_id = TUIDS.next()
        tick = self._tick
        self._tick += 1  # as Rerun: every log call (static too, enabled or not) advances log_tick
        if static:
            names, kinds, values = (), (), ()
        else:
            names, kinds, values = self._cursor().as_tuples()
            if self._log_tick:
                names, kinds, values = names + ("log_tick",), kinds + ("sequence",), values + (tick,)
            if self._log_time:
                names, kinds, values = names + ("log_time",), kinds + ("timestamp",), values + (row_id[0],)
        try:
            self.store.batcher.append(path, names, kinds, values, row_id, batches,
                                      check_all_types=type(batches) is _ForeignBatches)
        except ValueError as exc:
            report_error(f"rr.log({path!r}): {exc}; the call was dropped", strict=strict)

    def send_columns(self, entity_path: str | list[str], indexes: Iterable[Any], columns: Iterable[Any],
                     strict: bool | None = None) -> None:
        """Log many rows at once: one time column per timeline in `indexes`, component columns in `columns`."""
        if not self._enabled:
            return
        from ._send_columns import build_columns_chunk

        try:
            path = normalize_entity_path(entity_path)
            chunk = build_columns_chunk(path, indexes, columns,
                                        lambda name, kind: self._check_timeline_kind(name, kind, register=False))
            if chunk is not None:
                self.store.batcher.check_chunk(chunk)
        except Exception as exc:  # noqa: BLE001 - bad input of any kind must not break the user's loop
            report_error(f"rr.send_columns({entity_path!r}): {_describe(exc)}; the call was dropped", strict=strict)
            return
        if chunk is not None:
            for name, (kind, _times) in chunk.timelines.items():
                self._check_timeline_kind(name, kind)
            self.store.batcher.append_chunk(chunk)

    def _send_start_time(self) -> None:
        import numpy as np

        desc = ComponentDescriptor("RecordingInfo:start_time", archetype="rerun.archetypes.RecordingInfo",
                                   component_type="rerun.components.Timestamp")
        self.store.batcher.append(_PROPERTIES_PATH, (), (), (), TUIDS.next(),
                                  [(desc, np.array([time.time_ns()], np.int64))])

    def send_recording_name(self, name: str) -> None:
        desc = ComponentDescriptor("RecordingInfo:name", archetype="rerun.archetypes.RecordingInfo",
                                   component_type="rerun.components.Name")
        import pyarrow as pa

        self.store.batcher.append(_PROPERTIES_PATH, (), (), (), TUIDS.next(), [(desc, pa.array([str(name)]))])

    def flush(self, *, timeout_sec: float = 1e38) -> None:
        """Build chunks from everything batched so far (and hand them to the sink, if any)."""
        self.store.flush()
        if self._sink is not None and hasattr(self._sink, "flush"):
            self._sink.flush()

    # --- sinks and viewers ---------------------------------------------------------------

    def _set_sink(self, sink: Any) -> None:
        """Route all chunks (those so far, then new ones) to `sink` until `disconnect` or another sink.

        The sink is finished (an .rrd file gets its end marker and footer) by `disconnect`, by another sink,
        at interpreter exit, on SIGTERM, and when this recording is garbage-collected without any of these.
        """
        self.disconnect()
        snapshot, unsubscribe = self.store.subscribe_from_start(
            lambda events: sink.write_chunks([e.chunk for e in events if e.kind == "add"]))
        sink.write_chunks([chunk.to_record_batch() for chunk in snapshot])
        self._sink = sink
        # Holds the store and the sink, not this recording: it runs when the recording is collected.
        self._sink_finalizer = weakref.finalize(self, _finish_sink, self.store, sink, unsubscribe)

    def disconnect(self) -> None:
        """Close the current sink (an .rrd file is finished with its footer). Never raises: a sink that fails
        to finish (a full disk) is reported with a warning, as rerun-sdk logs the error and goes on."""
        sink, self._sink = self._sink, None
        if sink is not None:
            self._sink_finalizer()

    def save(self, path: str | os.PathLike, default_blueprint: Any = None) -> None:
        """Write everything logged so far to an .rrd file, and keep streaming new data to it."""
        try:
            from .rrd import FileSink
        except ImportError as exc:
            raise NotImplementedError("rr.save needs rerun_nb.rrd (RRD writing), which is not available") from exc
        self._set_sink(FileSink(path, self, default_blueprint=default_blueprint))

    def send_blueprint(self, blueprint: Any, *, make_active: bool = True, make_default: bool = True) -> None:
        try:
            from .rrd import send_blueprint
        except ImportError as exc:
            raise NotImplementedError("send_blueprint needs rerun_nb.rrd blueprint support, not available") from exc
        send_blueprint(self, blueprint, make_active=make_active, make_default=make_default)
        if hasattr(self._sink, "send_blueprint"):  # a gRPC sink sends it on its stream
            self._sink.send_blueprint(blueprint, self.application_id, make_active=make_active,
                                      make_default=make_default)

    def connect_grpc(self, url: str | None = None, *, flush_timeout_sec: float | None = 2.0,
                     default_blueprint: Any = None) -> None:
        """Stream this recording to a Rerun gRPC server (default ``rerun+http://127.0.0.1:9876/proxy``)."""
        if not self._enabled:
            report_error("rerun_nb is disabled for this recording: connect_grpc() call ignored", strict=False)
            return
        from .grpc import GrpcStreamSink

        self._set_sink(GrpcStreamSink(url, self, flush_timeout_sec=flush_timeout_sec,
                                      default_blueprint=default_blueprint))

    def serve_grpc(self, *, grpc_port: int | None = None, default_blueprint: Any = None,
                   server_memory_limit: str = "1GiB", newest_first: bool = False,
                   cors_allow_origin: list[str] | None = None) -> str:
        """Serve this recording, and accept other processes' recordings, over gRPC; returns the URL.

        Binds 127.0.0.1 (Rerun binds 0.0.0.0); ``cors_allow_origin`` is accepted and unused (no gRPC-Web)."""
        from .grpc import serve_grpc

        return serve_grpc(self, grpc_port=grpc_port, default_blueprint=default_blueprint,
                          server_memory_limit=server_memory_limit, newest_first=newest_first)

    def spawn(self, *, port: int = 9876, connect: bool = True, memory_limit: str = "75%",
              hide_welcome_screen: bool = False, detach_process: bool = True, default_blueprint: Any = None,
              **kwargs: Any) -> None:
        """In a notebook: show the inline viewer here. In a script: start `rerun-nb` (detached) and connect."""
        notebook = _notebook()
        if notebook.in_notebook():
            notebook.spawn(self)
            return
        from .grpc._spawn import spawn_viewer

        started = spawn_viewer(port=port, memory_limit=memory_limit, detach_process=detach_process)
        if connect and started is not None:  # None: spawning is off (RERUN_NB_SPAWN=0), it warned
            self.connect_grpc(f"rerun+http://127.0.0.1:{port}/proxy", default_blueprint=default_blueprint)

    def notebook_show(self, *, width: int | None = None, height: int | None = None, blueprint: Any = None) -> Any:
        """Show the inline viewer for this recording in the current notebook cell."""
        return _notebook().notebook_show(self, width=width, height=height, blueprint=blueprint)


def _finish_sink(store: ChunkStore, sink: Any, unsubscribe: Any) -> None:
    """Hand the sink the rows still being batched, then close it; errors become one warning."""
    try:
        store.flush()
    finally:
        unsubscribe()
        try:
            sink.close()
        except Exception as exc:  # noqa: BLE001 - finishing a sink must never break the user's program
            report_error(f"rerun_nb: could not finish {sink!r}: {type(exc).__name__}: {exc}", strict=False)


def _notebook() -> Any:
    try:
        from . import notebook
    except ImportError as exc:
        raise NotImplementedError(
            "the inline viewer (rerun_nb.notebook) is not available in this build: "
            f"{exc}. Use rr.save('file.rrd') meanwhile."
        ) from exc
    return notebook


def _describe(exc: BaseException) -> str:
    """An exception as a user-facing reason: our own messages as they are, others with their type."""
    if isinstance(exc, (TypeError, ValueError)):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def _collect_batches(path: str, entity: Any, extra: tuple, strict: bool | None) -> list | None:
    """All component batches of one log call, or None (after reporting) if any is malformed."""
    batches: list[tuple[ComponentDescriptor, Any]] = []
    foreign = False
    for item in (entity, *extra):
        if isinstance(item, type):  # rr.log("x", rr.Points3D): the class, not an instance
            report_error(f"rr.log({path!r}): got the class {item.__name__}, not an instance "
                         f"(did you mean {item.__name__}(...)?); the call was dropped", strict=strict)
            return None
        fast = getattr(item, "_rnb_batches", None)
        if fast is not None:
            error = getattr(item, "_error", None)
            if error is not None:
                report_error(f"rr.log({path!r}): {error}; the call was dropped", strict=strict)
                return None
            batches.extend(fast())
            continue
        try:
            batches.extend(_foreign_batches(item))
            foreign = True
        except Exception as exc:  # noqa: BLE001 - user objects may raise anything; the loop goes on
            report_error(f"rr.log({path!r}): {_describe(exc)}; the call was dropped", strict=strict)
            return None
    return _ForeignBatches(batches) if foreign else batches


class _ForeignBatches(list):
    """Batches of a log call that had some not built by our archetypes: their types are checked in full."""


def _foreign_batches(item: Any) -> list[tuple[ComponentDescriptor, Any]]:
    """Batches from anything with `as_component_batches()`, or an iterable of described batches."""
    getter = getattr(item, "as_component_batches", None)
    items = getter() if getter is not None else item
    if isinstance(items, (str, bytes, dict)) or not hasattr(items, "__iter__"):
        raise TypeError(f"expected an archetype or component batches, got {type(item).__name__}")
    out = []
    for batch in items:
        if isinstance(batch, DescribedComponentBatch):
            out.append((batch.descriptor, batch.data))
        elif isinstance(batch, ComponentColumn):
            raise TypeError("component columns go to rr.send_columns, not rr.log")
        elif hasattr(batch, "component_descriptor") and hasattr(batch, "as_arrow_array"):
            out.append((batch.component_descriptor(), batch.as_arrow_array()))
        else:
            raise TypeError(f"expected an archetype or component batches, got {type(batch).__name__}")
    return out


def parse_memory_limit(limit: int | str | None) -> int | None:
    """Bytes from an int, "500MB", "2GiB" or "50%" (of physical memory); None = no limit."""
    if limit is None or isinstance(limit, int):
        return limit
    text = str(limit).strip().upper().replace(" ", "")
    if text.endswith("%"):
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
        return int(total * float(text[:-1]) / 100)
    units = {"TIB": 2**40, "GIB": 2**30, "MIB": 2**20, "KIB": 2**10, "TB": 10**12, "GB": 10**9, "MB": 10**6,
             "KB": 10**3, "B": 1}
    for unit, factor in units.items():
        if text.endswith(unit):
            return int(float(text[: -len(unit)]) * factor)
    return int(float(text))


# --- the current recording ---------------------------------------------------------------

_global_recording: RecordingStream | None = None
_thread_local = threading.local()


def get_global_data_recording() -> RecordingStream | None:
    return _global_recording


def set_global_data_recording(recording: RecordingStream | None) -> RecordingStream | None:
    """Make `recording` the global default; returns the previous one."""
    global _global_recording
    previous, _global_recording = _global_recording, recording
    return previous


def get_thread_local_data_recording() -> RecordingStream | None:
    return getattr(_thread_local, "recording", None)


def set_thread_local_data_recording(recording: RecordingStream | None) -> RecordingStream | None:
    previous = getattr(_thread_local, "recording", None)
    _thread_local.recording = recording
    return previous


def get_data_recording(recording: RecordingStream | None = None) -> RecordingStream | None:
    """The explicit recording if given, else this thread's, else the global one."""
    if recording is not None:
        return recording
    local = getattr(_thread_local, "recording", None)
    return local if local is not None else _global_recording


def init_strict(strict: bool | None) -> None:
    if strict is not None:
        set_strict_mode(strict)

