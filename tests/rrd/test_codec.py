"""The RRD codec alone (no store): round trips, real rerun-sdk files, and the real CLI on our files."""

from __future__ import annotations

import io

import pyarrow as pa
import pytest

from rerun_nb.rrd import RrdError, StoreId, decode_rrd, read_rrd
from rerun_nb.rrd._writer import RrdWriter, write_rrd

from ._helpers import needs_cli, run_cli, sample_chunks

REC = StoreId(1, "rerun_nb_test", "rec-1")
REC2 = StoreId(1, "rerun_nb_test", "rec-2")
BP = StoreId(2, "rerun_nb_test", "bp-1")


def _roundtrip(stores, **kw) -> list:
    buf = io.BytesIO()
    write_rrd(buf, stores, **kw)
    return read_rrd(buf.getvalue(), strict=True)


@pytest.mark.parametrize("compression", [True, False])
def test_roundtrip_keeps_chunks_exactly(compression):
    chunks = sample_chunks()
    (store,) = _roundtrip([(REC, chunks)], compression=compression)
    assert store.store_id == REC and store.kind == "recording"
    assert len(store.chunks) == len(chunks)
    for a, b in zip(chunks, store.chunks):
        assert a.equals(b)
        assert a.schema.equals(b.schema, check_metadata=True)
    assert store.manifest is not None and store.manifest.num_rows == 3
    assert store.manifest.column("chunk_is_static").to_pylist() == [False, True, False]


def test_several_stores_interleaved_and_blueprint_activation():
    buf = io.BytesIO()
    c1, c2, c3 = sample_chunks()
    with RrdWriter(buf) as w:
        w.write_chunk(REC, c1)
        w.write_chunk(REC2, c2)
        w.write_chunk(BP, c3)
        w.write_chunk(REC, c3)
        w.write_blueprint_activation(BP, make_active=True)
    stores = read_rrd(buf.getvalue(), strict=True)
    assert [s.store_id for s in stores] == [REC, REC2, BP]
    assert [len(s.chunks) for s in stores] == [2, 1, 1]
    assert stores[2].kind == "blueprint" and stores[2].activation.make_active
    assert all(s.manifest is not None for s in stores)


def test_concatenated_streams_are_read_as_one():
    c1, c2, _ = sample_chunks()
    a, b = io.BytesIO(), io.BytesIO()
    write_rrd(a, [(REC, [c1])])
    write_rrd(b, [(REC, [c2]), (REC2, [c1])])
    result = decode_rrd(a.getvalue() + b.getvalue())
    assert result.ok, result.errors
    assert [len(s.chunks) for s in result.stores] == [2, 1]
    assert len(result.writer_versions) == 2


def test_writer_rejects_non_chunks_with_offset():
    bad = pa.RecordBatch.from_pydict({"x": [1, 2]})
    with pytest.raises(RrdError, match=r"at byte offset 12: .*rerun:entity_path"):
        RrdWriter(io.BytesIO()).write_chunk(REC, bad)


def test_reads_sdk_dna(sdk_dna_rrd):
    result = decode_rrd(sdk_dna_rrd)
    assert result.ok, result.errors
    assert result.has_footer and result.writer_versions == [(0, 41, 0, 0)]
    (store,) = result.stores
    assert (store.application_id, store.recording_id, store.kind) == ("rerun_example_dna_abacus", "dna-fixed",
                                                                       "recording")
    assert store.info.version_bits == 10496
    entities = {c.schema.metadata[b"rerun:entity_path"].decode() for c in store.chunks}
    assert entities == {"/__properties", "/dna/structure", "/dna/structure/left", "/dna/structure/right",
                        "/dna/structure/scaffolding", "/dna/structure/scaffolding/beads"}
    rows = sum(c.num_rows for c in store.chunks if c.schema.metadata[b"rerun:entity_path"] == b"/dna/structure")
    assert rows == 400
    assert sum(store.manifest.column("chunk_num_rows").to_pylist()) == sum(c.num_rows for c in store.chunks)


def test_reads_sdk_recording_with_blueprint(sdk_rich_rrd):
    stores = read_rrd(sdk_rich_rrd, strict=True)
    kinds = sorted(s.kind for s in stores)
    assert kinds == ["blueprint", "recording"]
    bp = next(s for s in stores if s.kind == "blueprint")
    assert bp.activation is not None and bp.activation.make_default
    rec = next(s for s in stores if s.kind == "recording")
    names = set()
    for c in rec.chunks:
        names.update(c.schema.names)
    assert {"frame", "sim_time", "wall", "log_time", "Image:buffer", "TextLog:text", "confidence"} <= names


@needs_cli
def test_real_sdk_manifest_is_reproduced(sdk_dna_rrd, tmp_path):
    """Re-encoding an SDK file gives the same footer manifest (bar byte offsets/sizes) and equal data."""
    stores = read_rrd(sdk_dna_rrd, strict=True)
    out = tmp_path / "again.rrd"
    write_rrd(out, stores)
    (again,) = read_rrd(out, strict=True)
    m1, m2 = stores[0].manifest, again.manifest
    assert m1.schema.equals(m2.schema, check_metadata=True)
    for name in m1.schema.names:
        if not name.startswith("chunk_byte"):
            assert m1.column(name).equals(m2.column(name)), name
    proc = run_cli("rrd", "compare", str(out), str(sdk_dna_rrd))
    assert proc.returncode == 0, proc.stdout + proc.stderr


@needs_cli
@pytest.mark.parametrize("compression", [True, False])
def test_cli_verifies_and_prints_our_file(tmp_path, compression):
    path = tmp_path / "ours.rrd"
    c1, c2, c3 = sample_chunks()
    with RrdWriter(path, compression=compression) as w:
        for c in (c1, c2, c3):
            w.write_chunk(REC, c)
        w.write_chunk(REC2, c3)
    proc = run_cli("rrd", "verify", str(path))
    assert proc.returncode == 0 and "verified without error" in proc.stdout + proc.stderr, proc.stderr
    printed = run_cli("rrd", "print", "-vvv", str(path)).stdout
    assert "/world/points" in printed and "/plot/a\\ b" in printed and "my_custom_thing" in printed
    assert "4278190335" in printed  # 0xFF0000FF, the static color
    assert printed.count("rec-2") >= 1


def test_progress_callback_reaches_the_end(tmp_path):
    path = tmp_path / "p.rrd"
    size = write_rrd(path, [(REC, sample_chunks())])
    seen = []
    read_rrd(path, strict=True, progress=lambda done, total: seen.append((done, total)))
    assert seen and all(total == size for _, total in seen)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and seen[-1][0] < size  # the footer follows


def test_reads_from_a_non_seekable_stream():
    class Pipe(io.RawIOBase):
        def __init__(self, data):
            self._buf = io.BytesIO(data)

        def readable(self):
            return True

        def read(self, n=-1):
            return self._buf.read(n)

        def seekable(self):
            return False

        def tell(self):
            raise io.UnsupportedOperation

    buf = io.BytesIO()
    write_rrd(buf, [(REC, sample_chunks())])
    result = decode_rrd(Pipe(buf.getvalue()))
    assert result.ok and len(result.stores[0].chunks) == 3
