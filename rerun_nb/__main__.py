"""``rerun-nb`` / ``python -m rerun_nb``: a gRPC server for Rerun log streams, in its own process.

It listens on 127.0.0.1:9876 (Rerun 0.41's protocol: ``rr.connect_grpc()`` from rerun-sdk or rerun_nb
reaches it unchanged), keeps every incoming recording in memory (bounded by ``--memory-limit``), replays
them to readers (``rerun --connect rerun+http://127.0.0.1:9876/proxy``), opens ``.rrd`` files given on the
command line, and with ``--save out.rrd`` records everything that arrives. ``rr.spawn()`` in a plain
script starts it. The browser viewer page is not built yet: ``--web-viewer-port`` says so and is ignored.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading

from ._version import __version__

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="rerun-nb",
        description="Receive Rerun log streams over gRPC (rerun-sdk 0.41's rr.connect_grpc / rr.spawn), keep them, "
                    "serve them to readers, open .rrd files and optionally record everything to an .rrd file.")
    p.add_argument("files", nargs="*", metavar="FILE", help=".rrd files to open (and serve to readers)")
    p.add_argument("--version", action="version", version=f"rerun-nb {__version__} (Rerun 0.41 gRPC protocol)")
    p.add_argument("--bind", default="127.0.0.1",
                   help="interface to listen on (default 127.0.0.1: the protocol has no authentication; Rerun's "
                        "default is 0.0.0.0)")
    p.add_argument("--port", type=int, default=9876, help="gRPC port (default 9876, as Rerun)")
    p.add_argument("--web-viewer-port", type=int, default=9090,
                   help="port of the browser viewer page (default 9090, as Rerun; a free one if taken; 0: any)")
    p.add_argument("--no-web-viewer", action="store_true", help="serve gRPC only, no browser page")
    p.add_argument("--open-browser", action="store_true", help="open the viewer page in a browser")
    p.add_argument("--memory-limit", default="75%",
                   help='memory for incoming recordings, e.g. "2GB" or "50%%" (default 75%%); the oldest temporal '
                        "data is dropped first")
    p.add_argument("--server-memory-limit", default="1GiB",
                   help='history kept for late readers (default 1GiB, as Rerun; "0" keeps none)')
    p.add_argument("--newest-first", action="store_true", help="replay history newest first to late readers")
    p.add_argument("--save", metavar="OUT.rrd", default=None, help="record every incoming chunk into this .rrd file")
    p.add_argument("--serve-grpc", action="store_true", help="accepted for compatibility with `rerun`: always on")
    return p


class _Recorder:
    """``--save``: one RRD file with every store that arrives (finished with its footer at shutdown)."""

    def __init__(self, path: str) -> None:
        from .rrd import RrdWriter

        self.path = path
        self.writer = RrdWriter(path)
        self.lock = threading.Lock()

    def write(self, key: tuple, batch) -> None:
        from .rrd import StoreId

        with self.lock:
            if not self.writer.closed:
                self.writer.write_chunk(StoreId(key[0], key[1], key[2]), batch)
                self.writer.flush()

    def close(self) -> None:
        with self.lock:
            self.writer.close()


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from .grpc import GrpcServer
    from .grpc._serve import publish_recording
    from .recording_stream import parse_memory_limit

    try:
        server = GrpcServer(args.port, bind=args.bind, memory_limit=parse_memory_limit(args.memory_limit),
                            server_memory_limit=parse_memory_limit(args.server_memory_limit),
                            newest_first=args.newest_first)
    except (OSError, ValueError) as err:
        print(f"rerun-nb: {err}", file=sys.stderr)
        return 1
    recorder = _Recorder(args.save) if args.save else None
    if recorder is not None:
        server.on_chunk = recorder.write
    status = 0
    opened: list = []
    for path in args.files:
        status = max(status, _open_file(server, recorder, path, publish_recording, opened))
    print(f"rerun-nb {__version__}: listening for gRPC on {server.url}", file=sys.stderr, flush=True)
    web = None if args.no_web_viewer else _start_web(args, opened)
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    while not stop.wait(0.5):  # a timed wait: the main thread runs the signal handlers between the waits
        continue
    if web is not None:
        web.stop()
    server.stop(grace_sec=1.0)
    if recorder is not None:
        recorder.close()
        print(f"rerun-nb: saved {recorder.path}", file=sys.stderr, flush=True)
    return status


def _start_web(args, opened: list):
    from ._web_page import WebViewer
    from .grpc import incoming_recordings

    def recordings() -> list:
        return [*opened, *incoming_recordings()]

    web = None
    for port in dict.fromkeys([args.web_viewer_port, 0]):
        try:
            web = WebViewer(recordings, bind=args.bind, port=port)
            break
        except OSError:
            continue
    if web is None:
        print("rerun-nb: could not start the browser viewer page", file=sys.stderr, flush=True)
        return None
    print(f"rerun-nb: viewer page on {web.url}", file=sys.stderr, flush=True)
    if args.open_browser:
        import webbrowser

        webbrowser.open(web.url)
    return web


def _open_file(server, recorder, path: str, publish_recording, opened: list) -> int:
    from . import load_all

    try:
        recordings = load_all(path)
    except (OSError, ValueError) as err:
        print(f"rerun-nb: cannot open {path}: {err}", file=sys.stderr)
        return 1
    for rec in recordings:
        opened.append(rec)
        server.add_recording(rec)
        n = publish_recording(server, rec)
        if recorder is not None:
            for batch in rec.store.chunks():
                recorder.write((1, rec.application_id, rec.recording_id), batch)
        print(f"rerun-nb: opened {path}: {rec.application_id}/{rec.recording_id} ({n} chunks)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
