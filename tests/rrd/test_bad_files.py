"""Damaged RRD streams: clear errors naming the byte offset and what was expected, data before the damage kept."""

from __future__ import annotations

import io
import struct

import lz4.block
import pytest

from rerun_nb.rrd import RrdError, RrdWarning, StoreId, decode_rrd, read_rrd
from rerun_nb.rrd._writer import write_rrd

from ._helpers import sample_chunks

REC = StoreId(1, "bad_files", "rec")


def spans(data: bytes) -> list[tuple[int, int, int, int]]:
    """(kind, header_offset, body_offset, body_len) of every message of a single valid stream."""
    out, pos = [], 12
    while pos < len(data):
        kind, length = struct.unpack_from("<QQ", data, pos)
        out.append((kind, pos, pos + 16, length))
        pos += 16 + length
        if kind == 0:
            break
    return out


@pytest.fixture(scope="module")
def good() -> bytes:
    buf = io.BytesIO()
    write_rrd(buf, [(REC, sample_chunks())])
    return buf.getvalue()


def arrow_spans(data: bytes):
    return [s for s in spans(data) if s[0] == 2]


def test_good_file_is_clean(good):
    result = decode_rrd(good)
    assert result.ok and result.has_footer and len(result.stores[0].chunks) == 3


@pytest.mark.parametrize("head, pattern", [
    (b"PK\x03\x04", r"at byte offset 0: not an RRD stream: found b'PK\\x03\\x04' \(expected magic b'RRF2'\)"),
    (b"RRF1", r"at byte offset 0: legacy RRD format b'RRF1'"),
])
def test_wrong_magic(good, head, pattern):
    data = head + good[4:]
    with pytest.raises(RrdError, match=pattern):
        read_rrd(data, strict=True)
    with pytest.warns(RrdWarning, match="not an RRD|legacy"):
        assert read_rrd(data, strict=False) == []


def test_empty_and_tiny_inputs():
    with pytest.raises(RrdError, match="offset 0: empty stream"):
        read_rrd(b"", strict=True)
    with pytest.raises(RrdError, match="stream header cut short: 5 of 12 bytes"):
        read_rrd(b"RRF2\x00", strict=True)


def test_future_version_warns_but_reads_everything(good):
    data = good[:4] + bytes([0, 99, 1, 0]) + good[8:]
    with pytest.warns(RrdWarning, match=r"offset 4: written by Rerun 0\.99\.1, newer than the supported 0\.41\.0"):
        stores = read_rrd(data, strict=False)
    assert len(stores[0].chunks) == 3
    with pytest.raises(RrdError, match="newer") as info:
        read_rrd(data, strict=True)
    assert info.value.offset == 4 and len(info.value.partial[0].chunks) == 3


def test_too_old_version_is_refused(good):
    data = good[:4] + bytes([0, 20, 0, 0]) + good[8:]
    with pytest.raises(RrdError, match=r"offset 4: written by Rerun 0\.20\.0, too old"):
        read_rrd(data, strict=True)


def test_bad_header_fields(good):
    with pytest.raises(RrdError, match=r"offset 9: unsupported serializer 1 \(expected 2 \(protobuf\)\)"):
        read_rrd(good[:9] + b"\x01" + good[10:], strict=True)
    with pytest.raises(RrdError, match="offset 10: reserved header bytes"):
        read_rrd(good[:10] + b"\x07\x00" + good[12:], strict=True)


def test_truncated_in_a_chunk_keeps_earlier_chunks(good):
    _kind, hdr, body, length = arrow_spans(good)[2]
    cut = body + length // 2
    with pytest.raises(RrdError) as info:
        read_rrd(good[:cut], strict=True)
    err = info.value
    assert err.offset == hdr + 8 and "ArrowMsg message declares" in str(err) and "truncated" in str(err)
    assert len(err.partial[0].chunks) == 2


@pytest.mark.parametrize("where", ["header", "between"])
def test_truncated_at_message_boundaries(good, where):
    _, hdr, body, length = arrow_spans(good)[1]
    cut = hdr + 7 if where == "header" else body + length
    result = decode_rrd(good[:cut])
    (err,) = result.errors
    assert err.offset == cut - (7 if where == "header" else 0)
    assert ("message header cut short: 7 of 16" in str(err)) if where == "header" else ("without an End" in str(err))
    assert len(result.stores[0].chunks) == (1 if where == "header" else 2)


