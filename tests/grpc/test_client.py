"""rerun_nb's own client (``rr.connect_grpc``, `GrpcStreamSink`, ``rr.set_sinks(rr.GrpcSink(...))``) against our server and the real ``rerun --serve-grpc``."""

from __future__ import annotations

import time
import warnings

import numpy as np
import pytest

import rerun_nb as rr
from rerun_nb.grpc import GrpcServer, GrpcStreamSink, GrpcWarning, parse_url, wait_for_recording
from rerun_nb.grpc._codec import decode_arrow_msg
from rerun_nb.grpc._reader import read_messages

from .conftest import free_port


def _log_frames(rec, n, entity="pts"):
    for i in range(n):
        rec.set_time("frame", sequence=i)
        rec.log(entity, rr.Points3D([[i, 0, 0]], radii=[0.5]))


def test_parse_url_like_rerun():
    assert parse_url(None) == ("127.0.0.1", 9876, False)
    assert parse_url("rerun+http://127.0.0.1:1234/proxy") == ("127.0.0.1", 1234, False)
    assert parse_url("rerun+http://127.0.0.1/proxy") == ("127.0.0.1", 9876, False)
    assert parse_url("127.0.0.1:5555/proxy") == ("127.0.0.1", 5555, False)
    assert parse_url("rerun+http://0.0.0.0:7/proxy") == ("127.0.0.1", 7, False)
    assert parse_url("rerun+https://example.org/proxy") == ("example.org", 443, True)
    for bad, why in [("http://127.0.0.1:9876/proxy", "scheme"), ("rerun+http://127.0.0.1:9876", "Unexpected URI"),
                     ("rerun+http://127.0.0.1:9876/catalog", "Unexpected URI")]:
        with pytest.raises(ValueError, match=why):
            parse_url(bad)


def test_connect_grpc_to_our_server(server):
    rec = rr.RecordingStream("client_app", recording_id="r1", send_properties=False)
    rec.connect_grpc(server.url)
    _log_frames(rec, 200)
    rec.log("static/thing", rr.TextDocument("hello"), static=True)
    rec.disconnect()
    got = wait_for_recording("client_app", timeout_sec=10)
    assert got is not rec and got.recording_id == "r1"
    deadline = time.monotonic() + 10
    while len(got.store.range("pts", timeline="frame")) < 200 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert got.store.entity_paths() == rec.store.entity_paths() == ["/pts", "/static/thing"]
    assert got.store.reader("frame").to_arrow_table().equals(rec.store.reader("frame").to_arrow_table())
    res = got.store.latest_at("pts", timeline="frame", sequence=150)
    assert res["Points3D:positions"].tolist() == [[150.0, 0.0, 0.0]]


def test_module_level_connect_and_default_url_refused_scheme():
    rr.init("module_level", recording_id="m")
    with pytest.raises(ValueError, match="scheme"):
        rr.connect_grpc("http://127.0.0.1:1/proxy")


def test_default_blueprint_goes_first(server):
    from rerun_nb import blueprint as rrb

    rec = rr.RecordingStream("bp_app", recording_id="b", send_properties=False)
    rec.connect_grpc(server.url, default_blueprint=rrb.Spatial3DView(origin="/"))
    rec.log("p", rr.Points3D([[0, 0, 0]]), static=True)
    rec.disconnect()
    kinds = [(m.WhichOneof("msg"), m.arrow_msg.store_id.kind if m.HasField("arrow_msg") else None)
             for m in read_messages(server.url, idle_timeout_sec=0.5)]
    assert kinds[0] == ("set_store_info", None)
    assert ("blueprint_activation_command", None) in kinds
    first_recording_chunk = kinds.index(("arrow_msg", 1))
    assert kinds.index(("blueprint_activation_command", None)) < first_recording_chunk


def test_connect_grpc_to_real_rerun_serve_grpc(rerun_serve_grpc):
    rec = rr.RecordingStream("to_real", recording_id="rr1", send_properties=False)
    rec.connect_grpc(rerun_serve_grpc)
    _log_frames(rec, 50)
    rec.disconnect()
    msgs = list(read_messages(rerun_serve_grpc, idle_timeout_sec=1.0))
    assert msgs[0].WhichOneof("msg") == "set_store_info"
    assert msgs[0].set_store_info.info.store_id.application_id.id == "to_real"
    chunks = [decode_arrow_msg(m.arrow_msg, max_decoded_bytes=1 << 30) for m in msgs if m.HasField("arrow_msg")]
    assert sum(c.num_rows for c in chunks) == 50
    frames = np.concatenate([c.column("frame").to_numpy() for c in chunks])
    assert frames.tolist() == list(range(50))  # in order


