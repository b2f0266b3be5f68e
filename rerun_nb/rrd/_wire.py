"""A minimal protobuf (proto3) wire codec: varint, fixed64 and length-delimited fields only.

Enough for the handful of Rerun `log_msg.v1alpha1` messages found in RRD files; no dependency on `protobuf`.
Decoding is defensive: a bad tag, an over-long varint or a length running past the end raises `RrdError`
naming the absolute byte offset.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator

from ._errors import RrdError

VARINT, FIXED64, LEN, FIXED32 = 0, 1, 2, 5

_U64 = struct.Struct("<Q")
_U32 = struct.Struct("<I")


def encode_varint(value: int) -> bytes:
    """Encode a non-negative integer (negative int32/int64 are sent as 64-bit two's complement)."""
    if value < 0:
        value += 1 << 64
    out = bytearray()
    while value > 0x7F:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def field_varint(num: int, value: int) -> bytes:
    return encode_varint(num << 3 | VARINT) + encode_varint(int(value))


def field_fixed64(num: int, value: int) -> bytes:
    return encode_varint(num << 3 | FIXED64) + _U64.pack(value & 0xFFFFFFFFFFFFFFFF)


def field_bytes(num: int, value: bytes) -> bytes:
    return encode_varint(num << 3 | LEN) + encode_varint(len(value)) + bytes(value)


def field_str(num: int, value: str) -> bytes:
    return field_bytes(num, value.encode("utf-8"))


def _read_varint(buf: memoryview, pos: int, end: int, base: int) -> tuple[int, int]:
    result = 0
    shift = 0
    start = pos
    while True:
        if pos >= end:
            raise RrdError("protobuf varint runs past the end of the message", offset=base + start,
                           expected="a terminated varint")
        byte = buf[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return result, pos
        shift += 7
        if shift >= 70:
            raise RrdError("protobuf varint longer than 10 bytes", offset=base + start, expected="a varint")


def iter_fields(buf: bytes | memoryview, base: int = 0, what: str = "message") -> Iterator[tuple[int, int, object, int]]:
    """Yield ``(field_number, wire_type, value, value_offset)``.

    value is an int for varint/fixed fields and a memoryview for LEN fields; value_offset is absolute.

    ``base`` is the absolute offset of ``buf[0]`` in the file, used in error messages.
    """
    view = memoryview(buf)
    pos, end = 0, len(view)
    while pos < end:
        tag_pos = pos
        tag, pos = _read_varint(view, pos, end, base)
        num, wire = tag >> 3, tag & 7
        if num == 0:
            raise RrdError(f"protobuf field number 0 in {what}", offset=base + tag_pos,
                           expected="a field tag with number >= 1")
        value_pos = pos
        if wire == VARINT:
            value, pos = _read_varint(view, pos, end, base)
        elif wire == FIXED64:
            if pos + 8 > end:
                raise RrdError(f"fixed64 field {num} of {what} is cut short", offset=base + pos,
                               expected="8 bytes")
            value = _U64.unpack_from(view, pos)[0]
            pos += 8
        elif wire == FIXED32:
            if pos + 4 > end:
                raise RrdError(f"fixed32 field {num} of {what} is cut short", offset=base + pos,
                               expected="4 bytes")
            value = _U32.unpack_from(view, pos)[0]
            pos += 4
        elif wire == LEN:
            length, pos = _read_varint(view, pos, end, base)
            if pos + length > end:
                raise RrdError(f"field {num} of {what} declares {length} bytes but only {end - pos} remain",
                               offset=base + pos, expected=f"at most {end - pos} bytes")
            value_pos = pos
            value = view[pos:pos + length]
            pos += length
        else:
            raise RrdError(f"unsupported protobuf wire type {wire} (field {num}) in {what}",
                           offset=base + tag_pos, expected="wire type 0, 1, 2 or 5")
        yield num, wire, value, base + value_pos
