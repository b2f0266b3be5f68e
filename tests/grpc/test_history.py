"""ReadMessages: late readers get the history (byte-identical, persistent -> static -> temporal), then live data."""

from __future__ import annotations

import threading
import time

import grpc
import pytest

import rerun_nb as rr
from rerun_nb.grpc import GrpcServer
from rerun_nb.grpc._client import request_bytes
from rerun_nb.grpc._codec import activation_msg, arrow_msg, store_id_pb, store_info_msg
from rerun_nb.grpc._reader import READ_MESSAGES, read_messages

from .test_faults import _raw_call


def _chunks(n_temporal: int, payload_points: int = 10):
    src = rr.RecordingStream("hist", recording_id="h", send_properties=False)
    src.set_log_time_enabled(False)
    src.log("static", rr.TextDocument("s"), static=True)
    src.flush()
    out = [src.store.chunks()[-1]]
    for i in range(n_temporal):
        src.set_time("frame", sequence=i)
        src.log("temporal", rr.Points3D([[i, 0, 0]] * payload_points))
        src.flush()
        out.append(src.store.chunks()[-1])
    return out


def _raw_history(server, idle=0.5):
    """The raw ReadMessagesResponse bytes the server replays."""
    out = []
    with grpc.insecure_channel(f"127.0.0.1:{server.port}") as channel:
        call = channel.unary_stream(READ_MESSAGES, request_serializer=None, response_deserializer=None)(b"")

        def cancel_when_idle():
            last = -1
            while True:
                time.sleep(idle)
                if len(out) == last:
                    call.cancel()
                    return
                last = len(out)

        threading.Thread(target=cancel_when_idle, daemon=True).start()
        try:
            for raw in call:
                out.append(raw)  # noqa: PERF402 - appended while the idle watcher reads len(out)
        except grpc.RpcError as err:
            assert err.code() == grpc.StatusCode.CANCELLED
    return out


def test_history_is_byte_identical_and_grouped(server):
    sid = store_id_pb(1, "hist", "h")
    bp = store_id_pb(2, "hist", "bp")
    static, *temporal = _chunks(3)
    info = request_bytes(store_info_msg(sid))
    t = [request_bytes(arrow_msg(sid, c)) for c in temporal]
    s = request_bytes(arrow_msg(sid, static))
    act = request_bytes(activation_msg(bp, make_active=True, make_default=True))
    sent = [info, t[0], s, t[1], act, t[2]]
    assert _raw_call(server, sent) == grpc.StatusCode.OK
    assert _raw_history(server) == [info, act, s, t[0], t[1], t[2]]


def test_memory_limit_drops_oldest_temporal_first():
    static, *temporal = _chunks(20, payload_points=200)
    sid = store_id_pb(1, "hist", "h")
    reqs = [request_bytes(arrow_msg(sid, c)) for c in temporal]
    s = request_bytes(arrow_msg(sid, static))
    info = request_bytes(store_info_msg(sid))
    limit = len(s) + sum(len(r) for r in reqs[-5:])
    srv = GrpcServer(0, server_memory_limit=limit)
    try:
        assert _raw_call(srv, [info, s, *reqs]) == grpc.StatusCode.OK
        assert _raw_history(srv) == [info, s, *reqs[-5:]]
        assert srv.history.dropped_messages == 15
        assert srv.history.droppable_bytes <= limit
    finally:
        srv.stop(grace_sec=0)


def test_newest_first_and_zero_limit():
    _static, *temporal = _chunks(3)
    sid = store_id_pb(1, "hist", "h")
    reqs = [request_bytes(arrow_msg(sid, c)) for c in temporal]
    info = request_bytes(store_info_msg(sid))
    srv = GrpcServer(0, newest_first=True)
    try:
        _raw_call(srv, [info, *reqs])
        assert _raw_history(srv) == [info, *reversed(reqs)]
    finally:
        srv.stop(grace_sec=0)
    srv = GrpcServer(0, server_memory_limit=0)
    try:
        _raw_call(srv, [info, *reqs])
        assert _raw_history(srv) == []
    finally:
        srv.stop(grace_sec=0)


def test_live_reader_sees_new_messages(server):
    sid = store_id_pb(1, "hist", "h")
    _static, *temporal = _chunks(4)
    got = []
    done = threading.Event()

    def reader():
        for msg in read_messages(server.url, idle_timeout_sec=3.0):
            got.append(msg)
            if len(got) == 5:
                break
        done.set()

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    time.sleep(0.3)  # the reader is attached with an empty history
    _raw_call(server, [request_bytes(store_info_msg(sid))] + [request_bytes(arrow_msg(sid, c)) for c in temporal])
    assert done.wait(20)
    assert [m.WhichOneof("msg") for m in got] == ["set_store_info"] + ["arrow_msg"] * 4


def test_serve_grpc_publishes_the_kernel_recording():
    rec = rr.RecordingStream("served", recording_id="sv", send_properties=False)
    rec.set_log_time_enabled(False)
    url = rec.serve_grpc(grpc_port=0)
    try:
        rec.set_time("frame", sequence=3)
        rec.log("kernel", rr.Points3D([[1, 2, 3]]))
        rec.flush()
        msgs = list(read_messages(url, idle_timeout_sec=0.5))
        assert msgs[0].WhichOneof("msg") == "set_store_info"
        assert msgs[0].set_store_info.info.store_id.application_id.id == "served"
        assert [m.arrow_msg.store_id.recording_id for m in msgs[1:]] == ["sv"]
    finally:
        rec.disconnect()
    with pytest.raises(grpc.FutureTimeoutError):  # as in rerun-sdk, disconnecting the recording stops its server
        list(read_messages(url, connect_timeout_sec=0.5))
