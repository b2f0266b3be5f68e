"""``rr.spawn()`` outside a notebook: start ``rerun-nb`` (detached, as rerun-sdk starts ``rerun``) and wait for it.

If something already listens on the port (an earlier ``rerun-nb``, or a Rerun viewer), it is reused.
``RERUN_NB_SPAWN=0`` turns spawning off (then ``rr.spawn()`` only warns, as before there was a command);
the test suite sets it so that scripts run under pytest leave no server behind. The spawned command opens
its viewer page in a browser unless ``RERUN_NB_OPEN_BROWSER=0``.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import warnings

from ._public import GrpcWarning

__all__ = ["port_is_listening", "spawn_viewer"]

_warned_disabled = False


def port_is_listening(port: int, host: str = "127.0.0.1", timeout_sec: float = 0.2) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout_sec):
            return True
    except OSError:
        return False


def spawn_enabled() -> bool:
    return os.environ.get("RERUN_NB_SPAWN", "1").strip().lower() not in ("0", "false", "off", "no")


def spawn_viewer(*, port: int = 9876, memory_limit: str = "75%", detach_process: bool = True,
                 wait_sec: float = 10.0) -> bool | None:
    """Start ``python -m rerun_nb --port PORT`` unless the port is already served; True once it listens.

    Returns None (after a warning) when spawning is turned off with ``RERUN_NB_SPAWN=0``.
    """
    if not spawn_enabled():
        global _warned_disabled
        if not _warned_disabled:
            _warned_disabled = True
            warnings.warn(GrpcWarning("rerun_nb: rr.spawn() outside a notebook starts no viewer here "
                                      "(RERUN_NB_SPAWN=0); logging goes on in this process: save it with "
                                      "rr.save('recording.rrd'), or run `rerun-nb` and rr.connect_grpc()"),
                          stacklevel=4)
        return None
    if port_is_listening(port):
        return True
    cmd = [sys.executable, "-m", "rerun_nb", "--port", str(port), "--memory-limit", str(memory_limit)]
    if os.environ.get("RERUN_NB_OPEN_BROWSER", "1").strip().lower() not in ("0", "false", "off", "no"):
        cmd.append("--open-browser")  # the viewer page, as rerun-sdk's spawn opens the viewer window
    subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                     start_new_session=detach_process, close_fds=True)
    deadline = time.monotonic() + wait_sec
    while time.monotonic() < deadline:
        if port_is_listening(port):
            return True
        time.sleep(0.05)
    warnings.warn(GrpcWarning(f"rerun_nb: `rerun-nb --port {port}` did not start listening within {wait_sec} s; "
                              "the data is buffered and sent if it comes up"), stacklevel=4)
    return False
