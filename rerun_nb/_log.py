"""Module-level logging API (`rr.log`, `rr.set_time`, ...) acting on the current recording."""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterable
from typing import Any

import numpy as np

from .error_utils import report_error
from .recording_stream import (
    RecordingStream,
    get_data_recording,
    init_strict,
    set_global_data_recording,
)

__all__ = [
    "connect_grpc",
    "disable_timeline",
    "disconnect",
    "flush",
    "get_application_id",
    "get_recording_id",
    "init",
    "is_enabled",
    "log",
    "notebook_show",
    "reset_time",
    "save",
    "send_blueprint",
    "send_columns",
    "send_recording_name",
    "serve_grpc",
    "set_log_tick_enabled",
    "set_log_time_enabled",
    "set_time",
    "spawn",
]


def _recording(recording: RecordingStream | None, what: str) -> RecordingStream | None:
    rec = get_data_recording(recording)
    if rec is None:
        report_error(f"rr.{what}: no recording; call rr.init(...) first (the call was dropped)",
                     key=f"no-recording:{what}")
    return rec


def init(application_id: str, *, recording_id: str | uuid.UUID | None = None, spawn: bool = False,
         init_logging: bool = True, default_enabled: bool = True, strict: bool | None = None,
         default_blueprint: Any = None, send_properties: bool = True,
         memory_limit: int | str | None = None) -> None:
    """Start a new recording and make it the global default (`memory_limit`: ours, e.g. "2GB" or "25%")."""
    if application_id.startswith("rerun_example_"):
        # as Rerun does: its examples are deterministic (same random data as with rerun-sdk)
        random.seed(0)
        np.random.seed(0)
    init_strict(strict)
    rec = RecordingStream(application_id, recording_id=recording_id, default_enabled=default_enabled,
                          send_properties=send_properties, memory_limit=memory_limit)
    set_global_data_recording(rec)
    from . import notebook

    if notebook.in_notebook():
        notebook.prewarm()  # the viewer's one-time GPU setup, in the background: first frames come fast
    if default_blueprint is not None:
        rec.send_blueprint(default_blueprint)
    if spawn:
        rec.spawn()


def log(entity_path: str | list[str], entity: Any, *extra: Any, static: bool = False,
        recording: RecordingStream | None = None, strict: bool | None = None) -> None:
    """Log an archetype (or component batches) to `entity_path` at the current time of this thread."""
    rec = get_data_recording(recording)
    if rec is None:
        _recording(None, "log")
        return
    rec.log(entity_path, entity, *extra, static=static, strict=strict)


def set_time(timeline: str, *, recording: RecordingStream | None = None, sequence: Any = None,
             duration: Any = None, timestamp: Any = None) -> None:
    """Set this thread's time on `timeline`: `sequence=int`, `duration=` seconds/timedelta, `timestamp=`."""
    rec = _recording(recording, "set_time")
    if rec is not None:
        rec.set_time(timeline, sequence=sequence, duration=duration, timestamp=timestamp)


def reset_time(recording: RecordingStream | None = None) -> None:
    rec = _recording(recording, "reset_time")
    if rec is not None:
        rec.reset_time()


def disable_timeline(timeline: str, recording: RecordingStream | None = None) -> None:
    rec = _recording(recording, "disable_timeline")
    if rec is not None:
        rec.disable_timeline(timeline)


def set_log_time_enabled(enabled: bool, recording: RecordingStream | None = None) -> None:
    rec = _recording(recording, "set_log_time_enabled")
    if rec is not None:
        rec.set_log_time_enabled(enabled)


def set_log_tick_enabled(enabled: bool, recording: RecordingStream | None = None) -> None:
    rec = _recording(recording, "set_log_tick_enabled")
    if rec is not None:
        rec.set_log_tick_enabled(enabled)


def send_columns(entity_path: str | list[str], indexes: Iterable[Any], columns: Iterable[Any], *,
                 recording: RecordingStream | None = None, strict: bool | None = None) -> None:
    """Send many rows at once (ignores the time cursor): `indexes=[rr.TimeColumn(...)]`, `columns=X.columns(...)`."""
    rec = _recording(recording, "send_columns")
    if rec is not None:
        rec.send_columns(entity_path, indexes, columns, strict=strict)


