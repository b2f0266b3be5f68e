"""Streaming into the notebook store over gRPC: a rerun_nb client beside a rerun-sdk 0.41 client, in one run.

    python bench/bench_grpc.py                       # all workloads, 3 repeats
    python bench/bench_grpc.py --only scalars --repeats 5 --json out.json

The receiving side is this process: a `rerun_nb.grpc.GrpcServer` on a free loopback port, writing each
incoming recording into its own in-kernel store, as ``rr.serve_grpc()`` does in a notebook. Each producer is a
fresh subprocess (``import rerun_nb as rr`` or ``import rerun as rr``, the same code otherwise) that calls
``rr.connect_grpc(URL)`` and logs. Timing runs from the producer's first log call (its wall clock, sent on
stdout) until the last row is in our store, so it covers encoding, transport, decoding and insertion.

Workloads:
  dna        the DNA tutorial (tests/core/dna_tutorial.py): 400 steps of 100 beads + a transform
  scalars    100k ``rr.log(rr.Scalars(x))`` calls on a sequence timeline
  clouds     10 x 1M-point Points3D (positions + colors)
  latency    one point every 20 ms: time from the remote log call to the chunk in our store, and to the end of
             the first 640x480 viewer frame drawn after it arrived (kernel side; ms, median/p90)
  server     our server alone: one raw stream of 5000 pre-encoded 10-point chunks (chunks/s, us per chunk)
  web        ``rerun-nb dna.rrd`` until its viewer page shows the first frame in headless Chromium (opt-in:
             ``--only web``; needs playwright and /usr/bin/chromium)
  overload   clouds worth 2x a 256 MB store memory limit: bytes the store holds at the end, and this
             process's RSS before and after (earlier workloads' recordings released first)

Rows/s = rows in the store / seconds; MB/s = the store's Arrow bytes for that recording / seconds.
Medians over --repeats; ratio = rerun_nb / rerun-sdk (>1: rerun_nb's client is faster).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rerun_nb.grpc import GrpcServer, _registry

SDKS = {"rerun_nb": "rerun_nb", "rerun-sdk": "rerun"}

PRODUCERS = {
    "dna": (None, 400 * 2 + 4),  # the tutorial source, prepared below; rows outside /__properties
    "scalars": ("""
        N = 100_000
        start()
        for i in range(N):
            rr.set_time("step", sequence=i)
            rr.log("scalar", rr.Scalars(float(i)))
    """, 100_000),
    "clouds": ("""
        import numpy as np
        xyz = np.random.default_rng(0).random((1_000_000, 3), dtype=np.float32)
        colors = np.full((1_000_000, 4), 200, np.uint8)
        start()
        for i in range(10):
            rr.set_time("frame", sequence=i)
            rr.log("cloud", rr.Points3D(xyz + i, colors=colors))
    """, 10),
}

PRELUDE = """
import sys, time
import {sdk} as rr
rr.init("bench_grpc_{workload}", recording_id="{rid}")
rr.connect_grpc("{url}")
def start():
    print("START", time.time(), flush=True)
"""


def _dna_source() -> str:
    src = (ROOT / "tests" / "core" / "dna_tutorial.py").read_text()
    src = src.replace("import rerun_nb as rr\n", "").replace("from __future__ import annotations\n", "").replace("from rerun_nb.utilities", "from {sdk}.utilities")
    src = src.replace('rr.init("rerun_example_dna_abacus", spawn=True)', "start()")
    return src


def _producer(sdk: str, workload: str, url: str, rid: str) -> str:
    body = _dna_source() if workload == "dna" else textwrap.dedent(PRODUCERS[workload][0])
    code = PRELUDE + body + "\nrr.disconnect()\n"
    return code.replace("{sdk}", SDKS[sdk]).format(sdk=SDKS[sdk], workload=workload, url=url, rid=rid)


def _rows(rec) -> int:
    n = 0
    for chunk in rec.store.store_chunks():
        if not chunk.entity_path.startswith("/__properties"):
            n += chunk.num_rows
    return n


def run_once(server: GrpcServer, sdk: str, workload: str, rid: str) -> dict:
    expected = PRODUCERS[workload][1]
    proc = subprocess.Popen([sys.executable, "-c", _producer(sdk, workload, server.url, rid)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    line = proc.stdout.readline()
    if not line.startswith("START"):
        raise RuntimeError(f"{sdk} {workload} producer failed: {proc.communicate()[1][-2000:]}")
    t_start = float(line.split()[1])
    rec = _registry.recording_for(f"bench_grpc_{workload}", rid)
    deadline = time.monotonic() + 600
    while _rows(rec) < expected and time.monotonic() < deadline:
        time.sleep(0.002)
    t_end = time.time()
    proc.communicate(timeout=120)
    seconds = t_end - t_start
    rows = _rows(rec)
    mb = rec.store.total_bytes / 1e6
    return {"seconds": seconds, "rows": rows, "rows_per_s": rows / seconds, "MB_per_s": mb / seconds, "store_MB": mb}


LATENCY_PRODUCER = """
for i in range(100):
    rr.set_time("i", sequence=i)
    rr.log("ping", rr.Scalars(time.time()))
    time.sleep(0.02)
