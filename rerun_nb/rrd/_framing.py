"""Byte-level framing of an RRD stream: stream header, message headers, stream footer, TUIDs."""

from __future__ import annotations

import itertools
import os
import struct
import threading
import time

from ._errors import RrdError

MAGIC = b"RRF2"
OLD_MAGICS = (b"RRF0", b"RRF1")
FOOTER_MAGIC = b"RRF2FOOT"
FOOTER_CRC_SEED = 7850921

#: The Rerun version we write and fully understand.
RERUN_VERSION = (0, 41, 0, 0)
#: Oldest writer version Rerun 0.41 itself accepts.
MIN_VERSION = (0, 23)

KIND_END, KIND_SET_STORE_INFO, KIND_ARROW_MSG, KIND_BLUEPRINT_ACTIVATION = 0, 1, 2, 3
KIND_NAMES = {0: "End", 1: "SetStoreInfo", 2: "ArrowMsg", 3: "BlueprintActivationCommand"}

STREAM_HEADER_LEN = 12
MESSAGE_HEADER_LEN = 16
STREAM_FOOTER_LEN = 32

_MSG_HEADER = struct.Struct("<QQ")
_STREAM_FOOTER = struct.Struct("<QQI8sI")


def encode_stream_header(*, compressed: bool = True, version: tuple[int, int, int, int] = RERUN_VERSION) -> bytes:
    return MAGIC + bytes(version) + bytes([1 if compressed else 0, 2, 0, 0])


def format_version(version: tuple[int, ...]) -> str:
    major, minor, patch, meta = version
    return f"{major}.{minor}.{patch}" + (f" (meta {meta:#04x})" if meta else "")


def decode_stream_header(raw: bytes, offset: int) -> tuple[int, int, int, int]:
    """Check a 12-byte stream header and return the writer version ``(major, minor, patch, meta)``.

    Raises `RrdError` for a wrong magic, an old format, a bad serializer or reserved bytes, and a version
    older than Rerun 0.23. A *newer* version is returned; the caller decides whether to warn or raise.
    """
    if len(raw) < STREAM_HEADER_LEN:
        raise RrdError(f"stream header cut short: {len(raw)} of 12 bytes", offset=offset,
                       expected=f"a 12-byte stream header starting with {MAGIC!r}")
    magic = raw[:4]
    if magic in OLD_MAGICS:
        raise RrdError(f"legacy RRD format {magic!r} (written before Rerun 0.23) is not supported",
                       offset=offset, expected=f"{MAGIC!r}")
    if magic != MAGIC:
        raise RrdError(f"not an RRD stream: found {bytes(magic)!r}", offset=offset, expected=f"magic {MAGIC!r}")
    version = tuple(raw[4:8])
    compression, serializer = raw[8], raw[9]
    if compression not in (0, 1):
        raise RrdError(f"unknown stream compression byte {compression}", offset=offset + 8,
                       expected="0 (off) or 1 (LZ4)")
    if serializer != 2:
        raise RrdError(f"unsupported serializer {serializer}", offset=offset + 9, expected="2 (protobuf)")
    if raw[10:12] != b"\0\0":
        raise RrdError(f"reserved header bytes are {bytes(raw[10:12]).hex()}", offset=offset + 10,
                       expected="00 00")
    if version != (0, 0, 0, 0) and version[:2] < MIN_VERSION:
        raise RrdError(f"written by Rerun {format_version(version)}, too old to read", offset=offset + 4,
                       expected="a writer version >= 0.23")
    return version  # type: ignore[return-value]


def is_future_version(version: tuple[int, ...]) -> bool:
    return tuple(version[:3]) > RERUN_VERSION[:3]


def encode_message_header(kind: int, length: int) -> bytes:
    return _MSG_HEADER.pack(kind, length)


def decode_message_header(raw: bytes) -> tuple[int, int]:
    return _MSG_HEADER.unpack(raw)


def encode_stream_footer(footer_body_offset: int, footer_body: bytes) -> bytes:
    from ._xxh32 import xxh32

    return _STREAM_FOOTER.pack(footer_body_offset, len(footer_body), xxh32(footer_body, FOOTER_CRC_SEED),
                               FOOTER_MAGIC, 1)


def check_stream_footer(raw: bytes, offset: int, footer_body_offset: int, footer_body: bytes) -> None:
    """Validate the 32-byte stream footer that follows an End message."""
    from ._xxh32 import xxh32

    if len(raw) < STREAM_FOOTER_LEN:
        raise RrdError(f"stream footer cut short: {len(raw)} of 32 bytes", offset=offset,
                       expected="a 32-byte stream footer ending in RRF2FOOT")
    body_off, body_len, crc, magic, _entries = _STREAM_FOOTER.unpack(raw)
    if magic != FOOTER_MAGIC:
        raise RrdError(f"stream footer magic is {magic!r}", offset=offset + 20, expected=f"{FOOTER_MAGIC!r}")
    if body_off != footer_body_offset or body_len != len(footer_body):
        raise RrdError(f"stream footer points at {body_len} bytes at offset {body_off}", offset=offset,
                       expected=f"{len(footer_body)} bytes at offset {footer_body_offset}")
    want = xxh32(footer_body, FOOTER_CRC_SEED)
    if crc != want:
        raise RrdError(f"footer checksum {crc:#010x} does not match the footer body", offset=offset + 16,
                       expected=f"xxh32 {want:#010x}")


# --- TUIDs -------------------------------------------------------------------------------------------------

_tuid_lock = threading.Lock()
_tuid_counter = itertools.count(int.from_bytes(os.urandom(8), "little") & 0x3FFFFFFFFFFFFFFF)
_tuid_last_ns = 0


def new_tuid() -> tuple[int, int]:
    """A process-unique, monotonically increasing ``(time_ns, inc)`` pair (Rerun's TUID)."""
    global _tuid_last_ns
    with _tuid_lock:
        now = max(time.time_ns(), _tuid_last_ns)
        _tuid_last_ns = now
        return now, next(_tuid_counter)


def tuid_to_bytes(tuid: tuple[int, int]) -> bytes:
    """The 16-byte big-endian form used in Arrow columns."""
    return tuid[0].to_bytes(8, "big") + tuid[1].to_bytes(8, "big")


def tuid_from_bytes(raw: bytes) -> tuple[int, int]:
    return int.from_bytes(raw[:8], "big"), int.from_bytes(raw[8:16], "big")


def tuid_to_str(tuid: tuple[int, int], prefix: str = "chunk_") -> str:
    return f"{prefix}{tuid[0]:016X}{tuid[1]:016x}"


def tuid_from_str(text: str) -> tuple[int, int] | None:
    """Parse ``chunk_<32 hex>`` (or a bare 32-hex string); None if it is not one."""
    body = text.split("_", 1)[1] if "_" in text else text
    if len(body) != 32:
        return None
    try:
        return int(body[:16], 16), int(body[16:], 16)
    except ValueError:
        return None
