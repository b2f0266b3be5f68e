"""Recording -> RRD file: `FileSink` (what ``rr.save`` installs) and `save_recording` (one-shot export).

`FileSink` is a RecordingStream sink: the stream hands it the chunks already in the store when it is set,
then every new chunk as the store builds it, until ``disconnect()`` or another sink replaces it. The End
message and the footer manifest are written on `close`, which also runs at interpreter exit, so the file
passes ``rerun rrd verify`` even if the user never disconnects. A chunk the writer refuses is dropped with
one warning (strict mode raises), never breaking the user's logging loop.
"""

from __future__ import annotations

import atexit
import os
import signal
import threading
import warnings
import weakref

import numpy as np
import pyarrow as pa

from ._chunk_check import field_kind, int64_values
from ._errors import RrdError, RrdWarning
from ._framing import new_tuid, tuid_to_str
from ._messages import STORE_KIND_BLUEPRINT, STORE_KIND_RECORDING, StoreId
from ._reader import _strict_default
from ._writer import RrdWriter

__all__ = ["FileSink", "prepare_chunk", "recording_store_id", "save_recording", "send_blueprint"]

_OPEN_SINKS: weakref.WeakSet = weakref.WeakSet()
_SORBET_VERSION = b"0.1.4"


def recording_store_id(rec, kind: int = STORE_KIND_RECORDING) -> StoreId:
    return StoreId(kind, str(rec.application_id), str(rec.recording_id))


def prepare_chunk(batch: pa.RecordBatch) -> pa.RecordBatch:
    """Fill in schema metadata Rerun needs but a store chunk may lack (chunk id, sorbet version)."""
    meta = dict(batch.schema.metadata or {})
    changed = False
    if b"rerun:id" not in meta and b"rerun.id" not in meta:
        meta[b"rerun:id"] = tuid_to_str(new_tuid()).encode()
        changed = True
    if b"sorbet:version" not in meta:
        meta[b"sorbet:version"] = _SORBET_VERSION
        changed = True
    return batch.replace_schema_metadata(meta) if changed else batch


