"""Recording-level API of rerun-sdk 0.41 beyond logging: properties, sinks on a stream, batcher config,
thread-local stream decorators, shutdown hooks, `version()`.

`RecordingStreamApi` is mixed into `RecordingStream`; the module-level functions act on the current
recording like Rerun's.
"""

from __future__ import annotations

import atexit
import datetime
import functools
import inspect
import os
from collections.abc import Callable
from typing import Any, TypeVar, cast

import numpy as np

from .chunk._from_batch import AUTO_INDEX
from .error_utils import report_error

_TFunc = TypeVar("_TFunc", bound=Callable[..., Any])

RECORDING_PROPERTIES_PATH = "/__properties"
EXTERNAL_IMPORTER_INCOMPATIBLE_EXIT_CODE = 66
RERUN_KIND = b"rerun:kind"
RERUN_KIND_CONTROL = b"control"
RERUN_KIND_INDEX = b"index"
SORBET_ARCHETYPE_NAME = b"rerun:archetype"
SORBET_COMPONENT = b"rerun:component"
SORBET_COMPONENT_TYPE = b"rerun:component_type"
SORBET_ENTITY_PATH = b"rerun:entity_path"
SORBET_INDEX_NAME = b"rerun:index_name"
SORBET_IS_TABLE_INDEX = b"rerun:is_table_index"


class RecordingStreamApi:
    """Methods of rerun-sdk 0.41's `RecordingStream` built on the stream's public ones."""

    def set_sinks(self, *sinks: Any, default_blueprint: Any = None) -> None:
        """Stream to all of `sinks` at once (`rr.FileSink`, `rr.GrpcSink`, ...), replacing the current sink."""
        from ._sinks import install_sinks

        install_sinks(self, sinks, default_blueprint)

    def memory_recording(self) -> Any:
        from ._sinks import memory_recording

        return memory_recording(recording=self)

    def binary_stream(self) -> Any:
        from ._sinks import binary_stream

        return binary_stream(recording=self)

    def stdout(self, default_blueprint: Any = None, *, write_footer: bool = True) -> None:
        from ._sinks import stdout

        stdout(default_blueprint, recording=self, write_footer=write_footer)

    def log_file_from_path(self, file_path: Any, *, entity_path_prefix: str | None = None,
                           static: bool = False) -> None:
        """Log a file with Rerun's built-in loader for its extension (`rerun_nb.dataloaders`)."""
        from .dataloaders import log_file_from_path

        log_file_from_path(file_path, entity_path_prefix=entity_path_prefix, static=static, recording=self)

    def log_file_from_contents(self, file_path: Any, file_contents: bytes, *, entity_path_prefix: str | None = None,
                               static: bool = False) -> None:
        """Log a file's contents as if read from `file_path` (its extension picks the loader)."""
        from .dataloaders import log_file_from_contents

        log_file_from_contents(file_path, file_contents, entity_path_prefix=entity_path_prefix, static=static,
                               recording=self)

    def send_chunks(self, chunks: Any) -> None:
        """Log chunks as they are (see `rr.send_chunks`)."""
        from .chunk._stores import send_chunks

        send_chunks(chunks, recording=self)

    def send_dataframe(self, df: Any, *, index: Any = AUTO_INDEX, entity_path: str | None = None) -> None:
        """Log an Arrow-backed dataframe as chunks (see `rr.send_dataframe`)."""
        from .chunk._stores import send_dataframe

        send_dataframe(df, self, index=index, entity_path=entity_path)

    def send_record_batch(self, batch: Any, *, index: Any = AUTO_INDEX, entity_path: str | None = None) -> None:
        """Log an Arrow record batch as chunks (see `rr.send_record_batch`)."""
        from .chunk._stores import send_record_batch

        send_record_batch(batch, self, index=index, entity_path=entity_path)

    def send_property(self, name: str, values: Any) -> None:
        """Log `values` (an archetype or component batches) as the recording property `name` (static)."""
        from .store import new_entity_path

        if not isinstance(name, str) or not name:
            report_error(f"rr.send_property: the property name must be a non-empty string, got {name!r}")
            return
        self.log(f"{RECORDING_PROPERTIES_PATH}{new_entity_path([name])}", values, static=True)

    def send_recording_start_time_nanos(self, nanos: int) -> None:
        """Set the recording's start time (ns since the Unix epoch), a `RecordingInfo` property."""
        from .archetypes import RecordingInfo

        if isinstance(nanos, bool) or not isinstance(nanos, int | np.integer):
            report_error(f"rr.send_recording_start_time_nanos: expected an int (ns), got {type(nanos).__name__}")
            return
        self.log(RECORDING_PROPERTIES_PATH, RecordingInfo(start_time=int(nanos)), static=True)


