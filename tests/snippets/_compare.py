"""Compare two .rrd files row by row, the way a user of the Rerun viewer would see them.

Each file is read into a `Canon`: per store (recording or blueprint, by application id), per entity and
component descriptor (archetype, component, component type, Arrow type), the non-null cells in log order
with their time points. Chunk boundaries are not compared: the two SDKs batch rows into chunks
differently, and the viewer does not care.

What is deliberately ignored, all here:

- ``IGNORED_COLUMNS``: row ids are random TUIDs (they only give the log order), ``log_time`` is the wall
  clock at the log call.
- ``IGNORED_COMPONENTS``: ``RecordingInfo:start_time`` is the wall clock at ``rr.init``.
- recording ids: random per process unless the snippet passes ``recording_id`` (only the application
  id and store kind are compared).
- blueprint ids: every container and view gets a random UUID; they are renamed ``<uuid#N>`` in order of
  first appearance (rows in log order), in entity paths, in string values and in 16-byte UUID values.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import pyarrow as pa

IGNORED_COLUMNS = {"rerun.controls.RowId": "random TUID per row (used only to order rows)",
                   "log_time": "wall clock at the log call"}
IGNORED_COMPONENTS = {"RecordingInfo:start_time": "wall clock at rr.init"}

_UUID = re.compile(r"[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}")
_UUID_COMPONENT_TYPES = {"rerun.blueprint.components.RootContainer", "rerun.blueprint.components.ActiveTab",
                         "rerun.blueprint.components.ViewMaximized", "rerun.datatypes.Uuid",
                         "rerun.blueprint.components.VisualizerInstructionId"}


@dataclass
class Row:
    row_id: bytes
    times: tuple  # ((timeline, arrow type str, value), ...) without log_time
    cell: pa.Array  # the list cell's values (one batch of the component)


@dataclass
class Store:
    kind: str
    application_id: str
    # (entity, archetype, component, component_type, arrow type) -> rows in log order
    columns: dict[tuple, list[Row]] = field(default_factory=dict)


def read_with_sdk(path) -> list[Store]:
    """The stores of an .rrd as the real rerun-sdk 0.41 reads them (`rerun.chunk.RrdReader`)."""
    from rerun.chunk import RrdReader

    reader = RrdReader(path)
    stores = []
    for entry in reader.recordings() + reader.blueprints():
        batches = [chunk.to_record_batch() for chunk in reader.stream(store=entry).to_chunks()]
        stores.append(_store(entry.kind, entry.application_id, batches))
    return stores


def read_with_rerun_nb(path) -> list[Store]:
    """The stores of an .rrd as rerun_nb reads them (`rerun_nb.rrd.read_rrd`, strict)."""
    from rerun_nb.rrd import read_rrd

    stores = read_rrd(path, strict=True)
    recordings = [s for s in stores if s.kind == "recording"]
    blueprints = [s for s in stores if s.kind == "blueprint"]
    return [_store(s.kind, s.application_id, s.chunks) for s in recordings + blueprints]


def _meta(f: pa.Field) -> dict[str, str]:
    return {k.decode(): v.decode() for k, v in (f.metadata or {}).items()}


def _store(kind: str, application_id: str, batches) -> Store:
    store = Store(kind, application_id)
    for rb in batches:
        entity = rb.schema.metadata[b"rerun:entity_path"].decode()
        row_ids, times, data = None, [], []
        for i, f in enumerate(rb.schema):
            meta = _meta(f)
            kind_ = meta.get("rerun:kind")
            if kind_ == "control":
                row_ids = rb.column(i).to_pylist()
            elif kind_ == "index":
                if f.name not in IGNORED_COLUMNS:
                    times.append((meta.get("rerun:index_name", f.name), str(f.type), rb.column(i)))
            else:
                key = (entity, meta.get("rerun:archetype"), meta.get("rerun:component", f.name),
                       meta.get("rerun:component_type"), str(f.type))
                if meta.get("rerun:component") not in IGNORED_COMPONENTS:
                    data.append((key, rb.column(i)))
        time_values = [(name, typ, col.cast(pa.int64()).to_pylist()) for name, typ, col in times]
        for key, col in data:
            rows = store.columns.setdefault(key, [])
            valid = col.is_valid().to_pylist()
            for r in range(rb.num_rows):
                if not valid[r]:
                    continue
                tp = tuple(sorted((name, typ, vals[r]) for name, typ, vals in time_values if vals[r] is not None))
                rows.append(Row(row_ids[r], tp, col[r].values))
    for rows in store.columns.values():
        rows.sort(key=lambda row: row.row_id)
    if kind == "blueprint":
        _rename_uuids(store)
    return store


def _rename_uuids(store: Store) -> None:
    """Blueprint UUIDs -> ``<uuid#N>``, numbered in order of first appearance."""
    names: dict[str, str] = {}

    def canon(text: str) -> str:
        def sub(m):
            key = m.group(0).replace("-", "").lower()
            return names.setdefault(key, f"<uuid#{len(names)}>")
        return _UUID.sub(sub, text)

    everything = sorted(((row.row_id, key, row) for key, rows in store.columns.items() for row in rows),
                        key=lambda t: t[0])
    new_columns: dict[tuple, list[Row]] = {}
    for _, key, row in everything:
        new_key = (canon(key[0]), *key[1:])
        cell = row.cell
        if key[3] in _UUID_COMPONENT_TYPES:
            cell = pa.array([canon(_uuid_hex(v)) for v in cell.to_pylist()])
        elif pa.types.is_string(cell.type) or pa.types.is_large_string(cell.type):
            cell = pa.array([None if v is None else canon(v) for v in cell.to_pylist()], cell.type)
        new_columns.setdefault(new_key, []).append(Row(row.row_id, row.times, cell))
    store.columns = new_columns


