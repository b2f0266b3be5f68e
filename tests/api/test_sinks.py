"""Sinks as in rerun-sdk 0.41: several at once, files, memory, a byte stream, stdout; gRPC says what brings it."""

from __future__ import annotations

import subprocess
import sys
import warnings

import numpy as np
import pytest

import rerun_nb as rr


def _positions(path) -> dict:
    loaded = rr.load(path)
    out = {}
    for entity in loaded.store.entity_paths():
        res = loaded.store.latest_at(entity, timeline="frame", sequence=10**6)
        if "Points3D:positions" in res:
            out[entity] = np.asarray(res["Points3D:positions"]).tolist()
    return out


def test_set_sinks_writes_every_file(rec, tmp_path):
    rec.log("before", rr.Points3D([[0, 0, 0]]), static=True)
    a, b = tmp_path / "a.rrd", tmp_path / "b.rrd"
    rr.set_sinks(rr.FileSink(a), rr.FileSink(b))
    rec.set_time("frame", sequence=1)
    rec.log("after", rr.Points3D([[1, 2, 3]]))
    rr.disconnect()
    expected = {"/before": [[0.0, 0.0, 0.0]], "/after": [[1.0, 2.0, 3.0]]}
    assert _positions(a) == expected
    assert _positions(b) == expected


class _ListSink:
    def __init__(self):
        self.chunks, self.closed = [], False

    def write_chunks(self, chunks):
        self.chunks.extend(chunks)

    def flush(self):
        pass

    def close(self):
        self.closed = True


class _BrokenSink(_ListSink):
    def write_chunks(self, chunks):
        raise OSError("disk full")


def test_a_failing_sink_does_not_stop_the_others(rec):
    rr.set_strict_mode(False)
    good = _ListSink()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        rec.set_sinks(_BrokenSink(), good)
        for i in range(3):
            rec.log(f"p{i}", rr.Points3D([[i, 0, 0]]), static=True)
            rec.flush()
    entities = {(c.schema.metadata or {}).get(b"rerun:entity_path") for c in good.chunks}
    assert {b"/p0", b"/p1", b"/p2"} <= entities
    messages = [str(w.message) for w in caught if "disk full" in str(w.message)]
    assert len(messages) == 1  # warned once
    rec.disconnect()
    assert good.closed


def test_set_sinks_rejects_non_sinks(rec):
    with pytest.raises(rr.error_utils.RerunError, match="expected a sink"):
        rr.set_sinks("out.rrd")


def test_memory_recording_drains_standalone_rrd(rec, tmp_path):
    mem = rr.memory_recording()
    rec.set_time("frame", sequence=1)
    rec.log("a", rr.Points3D([[1, 1, 1]]))
    assert mem.num_msgs() == 2  # the store info and one chunk
    first = mem.drain_as_bytes()
    assert mem.num_msgs() == 0
    rec.log("b", rr.Points3D([[2, 2, 2]]))
    second = mem.drain_as_bytes()
    (tmp_path / "1.rrd").write_bytes(first)
    (tmp_path / "2.rrd").write_bytes(second)
    assert _positions(tmp_path / "1.rrd") == {"/a": [[1.0, 1.0, 1.0]]}
    assert _positions(tmp_path / "2.rrd") == {"/b": [[2.0, 2.0, 2.0]]}


def test_binary_stream_reads_one_continuous_rrd(rec, tmp_path):
    stream = rr.binary_stream()
    parts = []
    for i in range(3):
        rec.set_time("frame", sequence=i)
        rec.log("p", rr.Points3D([[i, i, i]]))
        parts.append(stream.read() or b"")
    rec.disconnect()
    parts.append(stream.read() or b"")
    assert parts[0].startswith(b"RRF2")
    assert all(not p.startswith(b"RRF2") for p in parts[1:])
    assert stream.read() is None
    (tmp_path / "s.rrd").write_bytes(b"".join(parts))
    assert _positions(tmp_path / "s.rrd") == {"/p": [[2.0, 2.0, 2.0]]}


def test_stdout_streams_rrd(tmp_path):
    script = ("import rerun_nb as rr\nrr.init('rerun_example_stdout')\nrr.stdout()\n"
              "rr.set_time('frame', sequence=1)\nrr.log('x', rr.Points3D([[7, 8, 9]]))\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, check=True, timeout=120).stdout
    assert out.startswith(b"RRF2")
    (tmp_path / "o.rrd").write_bytes(out)
    assert _positions(tmp_path / "o.rrd") == {"/x": [[7.0, 8.0, 9.0]]}


def test_grpc_sink_and_file_sink_at_once(tmp_path):
    import socket

    from rerun_nb.grpc import GrpcServer, wait_for_recording

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = GrpcServer(port)
    try:
        rec = rr.RecordingStream("rerun_example_two_sinks", send_properties=False)
        rec.set_sinks(rr.GrpcSink(f"rerun+http://127.0.0.1:{port}/proxy"), rr.FileSink(tmp_path / "both.rrd"))
        rec.set_time("frame", sequence=1)
        rec.log("p", rr.Points3D([[1, 2, 3]]))
        rec.disconnect()
        got = wait_for_recording("rerun_example_two_sinks", timeout_sec=30)
        assert got.store.latest_at("p", timeline="frame")["Points3D:positions"].tolist() == [[1, 2, 3]]
        assert rr.load(tmp_path / "both.rrd").store.entity_paths() == ["/p"]
    finally:
        server.stop()


def test_file_sink_without_footer_is_still_readable(rec, tmp_path):
    path = tmp_path / "nofooter.rrd"
    rr.set_sinks(rr.FileSink(path, write_footer=False), rr.FileSink(tmp_path / "footer.rrd"))
    rec.set_time("frame", sequence=1)
    rec.log("p", rr.Points3D([[1, 2, 3]]))
    rr.disconnect()
    with_footer = (tmp_path / "footer.rrd").read_bytes()
    assert len(path.read_bytes()) < len(with_footer)  # no End message / manifest
    rr.set_strict_mode(False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the reader notes the missing End message
        assert _positions(path) == {"/p": [[1.0, 2.0, 3.0]]}
