"""The one-pass cffi type parse gives the ctypes cffi's own lookups give (run in a fresh process)."""

from __future__ import annotations

import subprocess
import sys

CODE = """
from wgpu.backends.wgpu_native._ffi import ffi
names = [n for n in ffi.list_types()[0] if n.startswith("WGPU")]
from rerun_nb.viewer._warmup import EXTRA_TYPES
decls = [d for n in names[::7] for d in (n + " *", n + "[]")] + list(EXTRA_TYPES)
ref = {d: ffi._typeof(d, consider_function_as_funcptr=True) for d in decls}  # cffi's own parse, one type at a time
for d in ref:
    ffi._parsed_types.pop(d)
from rerun_nb.viewer._warmup import preparse_wgpu_types
added = preparse_wgpu_types()
assert added >= len(ref), added
assert all(ffi._typeof(d, consider_function_as_funcptr=True) is ref[d] for d in ref)
assert ffi._parsed_types["void(WGPUMapAsyncStatus, WGPUStringView, void *, void *)"][1] is True
assert preparse_wgpu_types() == 0  # once per process
s = ffi.new("WGPUBufferDescriptor *")
s.size = 64
assert s.size == 64
print("ok", added)
"""


def test_preparsed_types_are_cffis_own():
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("ok")
