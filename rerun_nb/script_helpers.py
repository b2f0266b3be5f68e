"""`rr.script_add_args` / `script_setup` / `script_teardown`: the command-line flags Rerun's example scripts use.

`--save PATH` writes an .rrd, `--stdout` streams RRD to standard output, `--headless` only logs, and the
default shows the inline viewer in a notebook. `--connect` and `--serve` need the gRPC side (they raise a
clear NotImplementedError until the streaming issue brings it).
"""

from __future__ import annotations

from argparse import ArgumentParser, Namespace
from typing import Any

__all__ = ["script_add_args", "script_setup", "script_teardown"]


def script_add_args(parser: ArgumentParser) -> None:
    """Add Rerun's standard flags (--headless, --connect, --serve, --url, --save, --stdout) to `parser`."""
    parser.add_argument("--headless", action="store_true", help="Don't show GUI")
    parser.add_argument("--connect", dest="connect", action="store_true", help="Connect to an external viewer")
    parser.add_argument("--serve", dest="serve", action="store_true",
                        help="Host a GRPC & web server and open a web viewer connecting to it.")
    parser.add_argument("--url", type=str, default=None, help="Connect to this Rerun URL")
    parser.add_argument("--save", type=str, default=None, help="Save data to a .rrd file at this path")
    parser.add_argument("--stdout", dest="stdout", action="store_true",
                        help="Log data to standard output, to be piped into a Rerun Viewer")


def script_setup(args: Namespace, application_id: str, *, recording_id: Any = None,
                 default_blueprint: Any = None) -> Any:
    """`rr.init` (strict, as Rerun's scripts run) and route the data as the flags say; returns the recording."""
    from ._log import init, serve_grpc
    from .recording_stream import get_global_data_recording

    init(application_id=application_id, recording_id=recording_id, default_enabled=True, strict=True)
    rec = get_global_data_recording()
    if getattr(args, "stdout", False):
        rec.stdout(default_blueprint=default_blueprint)
    elif getattr(args, "serve", False):
        serve_grpc(default_blueprint=default_blueprint, recording=rec)
    elif getattr(args, "connect", False):
        rec.connect_grpc(args.url, default_blueprint=default_blueprint)
    elif getattr(args, "save", None) is not None:
        rec.save(args.save, default_blueprint=default_blueprint)
    elif not getattr(args, "headless", False):
        rec.spawn(default_blueprint=default_blueprint)
    return rec


def script_teardown(args: Namespace) -> None:
    """End of script: flush everything (and keep serving with --serve until Ctrl-C, like Rerun)."""
    from ._log import flush

    flush()
    if getattr(args, "serve", False):
        import time

        try:
            while True:
                time.sleep(1)
        except KeyboardInterrupt:
            print("Ctrl-C received. Exiting.")
