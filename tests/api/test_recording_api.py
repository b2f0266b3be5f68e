"""Recording-level API of 0.41: properties, thread-local streams, batcher config, logging handler, script
helpers, version, entity-path escaping (compared with rerun-sdk where it runs in-process)."""

from __future__ import annotations

import argparse
import logging
import os
import threading

import numpy as np
import pytest

import rerun_nb as rr


def test_send_property_is_static_under_properties(rec):
    rr.send_property("camera settings", rr.AnyValues(exposure=0.5))
    rec.flush()
    assert "/__properties/camera\\ settings" in rec.store.entity_paths(include_properties=True)
    res = rec.store.latest_at("/__properties/camera\\ settings", timeline="log_time", at=0)
    assert np.asarray(res["exposure"]).tolist() == [0.5]


def test_send_recording_start_time_nanos(rec):
    rr.send_recording_start_time_nanos(1_700_000_000_000_000_000)
    res = rec.store.latest_at("/__properties", timeline="log_time", at=0)
    assert np.asarray(res["RecordingInfo:start_time"]).tolist() == [1_700_000_000_000_000_000]


@pytest.mark.parametrize("bad", ["soon", 1.5, True])
def test_bad_start_time_warns_or_raises(rec, bad):
    with pytest.raises(rr.error_utils.RerunError, match="expected an int"):
        rr.send_recording_start_time_nanos(bad)
    rr.set_strict_mode(False)
    with pytest.warns(rr.RerunWarning, match="expected an int"):
        rr.send_recording_start_time_nanos(bad)


def test_bad_property_name(rec):
    with pytest.raises(rr.error_utils.RerunError, match="non-empty string"):
        rr.send_property("", rr.AnyValues(x=1))


def test_thread_local_stream_gives_each_call_its_own_recording():
    seen = {}

    @rr.thread_local_stream("rerun_example_job")
    def job(name):
        rec = rr.get_thread_local_data_recording()
        rr.log("hello", rr.TextLog(f"from {name}"), static=True)
        seen[name] = rec

    threads = [threading.Thread(target=job, args=(n,)) for n in "AB"]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert seen["A"] is not seen["B"]
    for name, rec in seen.items():
        res = rec.store.latest_at("hello", timeline="log_time", at=0)
        assert res["TextLog:text"].to_pylist() == [f"from {name}"]
    assert rr.get_thread_local_data_recording() is None


def test_thread_local_stream_on_a_generator_releases_between_yields():
    @rr.thread_local_stream("rerun_example_gen")
    def gen():
        for i in range(2):
            rr.log("n", rr.Scalars(i), static=True)
            yield rr.get_thread_local_data_recording()

    recs = list(gen())
    assert recs[0] is recs[1] and recs[0] is not None
    assert rr.get_thread_local_data_recording() is None


def test_recording_stream_generator_ctx():
    rec = rr.RecordingStream("rerun_example_ctx", send_properties=False)

    @rr.recording_stream_generator_ctx
    def gen():
        with rec:
            yield rr.get_thread_local_data_recording()
            yield rr.get_thread_local_data_recording()

    outside = []
    for inside in gen():
        assert inside is rec
        outside.append(rr.get_thread_local_data_recording())
    assert outside == [None, None]
    with pytest.raises(ValueError, match="generator"):
        rr.recording_stream_generator_ctx(lambda: None)


def test_chunk_batcher_config_values():
    cfg = rr.ChunkBatcherConfig(flush_tick=0.5, flush_num_bytes=100, flush_num_rows=10)
    assert cfg.flush_tick.total_seconds() == 0.5 and cfg.flush_num_bytes == 100 and cfg.flush_num_rows == 10
    assert rr.ChunkBatcherConfig.DEFAULT().flush_tick.total_seconds() == 0.2
    assert rr.ChunkBatcherConfig.LOW_LATENCY().flush_tick.total_seconds() == 0.008
    with pytest.raises(ValueError):
        rr.ChunkBatcherConfig(flush_num_rows=-1)
    with pytest.raises(TypeError):
        rr.ChunkBatcherConfig(flush_tick="fast")