class FileSink:
    """Streams a recording's chunks into an RRD file.

    Parameters
    ----------
    path : str | os.PathLike
        The ``.rrd`` file to (over)write.
    rec : RecordingStream
        The recording whose application id / recording id name the store in the file.
    default_blueprint : optional
        A ``rerun_nb.blueprint.Blueprint`` (or anything with ``blueprint_chunks(application_id)``) written as a
        blueprint store right after the header.
    compression : bool
        LZ4-compress chunks (default, as rerun-sdk does).

    """

    def __init__(self, path, rec, *, default_blueprint=None, compression: bool = True) -> None:
        self.path = os.fspath(path)
        self.store_id = recording_store_id(rec)
        self._rec_ref = weakref.ref(rec)
        self._writer = RrdWriter(self.path, compression=compression)
        self._lock = threading.Lock()
        self._warned = False
        _OPEN_SINKS.add(self)
        _install_sigterm_handler()
        if default_blueprint is not None:
            self.write_blueprint(default_blueprint, rec.application_id, make_active=False, make_default=True)
        elif getattr(rec, "_blueprint", None) is not None:  # sent earlier with rr.send_blueprint
            bp, make_active, make_default = _sent_blueprint(rec)
            self.write_blueprint(bp, rec.application_id, make_active=make_active, make_default=make_default)
        self._writer.begin_store(self.store_id)
        self.flush()

    @property
    def closed(self) -> bool:
        return self._writer.closed

    def write_chunks(self, chunks) -> None:
        """Append chunks (Rerun-layout record batches) to the file."""
        with self._lock:
            if self._writer.closed:
                return
            for chunk in chunks:
                try:
                    self._writer.write_chunk(self.store_id, prepare_chunk(chunk))
                except (RrdError, pa.ArrowException, ValueError, TypeError, OSError) as err:
                    self._bad_chunk(chunk, err)
            self.flush()  # to the OS at once: what a killed process had logged is in the file

    def write_blueprint(self, blueprint, application_id: str, *, make_active: bool = False,
                        make_default: bool = True) -> None:
        """Write a blueprint store (its chunks, then an activation command)."""
        blueprint = blueprint.to_blueprint() if hasattr(blueprint, "to_blueprint") else blueprint
        chunks = blueprint.blueprint_chunks(application_id)
        bp_id = StoreId(STORE_KIND_BLUEPRINT, application_id, str(blueprint.blueprint_id))
        with self._lock:
            if self._writer.closed:
                return
            self._writer.begin_store(bp_id)
            for chunk in chunks:
                self._writer.write_chunk(bp_id, prepare_chunk(chunk))
            self._writer.write_blueprint_activation(bp_id, make_active=make_active, make_default=make_default)
            self._writer.flush()

    def _bad_chunk(self, chunk: pa.RecordBatch | None, err: Exception) -> None:
        """A chunk that can't be written, or (chunk None) a write to the file that failed: one warning."""
        if _strict_default() and not isinstance(err, OSError):  # a full disk is not bad input: never raised
            raise err
        if not self._warned:
            self._warned = True
            if chunk is None:
                what = f"writing to the file failed: {err}; the recording in memory is complete, the file may not be"
            else:
                entity = (chunk.schema.metadata or {}).get(b"rerun:entity_path", b"?").decode("utf-8", "replace")
                what = f"dropped a chunk of {entity!r} that cannot be written: {err}"
            warnings.warn(RrdWarning(f"rr.save({self.path!r}): {what} (further errors are not reported)"),
                          stacklevel=4)

    def flush(self) -> None:
        try:
            self._writer.flush()
        except OSError as err:  # a full disk: reported, the user's program goes on
            self._bad_chunk(None, err)

    def close(self) -> None:
        """Write the End message, footer manifest and stream footer; idempotent."""
        with self._lock:
            self._writer.close()
        _OPEN_SINKS.discard(self)

    def __repr__(self) -> str:
        return f"FileSink({self.path!r}, {'closed' if self.closed else 'open'})"


def _sent_blueprint(rec) -> tuple:
    sent = rec._blueprint
    return sent if isinstance(sent, tuple) else (sent, True, True)


def send_blueprint(rec, blueprint, *, make_active: bool = True, make_default: bool = True) -> None:
    """``rr.send_blueprint``: remember the blueprint on ``rec`` and write it to the current file sink, if any.

    The blueprint (a ``rerun_nb.blueprint.Blueprint`` or anything with ``to_blueprint()``) is kept as
    ``rec._blueprint = (blueprint, make_active, make_default)``; later ``rr.save`` calls write it too.
    """
    blueprint = blueprint.to_blueprint() if hasattr(blueprint, "to_blueprint") else blueprint
    if not hasattr(blueprint, "blueprint_chunks"):
        raise TypeError(f"send_blueprint expects a rerun_nb.blueprint.Blueprint (or a view/container), "
                        f"got {type(blueprint).__name__}")
    rec._blueprint = (blueprint, make_active, make_default)
    sink = getattr(rec, "_sink", None)
    if isinstance(sink, FileSink):
        sink.write_blueprint(blueprint, rec.application_id, make_active=make_active, make_default=make_default)


def _install_sigterm_handler() -> None:
    """Finish open files on SIGTERM (as at exit), then die of SIGTERM as the process would have.

    Only where nothing else handles SIGTERM (its handler is the default) and only from the main thread, where
    Python runs signal handlers. The handler itself only starts a thread: the main thread may be inside a log
    call holding the batcher's lock, and the thread waits for it instead of flushing half-appended state.
    """
    global _sigterm_installed
    if _sigterm_installed or threading.current_thread() is not threading.main_thread():
        return
    try:
        if signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
            return
        signal.signal(signal.SIGTERM, _on_sigterm)
    except (ValueError, OSError, AttributeError):  # no signals here (embedded interpreters, some platforms)
        return
    _sigterm_installed = True