def send_recording_name(name: str, recording: RecordingStream | None = None) -> None:
    rec = _recording(recording, "send_recording_name")
    if rec is not None:
        rec.send_recording_name(name)


def save(path: str, default_blueprint: Any = None, recording: RecordingStream | None = None, *,
         write_footer: bool = True) -> None:
    """Write everything logged so far to an .rrd file and keep streaming new data to it.

    `write_footer=False` leaves out the End message and footer manifest (for files other tools append to).
    """
    rec = _recording(recording, "save")
    if rec is None:
        return
    if write_footer:
        rec.save(path, default_blueprint=default_blueprint)
    else:
        from ._sinks import FileSink

        rec.set_sinks(FileSink(path, write_footer=False), default_blueprint=default_blueprint)


def send_blueprint(blueprint: Any, *, make_active: bool = True, make_default: bool = True,
                   recording: RecordingStream | None = None) -> None:
    rec = _recording(recording, "send_blueprint")
    if rec is not None:
        rec.send_blueprint(blueprint, make_active=make_active, make_default=make_default)


def disconnect(recording: RecordingStream | None = None) -> None:
    rec = get_data_recording(recording)
    if rec is not None:
        rec.disconnect()


def flush(*, timeout_sec: float = 1e38, recording: RecordingStream | None = None) -> None:
    rec = get_data_recording(recording)
    if rec is not None:
        rec.flush(timeout_sec=timeout_sec)


def connect_grpc(url: str | None = None, *, flush_timeout_sec: float | None = 2.0, default_blueprint: Any = None,
                 recording: RecordingStream | None = None) -> None:
    rec = _recording(recording, "connect_grpc")
    if rec is not None:
        rec.connect_grpc(url, flush_timeout_sec=flush_timeout_sec, default_blueprint=default_blueprint)


def serve_grpc(*, grpc_port: int | None = None, default_blueprint: Any = None,
               recording: RecordingStream | None = None, server_memory_limit: str = "1GiB",
               newest_first: bool = False, cors_allow_origin: list[str] | None = None) -> str:
    """Serve the recording, and accept other processes' recordings, over gRPC; returns the ``rerun+http`` URL."""
    rec = _recording(recording, "serve_grpc")
    if rec is None:
        return ""
    return rec.serve_grpc(grpc_port=grpc_port, default_blueprint=default_blueprint,
                          server_memory_limit=server_memory_limit, newest_first=newest_first,
                          cors_allow_origin=cors_allow_origin)


def spawn(*, port: int = 9876, connect: bool = True, memory_limit: str = "75%", server_memory_limit: str = "1GiB",
          hide_welcome_screen: bool = False, detach_process: bool = True, executable_name: str = "rerun",
          executable_path: str | None = None, default_blueprint: Any = None,
          recording: RecordingStream | None = None) -> None:
    """In a notebook: show the inline viewer of the current recording. In a script: warn that none exists yet."""
    rec = _recording(recording, "spawn")
    if rec is not None:
        rec.spawn(port=port, connect=connect, memory_limit=memory_limit)


def notebook_show(*, width: int | None = None, height: int | None = None, blueprint: Any = None,
                  recording: RecordingStream | None = None) -> Any:
    """Show the inline viewer of the current recording in this cell."""
    rec = _recording(recording, "notebook_show")
    if rec is not None:
        return rec.notebook_show(width=width, height=height, blueprint=blueprint)
    return None


def get_application_id(recording: RecordingStream | None = None) -> str | None:
    rec = get_data_recording(recording)
    return None if rec is None else rec.application_id


def get_recording_id(recording: RecordingStream | None = None) -> str | None:
    rec = get_data_recording(recording)
    return None if rec is None else rec.recording_id


def is_enabled(recording: RecordingStream | None = None) -> bool:
    rec = get_data_recording(recording)
    return rec is not None and rec.is_enabled()