def send_property(name: str, values: Any, recording: Any = None) -> None:
    """Log a recording property (static, under `/__properties/<name>`)."""
    rec = _rec(recording)
    if rec is not None:
        rec.send_property(name, values)


def send_recording_start_time_nanos(nanos: int, recording: Any = None) -> None:
    """Set the recording's start time in nanoseconds since the Unix epoch."""
    rec = _rec(recording)
    if rec is not None:
        rec.send_recording_start_time_nanos(nanos)


def _rec(recording: Any) -> Any:
    from .recording_stream import get_data_recording

    return get_data_recording(recording)


_NEVER = 2**64 - 1


class ChunkBatcherConfig:
    """The row batcher's flush thresholds: age (`flush_tick`), bytes and rows (Rerun's `ChunkBatcherConfig`).

    A pending chunk is built when any threshold is reached. `RecordingStream(batcher_config=...)` takes one;
    the env vars `RERUN_FLUSH_TICK_SECS`, `RERUN_FLUSH_NUM_BYTES` and `RERUN_FLUSH_NUM_ROWS` override the default.
    """

    def __init__(self, flush_tick: Any = None, flush_num_bytes: Any = None, flush_num_rows: Any = None,
                 chunk_max_rows_if_unsorted: Any = None) -> None:
        default = _defaults()
        self.flush_tick = _as_timedelta(default[0] if flush_tick is None else flush_tick)
        self.flush_num_bytes = int(default[1] if flush_num_bytes is None else flush_num_bytes)
        self.flush_num_rows = int(default[2] if flush_num_rows is None else flush_num_rows)
        self.chunk_max_rows_if_unsorted = int(8192 if chunk_max_rows_if_unsorted is None
                                              else chunk_max_rows_if_unsorted)
        if self.flush_num_bytes < 0 or self.flush_num_rows < 0 or self.flush_tick.total_seconds() < 0:
            raise ValueError("ChunkBatcherConfig thresholds must not be negative")

    @staticmethod
    def DEFAULT() -> ChunkBatcherConfig:
        """200 ms, 2 MiB, no row limit (Rerun's defaults)."""
        return ChunkBatcherConfig(0.2, 2 * 1024 * 1024, _NEVER)

    @staticmethod
    def LOW_LATENCY() -> ChunkBatcherConfig:
        """8 ms, 2 MiB: chunks reach the sinks quickly."""
        return ChunkBatcherConfig(0.008, 2 * 1024 * 1024, _NEVER)

    @staticmethod
    def ALWAYS_TEST_ONLY() -> ChunkBatcherConfig:
        """Every row becomes its own chunk."""
        return ChunkBatcherConfig(0.0, 0, 0)

    @staticmethod
    def NEVER() -> ChunkBatcherConfig:
        """Never flush on thresholds (only on explicit flushes and queries)."""
        return ChunkBatcherConfig(datetime.timedelta(days=10**6), _NEVER, _NEVER, 256)

    def __repr__(self) -> str:
        return (f"ChunkBatcherConfig(flush_tick={self.flush_tick}, flush_num_bytes={self.flush_num_bytes}, "
                f"flush_num_rows={self.flush_num_rows}, chunk_max_rows_if_unsorted={self.chunk_max_rows_if_unsorted})")


def _as_timedelta(value: Any) -> datetime.timedelta:
    if isinstance(value, datetime.timedelta):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"flush_tick must be seconds (a number) or a timedelta, got {type(value).__name__}")
    return datetime.timedelta(seconds=float(value))


def _defaults() -> tuple[float, int, int]:
    env = os.environ
    return (float(env.get("RERUN_FLUSH_TICK_SECS", 0.2)), int(env.get("RERUN_FLUSH_NUM_BYTES", 2 * 1024 * 1024)),
            int(env.get("RERUN_FLUSH_NUM_ROWS", _NEVER)))


