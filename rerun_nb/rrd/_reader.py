"""Decode RRD streams into stores of Arrow chunks, recovering everything before any damage.

Two entry points:

* `decode_rrd(source)` never raises on bad data: it returns an `RrdReadResult` with the stores decoded so
  far and a list of `RrdError` (each naming the byte offset and what was expected).
* `read_rrd(source, strict=...)` returns the list of stores; on damage it warns (lenient, the default) or
  raises the first error with the partial stores attached as ``err.partial`` (strict).

Framing damage (bad magic, a message header with an unknown kind, a length running past the end of the
file, truncation) stops decoding at that point. Damage inside one message body (bad protobuf, bad LZ4,
bad Arrow IPC, a chunk missing Rerun metadata) only drops that message: the framing says where the next
one starts. The codec knows nothing of the store; chunks are returned as `pa.RecordBatch` exactly as
written.
"""

from __future__ import annotations

import io
import mmap
import os
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field

import pyarrow as pa

from . import _framing as fr
from ._chunk_check import check_chunk
from ._errors import RrdError, RrdWarning
from ._messages import (
    COMPRESSION_LZ4,
    ArrowMsg,
    BlueprintActivationCommand,
    RrdFooter,
    SetStoreInfo,
    StoreId,
)
from ._recover import recover_after_damage, seekable

__all__ = ["RrdReadResult", "RrdStore", "decode_rrd", "read_rrd"]

#: Upper bound for one message body when the stream size is unknown (guards against absurd lengths).
MAX_MESSAGE_BYTES = 1 << 36


@dataclass
class RrdStore:
    """One store (recording or blueprint) read from an RRD stream."""

    store_id: StoreId
    chunks: list[pa.RecordBatch] = field(default_factory=list)
    info: SetStoreInfo | None = None
    activation: BlueprintActivationCommand | None = None
    manifest: pa.RecordBatch | None = None

    @property
    def kind(self) -> str:
        """``"recording"`` or ``"blueprint"``."""
        return self.store_id.kind_name

    @property
    def application_id(self) -> str:
        return self.store_id.application_id

    @property
    def recording_id(self) -> str:
        return self.store_id.recording_id

    def __repr__(self) -> str:
        return (f"RrdStore({self.kind}, application_id={self.application_id!r}, "
                f"recording_id={self.recording_id!r}, chunks={len(self.chunks)})")


@dataclass
class RrdReadResult:
    """Everything `decode_rrd` could read, plus what went wrong."""

    stores: list[RrdStore]
    errors: list[RrdError]
    writer_versions: list[tuple[int, int, int, int]]
    bytes_read: int
    has_footer: bool
    notes: list[str] = field(default_factory=list)  # harmless oddities (e.g. an older chunk layout version)

    @property
    def ok(self) -> bool:
        return not self.errors


class _Source:
    """Sequential reader over a binary file object that tracks the absolute offset and allows push-back."""

    def __init__(self, fileobj, size: int | None) -> None:
        self.f = fileobj
        self.pos = 0
        self.size = size
        self._pushed = b""

    def read(self, n: int) -> bytes | memoryview:
        if not self._pushed:  # the usual case: straight from the file (a memoryview, no copy, when mapped)
            out = self.f.read(n) or b""
        else:
            out = self._pushed[:n]
            self._pushed = self._pushed[n:]
            if len(out) < n:
                out += self.f.read(n - len(out)) or b""
        self.pos += len(out)
        return out

    def unread(self, raw: bytes | memoryview) -> None:
        self._pushed = bytes(raw) + self._pushed
        self.pos -= len(raw)

    def remaining(self) -> int | None:
        return None if self.size is None else self.size - self.pos


