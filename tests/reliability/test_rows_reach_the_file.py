"""Rows reach the store and the file without waiting for the next log call, a query or exit; files are
finished when their recording is garbage-collected or the process gets SIGTERM (issue 8, items 4 and 8).

Waits here poll for an outcome with a generous deadline: they never assert how fast it came.
"""

from __future__ import annotations

import gc
import os
import threading
import time

import pytest

import rerun_nb as rr
from rerun_nb.rrd import decode_rrd

DEADLINE_S = 60


def _entities_in(path) -> set[str]:
    """Entity paths of the complete chunks in a (possibly unfinished) .rrd file."""
    return {c.schema.metadata[b"rerun:entity_path"].decode() for store in decode_rrd(path).stores
            for c in store.chunks}


def _complete(path) -> bool:
    """The file ends with Rerun's End message and footer, and decodes without error."""
    result = decode_rrd(path)
    return result.ok and result.has_footer


def _chunk_ids(path) -> list[bytes]:
    return [c.schema.metadata[b"rerun:id"] for store in decode_rrd(path).stores for c in store.chunks]


def _wait_until(condition, what: str) -> None:
    t0 = time.monotonic()
    while not condition():
        if time.monotonic() - t0 > DEADLINE_S:
            raise AssertionError(f"not within {DEADLINE_S} s: {what}")
        time.sleep(0.05)


def test_a_row_reaches_the_store_without_another_call(tmp_path):
    rec = rr.RecordingStream("age", send_properties=False)
    path = tmp_path / "age.rrd"
    rec.save(path)
    rec.log("log", rr.TextLog("one line"))
    rec.log("doc", rr.TextDocument("static doc"), static=True)
    # no further call: the batcher's own thread flushes the rows and the sink writes them to the OS
    _wait_until(lambda: {"/log", "/doc"} <= _entities_in(path), "rows logged once reach the file")
    rec.disconnect()


def test_a_collected_recording_finishes_its_file(tmp_path):
    path = tmp_path / "gc.rrd"

    def log_and_forget():
        rec = rr.RecordingStream("gc", send_properties=False)
        rec.save(path)
        rec.set_time("frame", sequence=1)
        rec.log("last", rr.Points3D([[1, 2, 3]]))
        # rec goes out of scope here without disconnect()

    log_and_forget()
    gc.collect()
    assert _complete(path), "the file has no End message and footer"
    assert "/last" in _entities_in(path)


def test_save_while_threads_log_writes_no_duplicate_chunks(tmp_path):
    rec = rr.RecordingStream("race", send_properties=False)
    rec.set_log_time_enabled(False)
    stop = threading.Event()
    counts = [0] * 4

    def worker(k: int):
        rec.set_time("i", sequence=0)
        while not stop.is_set():
            counts[k] += 1
            rec.set_time("i", sequence=counts[k])
            rec.log(f"w{k}", rr.Scalars([float(counts[k])]))

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    paths = []
    for n in range(5):
        time.sleep(0.05)
        paths.append(tmp_path / f"s{n}.rrd")
        rec.save(paths[-1])  # while the workers log
    stop.set()
    for t in threads:
        t.join()
    rec.disconnect()
    last = rr.load(paths[-1])
    for k in range(4):
        rows = last.store.range(f"w{k}", timeline="i")
        times = [t for t, _rid, _c in rows]
        assert len(times) == len(set(times)) == counts[k], (k, len(times), len(set(times)), counts[k])
    for p in paths:
        chunk_ids = _chunk_ids(p)
        assert len(chunk_ids) == len(set(chunk_ids)), f"{p.name}: a chunk written twice"


def test_row_ids_are_unique_across_threads():
    from rerun_nb.store._ids import TUIDS

    out: list = []
    lock = threading.Lock()

    def worker():
        mine = []
        for i in range(3000):
            if i % 10 == 0:
                _hi, lo = TUIDS.next_many(7)
                mine.extend(lo.tolist())
            else:
                mine.append(TUIDS.next()[1])
        with lock:
            out.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(out) == len(set(out)), f"{len(out) - len(set(out))} duplicate counters"


def test_a_full_disk_at_disconnect_warns_and_goes_on(tmp_path):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    rr.set_strict_mode(False)
    rec = rr.RecordingStream("full", send_properties=False)
    with pytest.warns(rr.RerunWarning, match="No space left"):  # noqa: PT031 - the whole life of a sink
        rec.save("/dev/full")  # every write fails with ENOSPC
        rec.log("p", rr.Points3D([[1, 2, 3]]))
        rec.flush()
        rec.disconnect()  # rerun-sdk logs the error and goes on: so do we
    rec.log("p", rr.Points3D([[4, 5, 6]]))
    assert rec.store.latest_at("p", timeline="log_time")["Points3D:positions"].tolist() == [[4, 5, 6]]
