"""The recordings that arrived over gRPC: one `RecordingStream` per (application id, recording id).

A server routes every incoming chunk by its store id to the recording registered for it, creating the
recording on first sight (with the ids as sent). A recording served with ``rec.serve_grpc()`` is registered
up front, so a producer that logs with the same ids writes into it. Notebook code lists the recordings
with `incoming_recordings` or blocks until one arrives with `wait_for_recording`, then shows it with
``rerun_nb.Viewer(rec)``.
"""

from __future__ import annotations

import threading
import time
from typing import Any

__all__ = ["first_sight", "incoming_recordings", "recording_for", "register_recording", "set_application_blueprint",
           "wait_for_recording"]

#: Chunk ids remembered per store to ignore what a reconnecting client re-sends (its replay window is far
#: smaller); older ones are forgotten so a long session's memory stays flat. Kept here, with the recordings,
#: so that a client that reconnects to a restarted server is deduplicated too.
DEDUPE_WINDOW = 65536
_seen: dict[tuple, dict] = {}  # (kind, application_id, recording_id) -> insertion-ordered set of chunk ids

_lock = threading.Condition()
_recordings: dict[tuple[str, str], Any] = {}  # (application_id, recording_id) -> RecordingStream
_arrived: list[tuple[str, str]] = []  # keys of recordings created for incoming data, in arrival order
# application id -> (blueprint, make_active, make_default): the blueprint a producer sent (``rr.send_blueprint``
# or ``connect_grpc(default_blueprint=)``), given to that application's recordings, also ones arriving later.
_blueprints: dict[str, tuple] = {}
_active_sent: set[str] = set()  # applications that sent an active (not only a default) blueprint


def register_recording(rec: Any) -> None:
    """Route incoming data with ``rec``'s ids into ``rec`` (used by ``serve_grpc``)."""
    with _lock:
        _recordings[(rec.application_id, rec.recording_id)] = rec
        _lock.notify_all()


def recording_for(application_id: str, recording_id: str, *, memory_limit: int | None = None) -> Any:
    """The recording for these ids, created (empty, no properties row) if none exists yet."""
    key = (application_id, recording_id)
    with _lock:
        rec = _recordings.get(key)
        if rec is None:
            from ..recording_stream import RecordingStream

            rec = RecordingStream(application_id, recording_id=recording_id, send_properties=False,
                                  memory_limit=memory_limit)
            if application_id in _blueprints:
                rec._blueprint = _blueprints[application_id]  # where rr.send_blueprint keeps it; viewers follow it
            _recordings[key] = rec
            _arrived.append(key)
            _lock.notify_all()
        return rec


def first_sight(store_key: tuple, chunk_id: tuple[int, int] | None) -> bool:
    """True the first time ``chunk_id`` arrives for this store (always True for chunks without an id)."""
    if chunk_id is None:
        return True
    with _lock:
        seen = _seen.setdefault(store_key, {})
        if chunk_id in seen:
            return False
        seen[chunk_id] = None
        if len(seen) > DEDUPE_WINDOW:
            del seen[next(iter(seen))]
        return True


def set_application_blueprint(application_id: str, blueprint: Any, *, make_active: bool,
                              make_default: bool) -> None:
    """A blueprint arrived for ``application_id``: its incoming recordings (now and later) show it.

    As in Rerun's viewer, an active blueprint replaces what is shown; a default one is used only where no
    active blueprint was sent. Viewers of those recordings pick it up at their next frame."""
    with _lock:
        if not make_active and application_id in _active_sent:
            return  # a default never replaces an active blueprint
        if make_active:
            _active_sent.add(application_id)
        entry = (blueprint, True, make_default)  # shown: the viewer reads entries as (blueprint, active, default)
        _blueprints[application_id] = entry
        for (app, _rid), rec in _recordings.items():
            if app == application_id and (app, _rid) in _arrived:
                rec._blueprint = entry


def incoming_recordings(application_id: str | None = None) -> list:
    """Recordings created for data that arrived over gRPC, oldest first (optionally of one application)."""
    with _lock:
        return [_recordings[k] for k in _arrived if application_id is None or k[0] == application_id]


def wait_for_recording(application_id: str | None = None, *, timeout_sec: float | None = None,
                       min_chunks: int = 1) -> Any:
    """Block until a recording (of ``application_id``, if given) has arrived with at least ``min_chunks``.

    Returns the `RecordingStream`; raises `TimeoutError` after ``timeout_sec`` seconds (None waits forever).
    """
    deadline = None if timeout_sec is None else time.monotonic() + timeout_sec
    while True:
        for rec in incoming_recordings(application_id):
            if len(rec.store.store_chunks()) >= min_chunks:
                return rec
        with _lock:
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                what = f"of application {application_id!r} " if application_id else ""
                raise TimeoutError(f"no recording {what}arrived over gRPC within {timeout_sec} s")
            _lock.wait(0.05 if left is None else min(left, 0.05))


def _forget_all() -> None:
    """Drop every registered recording (for tests)."""
    with _lock:
        _recordings.clear()
        _arrived.clear()
        _seen.clear()
        _blueprints.clear()
        _active_sent.clear()
