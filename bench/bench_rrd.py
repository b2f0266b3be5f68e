"""RRD write/read throughput and file sizes: rerun_nb beside rerun-sdk 0.41 on the same chunks.

    python bench/bench_rrd.py [--runs 5] [--frames 10] [--points 200000] [--json out.json]

Workloads (the same Arrow chunks go to both writers):
* ``dna``: the DNA abacus tutorial, logged by rerun-sdk (tests/rrd/scripts/sdk_dna.py) and read back.
* ``pointcloud``: FRAMES chunks of POINTS points (positions float32x3 + colors u32 + one radius), one chunk
  per frame on a sequence timeline.
* ``dna_log_and_save`` (when rerun_nb's store is available): the whole tutorial script, logging included,
  run by each SDK with ``rr.save``.

Throughput = uncompressed Arrow IPC bytes of the chunks / seconds (same numerator for both sides), median
over ``--runs``. rerun-sdk sides: ``LazyChunkStream.from_iter(Chunk.from_record_batch(..)).write_rrd`` and
``RrdReader(path).stream().to_chunks()`` (+ ``to_record_batch`` so both end with pyarrow batches).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rerun_nb.rrd import StoreId, read_rrd  # noqa: E402
from rerun_nb.rrd._framing import new_tuid, tuid_to_bytes, tuid_to_str  # noqa: E402
from rerun_nb.rrd._writer import encode_chunk_ipc, write_rrd  # noqa: E402

APP, REC = "rerun_nb_bench", "bench"


def _median_s(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def pointcloud_chunks(frames: int, points: int) -> list[pa.RecordBatch]:
    rng = np.random.default_rng(0)
    pos_t = pa.list_(pa.list_(pa.field("item", pa.float32(), nullable=False), 3))
    out = []
    for f in range(frames):
        xyz = rng.normal(size=(points, 3)).astype(np.float32)
        fsl = pa.FixedSizeListArray.from_arrays(pa.array(xyz.ravel()),
                                                type=pa.list_(pa.field("item", pa.float32(), nullable=False), 3))
        positions = pa.ListArray.from_arrays(pa.array([0, points], pa.int32()), fsl, type=pos_t)
        colors = pa.ListArray.from_arrays(pa.array([0, points], pa.int32()),
                                          pa.array(rng.integers(0, 2**32, points, dtype=np.uint32)))
        radii = pa.array([[0.01]], pa.list_(pa.float32()))
        out.append(_chunk("/cloud", [f], {
            ("rerun.archetypes.Points3D", "Points3D:positions", "rerun.components.Position3D"): positions,
            ("rerun.archetypes.Points3D", "Points3D:colors", "rerun.components.Color"): colors,
            ("rerun.archetypes.Points3D", "Points3D:radii", "rerun.components.Radius"): radii}))
    return out


def _chunk(entity: str, frames: list[int], comps: dict) -> pa.RecordBatch:
    fields = [pa.field("rerun.controls.RowId", pa.binary(16), nullable=False,
                       metadata={b"rerun:kind": b"control", b"ARROW:extension:name": b"rerun.datatypes.TUID",
                                 b"ARROW:extension:metadata": b'{"namespace":"row"}', b"rerun:is_sorted": b"true"}),
              pa.field("frame", pa.int64(), metadata={b"rerun:kind": b"index", b"rerun:index_name": b"frame",
                                                      b"rerun:is_sorted": b"true"})]
    arrays = [pa.array([tuid_to_bytes(new_tuid()) for _ in frames], pa.binary(16)), pa.array(frames, pa.int64())]
    for (arch, comp, ctype), arr in comps.items():
        fields.append(pa.field(comp, arr.type, metadata={b"rerun:kind": b"data", b"rerun:component": comp.encode(),
                                                         b"rerun:archetype": arch.encode(),
                                                         b"rerun:component_type": ctype.encode()}))
        arrays.append(arr)
    meta = {b"rerun:entity_path": entity.encode(), b"rerun:id": tuid_to_str(new_tuid()).encode(),
            b"sorbet:version": b"0.1.4"}
    return pa.RecordBatch.from_arrays(arrays, schema=pa.schema(fields, metadata=meta))


def sdk_dna_file(tmp: Path) -> Path:
    path = tmp / "dna_sdk_source.rrd"
    subprocess.run([sys.executable, str(ROOT / "tests/rrd/scripts/sdk_dna.py"), "rerun", str(path)], check=True,
                   cwd=str(ROOT))
    return path


def bench_codec(name: str, chunks: list[pa.RecordBatch], tmp: Path, runs: int, have_sdk: bool) -> dict:
    raw_mb = sum(len(encode_chunk_ipc(c)) for c in chunks) / 1e6
    store_id = StoreId(1, APP, REC)
    ours, ours_raw, theirs = tmp / f"{name}_nb.rrd", tmp / f"{name}_nb_uncompressed.rrd", tmp / f"{name}_sdk.rrd"
    res: dict = {"workload": name, "chunks": len(chunks), "arrow_MB": round(raw_mb, 2)}
    t = _median_s(lambda: write_rrd(ours, [(store_id, chunks)]), runs)
    res["rerun_nb_write_MBps"] = round(raw_mb / t, 1)
    t = _median_s(lambda: write_rrd(ours_raw, [(store_id, chunks)], compression=False), runs)
    res["rerun_nb_write_uncompressed_MBps"] = round(raw_mb / t, 1)
    t = _median_s(lambda: read_rrd(ours, strict=True), runs)
    res["rerun_nb_read_MBps"] = round(raw_mb / t, 1)
    res["rerun_nb_file_MB"] = round(ours.stat().st_size / 1e6, 3)
    res["rerun_nb_uncompressed_file_MB"] = round(ours_raw.stat().st_size / 1e6, 3)
    if have_sdk:
        from rerun.chunk import Chunk, LazyChunkStream, RrdReader

        def sdk_write() -> None:
            sdk_chunks = (c for rb in chunks for c in Chunk.from_record_batch(rb))
            LazyChunkStream.from_iter(sdk_chunks).write_rrd(theirs, application_id=APP, recording_id=REC)

        t = _median_s(sdk_write, runs)
        res["rerun_sdk_write_MBps"] = round(raw_mb / t, 1)
        t = _median_s(lambda: [c.to_record_batch() for c in RrdReader(theirs).stream().to_chunks()], runs)
        res["rerun_sdk_read_MBps"] = round(raw_mb / t, 1)
        t = _median_s(lambda: RrdReader(theirs).stream().to_chunks(), runs)
        res["rerun_sdk_read_no_arrow_export_MBps"] = round(raw_mb / t, 1)
        t = _median_s(lambda: read_rrd(theirs, strict=True), runs)
        res["rerun_nb_read_sdk_file_MBps"] = round(raw_mb / t, 1)
        res["rerun_sdk_file_MB"] = round(theirs.stat().st_size / 1e6, 3)
    return res


def bench_log_and_save(tmp: Path, runs: int, have_sdk: bool) -> dict | None:
    try:
        import rerun_nb  # noqa: F401
        from rerun_nb.rrd import FileSink  # noqa: F401
    except ImportError:
        return None
    res: dict = {"workload": "dna_log_and_save (400 steps, whole script)"}
    script = ROOT / "tests/rrd/scripts/sdk_dna.py"
    sides = [("rerun_nb", "rerun_nb")] + ([("rerun_sdk", "rerun")] if have_sdk else [])
    for label, module in sides:
        path = tmp / f"dna_script_{label}.rrd"
        code = (f"import sys, time; sys.path.insert(0, {str(ROOT)!r}); sys.argv=['x', {module!r}, {str(path)!r}];"
                f"import runpy, importlib; importlib.import_module({module!r}); t0=time.perf_counter();"
                f"runpy.run_path({str(script)!r}, run_name='__main__'); print(time.perf_counter()-t0)")
        times = [float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True,
                                      cwd=str(ROOT)).stdout.split()[-1]) for _ in range(runs)]
        res[f"{label}_seconds"] = round(statistics.median(times), 3)
        res[f"{label}_file_MB"] = round(path.stat().st_size / 1e6, 3)
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--frames", type=int, default=10)
    ap.add_argument("--points", type=int, default=200_000)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    try:
        import rerun  # noqa: F401

        have_sdk = True
    except ImportError:
        have_sdk = False
        print("rerun-sdk not installed: rerun_nb numbers only", file=sys.stderr)
    os.environ.setdefault("RERUN_ANALYTICS", "false")
    results = []
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        if have_sdk:
            dna = read_rrd(sdk_dna_file(tmp), strict=True)[0].chunks
            results.append(bench_codec("dna", dna, tmp, args.runs, have_sdk))
        results.append(bench_codec(f"pointcloud_{args.frames}x{args.points}",
                                   pointcloud_chunks(args.frames, args.points), tmp, args.runs, have_sdk))
        e2e = bench_log_and_save(tmp, max(1, args.runs // 2), have_sdk)
        if e2e:
            results.append(e2e)
    for r in results:
        print(json.dumps(r, indent=1))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
