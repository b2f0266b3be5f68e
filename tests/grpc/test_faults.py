"""Untrusted network input: a malformed or hostile stream closes only its own call, with a logged reason."""

from __future__ import annotations

import signal
import time

import grpc
import pyarrow as pa
import pytest

import rerun_nb as rr
from rerun_nb._proto import common_pb2, log_msg_pb2
from rerun_nb.grpc import GrpcServer, wait_for_recording
from rerun_nb.grpc._client import WRITE_MESSAGES, request_bytes
from rerun_nb.grpc._codec import arrow_msg, store_id_pb, store_info_msg

from .conftest import start_python


def _raw_call(url_or_server, requests, timeout=20):
    """Send raw serialized WriteMessagesRequests in one call; return the grpc status code."""
    target = f"127.0.0.1:{url_or_server.port}"
    with grpc.insecure_channel(target, options=[("grpc.max_send_message_length", -1)]) as channel:
        call = channel.stream_unary(WRITE_MESSAGES, request_serializer=None, response_deserializer=None)
        try:
            call(iter(requests), timeout=timeout)
        except grpc.RpcError as err:
            return err.code()
        return grpc.StatusCode.OK


def _good_chunk(rec, i, entity="good"):
    rec.set_time("frame", sequence=i)
    rec.log(entity, rr.Points3D([[i, 0, 0]]))
    rec.flush()
    return rec.store.chunks()[-1]


@pytest.fixture
def good_stream(server):
    """Requests of a valid stream for app 'good' (SetStoreInfo + 5 chunks)."""
    src = rr.RecordingStream("good", recording_id="g", send_properties=False)
    src.set_log_time_enabled(False)
    sid = store_id_pb(1, "good", "g")
    return [request_bytes(store_info_msg(sid))] + [request_bytes(arrow_msg(sid, _good_chunk(src, i))) for i in range(5)]


def _arrow_request(payload: bytes, *, compression=common_pb2.COMPRESSION_NONE, uncompressed_size=0) -> bytes:
    msg = log_msg_pb2.ArrowMsg(store_id=store_id_pb(1, "bad", "b"), compression=compression, payload=payload,
                               uncompressed_size=uncompressed_size, encoding=log_msg_pb2.ENCODING_ARROW_IPC)
    return request_bytes(log_msg_pb2.LogMsg(arrow_msg=msg))