def test_batcher_config_drives_the_row_batcher():
    def chunks_after_logging(config, n=20):
        rec = rr.RecordingStream("x", send_properties=False, batcher_config=config)
        rec.set_log_time_enabled(False)
        added = []  # the chunks the batcher built (the store then compacts small ones, as Rerun's does)
        rec.store.subscribe(lambda events: added.extend(e for e in events if e.kind == "add"))
        for i in range(n):
            rec.set_time("i", sequence=i)
            rec.log("p", rr.Points3D([[i, 0, 0]]))
        rec.flush()
        return len(added)

    assert chunks_after_logging(rr.ChunkBatcherConfig.ALWAYS_TEST_ONLY()) == 20  # every row its own chunk
    assert chunks_after_logging(rr.ChunkBatcherConfig.NEVER()) == 1  # only the query's flush
    assert chunks_after_logging(rr.ChunkBatcherConfig(flush_num_rows=5, flush_tick=3600)) == 4
    rec = rr.RecordingStream("x", send_properties=False, batcher_config=rr.ChunkBatcherConfig.LOW_LATENCY())
    assert rec.store.batcher.max_age_s == 0.008


def test_logging_handler(rec):
    logger = logging.getLogger("rerun_nb_test_logger")
    logger.propagate = False
    handler = rr.LoggingHandler("logs")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        logger.warning("careful %d", 3)
    finally:
        logger.removeHandler(handler)
    entity = "logs/" + __name__.rsplit(".", 1)[-1]
    res = rec.store.latest_at(entity, timeline="log_time", at=2**62)
    assert res["TextLog:text"].to_pylist() == ["careful 3"]
    assert res["TextLog:level"].to_pylist() == ["WARN"]


def test_script_helpers_save(tmp_path):
    parser = argparse.ArgumentParser()
    rr.script_add_args(parser)
    args = parser.parse_args(["--save", str(tmp_path / "s.rrd")])
    assert (args.headless, args.connect, args.serve, args.stdout, args.url) == (False, False, False, False, None)
    rec = rr.script_setup(args, "rerun_example_script")
    rr.log("p", rr.Points3D([[1, 2, 3]]), static=True)
    rr.script_teardown(args)
    rec.disconnect()
    assert "/p" in rr.load(tmp_path / "s.rrd").store.entity_paths()


def test_script_helpers_connect_streams_to_a_server():
    import socket

    from rerun_nb.grpc import GrpcServer, wait_for_recording

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = GrpcServer(port)
    try:
        parser = argparse.ArgumentParser()
        rr.script_add_args(parser)
        args = parser.parse_args(["--connect", "--url", f"rerun+http://127.0.0.1:{port}/proxy"])
        rec = rr.script_setup(args, "rerun_example_script_connect")
        rr.log("p", rr.Points3D([[1, 2, 3]]), static=True)
        rr.script_teardown(args)
        rec.disconnect()
        got = wait_for_recording("rerun_example_script_connect", timeout_sec=30)
        assert "/p" in got.store.entity_paths()
    finally:
        server.stop()


def test_version_and_fork_cleanup():
    assert rr.version().startswith("rerun_nb ")
    rr.init("rerun_example_fork")
    pid = os.fork()
    if pid == 0:  # the child: the parent's recording is forgotten
        os._exit(0 if rr.get_global_data_recording() is None else 1)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert rr.get_global_data_recording() is not None


PATHS = ["world/42/unescaped string!", "a b/c\\/d", "emoji/🦀", "with.dots/and:colons", "/lead/slash/", "ünï/x\\ y",
         "tab\tin", "\\u{1F980}/done", "x//y", "trailing\\"]


@pytest.mark.parametrize("path", PATHS)
def test_entity_path_parsing_matches_rerun(path, tmp_path):
    rerun = pytest.importorskip("rerun")
    ours = rr.RecordingStream("p", send_properties=False)
    ours.log(path, rr.Points3D([[0, 0, 0]]), static=True)
    theirs = rerun.RecordingStream("p")
    theirs.save(str(tmp_path / "t.rrd"))
    theirs.log(path, rerun.Points3D([[0, 0, 0]]), static=True)
    theirs.flush()
    theirs.disconnect()
    assert ours.store.entity_paths() == rr.load(tmp_path / "t.rrd").store.entity_paths()


@pytest.mark.parametrize("part", ["plain", "a b", "a/b", "ünï", "x.y", "", "back\\slash"])
def test_escape_entity_path_part_matches_rerun(part):
    rerun = pytest.importorskip("rerun")
    assert rr.escape_entity_path_part(part) == rerun.escape_entity_path_part(part)
    assert rr.new_entity_path([part, "k"]) == rerun.new_entity_path([part, "k"])