def test_flipped_bytes_in_a_payload_drop_only_that_chunk(good):
    _, _hdr, body, length = arrow_spans(good)[1]
    data = bytearray(good)
    for i in range(body + length - 40, body + length - 20):
        data[i] ^= 0xFF
    result = decode_rrd(bytes(data))
    assert len(result.stores[0].chunks) == 2  # chunk 1 and 3 survive
    assert len(result.errors) == 1
    err = result.errors[0]
    assert body <= err.offset < body + length
    assert "LZ4" in str(err) or "Arrow IPC" in str(err) or "protobuf" in str(err)


def test_bad_lz4_block(good):
    _, _hdr, body, length = arrow_spans(good)[0]
    data = bytearray(good)
    # the payload is the last LEN field before is_static (field 7, 2 bytes): overwrite its start
    payload_start = body + length - 2 - 200
    data[payload_start:payload_start + 8] = b"\xff" * 8
    result = decode_rrd(bytes(data))
    assert len(result.stores[0].chunks) == 2
    (err,) = result.errors
    assert "not a valid LZ4 block" in str(err) or "Arrow IPC" in str(err)
    assert body <= err.offset < body + length


def test_lz4_error_message_names_expected_size():
    from rerun_nb.rrd._reader import decompress

    with pytest.raises(RrdError, match=r"offset 100: .*not a valid LZ4 block.*expected an LZ4 block decompressing to "
                                       r"exactly 50 bytes"):
        decompress(b"\xff" * 10, 2, 50, 100, "ArrowMsg")
    raw = lz4.block.compress(b"x" * 40, store_size=False)
    with pytest.raises(RrdError, match=r"offset 7: ArrowMsg payload decompresses to 40 bytes \(expected 50 bytes\)"):
        decompress(raw, 2, 50, 7, "ArrowMsg")


def test_wrong_length_field(good):
    _, hdr, _body, length = arrow_spans(good)[1]
    data = bytearray(good)
    struct.pack_into("<Q", data, hdr + 8, length - 5)  # too short: the next header lands mid-body
    result = decode_rrd(bytes(data))
    assert result.errors and len(result.stores[0].chunks) >= 1
    assert all(e.offset is not None for e in result.errors)
    struct.pack_into("<Q", data, hdr + 8, 1 << 40)  # absurdly long
    with pytest.raises(RrdError, match=rf"offset {hdr + 8}: ArrowMsg message declares a 1099511627776-byte body"):
        read_rrd(bytes(data), strict=True)


def test_unknown_message_kind(good):
    _, hdr, _, _ = arrow_spans(good)[1]
    data = bytearray(good)
    struct.pack_into("<Q", data, hdr, 9)
    with pytest.raises(RrdError, match=rf"offset {hdr}: unknown message kind 9 \(expected kind 0 \(End\)"):
        read_rrd(bytes(data), strict=True)


def test_bad_footer_checksum_keeps_all_data(good):
    data = bytearray(good)
    data[-16] ^= 0x01  # inside the crc
    result = decode_rrd(bytes(data))
    (err,) = result.errors
    assert "footer checksum" in str(err) and err.offset == len(good) - 16
    assert len(result.stores[0].chunks) == 3 and not result.has_footer


def test_lenient_mode_warns_with_offset(good):
    with pytest.warns(RrdWarning, match=r"RRD at byte offset \d+: End message declares a \d+-byte body but only \d+ bytes remain"):
        stores = read_rrd(good[:-40], strict=False)
    assert len(stores[0].chunks) == 3


def test_chunks_after_broken_framing_are_recovered_through_the_footer(good):
    _, hdr, _body, length = arrow_spans(good)[0]
    data = bytearray(good)
    struct.pack_into("<Q", data, hdr + 8, length + 3)  # corrupt length: framing breaks after chunk 0
    result = decode_rrd(bytes(data))
    assert result.errors  # the damage is reported...
    chunks = result.stores[0].chunks
    assert len(chunks) == 2  # ...chunk 0 itself is lost (its body was misread), chunks 1 and 2 come back
    assert any("recovered 2 chunk(s)" in note for note in result.notes)
    ids = {c.schema.metadata[b"rerun:id"] for c in chunks}
    assert len(ids) == 2