def test_real_rerun_viewer_reads_back_from_our_server(server, tmp_path):
    """``rerun --save out.rrd URL`` (the real 0.41 receiving viewer, headless) reads our history back."""
    import subprocess

    from .conftest import RERUN_BIN

    rec = rr.RecordingStream("readback", recording_id="rb", send_properties=False)
    rec.connect_grpc(server.url)
    _log_frames(rec, 20)
    rec.disconnect()
    wait_for_recording("readback", timeout_sec=10)
    out = tmp_path / "got.rrd"
    proc = subprocess.Popen([str(RERUN_BIN), "--save", str(out), "--port", str(free_port()), server.url],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        stores = []
        while time.monotonic() < deadline:
            time.sleep(0.5)
            if out.exists() and out.stat().st_size > 0:
                from rerun_nb.rrd import decode_rrd

                result = decode_rrd(out.read_bytes())
                stores = [s for s in result.stores if s.recording_id == "rb"]
                if stores and sum(c.num_rows for c in stores[0].chunks) >= 20:
                    break
    finally:
        proc.kill()
        proc.wait(timeout=10)
    assert stores, "the real rerun --save wrote nothing from our server"
    assert sum(c.num_rows for c in stores[0].chunks) == 20


def test_server_down_buffers_reconnects_and_flush_is_bounded():
    port = free_port()
    url = f"rerun+http://127.0.0.1:{port}/proxy"
    rec = rr.RecordingStream("flaky", recording_id="f", send_properties=False)
    rec.connect_grpc(url, flush_timeout_sec=0.3)
    _log_frames(rec, 10)
    t0 = time.monotonic()
    with pytest.warns(GrpcWarning, match="timed out"):
        rec.flush()  # nobody listens: bounded by flush_timeout_sec, and it warns
    assert time.monotonic() - t0 < 5  # generous bound; the contract is 0.3 s
    srv = GrpcServer(port)
    try:
        _log_frames(rec, 5, entity="later")
        deadline = time.monotonic() + 20
        got = None
        while time.monotonic() < deadline:
            got = next(iter(r for r in _incoming("flaky")), None)
            if got is not None and len(got.store.range("pts", timeline="frame")) == 10 and \
                    len(got.store.range("later", timeline="frame")) == 5:
                break
            time.sleep(0.05)
        assert got is not None
        assert len(got.store.range("pts", timeline="frame")) == 10
        assert len(got.store.range("later", timeline="frame")) == 5
        chunks_before = len([c for c in got.store.store_chunks() if c.entity_path != "/after_restart"])
        # the server goes away and a new one comes up on the same port: the sink reconnects
        srv.stop(grace_sec=0)
        srv = GrpcServer(port)
        _log_frames(rec, 3, entity="after_restart")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", GrpcWarning)
            rec.disconnect()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and len(got.store.range("after_restart", timeline="frame")) < 3:
            time.sleep(0.05)
        assert len(got.store.range("after_restart", timeline="frame")) == 3
        # what the sink re-sent after the reconnect (its replay window) was recognised, not stored twice
        assert len([c for c in got.store.store_chunks() if c.entity_path != "/after_restart"]) == chunks_before
        assert len(got.store.range("pts", timeline="frame")) == 10
        assert len(got.store.range("later", timeline="frame")) == 5
    finally:
        srv.stop(grace_sec=0)


def _incoming(app):
    from rerun_nb.grpc import incoming_recordings

    return incoming_recordings(app)


def test_buffer_is_bounded_while_disconnected():
    port = free_port()
    rec = rr.RecordingStream("bounded", recording_id="b", send_properties=False)
    sink = GrpcStreamSink(f"rerun+http://127.0.0.1:{port}/proxy", rec, flush_timeout_sec=0.1, max_buffer_bytes=20_000)
    rec._set_sink(sink)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GrpcWarning)
        for i in range(100):
            rec.set_time("frame", sequence=i)
            rec.log("big", rr.Points3D(np.zeros((100, 3), np.float32)))
            rec.flush()
        assert sink.chunks_dropped > 0
        assert sink._pending_bytes <= 20_000 + 5_000
        rec.disconnect()


def test_set_sinks_with_grpc_sink_and_file_sink(server, tmp_path):
    """``rr.set_sinks(rr.GrpcSink(url), rr.FileSink(path))``: both get every chunk (rerun-sdk 0.41's API)."""
    rr.init("sinks_app", recording_id="s")
    rr.set_sinks(rr.GrpcSink(server.url), rr.FileSink(tmp_path / "both.rrd"))
    for i in range(20):
        rr.set_time("frame", sequence=i)
        rr.log("x", rr.Scalars(float(i)))
    rr.disconnect()
    got = wait_for_recording("sinks_app", timeout_sec=10)
    deadline = time.monotonic() + 10
    while len(got.store.range("x", timeline="frame")) < 20 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert len(got.store.range("x", timeline="frame")) == 20
    from_file = rr.load(tmp_path / "both.rrd")
    assert len(from_file.store.range("x", timeline="frame")) == 20


def test_grpc_server_sink_serves_the_recording():
    port = free_port()
    uri = f"rerun+http://127.0.0.1:{port}/proxy"
    rec = rr.RecordingStream("server_sink", recording_id="ss", send_properties=False)
    rec.set_sinks(rr.GrpcServerSink(port=port))  # binds 127.0.0.1 (Rerun's default is 0.0.0.0)
    rec.set_time("frame", sequence=1)
    rec.log("p", rr.Points3D([[1, 2, 3]]))
    rec.flush()
    msgs = list(read_messages(uri, idle_timeout_sec=0.5))
    assert [m.WhichOneof("msg") for m in msgs][:1] == ["set_store_info"]
    assert sum(decode_arrow_msg(m.arrow_msg, max_decoded_bytes=1 << 20).num_rows for m in msgs
               if m.HasField("arrow_msg")) == 1
    rec.disconnect()  # replacing or dropping the sinks shuts the server down, as in rerun-sdk
    import grpc

    with pytest.raises(grpc.FutureTimeoutError):
        list(read_messages(uri, connect_timeout_sec=0.5))
