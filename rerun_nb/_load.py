"""Load RRD files into recordings: `load`, `load_all` and `log_file_from_path` (for ``.rrd``).

`load(path)` returns a `RecordingStream` when the file holds one recording (the usual case) and a list
of them, in file order, when it holds several; `load_all` always returns a list. Blueprint stores in the
file never make loading fail: they are kept, undecoded, on the recording of the same application id as
``rec._rrd_blueprint`` (an `rerun_nb.rrd.RrdStore`) so that saving the recording again writes them back.
Chunks go into the store unchanged, so components rerun_nb does not know stay queryable by name.

Damaged files follow `rerun_nb.rrd.read_rrd`: everything before the damage is loaded and a warning names
the byte offset (strict mode raises instead).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

__all__ = ["load", "load_all", "log_file_from_path"]

#: Files at least this large get a progress bar when loaded inside a notebook kernel.
PROGRESS_MIN_BYTES = 16 * 1024 * 1024


def _progress_callback(path, progress: bool | None):
    """An ipywidgets progress bar for notebooks (imported lazily); None when not wanted."""
    if progress is False:
        return None
    try:
        size = os.path.getsize(path)
    except (OSError, TypeError):
        return None
    if progress is None and (size < PROGRESS_MIN_BYTES or "ipykernel" not in sys.modules):
        return None
    try:
        import ipywidgets
        from IPython.display import display
    except ImportError:
        return None
    bar = ipywidgets.FloatProgress(value=0, min=0, max=max(size, 1), description="Loading",
                                   layout=ipywidgets.Layout(width="60%"))
    label = ipywidgets.Label(f"0 / {size / 1e6:.1f} MB")
    box = ipywidgets.HBox([bar, label])
    display(box)
    state = {"last": 0}

    def update(done: int, total: int | None) -> None:
        if done - state["last"] >= size / 200 or done == total:
            state["last"] = done
            bar.value = done
            label.value = f"{done / 1e6:.1f} / {size / 1e6:.1f} MB"
            if done == total:
                box.close()

    return update


def _new_recording(application_id: str, recording_id: str):
    from rerun_nb.recording_stream import RecordingStream

    try:
        return RecordingStream(application_id, recording_id=recording_id, send_properties=False)
    except TypeError:  # a RecordingStream without send_properties
        return RecordingStream(application_id, recording_id=recording_id)


def _insert(rec, chunk, path, strict: bool | None) -> None:
    """Insert one decoded chunk; a chunk the store refuses is skipped with a warning (strict: raised)."""
    from rerun_nb.error_utils import strict_mode
    from rerun_nb.rrd import RrdError, RrdWarning

    try:
        rec.store.insert_record_batch(chunk)
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        meta = chunk.schema.metadata or {}
        entity = meta.get(b"rerun:entity_path", b"?").decode("utf-8", "replace")
        chunk_id = meta.get(b"rerun:id", b"?").decode("utf-8", "replace")
        where = path if isinstance(path, (str, os.PathLike)) else "<bytes>"
        message = f"{where}: chunk {chunk_id} of {entity!r} was not loaded: {exc}"
        if strict_mode() if strict is None else strict:
            raise RrdError(message) from exc
        import warnings

        warnings.warn(RrdWarning(message), stacklevel=4)


def load_all(path, *, strict: bool | None = None, progress: bool | None = None) -> list:
    """Load every recording in an RRD file; returns a list of `RecordingStream` (file order).

    Parameters
    ----------
    path : str | os.PathLike | bytes
        The ``.rrd`` file (or its bytes).
    strict : bool, optional
        Raise on the first damage instead of warning (defaults to rerun_nb's strict mode).
    progress : bool, optional
        Show a progress bar; by default only in notebooks and for files of 16 MB or more.

    """
    from rerun_nb.rrd import read_rrd

    callback = _progress_callback(path, progress) if not isinstance(path, (bytes, bytearray)) else None
    stores = read_rrd(path, strict=strict, progress=callback)
    recordings, by_app = [], {}
    for store in stores:
        if store.kind != "recording":
            continue
        rec = _new_recording(store.application_id, store.recording_id)
        for chunk in store.chunks:
            _insert(rec, chunk, path, strict)
        recordings.append(rec)
        by_app.setdefault(store.application_id, rec)
    for store in stores:
        if store.kind == "blueprint" and store.application_id in by_app:
            by_app[store.application_id]._rrd_blueprint = store
    return recordings


def load(path, *, strict: bool | None = None, progress: bool | None = None):
    """Load an RRD file written by rerun_nb or Rerun 0.41.

    Returns the `RecordingStream` when the file holds exactly one recording, else a list of them (an
    empty list for a file with none). Show it with ``rerun_nb.Viewer(recording=rec)`` or query
    ``rec.store``. See `load_all` for the parameters.
    """
    recordings = load_all(path, strict=strict, progress=progress)
    return recordings[0] if len(recordings) == 1 else recordings


def _prefixed(chunk, prefix: str | None, static: bool):
    import pyarrow as pa

    from rerun_nb.rrd._chunk_check import field_kind

    meta = dict(chunk.schema.metadata or {})
    if prefix:
        entity = meta.get(b"rerun:entity_path", b"/").decode()
        head = "/" + prefix.strip("/")
        meta[b"rerun:entity_path"] = (head if entity == "/" else head + entity).encode()
    if static:
        keep = [i for i, f in enumerate(chunk.schema) if field_kind(f) != "index"]
        chunk = pa.RecordBatch.from_arrays([chunk.column(i) for i in keep],
                                           schema=pa.schema([chunk.schema.field(i) for i in keep]))
    return chunk.replace_schema_metadata(meta)


def log_file_from_path(file_path, *, entity_path_prefix: str | None = None, static: bool = False,
                       recording=None) -> None:
    """Log the contents of a file to the recording (rerun-sdk's ``rr.log_file_from_path``).

    Supported: ``.rrd`` files. Their recordings' chunks are merged into ``recording`` (default: the global
    one), under ``entity_path_prefix`` if given; with ``static=True`` their time columns are dropped, so
    the data becomes static. Blueprint stores in the file are skipped. Other file types raise
    NotImplementedError.
    """
    from rerun_nb.rrd import read_rrd

    path = Path(os.fspath(file_path))
    if path.suffix.lower() not in (".rrd",):
        raise NotImplementedError(f"log_file_from_path: rerun_nb loads only .rrd files so far, not {path.suffix!r} "
                                  f"({path})")
    if recording is None:
        from rerun_nb.recording_stream import get_global_data_recording

        recording = get_global_data_recording()
    rec = getattr(recording, "_recording", recording)  # accept wrappers
    for store in read_rrd(path, progress=_progress_callback(path, None)):
        if store.kind != "recording":
            continue
        for chunk in store.chunks:
            _insert(rec, _prefixed(chunk, entity_path_prefix, static), path, None)
