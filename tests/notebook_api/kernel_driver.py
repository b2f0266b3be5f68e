"""Drive a real IPython kernel as a notebook front end does: execute requests carrying a ``cellId``."""

from __future__ import annotations

import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import gc as _gc, json as _json, threading as _th, ipywidgets as _ipw
from rerun_nb.layout import LayoutRenderer as _LR
_gc.collect()
_rss = int([l for l in open('/proc/self/status') if l.startswith('VmRSS')][0].split()[1]) // 1024
print('PROBE' + _json.dumps({'renderers': sum(isinstance(o, _LR) for o in _gc.get_objects()),
    'live_threads': sum(t.name == 'rerun_nb-live' and t.is_alive() for t in _th.enumerate()),
    'widgets': len(_ipw.Widget.widgets), 'rss_mb': _rss}))
"""


class Kernel:
    """A python3 kernel with this checkout on its path; ``run(code, cell_id)`` returns (stdout, errors)."""

    def __init__(self):
        from jupyter_client import KernelManager

        env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
                   XDG_RUNTIME_DIR=os.environ.get("XDG_RUNTIME_DIR", "/tmp"), RENDERCANVAS_FORCE_OFFSCREEN="1")
        self.km = KernelManager(kernel_name="python3")
        self.km.start_kernel(env=env, cwd=str(ROOT))
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=120)

    def run(self, code: str, cell_id: str, timeout: float = 120) -> tuple[str, list[str]]:
        content = {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                   "allow_stdin": False, "stop_on_error": True}
        msg = self.kc.session.msg("execute_request", content, metadata={"cellId": cell_id})
        self.kc.shell_channel.send(msg)
        msg_id = msg["header"]["msg_id"]
        out, errors = [], []
        while True:
            reply = self.kc.get_iopub_msg(timeout=timeout)
            if reply["parent_header"].get("msg_id") != msg_id:
                continue
            kind, body = reply["msg_type"], reply["content"]
            if kind == "stream" and body["name"] == "stdout":
                out.append(body["text"])
            elif kind == "error":
                errors.append(f"{body['ename']}: {body['evalue']}")
            elif kind == "status" and body["execution_state"] == "idle":
                return "".join(out), errors

    def probe(self) -> dict:
        """Live renderers, live-update threads, open widget models and RSS (MB) in the kernel, after a gc."""
        out, errors = self.run(PROBE, "probe")
        assert not errors, errors
        return json.loads(out.split("PROBE", 1)[1])

    def close(self) -> None:
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)
