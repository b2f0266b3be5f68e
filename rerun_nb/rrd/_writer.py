"""Encode Rerun-layout chunks into an RRD stream that Rerun 0.41 reads and `rerun rrd verify` accepts.

`RrdWriter` is incremental: the stream header goes out at construction, `begin_store` writes a
SetStoreInfo, `write_chunk` one ArrowMsg, and `close` the End message, the footer manifest and the stream
footer. The writer only keeps a small summary per chunk (for the manifest), so streaming a long recording
to disk does not grow memory. `write_rrd` writes whole stores at once.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterable

import pyarrow as pa

from . import _framing as fr
from ._chunk_check import check_chunk, chunk_id_text
from ._errors import RrdError
from ._manifest import ManifestBuilder, schema_ipc_bytes
from ._messages import (
    COMPRESSION_LZ4,
    COMPRESSION_NONE,
    SOURCE_OTHER,
    SOURCE_PYTHON_SDK,
    ArrowMsg,
    BlueprintActivationCommand,
    RrdFooter,
    RrdManifest,
    SetStoreInfo,
    StoreId,
    python_version_extra,
    version_bits,
)

__all__ = ["RrdWriter", "encode_chunk_ipc", "write_rrd"]


def encode_chunk_ipc(batch: pa.RecordBatch) -> pa.Buffer:
    """One chunk as an Arrow IPC stream: schema, one record batch, end-of-stream marker (no copy out)."""
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, batch.schema) as writer:
        writer.write_batch(batch)
    return sink.getvalue()


def _python_source() -> tuple[int, bytes]:
    v = sys.version_info
    return SOURCE_PYTHON_SDK, python_version_extra(v.major, v.minor, v.micro)


class RrdWriter:
    """Incremental RRD encoder over a binary file object (or a path, which it opens and owns).

    Parameters
    ----------
    target : str | os.PathLike | binary file object
        Where to write. The writer tracks byte offsets itself, so any object with ``write`` works.
    compression : bool
        LZ4-compress chunk payloads (as rerun-sdk does). Uncompressed files are larger but also valid.

    """

    def __init__(self, target, *, compression: bool = True) -> None:
        if isinstance(target, (str, os.PathLike)):
            self._file = open(target, "wb")  # noqa: SIM115 - the writer owns it until close()
            self._owns = True
        else:
            self._file = target
            self._owns = False
        self._compression = compression
        self._pos = 0
        self._lock = threading.RLock()
        self._manifests: dict[StoreId, ManifestBuilder] = {}
        self._announced: set[StoreId] = set()
        self.closed = False
        self._write(fr.encode_stream_header(compressed=compression))

    def _write(self, raw: bytes) -> None:
        self._file.write(raw)
        self._pos += len(raw)

    def _message(self, kind: int, body: bytes) -> int:
        """Write one message; return the offset of its body."""
        return self._message_parts(kind, [body])

    def _message_parts(self, kind: int, parts: list) -> int:
        """Write one message whose body is the concatenation of ``parts``; return the body offset."""
        self._write(fr.encode_message_header(kind, sum(len(p) for p in parts)))
        body_offset = self._pos
        for part in parts:
            if len(part):
                self._write(part)
        return body_offset

    @property
    def bytes_written(self) -> int:
        return self._pos

    def begin_store(self, store_id: StoreId) -> None:
        """Announce a store (SetStoreInfo). Called automatically by the first `write_chunk` for it."""
        with self._lock:
            self._check_open()
            if store_id in self._announced:
                return
            self._announced.add(store_id)
            kind, extra = _python_source()
            if store_id.kind != 1:
                kind, extra = SOURCE_OTHER, b"rerun_nb"
            info = SetStoreInfo(fr.new_tuid(), store_id, kind, extra, version_bits(*fr.RERUN_VERSION))
            self._message(fr.KIND_SET_STORE_INFO, info.encode())

    def write_chunk(self, store_id: StoreId, batch: pa.RecordBatch) -> None:
        """Write one chunk (a record batch in Rerun's chunk layout) as an ArrowMsg."""
        check_chunk(batch, offset=self._pos)
        ipc = encode_chunk_ipc(batch)
        if self._compression:
            import lz4.block

            payload, compression = lz4.block.compress(ipc, store_size=False), COMPRESSION_LZ4
        else:
            payload, compression = ipc, COMPRESSION_NONE
        is_static = not any((f.metadata or {}).get(b"rerun:kind") == b"index" for f in batch.schema)
        chunk_id = fr.tuid_from_str(chunk_id_text(batch) or "")
        if chunk_id is None:
            raise RrdError(f"chunk id {chunk_id_text(batch)!r} is not a TUID", offset=self._pos,
                           expected="rerun:id = 'chunk_' + 32 hex digits")
        msg = ArrowMsg(store_id, payload, compression, len(ipc), chunk_id, is_static)
        parts = msg.encode_parts()
        with self._lock:
            self._check_open()
            self.begin_store(store_id)
            body_offset = self._message_parts(fr.KIND_ARROW_MSG, parts)
            body_len = self._pos - body_offset
            self._manifests.setdefault(store_id, ManifestBuilder()).add(batch, body_offset, body_len, len(ipc))

    def write_blueprint_activation(self, blueprint_id: StoreId, *, make_active: bool = False,
                                   make_default: bool = True) -> None:
        with self._lock:
            self._check_open()
            cmd = BlueprintActivationCommand(blueprint_id, make_active, make_default)
            self._message(fr.KIND_BLUEPRINT_ACTIVATION, cmd.encode())

    def flush(self) -> None:
        with self._lock:
            if not self.closed and hasattr(self._file, "flush"):
                self._file.flush()

    def close(self) -> None:
        """Write End, the footer manifest (one per store with chunks) and the stream footer."""
        import lz4.block

        with self._lock:
            if self.closed:
                return
            self.closed = True
            try:
                footer = RrdFooter()
                for store_id, builder in self._manifests.items():
                    schema_ipc, sha = schema_ipc_bytes(builder.sorbet_schema())
                    data_ipc = encode_chunk_ipc(builder.data()).to_pybytes()
                    footer.manifests.append(RrdManifest(store_id, schema_ipc, sha,
                                                        lz4.block.compress(data_ipc, store_size=False),
                                                        COMPRESSION_LZ4, len(data_ipc)))
                body = footer.encode()
                body_offset = self._message(fr.KIND_END, body)
                self._write(fr.encode_stream_footer(body_offset, body))
                if hasattr(self._file, "flush"):
                    self._file.flush()
            finally:
                if self._owns:  # released even when the footer could not be written (a full disk)
                    try:
                        self._file.close()
                    except OSError:
                        if not self._file.closed:
                            raise

    def _check_open(self) -> None:
        if self.closed:
            raise ValueError("RrdWriter is closed")

    def __enter__(self) -> RrdWriter:  # noqa: PYI034
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def write_rrd(target, stores: Iterable, *, compression: bool = True) -> int:
    """Write whole stores to ``target`` (path or binary file object); return the number of bytes written.

    ``stores`` holds `RrdStore` objects (as returned by `read_rrd`) or ``(StoreId, chunks)`` pairs.
    Blueprint stores that carry an activation command get it written after their chunks.
    """
    writer = RrdWriter(target, compression=compression)
    try:
        for store in stores:
            if isinstance(store, tuple):
                store_id, chunks, activation = store[0], store[1], None
            else:
                store_id, chunks, activation = store.store_id, store.chunks, store.activation
            writer.begin_store(store_id)
            for chunk in chunks:
                writer.write_chunk(store_id, chunk)
            if activation is not None:
                writer.write_blueprint_activation(store_id, make_active=activation.make_active,
                                                  make_default=activation.make_default)
    finally:
        writer.close()
    return writer.bytes_written
