"""8 threads log while `rr.save` restarts, queries run and a live viewer renders: nothing is lost, nothing is
duplicated (issue 8's concurrency test)."""

from __future__ import annotations

import os
import threading
import time

import numpy as np

import rerun_nb as rr
from rerun_nb.rrd import decode_rrd

THREADS = 8
ROWS_PER_THREAD = int(os.environ.get("RERUN_NB_CONCURRENCY_ROWS", "1500"))


def _viewer_or_none(rec):
    """A live viewer of `rec`, rendering offscreen; None where no wgpu adapter exists."""
    os.environ.setdefault("RENDERCANVAS_FORCE_OFFSCREEN", "1")
    try:
        from rerun_nb.viewer import NoAdapterError, ensure_adapter
        ensure_adapter()
    except (ImportError, NoAdapterError):
        return None
    return rr.Viewer(rec, width=160, height=120)


def test_threads_log_while_saving_querying_and_viewing(tmp_path):
    rec = rr.RecordingStream("concurrency", send_properties=False)
    rec.set_log_time_enabled(False)
    viewer = _viewer_or_none(rec)
    stop = threading.Event()
    errors: list[BaseException] = []
    renders = [0]
    queries = [0]

    def logger(k: int):
        try:
            for i in range(ROWS_PER_THREAD):
                rec.set_time("i", sequence=i)  # per-thread time cursor
                rec.log(f"t{k}/scalar", rr.Scalars([float(k * 1_000_000 + i)]))
                if i % 50 == 0:
                    rec.log(f"t{k}/points", rr.Points3D(np.full((3, 3), i, np.float32)))
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)

    def querier():
        while not stop.is_set():
            for k in range(THREADS):
                rec.store.latest_at(f"t{k}/scalar", timeline="i")
            rec.store.entity_paths()
            queries[0] += 1

    def renderer():
        while not stop.is_set():
            viewer.render()
            renders[0] += 1

    workers = [threading.Thread(target=logger, args=(k,)) for k in range(THREADS)]
    helpers = [threading.Thread(target=querier)] + ([threading.Thread(target=renderer)] if viewer else [])
    for t in helpers + workers:
        t.start()
    files = []
    while any(t.is_alive() for t in workers):
        files.append(tmp_path / f"part{len(files)}.rrd")
        rec.save(files[-1])  # a new file sink while 8 threads log
        time.sleep(0.05)
    for t in workers:
        t.join()
    stop.set()
    for t in helpers:
        t.join()
    rec.disconnect()
    assert not errors, errors
    assert queries[0] > 0 and (viewer is None or renders[0] > 0)

    def check(store_rows):
        for k in range(THREADS):
            values = sorted(store_rows[k])
            assert values == [float(k * 1_000_000 + i) for i in range(ROWS_PER_THREAD)], \
                f"thread {k}: {len(values)} rows, {len(set(values))} distinct, {ROWS_PER_THREAD} logged"

    # the store: every row once
    check({k: [c[2]["Scalars:scalars"][0] for c in rec.store.range(f"t{k}/scalar", timeline="i")]
           for k in range(THREADS)})
    # the last file (its sink got everything so far when it was set, then every new chunk): every row once
    result = decode_rrd(files[-1])
    assert result.ok and result.has_footer, result.errors
    rows: dict[int, list[float]] = {k: [] for k in range(THREADS)}
    chunk_ids = []
    for store in result.stores:
        for batch in store.chunks:
            chunk_ids.append(batch.schema.metadata[b"rerun:id"])
            entity = batch.schema.metadata[b"rerun:entity_path"].decode()
            if entity.endswith("/scalar"):
                rows[int(entity[2:].split("/")[0])].extend(v[0] for v in batch.column("Scalars:scalars").to_pylist())
    assert len(chunk_ids) == len(set(chunk_ids)), "a chunk written twice"
    check(rows)
    if viewer is not None:
        viewer.close()