def _uuid_hex(value) -> str:
    """A UUID cell value (16 bytes, 16 ints, or a struct of them) as 32 hex digits."""
    if isinstance(value, dict):
        value = next(iter(value.values()))
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).hex()
    if isinstance(value, str):
        return value
    return bytes(value).hex()


def _close(a, b, rel=1e-5, abs_=1e-6) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return a == b or (math.isnan(a) and math.isnan(b)) or math.isclose(a, b, rel_tol=rel, abs_tol=abs_)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_close(a[k], b[k]) for k in a)
    return a == b


def _cells_equal(a: pa.Array, b: pa.Array) -> bool:
    if a.type != b.type:
        return False
    if a.equals(b):
        return True
    return _close(a.to_pylist(), b.to_pylist())


def _short(arr: pa.Array, limit: int = 160) -> str:
    text = str(arr.to_pylist())
    return text if len(text) <= limit else text[:limit] + "..."


def diff(expected: list[Store], actual: list[Store], limit: int = 25) -> list[str]:
    """Human-readable differences of `actual` (rerun_nb's file) from `expected` (rerun-sdk's); [] if none."""
    out: list[str] = []
    kinds_e = [(s.kind, s.application_id) for s in expected]
    kinds_a = [(s.kind, s.application_id) for s in actual]
    if kinds_e != kinds_a:
        out.append(f"stores: rerun-sdk {kinds_e}, rerun_nb {kinds_a}")
    for se, sa in zip(expected, actual):
        where = f"[{se.kind}]"
        ke, ka = set(se.columns), set(sa.columns)
        for key in sorted(ke - ka, key=str):
            similar = [k for k in ka if k[0] == key[0] and k[2] == key[2]]
            out.append(f"{where} missing column {key}" + (f" (rerun_nb has {similar})" if similar else ""))
        for key in sorted(ka - ke, key=str):
            if not any(k[0] == key[0] and k[2] == key[2] for k in ke):
                out.append(f"{where} extra column {key}")
        for key in sorted(ke & ka, key=str):
            re_, ra = se.columns[key], sa.columns[key]
            if len(re_) != len(ra):
                out.append(f"{where} {key[0]} {key[2]}: {len(re_)} rows in rerun-sdk, {len(ra)} in rerun_nb "
                           f"(times {[r.times for r in re_][:4]} vs {[r.times for r in ra][:4]})")
                continue
            for i, (x, y) in enumerate(zip(re_, ra)):
                if x.times != y.times:
                    out.append(f"{where} {key[0]} {key[2]} row {i}: times {x.times} vs {y.times}")
                    break
                if not _cells_equal(x.cell, y.cell):
                    out.append(f"{where} {key[0]} {key[2]} row {i}: rerun-sdk {_short(x.cell)} "
                               f"vs rerun_nb {_short(y.cell)}")
                    break
        if len(out) > limit:
            break
    return out[:limit]