class _MappedFile:
    """A file read through a read-only memory map: `read` returns memoryview slices of the map, so message
    bodies reach lz4 and Arrow without a copy (uncompressed chunks stay views of the file's pages). The map
    lives as long as anything still uses a slice of it; `close` only drops this object's reference."""

    def __init__(self, path) -> None:
        with open(path, "rb") as f:
            mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        self._view = memoryview(mapped)
        self._pos = 0
        self.closed = False

    def read(self, n: int = -1) -> memoryview:
        end = len(self._view) if n is None or n < 0 else min(self._pos + n, len(self._view))
        out = self._view[self._pos:end]
        self._pos = end
        return out

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: len(self._view)}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def tell(self) -> int:
        return self._pos

    def seekable(self) -> bool:
        return True

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        self.closed = True


def _map_or_none(path) -> _MappedFile | None:
    """The file memory-mapped, or None where it cannot be mapped (a pipe, a special file): then it is read."""
    try:
        return _MappedFile(path)
    except (OSError, ValueError):
        return None


def _open(source) -> tuple[object, int | None, bool]:
    """Return (fileobj, size or None, should_close)."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        return io.BytesIO(source), len(source), True
    if isinstance(source, (str, os.PathLike)):
        size = os.path.getsize(source)
        mapped = _map_or_none(source) if size > 0 else None
        return (mapped if mapped is not None else open(source, "rb")), size, True
    try:
        here = source.tell()
        size = source.seek(0, io.SEEK_END) - here
        source.seek(here)
    except (AttributeError, OSError, io.UnsupportedOperation):
        size = None
    return source, size, False


class _Decoder:
    def __init__(self, src: _Source, progress: Callable[[int, int | None], None] | None) -> None:
        self.src = src
        self.progress = progress
        self.stores: dict[StoreId, RrdStore] = {}
        self.errors: list[RrdError] = []
        self.versions: list[tuple[int, int, int, int]] = []
        self.has_footer = False
        self.sorbet_warned: set[str] = set()
        self.notes: list[str] = []
        self.chunk_ids: set = set()
        self.stream_start = 0

    def store(self, store_id: StoreId) -> RrdStore:
        st = self.stores.get(store_id)
        if st is None:
            st = self.stores[store_id] = RrdStore(store_id)
        return st

    def run(self) -> None:
        first = True
        while True:
            off = self.src.pos
            raw = self.src.read(fr.STREAM_HEADER_LEN)
            if not raw:
                if first:
                    raise RrdError("empty stream", offset=0, expected=f"a stream header starting with {fr.MAGIC!r}")
                return
            version = fr.decode_stream_header(raw, off)
            self.stream_start = off  # footer offsets are relative to the start of their own stream
            self.versions.append(version)
            if fr.is_future_version(version):
                self.errors.append(RrdError(
                    f"written by Rerun {fr.format_version(version)}, newer than the supported "
                    f"{fr.format_version(fr.RERUN_VERSION)}; decoding anyway", offset=off + 4,
                    expected="a writer version <= 0.41"))
            first = False
            self.messages()

    def messages(self) -> None:
        src = self.src
        while True:
            off = src.pos
            raw = src.read(fr.MESSAGE_HEADER_LEN)
            if not raw:
                raise RrdError("stream ends without an End message (truncated, or still being written)",
                               offset=off, expected="a 16-byte message header")
            if raw[:4] == fr.MAGIC:  # concatenated stream without End: a new stream header follows
                src.unread(raw)
                return
            if len(raw) < fr.MESSAGE_HEADER_LEN:
                raise RrdError(f"message header cut short: {len(raw)} of 16 bytes", offset=off,
                               expected="a 16-byte message header (truncated file?)")
            kind, length = fr.decode_message_header(raw)
            if kind not in fr.KIND_NAMES:
                raise RrdError(f"unknown message kind {kind}", offset=off,
                               expected="kind 0 (End), 1 (SetStoreInfo), 2 (ArrowMsg) or 3 (BlueprintActivation)")
            name = fr.KIND_NAMES[kind]
            left = src.remaining()
            limit = MAX_MESSAGE_BYTES if left is None else left
            if length > limit:
                raise RrdError(f"{name} message declares a {length}-byte body but only {limit} bytes remain",
                               offset=off + 8, expected=f"a length <= {limit}; the file is truncated or the length is corrupt")
            body_off = src.pos
            body = src.read(length)
            if len(body) < length:
                raise RrdError(f"{name} body cut short: {len(body)} of {length} bytes", offset=body_off,
                               expected=f"{length} bytes (truncated file?)")
            if kind == fr.KIND_END:
                self.end(body, body_off)
                return
            try:
                self.body(kind, memoryview(body), body_off)
            except RrdError as err:  # the framing is intact: drop this message only
                self.errors.append(err)
            if self.progress is not None:
                self.progress(src.pos, src.size)

    def body(self, kind: int, body: memoryview, off: int) -> None:
        if kind == fr.KIND_SET_STORE_INFO:
            info = SetStoreInfo.decode(body, off)
            st = self.store(info.store_id)
            if st.info is None:
                st.info = info
        elif kind == fr.KIND_ARROW_MSG:
            msg = ArrowMsg.decode(body, off)
            if msg.chunk_id is not None:
                self.chunk_ids.add(msg.chunk_id)
            chunk = decode_chunk(msg)
            self.check_sorbet(chunk, msg.payload_offset)
            self.store(msg.store_id).chunks.append(chunk)
        elif kind == fr.KIND_BLUEPRINT_ACTIVATION:
            cmd = BlueprintActivationCommand.decode(body, off)
            self.store(cmd.blueprint_id).activation = cmd

    def check_sorbet(self, chunk: pa.RecordBatch, off: int) -> None:
        meta = chunk.schema.metadata or {}
        version = meta.get(b"sorbet:version", b"").decode("utf-8", "replace")
        if version != "0.1.4" and version not in self.sorbet_warned:
            self.sorbet_warned.add(version)
            self.notes.append(f"RRD chunk at byte offset {off} has sorbet version {version or 'none'!r}; "
                              "rerun_nb reads 0.1.4 (Rerun 0.41) and applies no migrations")

    def end(self, body: bytes, body_off: int) -> None:
        body = bytes(body)  # the footer's parts are kept: never as views of a mapped file
        tail_off = self.src.pos
        tail = self.src.read(fr.STREAM_FOOTER_LEN)
        if not body and not tail:
            return  # an End without footer at EOF: tolerated, like Rerun
        try:
            fr.check_stream_footer(tail, tail_off, body_off - self.stream_start, body)
            footer = RrdFooter.decode(memoryview(body), body_off)
        except RrdError as err:
            self.errors.append(err)
            if len(tail) == fr.STREAM_FOOTER_LEN and tail[20:28] != fr.FOOTER_MAGIC:
                self.src.unread(tail)  # no stream footer: let the next stream header (if any) be read
            return
        self.has_footer = True
        for man in footer.manifests:
            try:
                self.store(man.store_id).manifest = decode_manifest(man, body_off)
            except RrdError as err:
                self.errors.append(err)


def decompress(payload, compression: int, uncompressed_size: int, offset: int, what: str) -> bytes | memoryview:
    if compression != COMPRESSION_LZ4:
        if compression not in (0, 1):
            raise RrdError(f"{what} has unknown compression {compression}", offset=offset,
                           expected="0/1 (none) or 2 (LZ4)")
        # A copy: the chunk must not be a view of a memory-mapped file, which saving over it would truncate
        # under the chunk's feet (compressed payloads are decompressed into new memory anyway).
        return bytes(payload) if isinstance(payload, memoryview) else payload
    import lz4.block

    try:
        raw = lz4.block.decompress(payload, uncompressed_size=uncompressed_size)
    except (lz4.block.LZ4BlockError, ValueError, OverflowError) as err:
        raise RrdError(f"{what} payload ({len(payload)} bytes) is not a valid LZ4 block ({err})", offset=offset,
                       expected=f"an LZ4 block decompressing to exactly {uncompressed_size} bytes") from None
    if len(raw) != uncompressed_size:
        raise RrdError(f"{what} payload decompresses to {len(raw)} bytes", offset=offset,
                       expected=f"{uncompressed_size} bytes")
    return raw


def read_ipc_batch(raw, offset: int, what: str) -> pa.RecordBatch:
    try:
        reader = pa.ipc.open_stream(pa.py_buffer(raw))
        batch = reader.read_next_batch()
        batch.validate(full=True)
        _ = [f.name for f in batch.schema], batch.schema.metadata  # names/metadata must decode as UTF-8
    except Exception as err:  # noqa: BLE001 - untrusted bytes: pyarrow raises many types (ArrowInvalid, UnicodeDecodeError, ...)
        msg = f"{type(err).__name__}: {str(err).splitlines()[0] if str(err) else ''}"
        raise RrdError(f"{what} holds no valid Arrow IPC record batch ({msg})", offset=offset,
                       expected="an Arrow IPC stream with one record batch") from None
    return batch


def decode_chunk(msg: ArrowMsg) -> pa.RecordBatch:
    """Decompress and decode one ArrowMsg payload into a chunk, checking Rerun's chunk layout."""
    raw = decompress(msg.payload, msg.compression, msg.uncompressed_size, msg.payload_offset, "ArrowMsg")
    batch = read_ipc_batch(raw, msg.payload_offset, "ArrowMsg payload")
    check_chunk(batch, msg.payload_offset)
    return batch


