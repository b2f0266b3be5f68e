"""Run Rerun-style snippets with the real rerun-sdk or with rerun_nb posing as `rerun`, each into an .rrd.

    python _worker.py {rerun|rerun_nb} OUT_DIR SNIPPET.py [SNIPPET.py ...]

The SDK is imported once; every snippet then runs in a forked child (fresh SDK state, no interpreter
start-up per snippet) as ``__main__``, unchanged. Viewer sinks are redirected to files: ``rr.spawn``,
``rr.connect_grpc``, ``rr.serve_grpc`` (module functions and `RecordingStream` methods, and
``rr.init(spawn=True)``, which goes through them) become ``save(OUT_DIR/<name>.rrd)``; a second sink in
the same snippet gets ``<name>.1.rrd`` and so on. A snippet that raises writes ``<name>.err`` with the
traceback. In ``rerun_nb`` mode an import hook maps ``rerun`` and every ``rerun.x`` to ``rerun_nb(.x)``,
so the real SDK is never imported there.
"""

from __future__ import annotations

import atexit
import importlib
import importlib.abc
import importlib.util
import os
import runpy
import sys
import time
import traceback
import warnings
from pathlib import Path


class _AliasRerun(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """`import rerun.x` gives the already-importable `rerun_nb.x` module object itself."""

    def __init__(self) -> None:
        self._specs: dict[str, object] = {}

    def find_spec(self, fullname, path=None, target=None):  # noqa: ARG002 - importlib's signature
        if fullname == "rerun" or fullname.startswith("rerun."):
            target_name = "rerun_nb" + fullname[len("rerun"):]
            if importlib.util.find_spec(target_name) is None:
                return None
            return importlib.util.spec_from_loader(fullname, self)
        return None

    def create_module(self, spec):
        module = importlib.import_module("rerun_nb" + spec.name[len("rerun"):])
        self._specs[spec.name] = module.__spec__
        return module

    def exec_module(self, module) -> None:
        # importlib overwrote __spec__ with the alias's; put rerun_nb's back (its lazy relative imports need it)
        for name, spec in self._specs.items():
            if sys.modules.get(name) is module or name == module.__name__:
                module.__spec__ = spec


def _import_sdk(mode: str):
    if mode == "rerun_nb":
        import rerun_nb

        sys.meta_path.insert(0, _AliasRerun())
        sys.modules["rerun"] = rerun_nb
        return rerun_nb
    import rerun

    return rerun


class _Sinks:
    """Hands out the .rrd paths a snippet's viewer sinks are redirected to."""

    def __init__(self, out_dir: Path, name: str) -> None:
        self.out_dir, self.name, self.count = out_dir, name, 0

    def next_path(self) -> str:
        suffix = "" if self.count == 0 else f".{self.count}"
        self.count += 1
        return str(self.out_dir / f"{self.name}{suffix}.rrd")


def _redirect_sinks(rr, sinks: _Sinks) -> None:
    def to_file(*_args, default_blueprint=None, recording=None, **_kwargs):
        rr.save(sinks.next_path(), default_blueprint=default_blueprint, recording=recording)
        return "rerun+http://127.0.0.1:9876/proxy"

    def method_to_file(self, *_args, default_blueprint=None, **_kwargs):
        self.save(sinks.next_path(), default_blueprint=default_blueprint)
        return "rerun+http://127.0.0.1:9876/proxy"

    modules = [rr, importlib.import_module(rr.__name__ + ".sinks")]
    for module in modules:
        for name in ("spawn", "connect_grpc", "serve_grpc"):
            if hasattr(module, name):
                setattr(module, name, to_file)
        if hasattr(module, "serve_web_viewer"):
            module.serve_web_viewer = lambda *a, **k: None
    for name in ("spawn", "connect_grpc", "serve_grpc"):
        setattr(rr.RecordingStream, name, method_to_file)


def _run_one(rr, mode: str, out_dir: Path, snippet: Path) -> None:
    name = snippet.stem
    sinks = _Sinks(out_dir, name)
    _redirect_sinks(rr, sinks)
    os.chdir(out_dir / f"cwd-{mode}-{name}")  # files a snippet writes stay apart per SDK
    warnings.simplefilter("default")
    try:
        runpy.run_path(str(snippet), run_name="__main__")
        atexit._run_exitfuncs()  # what a script's normal exit does (the SDKs close their sinks); os._exit skips it
    except BaseException:  # noqa: BLE001 - any failure of the snippet is the result we report
        (out_dir / f"{name}.err").write_text(traceback.format_exc())


def main() -> None:
    mode, out_dir, *snippets = sys.argv[1:]
    out_dir = Path(out_dir).resolve()
    rr = _import_sdk(mode)
    for snippet in map(Path, snippets):
        snippet = snippet.resolve()
        (out_dir / f"cwd-{mode}-{snippet.stem}").mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                sys.argv = [str(snippet)]
                _run_one(rr, mode, out_dir, snippet)
            except BaseException:  # noqa: BLE001
                code = 1
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        print(f"{snippet.stem}: {time.perf_counter() - started:.2f}s", flush=True)
        if status != 0 and not (out_dir / f"{snippet.stem}.err").exists():
            (out_dir / f"{snippet.stem}.err").write_text(f"child exited with status {status}\n")


if __name__ == "__main__":
    main()
