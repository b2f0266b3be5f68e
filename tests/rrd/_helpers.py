"""Shared helpers for the RRD tests: hand-built chunks, the real rerun CLI and rerun-sdk scripts."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pyarrow as pa
import pytest

from rerun_nb.rrd._framing import new_tuid, tuid_to_bytes, tuid_to_str

SCRIPTS = Path(__file__).parent / "scripts"
HAVE_SDK = importlib.util.find_spec("rerun") is not None
needs_sdk = pytest.mark.skipif(not HAVE_SDK, reason="rerun-sdk 0.41 is not installed (`import rerun` fails)")


def rerun_cli() -> str | None:
    """Path of the real `rerun` CLI (from the rerun-sdk wheel), or None."""
    exe = Path(sys.executable).parent / "rerun"
    if exe.exists():
        return str(exe)
    found = shutil.which("rerun")
    if found:
        return found
    spec = importlib.util.find_spec("rerun_cli")
    if spec and spec.origin:
        binary = Path(spec.origin).parent / "rerun"
        if binary.exists():
            return str(binary)
    return None


needs_cli = pytest.mark.skipif(rerun_cli() is None, reason="the real `rerun` CLI (rerun-sdk 0.41 wheel) is not found")


def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = {"RERUN_ANALYTICS": "false", "PATH": "/usr/bin:/bin", "HOME": "/tmp"}
    return subprocess.run([rerun_cli(), *args], capture_output=True, text=True, timeout=120, env=env,
                          check=False)


def run_sdk_script(name: str, *args: str) -> None:
    """Run tests/rrd/scripts/<name> in a fresh interpreter (keeps the real SDK out of the test process)."""
    subprocess.run([sys.executable, str(SCRIPTS / name), *args], check=True, timeout=300,
                   cwd=str(Path(__file__).parents[2]))


def descr_meta(archetype: str | None, component: str, ctype: str | None) -> dict[bytes, bytes]:
    meta = {b"rerun:kind": b"data", b"rerun:component": component.encode()}
    if archetype:
        meta[b"rerun:archetype"] = archetype.encode()
    if ctype:
        meta[b"rerun:component_type"] = ctype.encode()
    return meta


def make_chunk(entity: str, num_rows: int, *, times: dict | None = None, components: dict | None = None) -> pa.RecordBatch:
    """A chunk in Rerun 0.41 layout.

    times: name -> pa.Array (int64 / duration[ns] / timestamp[ns]).
    components: (archetype|None, component, component_type|None) -> pa.ListArray with num_rows cells.
    """
    row_ids = [tuid_to_bytes(new_tuid()) for _ in range(num_rows)]
    fields = [pa.field("rerun.controls.RowId", pa.binary(16), nullable=False, metadata={
        b"rerun:kind": b"control", b"ARROW:extension:name": b"rerun.datatypes.TUID",
        b"ARROW:extension:metadata": b'{"namespace":"row"}', b"rerun:is_sorted": b"true"})]
    arrays = [pa.array(row_ids, type=pa.binary(16))]
    for name, arr in sorted((times or {}).items()):
        meta = {b"rerun:kind": b"index", b"rerun:index_name": name.encode()}
        if np.all(np.diff(np.asarray(arr.cast(pa.int64()))) >= 0):
            meta[b"rerun:is_sorted"] = b"true"
        fields.append(pa.field(name, arr.type, nullable=True, metadata=meta))
        arrays.append(arr)
    for (arch, comp, ctype), arr in (components or {}).items():
        fields.append(pa.field(comp, arr.type, nullable=True, metadata=descr_meta(arch, comp, ctype)))
        arrays.append(arr)
    meta = {b"rerun:entity_path": entity.encode(), b"rerun:id": tuid_to_str(new_tuid()).encode(),
            b"sorbet:version": b"0.1.4"}
    return pa.RecordBatch.from_arrays(arrays, schema=pa.schema(fields, metadata=meta))


POS3 = ("rerun.archetypes.Points3D", "Points3D:positions", "rerun.components.Position3D")
RADII = ("rerun.archetypes.Points3D", "Points3D:radii", "rerun.components.Radius")
COLORS = ("rerun.archetypes.Points3D", "Points3D:colors", "rerun.components.Color")
SCALARS = ("rerun.archetypes.Scalars", "Scalars:scalars", "rerun.components.Scalar")


def positions(cells: list) -> pa.Array:
    """List<FSL<float32,3>> from a list of (n,3) arrays or None (null cell)."""
    typ = pa.list_(pa.list_(pa.field("item", pa.float32(), nullable=False), 3))
    return pa.array([None if c is None else np.asarray(c, np.float32).tolist() for c in cells], type=typ)


def sample_chunks() -> list[pa.RecordBatch]:
    """Static + temporal chunks, all three timeline kinds, null cells, an unknown component."""
    t = np.array([0, 1, 2, 3], dtype=np.int64)
    temporal = make_chunk("/world/points", 4, times={
        "frame": pa.array(t), "sim_time": pa.array(t * 1_000_000, pa.duration("ns")),
        "wall": pa.array(t + 1_700_000_000_000_000_000, pa.timestamp("ns"))}, components={
        POS3: positions([[[0, 0, 0]], [[1, 1, 1], [2, 2, 2]], None, [[3, 3, 3]]]),
        RADII: pa.array([[0.5], None, [0.25], []], pa.list_(pa.float32())),
        (None, "my_custom_thing", None): pa.array([["x"], None, None, ["y", "z"]], pa.list_(pa.utf8()))})
    static = make_chunk("/world/points", 1, components={
        COLORS: pa.array([[0xFF0000FF]], pa.list_(pa.uint32()))})
    series = make_chunk("/plot/a\\ b", 3, times={"frame": pa.array([5, 6, 7], pa.int64())}, components={
        SCALARS: pa.array([[1.0], [2.0], [3.0]], pa.list_(pa.float64()))})
    return [temporal, static, series]
