"""Recover the chunks *after* a framing error, using the footer's chunk index.

When the message framing breaks (a corrupt length or kind) the stream cannot be walked past that point.
If the file still ends with a valid stream footer (checksum included), its manifest lists every chunk's
byte offset and size, so the chunks behind the damage can be read directly. Truncated files have lost
their footer; for them only the chunks before the damage are kept.
"""

from __future__ import annotations

import io
import struct

from . import _framing as fr
from ._errors import RrdError
from ._messages import ArrowMsg, RrdFooter

_TAIL = struct.Struct("<QQI8sI")


def _read_at(fileobj, offset: int, length: int) -> bytes:
    fileobj.seek(offset)
    return fileobj.read(length)


def recover_after_damage(fileobj, size: int, stream_start: int, damage_offset: int, seen_chunk_ids: set,
                         decode_chunk) -> tuple[list, str]:
    """Return ``([(store_id, chunk), ...], note)`` for chunks at or after ``damage_offset``.

    Raises `RrdError` when there is no usable footer (missing, cut, checksum mismatch).
    """
    if size < fr.STREAM_HEADER_LEN + fr.STREAM_FOOTER_LEN:
        raise RrdError("no room for a stream footer", offset=size, expected="a 32-byte stream footer")
    tail = _read_at(fileobj, size - fr.STREAM_FOOTER_LEN, fr.STREAM_FOOTER_LEN)
    body_rel, body_len, _crc, magic, _n = _TAIL.unpack(tail)
    if magic != fr.FOOTER_MAGIC:
        raise RrdError("the file has no stream footer", offset=size - 12, expected=f"{fr.FOOTER_MAGIC!r}")
    body_off = stream_start + body_rel
    if body_off < damage_offset or body_off + body_len > size - fr.STREAM_FOOTER_LEN:
        raise RrdError("stream footer points outside the file", offset=size - fr.STREAM_FOOTER_LEN,
                       expected="a footer body between the damage and the stream footer")
    body = _read_at(fileobj, body_off, body_len)
    fr.check_stream_footer(tail, size - fr.STREAM_FOOTER_LEN, body_rel, body)
    from ._reader import decode_manifest  # circular at import time

    recovered = []
    for man in RrdFooter.decode(memoryview(body), body_off).manifests:
        index = decode_manifest(man, body_off)
        offsets = index.column("chunk_byte_offset").to_pylist()
        sizes = index.column("chunk_byte_size").to_pylist()
        for rel, length in zip(offsets, sizes):
            start = stream_start + rel
            if start < damage_offset or start + length > body_off:
                continue
            msg = ArrowMsg.decode(memoryview(_read_at(fileobj, start, length)), start)
            if msg.chunk_id in seen_chunk_ids:
                continue
            recovered.append((msg.store_id, decode_chunk(msg)))
    note = (f"recovered {len(recovered)} chunk(s) after the damage at byte offset {damage_offset} "
            "using the footer's chunk index")
    return recovered, note


def seekable(fileobj) -> bool:
    try:
        return bool(fileobj.seekable())
    except (AttributeError, ValueError, io.UnsupportedOperation):
        return False