"""


def run_latency(server: GrpcServer, sdk: str, rid: str) -> dict:
    rec = _registry.recording_for("bench_grpc_latency", rid)
    lat: list[float] = []

    def on_events(events) -> None:
        now = time.time()
        for e in events:
            batch = e.chunk
            if e.kind == "add" and (batch.schema.metadata or {}).get(b"rerun:entity_path") == b"/ping":
                lat.extend((now - v[0]) * 1e3 for v in batch.column("Scalars:scalars").to_pylist())

    rec.store.subscribe(on_events)
    # To the frame: a viewer of the incoming recording (640x480, as in a notebook) redraws whenever new
    # data is in the store; each ping's latency ends when the first frame drawn after its arrival is done.
    # Kernel side: the browser's share (frame transport, decode) is what the e2e tests measure.
    from rerun_nb.widget import Viewer

    viewer = Viewer(rec, width=640, height=480)
    viewer.render()  # warm: the first frame's pipeline set-up is bench_viewer's figure, not this one's
    frame_lat: list[float] = []
    stop = threading.Event()

    def redraw_loop() -> None:
        seen = 0
        while not stop.is_set():
            if len(lat) == seen:
                time.sleep(0.001)
                continue
            arrived = len(lat)
            viewer.render()
            now = time.time()
            times = rec.store.range_arrays("ping", "Scalars:scalars", timeline="i")[4]
            frame_lat.extend((now - float(v)) * 1e3 for v in times[seen:arrived])
            seen = arrived

    drawer = threading.Thread(target=redraw_loop, daemon=True)
    drawer.start()
    code = PRELUDE.format(sdk=SDKS[sdk], workload="latency", url=server.url, rid=rid) + LATENCY_PRODUCER + \
        "\nrr.disconnect()\n"
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=300, capture_output=True,
                   env={**os.environ, "PYTHONPATH": str(ROOT)})
    time.sleep(0.5)
    stop.set()
    drawer.join(timeout=10)
    viewer.close()
    lat.sort()
    frame_lat.sort()
    return {"latency_ms_median": statistics.median(lat), "latency_ms_p90": lat[int(0.9 * (len(lat) - 1))],
            "frame_latency_ms_median": statistics.median(frame_lat),
            "frame_latency_ms_p90": frame_lat[int(0.9 * (len(frame_lat) - 1))], "samples": len(lat)}


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def run_overload(sdk: str, rid: str) -> dict:
    _registry._forget_all()  # earlier workloads' recordings go, so RSS shows this one
    gc.collect()
    rss_before = _rss_mb()
    limit = 256 * 10**6
    server = GrpcServer(0, memory_limit=limit, server_memory_limit=0)
    try:
        code = PRELUDE.format(sdk=SDKS[sdk], workload="overload", url=server.url, rid=rid) + textwrap.dedent("""
            import numpy as np
            xyz = np.random.default_rng(0).random((1_000_000, 3), dtype=np.float32)
            start()
            for i in range(32):  # 32 x 16 MB of positions+colors = 2x the limit
                rr.set_time("frame", sequence=i)
                rr.log("cloud", rr.Points3D(xyz, colors=np.full((1_000_000, 4), 9, np.uint8)))
            rr.disconnect()
        """)
        subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=600, capture_output=True,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})
        time.sleep(0.5)
        rec = _registry.recording_for("bench_grpc_overload", rid)
        return {"limit_MB": limit / 1e6, "store_MB_held": rec.store.total_bytes / 1e6,
                "frames_kept": len(rec.store.range("cloud", timeline="frame")),
                "rss_MB_after": _rss_mb(), "rss_MB_before": rss_before}
    finally:
        server.stop(grace_sec=0)


def run_server_capacity(rid: str, n_chunks: int = 5000) -> dict:
    """Our server alone: one raw stream of pre-encoded small chunks (10-point Points3D), until stored."""
    import grpc

    import rerun_nb as rr
    from rerun_nb.grpc._client import WRITE_MESSAGES, request_bytes
    from rerun_nb.grpc._codec import arrow_msg, store_id_pb, store_info_msg

    src = rr.RecordingStream("bench_src", send_properties=False)
    src.set_log_time_enabled(False)
    for i in range(n_chunks):
        src.set_time("f", sequence=i)
        src.log("x", rr.Points3D([[i, 0, 0]] * 10))
        src.flush()
    sid = store_id_pb(1, "bench_grpc_server", rid)
    reqs = [request_bytes(store_info_msg(sid))] + [request_bytes(arrow_msg(sid, c)) for c in src.store.chunks()]
    server = GrpcServer(0, server_memory_limit=0)
    try:
        with grpc.insecure_channel(f"127.0.0.1:{server.port}") as channel:
            t0 = time.perf_counter()
            channel.stream_unary(WRITE_MESSAGES, request_serializer=None, response_deserializer=None)(iter(reqs))
            seconds = time.perf_counter() - t0
    finally:
        server.stop(grace_sec=0)
    return {"chunks": n_chunks, "seconds": seconds, "chunks_per_s": n_chunks / seconds,
            "us_per_chunk": seconds / n_chunks * 1e6}


def run_web_first_frame(tmp: Path) -> dict:
    """``rerun-nb dna.rrd`` to the first frame in a headless Chromium (needs playwright + /usr/bin/chromium)."""
    import socket

    from playwright.sync_api import sync_playwright

    import rerun_nb as rr

    path = tmp / "dna.rrd"
    if not path.exists():
        code = "import rerun_nb as rr\n" + _dna_source().replace("{sdk}", "rerun_nb").replace(
            "start()", f"rr.init('rerun_example_dna_abacus'); rr.save({str(path)!r})")
        code = code.replace('rr.connect_grpc', '#')
        subprocess.run([sys.executable, "-c", code], check=True, timeout=300, cwd=ROOT,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})
    del rr
    ports = []
    for _ in range(2):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            ports.append(sock.getsockname()[1])
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1000, "height": 720})
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "rerun_nb", "--port", str(ports[0]), "--web-viewer-port",
                                 str(ports[1]), str(path)], cwd=ROOT, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(ROOT)})
        try:
            while True:
                try:
                    page.goto(f"http://127.0.0.1:{ports[1]}/", timeout=2000)
                    break
                except Exception:  # noqa: BLE001 - not listening yet
                    time.sleep(0.05)
            t_page = time.perf_counter() - t0
            page.wait_for_function("document.getElementById('view').src.startsWith('blob:')", timeout=120_000)
            t_frame = time.perf_counter() - t0
        finally:
            proc.terminate()
            proc.wait(timeout=30)
            browser.close()
    return {"seconds_to_page": t_page, "seconds_to_first_frame": t_frame}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--only", choices=[*PRODUCERS, "latency", "overload", "server", "web"], action="append")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    todo = args.only or [*PRODUCERS, "latency", "overload", "server"]
    server = GrpcServer(0, server_memory_limit=0)  # no replay history: measure the store path
    results = []
    try:
        for workload in todo:
            if workload == "web":
                import tempfile

                with tempfile.TemporaryDirectory() as tmp:
                    runs = [run_web_first_frame(Path(tmp)) for _ in range(args.repeats)]
                row = {"workload": "rerun-nb dna.rrd -> first frame in Chromium",
                       **{k: round(statistics.median(r[k] for r in runs), 3) for k in runs[0]}}
                results.append(row)
                print(json.dumps(row, indent=1), flush=True)
                continue
            if workload == "server":
                runs = [run_server_capacity(f"r{rep}") for rep in range(args.repeats)]
                row = {"workload": "server (ours alone)",
                       **{k: round(statistics.median(r[k] for r in runs), 3) for k in runs[0]}}
                results.append(row)
                print(json.dumps(row, indent=1), flush=True)
                continue
            per_sdk: dict[str, list[dict]] = {sdk: [] for sdk in SDKS}
            for rep in range(1 if workload == "overload" else args.repeats):
                for sdk in SDKS:  # alternate, so machine noise hits both sides alike
                    rid = f"{sdk}-{rep}"
                    if workload == "latency":
                        per_sdk[sdk].append(run_latency(server, sdk, rid))
                    elif workload == "overload":
                        per_sdk[sdk].append(run_overload(sdk, rid))
                    else:
                        per_sdk[sdk].append(run_once(server, sdk, workload, rid))
            row = {"workload": workload}
            for sdk, runs in per_sdk.items():
                for key in runs[0]:
                    row[f"{sdk}:{key}"] = round(statistics.median(r[key] for r in runs), 3)
            for key in ("rows_per_s", "MB_per_s"):
                if f"rerun_nb:{key}" in row:
                    row[f"ratio:{key}"] = round(row[f"rerun_nb:{key}"] / row[f"rerun-sdk:{key}"], 2)
            results.append(row)
            print(json.dumps(row, indent=1), flush=True)
    finally:
        server.stop(grace_sec=0)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