def decode_manifest(man, footer_offset: int) -> pa.RecordBatch:
    raw = decompress(man.data_payload, man.data_compression, man.data_uncompressed_size, footer_offset,
                     "RRD manifest")
    return read_ipc_batch(raw, footer_offset, "RRD manifest")


def _recover(dec: _Decoder, fileobj, size: int, damage_offset: int) -> None:
    """After fatal framing damage: read the remaining chunks through the footer index, if it survived."""
    try:
        recovered, note = recover_after_damage(fileobj, size, dec.stream_start, damage_offset, dec.chunk_ids,
                                               decode_chunk)
    except RrdError:
        return  # no usable footer (e.g. a truncated file): what was read before the damage is all there is
    for store_id, chunk in recovered:
        dec.store(store_id).chunks.append(chunk)
    if recovered:
        dec.notes.append(note)


def decode_rrd(source, *, progress: Callable[[int, int | None], None] | None = None) -> RrdReadResult:
    """Decode an RRD stream (path, bytes or binary file object) without raising on bad data.

    Parameters
    ----------
    source : str | os.PathLike | bytes | file object
        Where to read from. File objects are read sequentially from their current position.
    progress : callable, optional
        Called as ``progress(bytes_read, total_bytes_or_None)`` after each message.

    """
    fileobj, size, should_close = _open(source)
    dec = _Decoder(_Source(fileobj, size), progress)
    try:
        dec.run()
    except RrdError as err:
        dec.errors.append(err)
        # damage inside the stream (not a refused header: wrong magic, old format, ...) may be bridged
        if size is not None and seekable(fileobj) and err.offset is not None and err.offset >= fr.STREAM_HEADER_LEN:
            _recover(dec, fileobj, size, err.offset)
    finally:
        if should_close:
            fileobj.close()
    return RrdReadResult(list(dec.stores.values()), dec.errors, dec.versions, dec.src.pos, dec.has_footer,
                         dec.notes)


def read_rrd(source, *, strict: bool | None = None,
             progress: Callable[[int, int | None], None] | None = None) -> list[RrdStore]:
    """Read every store in an RRD stream.

    Returns a list of `RrdStore` (recordings and blueprints, in order of first appearance), each with its
    chunks as `pa.RecordBatch`. On damage: with ``strict=False`` (default unless strict mode is on) one
    `RrdWarning` per problem and the stores read so far; with ``strict=True`` the first `RrdError`, whose
    ``partial`` attribute holds those stores.
    """
    if strict is None:
        strict = _strict_default()
    result = decode_rrd(source, progress=progress)
    if result.errors and strict:
        err = result.errors[0]
        err.partial = result.stores
        raise err
    for note in result.notes:
        warnings.warn(RrdWarning(note), stacklevel=2)
    if result.errors:
        for err in result.errors:
            warnings.warn(RrdWarning(str(err)), stacklevel=2)
    return result.stores


def _strict_default() -> bool:
    from rerun_nb.error_utils import strict_mode

    return strict_mode()
