"""Hypothesis fuzzing of the RRD reader: damaged versions of a valid file never crash it.

Every input must decode to a result (no exception escapes `decode_rrd`), every error must name a byte offset
inside the input, and every chunk returned must be a valid Rerun chunk. The number of inputs tried is
printed (run with ``-s``) and checked.
"""

from __future__ import annotations

import io
import os

import pyarrow as pa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rerun_nb.rrd import StoreId, decode_rrd
from rerun_nb.rrd._chunk_check import check_chunk
from rerun_nb.rrd._writer import write_rrd

from ._helpers import sample_chunks

MAX_EXAMPLES = int(os.environ.get("RERUN_NB_FUZZ_EXAMPLES", "1000"))


def _good() -> bytes:
    buf = io.BytesIO()
    chunks = sample_chunks()
    write_rrd(buf, [(StoreId(1, "fuzz", "a"), chunks[:2]), (StoreId(2, "fuzz", "bp"), chunks[2:])],
              compression=True)
    small = io.BytesIO()
    write_rrd(small, [(StoreId(1, "fuzz", "b"), chunks[2:])], compression=False)
    return buf.getvalue() + small.getvalue()  # two concatenated streams, compressed and not


GOOD = _good()
TRIED = {"n": 0}


@st.composite
def damaged(draw) -> bytes:
    data = bytearray(GOOD)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["flip", "overwrite", "truncate", "insert", "delete", "u64"]))
        pos = draw(st.integers(0, max(len(data) - 1, 0)))
        if op == "flip":
            data[pos] ^= 1 << draw(st.integers(0, 7))
        elif op == "overwrite":
            blob = draw(st.binary(min_size=1, max_size=32))
            data[pos:pos + len(blob)] = blob
        elif op == "truncate":
            del data[pos:]
        elif op == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=16))
        elif op == "delete":
            del data[pos:pos + draw(st.integers(1, 64))]
        else:  # a corrupt length or kind: an 8-byte little-endian integer somewhere
            value = draw(st.sampled_from([0, 1, 2, 3, 4, 255, 1 << 31, 1 << 63, (1 << 64) - 1]))
            data[pos:pos + 8] = value.to_bytes(8, "little")
        if not data:
            break
    return bytes(data)


def _check(data: bytes) -> None:
    TRIED["n"] += 1
    result = decode_rrd(data)
    for err in result.errors:
        assert err.offset is not None and 0 <= err.offset <= len(data), err
        assert "expected" in str(err), err
    for store in result.stores:
        for chunk in store.chunks:
            assert isinstance(chunk, pa.RecordBatch)
            check_chunk(chunk, 0)


@settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged())
def test_fuzz_damaged_files(data):
    _check(data)


@settings(max_examples=MAX_EXAMPLES // 4, deadline=None)
@given(st.binary(max_size=256))
def test_fuzz_random_bytes_after_magic(tail):
    _check(b"RRF2\x00\x29\x00\x00\x01\x02\x00\x00" + tail)
    _check(tail)


def test_fuzz_report():
    """Runs last in this module: reports how many inputs the fuzz tests above tried."""
    print(f"\nRRD reader fuzz: {TRIED['n']} inputs decoded without a crash")
    assert TRIED["n"] >= MAX_EXAMPLES