def _on_sigterm(signum, frame) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # here, in the main thread; a second SIGTERM kills at once

    def finish_then_die() -> None:
        try:
            close_open_sinks()
        finally:
            os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=finish_then_die, name="rerun_nb-sigterm", daemon=True).start()


_sigterm_installed = False


@atexit.register
def close_open_sinks() -> None:
    """Finish every open file sink (flush its recording's batched rows, write End and footer)."""
    for sink in list(_OPEN_SINKS):
        try:
            rec = sink._rec_ref()
            if rec is not None and getattr(rec, "_sink", None) is sink:
                rec.disconnect()  # flushes rows still batched, then closes the sink
            sink.close()
        except Exception as err:  # noqa: BLE001  (interpreter exit: report, never raise)
            warnings.warn(RrdWarning(f"could not finish {sink.path!r} at exit: {err}"), stacklevel=1)


def _time_filtered(chunk: pa.RecordBatch, timeline: str, t_min: int, t_max: int) -> pa.RecordBatch | None:
    """Rows of ``chunk`` with ``t_min <= time <= t_max`` on ``timeline``; static chunks pass whole."""
    index_cols = [i for i, f in enumerate(chunk.schema) if field_kind(f) == "index"]
    if not index_cols:
        return chunk
    for i in index_cols:
        f = chunk.schema.field(i)
        name = (f.metadata or {}).get(b"rerun:index_name", f.name.encode()).decode()
        if name == timeline:
            values = int64_values(chunk.column(i))
            keep = (values >= t_min) & (values <= t_max)
            if keep.all():
                return chunk
            if not keep.any():
                return None
            return chunk.take(pa.array(np.flatnonzero(keep)))
    return None  # the chunk is not on this timeline


def save_recording(rec, path, *, timeline: str | None = None, time_range: tuple[int, int] | None = None,
                   compression: bool = True) -> int:
    """Write everything in ``rec``'s store to ``path`` now (a one-shot export, not a live sink).

    With ``timeline`` and ``time_range=(min, max)`` (raw int64: sequence numbers or nanoseconds, inclusive),
    only static data and the rows inside the range on that timeline are written (as the Rerun viewer's
    "save time selection" does: chunks without that timeline are left out). Returns the bytes written.
    """
    if (timeline is None) != (time_range is None):
        raise ValueError("save_recording: give both timeline= and time_range=, or neither")
    chunks = rec.store.chunks()
    if timeline is not None:
        t_min, t_max = (int(t) for t in time_range)
        chunks = [c for c in (_time_filtered(c, timeline, t_min, t_max) for c in chunks) if c is not None]
    writer = RrdWriter(path, compression=compression)
    store_id = recording_store_id(rec)
    try:
        writer.begin_store(store_id)
        for chunk in chunks:
            writer.write_chunk(store_id, prepare_chunk(chunk))
        if getattr(rec, "_blueprint", None) is not None:  # sent with rr.send_blueprint
            bp, make_active, make_default = _sent_blueprint(rec)
            bp_id = StoreId(STORE_KIND_BLUEPRINT, store_id.application_id, str(bp.blueprint_id))
            for chunk in bp.blueprint_chunks(store_id.application_id):
                writer.write_chunk(bp_id, chunk)
            writer.write_blueprint_activation(bp_id, make_active=make_active, make_default=make_default)
        elif getattr(rec, "_rrd_blueprint", None) is not None:  # loaded from a file with the recording
            loaded = rec._rrd_blueprint
            for chunk in loaded.chunks:
                writer.write_chunk(loaded.store_id, chunk)
            if loaded.activation is not None:
                writer.write_blueprint_activation(loaded.store_id, make_active=loaded.activation.make_active,
                                                  make_default=loaded.activation.make_default)
    finally:
        writer.close()
    return writer.bytes_written