HOSTILE = {
    "bad protobuf": (b"\x0a\xff\xff\xff\xff\x0f garbage", "not valid protobuf"),
    "empty request": (b"", "missing `log_msg`"),
    "empty oneof": (b"\x0a\x00", "missing `msg`"),
    "bad arrow ipc": (_arrow_request(b"\x00" * 64), "no valid Arrow IPC"),
    "bad lz4": (_arrow_request(b"\xff" * 64, compression=common_pb2.COMPRESSION_LZ4, uncompressed_size=1000),
                "not a valid LZ4 block"),
    "lying lz4 length": (_arrow_request(b"\x10abcd", compression=common_pb2.COMPRESSION_LZ4, uncompressed_size=7),
                         "LZ4"),
    "bad arrow ipc, large (zero-copy path)": (_arrow_request(b"\x00" * 100_000), "no valid Arrow IPC"),
    "lying inner length, large": (b"\x0a\xa0\x8d\x06\x12\xff\xff\x7f" + b"\x00" * 100_000, "not valid protobuf"),
    "huge declared size": (_arrow_request(b"\x00", compression=common_pb2.COMPRESSION_LZ4,
                                          uncompressed_size=1 << 40), "over this server's limit"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_message_closes_only_its_stream(server, good_stream, case):
    raw, reason = HOSTILE[case]
    assert _raw_call(server, good_stream[:3]) == grpc.StatusCode.OK  # data stored before the attack
    code = _raw_call(server, [good_stream[0], raw, good_stream[4]])
    assert code in (grpc.StatusCode.INVALID_ARGUMENT, grpc.StatusCode.RESOURCE_EXHAUSTED)
    assert len(server.connection_errors) == 1 and reason in server.connection_errors[0], server.connection_errors
    rec = wait_for_recording("good", timeout_sec=5)
    assert len(rec.store.range("good", timeline="frame")) == 2  # untouched; the message after the bad one is not read
    assert _raw_call(server, good_stream[3:]) == grpc.StatusCode.OK  # the server goes on serving
    assert len(rec.store.range("good", timeline="frame")) == 5


def test_oversized_message_is_refused(good_stream):
    srv = GrpcServer(0, max_message_bytes=10_000)
    try:
        big = _arrow_request(b"\x00" * 20_000)
        assert _raw_call(srv, [good_stream[0], big]) == grpc.StatusCode.RESOURCE_EXHAUSTED
        assert _raw_call(srv, good_stream) == grpc.StatusCode.OK
        assert len(wait_for_recording("good", timeout_sec=5).store.range("good", timeline="frame")) == 5
    finally:
        srv.stop(grace_sec=0)


def test_flood_of_new_stores_is_cut_off():
    srv = GrpcServer(0, max_stores_per_connection=8)
    try:
        flood = (request_bytes(store_info_msg(store_id_pb(1, "flood", f"r{i}"))) for i in range(10_000))
        assert _raw_call(srv, flood) == grpc.StatusCode.RESOURCE_EXHAUSTED
        assert "max_stores_per_connection" in srv.connection_errors[-1]
        from rerun_nb.grpc import incoming_recordings

        assert len(incoming_recordings("flood")) == 8
    finally:
        srv.stop(grace_sec=0)


def test_chunk_the_store_refuses_is_skipped_not_fatal(server):
    """A well-formed chunk the store cannot take (a timeline logged with another kind) is skipped; the stream goes on."""
    src = rr.RecordingStream("kinds", recording_id="k", send_properties=False)
    src.set_log_time_enabled(False)
    sid = store_id_pb(1, "kinds", "k")
    src.set_time("t", sequence=1)
    src.log("a", rr.Points3D([[1, 1, 1]]))
    src.flush()
    seq_chunk = src.store.chunks()[-1]
    other = rr.RecordingStream("other", send_properties=False)
    other.set_log_time_enabled(False)
    other.set_time("t", duration=2.0)
    other.log("b", rr.Points3D([[2, 2, 2]]))
    other.flush()
    dur_chunk = other.store.chunks()[-1]
    src.set_time("t", sequence=3)
    src.log("c", rr.Points3D([[3, 3, 3]]))
    src.flush()
    last = src.store.chunks()[-1]
    code = _raw_call(server, [request_bytes(store_info_msg(sid))] + [
        request_bytes(arrow_msg(sid, c)) for c in (seq_chunk, dur_chunk, last)])
    assert code == grpc.StatusCode.OK
    rec = wait_for_recording("kinds", timeout_sec=5)
    assert rec.store.entity_paths() == ["/a", "/c"]


def test_client_killed_mid_stream_loses_nothing_it_sent(server):
    proc = start_python(f"""
        import sys, time
        import rerun as rr
        rr.init("killed", recording_id="k")
        rr.connect_grpc({server.url!r})
        for i in range(100):
            rr.set_time("frame", sequence=i)
            rr.log("x", rr.Scalars(float(i)))
        print("logged", flush=True)
        time.sleep(600)
    """)
    try:
        assert proc.stdout.readline().strip() == "logged"
        rec = wait_for_recording("killed", timeout_sec=30)
        deadline = time.monotonic() + 30
        while len(rec.store.range("x", timeline="frame")) < 100 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(rec.store.range("x", timeline="frame")) == 100
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    deadline = time.monotonic() + 10
    while server.connections_served < 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.2)
    assert len(rec.store.range("x", timeline="frame")) == 100  # nothing rolled back after the cancel
    assert server.connection_errors == []


def test_sixteen_concurrent_clients_keep_their_order(server):
    n, clients = 300, 16
    procs = []
    for c in range(clients):
        sdk = "rerun" if c % 2 else "rerun_nb"
        procs.append(start_python(f"""
            import {sdk} as rr
            rr.init("many", recording_id="client-{c}")
            rr.connect_grpc({server.url!r})
            for i in range({n}):
                rr.set_time("frame", sequence=i)
                rr.log("order", rr.Scalars(float(i)))
            rr.disconnect()
        """))
    for proc in procs:
        _out, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err[-2000:]
    from rerun_nb.grpc import incoming_recordings

    deadline = time.monotonic() + 30
    while len(incoming_recordings("many")) < clients and time.monotonic() < deadline:
        time.sleep(0.05)
    recs = incoming_recordings("many")
    assert sorted(r.recording_id for r in recs) == sorted(f"client-{c}" for c in range(clients))
    for rec in recs:
        chunks = [c for c in rec.store.chunks() if (c.schema.metadata or {}).get(b"rerun:entity_path") == b"/order"]
        frames = pa.concat_arrays([c.column("frame").combine_chunks() if hasattr(c.column("frame"), "combine_chunks")
                                   else c.column("frame") for c in chunks]).to_pylist()
        assert frames == list(range(n)), rec.recording_id  # arrival order = logging order
    assert server.connection_errors == []