def apply_batcher_config(rec: Any, config: ChunkBatcherConfig | None) -> None:
    """Hand the thresholds to the recording's row batcher (through its `set_thresholds` method)."""
    if config is None:
        return
    setter = getattr(rec.store.batcher, "set_thresholds", None)
    if setter is None:
        report_error("RecordingStream(batcher_config=...): this store's batcher has fixed thresholds; "
                     "the config is kept but not applied", key="batcher_config")
        return
    setter(max_rows=config.flush_num_rows, max_bytes=config.flush_num_bytes,
           max_age_s=config.flush_tick.total_seconds())
    rec.batcher_configured = True  # the user's thresholds: sinks leave them alone


def thread_local_stream(application_id: str) -> Callable[[_TFunc], _TFunc]:
    """Decorator: each call of the function logs into its own new recording, thread-local while it runs."""

    def decorator(func: _TFunc) -> _TFunc:
        from .recording_stream import RecordingStream

        if inspect.isgeneratorfunction(func):
            @functools.wraps(func)
            def generator_wrapper(*args: Any, **kwargs: Any) -> Any:
                rec = RecordingStream(application_id)
                yield from _run_generator_in(rec, func(*args, **kwargs))

            return generator_wrapper  # type: ignore[return-value]

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            with RecordingStream(application_id):
                return func(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorator


def _run_generator_in(rec: Any, gen: Any) -> Any:
    """Run a generator with `rec` as the thread's recording only while it runs (not while suspended)."""
    from .recording_stream import set_thread_local_data_recording

    value = None
    while True:
        previous = set_thread_local_data_recording(rec)
        try:
            item = gen.send(value)
        except StopIteration as stop:
            return stop.value
        finally:
            set_thread_local_data_recording(previous)
        value = yield item


def recording_stream_generator_ctx(func: _TFunc) -> _TFunc:
    """Decorator for generators that use `with rec:` inside: the recording is current only while they run."""
    if not inspect.isgeneratorfunction(func):
        raise ValueError("recording_stream_generator_ctx decorates generator functions only")

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from .recording_stream import get_thread_local_data_recording, set_thread_local_data_recording

        gen = func(*args, **kwargs)
        inner = None  # the recording the generator made current, restored each time it resumes
        value = None
        while True:
            outer = get_thread_local_data_recording()
            if inner is not None:
                set_thread_local_data_recording(inner)
            try:
                item = gen.send(value)
            except StopIteration as stop:
                set_thread_local_data_recording(outer)
                return stop.value
            inner = get_thread_local_data_recording()
            set_thread_local_data_recording(outer)
            value = yield item

    return wrapper  # type: ignore[return-value]


def shutdown_at_exit(func: _TFunc) -> _TFunc:
    """Decorator: shut rerun_nb down cleanly (`rerun_shutdown`) when `func` returns or raises.

    For entry points of processes that skip Python's atexit handlers (forked children), as in Rerun.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        finally:
            rerun_shutdown()

    return cast("_TFunc", wrapper)


def rerun_shutdown() -> None:
    """Flush every recording and finish its sinks (files get their End message and footer), as Rerun's."""
    from ._sinks import close_stream_sinks
    from .recording_stream import get_global_data_recording
    from .rrd._sink import close_open_sinks

    rec = get_global_data_recording()
    if rec is not None:
        rec.flush()
    close_open_sinks()
    close_stream_sinks()


def unregister_shutdown() -> None:
    """Do not run `rerun_shutdown` at exit (for processes that exit without Python's atexit)."""
    atexit.unregister(rerun_shutdown)


atexit.register(rerun_shutdown)

_parent_pid = os.getpid()


def cleanup_if_forked_child() -> None:
    """In a forked child, forget the parent's recordings (their sinks belong to the parent)."""
    global _parent_pid
    if os.getpid() == _parent_pid:
        return
    _parent_pid = os.getpid()
    from .recording_stream import set_global_data_recording, set_thread_local_data_recording

    set_global_data_recording(None)
    set_thread_local_data_recording(None)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=cleanup_if_forked_child)


def version() -> str:
    """A version string like Rerun's `rr.version()`: package, version, Python and platform."""
    import platform
    import sys

    from ._version import __version__

    return (f"rerun_nb {__version__} (rerun-sdk 0.41 API) [python {sys.version.split()[0]}] "
            f"{platform.system().lower()} {platform.machine()}")


def asarray(item: Any, dtype: Any = None, copy: bool | None = None) -> np.ndarray:
    """`np.asarray` that also takes `copy=` on every numpy (Rerun's compatibility helper)."""
    if copy:
        return np.array(item, dtype=dtype, copy=True)
    return np.asarray(item, dtype=dtype)


