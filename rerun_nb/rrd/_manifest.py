"""Build the RRD footer manifest (rrd-format.md section 7.2) from per-chunk summaries.

The writer calls `ManifestBuilder.add` once per ArrowMsg it writes (only a small summary of each chunk is
kept, never the chunk itself) and `build` at close. Column names, order, types and metadata follow what
Rerun 0.41 writes for the same chunks.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
import pyarrow as pa

from ._chunk_check import chunk_entity_path, chunk_id_text, int64_values, list_offsets
from ._framing import tuid_from_str, tuid_to_bytes

_SANITIZE = re.compile(r"[, \-.\\]")
_DROP_KEYS = {b"rerun:is_sorted"}


def _sanitize(name: str) -> str:
    return _SANITIZE.sub("_", name).lstrip("_")


def _descr(f: pa.Field, meta: dict) -> tuple[str | None, str, str | None]:
    arch = meta.get(b"rerun:archetype")
    comp = meta.get(b"rerun:component")
    ctype = meta.get(b"rerun:component_type")
    comp_s = comp.decode() if comp else f.name
    return (arch.decode() if arch else None, comp_s, ctype.decode() if ctype else None)


def _descr_sort_key(d: tuple[str | None, str, str | None]) -> tuple:
    return (d[0] is not None, d[0] or "", d[1], d[2] is not None, d[2] or "")


def _descr_meta(d: tuple[str | None, str, str | None], index: str) -> dict[bytes, bytes]:
    meta = {b"rerun:component": d[1].encode(), b"rerun:index": index.encode()}
    if d[0] is not None:
        meta[b"rerun:archetype"] = d[0].encode()
    if d[2] is not None:
        meta[b"rerun:component_type"] = d[2].encode()
    return meta


def _column_name(entity: str, component: str) -> str:
    if entity == "/__properties":
        return f"property:{component}"
    if entity.startswith("/__properties/"):
        return f"property:{entity[len('/__properties/'):]}:{component}"
    return f"{entity}:{component}"


def validity(col: pa.Array) -> np.ndarray:
    """Boolean mask of non-null cells, straight from the validity bitmap (no pyarrow.compute)."""
    n = len(col)
    if col.null_count == 0:
        return np.ones(n, dtype=bool)
    if col.null_count == n:
        return np.zeros(n, dtype=bool)
    bitmap = col.buffers()[0]
    bits = np.unpackbits(np.frombuffer(bitmap, dtype=np.uint8), bitorder="little")
    return bits[col.offset:col.offset + n].astype(bool)


def _is_empty_list_column(col: pa.Array, valid: np.ndarray) -> bool:
    if not valid.any():
        return True
    if pa.types.is_list(col.type) or pa.types.is_large_list(col.type):
        lengths = np.diff(list_offsets(col))
        return not lengths[valid].any()
    return False


class ManifestBuilder:
    """Accumulates chunk summaries for one store and builds its footer manifest."""

    def __init__(self) -> None:
        self.rows: list[dict] = []
        self.timeline_types: dict[str, pa.DataType] = {}
        self.descrs: set[tuple] = set()
        self.pairs: set[tuple[str, tuple]] = set()  # (timeline, descr) seen together in a temporal chunk
        self.columns: dict[tuple[str, str], list] = {}  # (entity, component) -> [field, is_static, empty]
        self.row_id_field: pa.Field | None = None

    def add(self, batch: pa.RecordBatch, byte_offset: int, byte_size: int, byte_size_uncompressed: int) -> None:
        entity = chunk_entity_path(batch) or "/"
        tuid = tuid_from_str(chunk_id_text(batch) or "") or (0, 0)
        times: dict[str, tuple[np.ndarray, pa.DataType]] = {}
        comps: list[tuple[tuple, pa.Array, pa.Field]] = []
        for i, f in enumerate(batch.schema):
            fmeta = f.metadata or {}  # (pyarrow builds this dict on every access: read it once)
            kind = fmeta.get(b"rerun:kind", b"data")
            if kind == b"control":
                if self.row_id_field is None:
                    self.row_id_field = f.with_metadata({k: v for k, v in fmeta.items() if k not in _DROP_KEYS})
            elif kind == b"index":
                name = fmeta.get(b"rerun:index_name", f.name.encode()).decode()
                times[name] = (int64_values(batch.column(i)), f.type)
                self.timeline_types.setdefault(name, f.type)
            else:
                comps.append((_descr(f, fmeta), batch.column(i), f))
        is_static = not times
        row = {"entity": entity, "chunk_id": tuid_to_bytes(tuid), "static": is_static, "num_rows": batch.num_rows,
               "offset": byte_offset, "size": byte_size, "usize": byte_size_uncompressed,
               "static_descrs": set(), "times": {}, "pairs": {}}
        valids = [validity(col) for _, col, _ in comps]
        for (d, col, f), valid in zip(comps, valids):
            self.descrs.add(d)
            key = (entity, d[1])
            entry = self.columns.get(key)
            if entry is None:
                meta = {k: v for k, v in (f.metadata or {}).items() if k not in _DROP_KEYS}
                entry = self.columns[key] = [f.with_metadata(meta), False, True]
            entry[1] |= is_static
            entry[2] &= _is_empty_list_column(col, valid)
            if is_static:
                row["static_descrs"].add(d)
        for name, (values, _) in times.items():
            if len(values):
                row["times"][name] = (int(values.min()), int(values.max()))
            for (d, _, _), valid in zip(comps, valids):
                self.pairs.add((name, d))
                if len(values) and valid.all():  # the common dense case: reuse the chunk's range
                    row["pairs"][(name, d)] = (*row["times"][name], len(values))
                    continue
                sel = values[valid]
                row["pairs"][(name, d)] = (int(sel.min()), int(sel.max()), len(sel)) if len(sel) else (None, None, 0)
        self.rows.append(row)

    def sorbet_schema(self) -> pa.Schema:
        fields = []
        if self.row_id_field is not None:
            fields.append(self.row_id_field)
        for name in sorted(self.timeline_types):
            meta = {b"rerun:kind": b"index", b"rerun:index_name": name.encode()}
            fields.append(pa.field(name, self.timeline_types[name], nullable=True, metadata=meta))
        for (entity, component), (f, is_static, empty) in sorted(self.columns.items()):
            meta = dict(f.metadata or {})
            meta[b"rerun:entity_path"] = entity.encode()
            meta.setdefault(b"rerun:kind", b"data")
            if is_static:
                meta[b"rerun:is_static"] = b"true"
            if meta.get(b"rerun:archetype") == b"rerun.archetypes.Clear":
                meta[b"rerun:is_tombstone"] = b"true"
            if empty:
                meta[b"rerun:is_semantically_empty"] = b"true"
            fields.append(pa.field(_column_name(entity, component), f.type, nullable=True, metadata=meta))
        return pa.schema(fields)

    def data(self) -> pa.RecordBatch:
        rows = self.rows
        cols: list[tuple[pa.Field, pa.Array]] = []

        def add(name: str, typ: pa.DataType, values: list, nullable: bool, meta: dict | None = None) -> None:
            arr = values if isinstance(values, pa.Array) else pa.array(values, type=typ)
            cols.append((pa.field(_sanitize(name), typ, nullable=nullable, metadata=meta), arr))

        add("chunk_entity_path", pa.utf8(), [r["entity"] for r in rows], False)
        add("chunk_id", pa.binary(16), [r["chunk_id"] for r in rows], False)
        add("chunk_is_static", pa.bool_(), [r["static"] for r in rows], False)
        for key, name in (("num_rows", "chunk_num_rows"), ("offset", "chunk_byte_offset"),
                          ("size", "chunk_byte_size"), ("usize", "chunk_byte_size_uncompressed")):
            add(name, pa.uint64(), [r[key] for r in rows], False)
        descrs = sorted(self.descrs, key=_descr_sort_key)
        for d in descrs:
            add(f"{d[1]}:has_static_data", pa.bool_(), [d in r["static_descrs"] for r in rows], False,
                _descr_meta(d, "rerun:static"))
        for name in sorted(self.timeline_types):
            typ = self.timeline_types[name]
            meta = {b"rerun:index": name.encode()}
            for j, suffix in ((0, "start"), (1, "end")):
                vals = [r["times"][name][j] if name in r["times"] else None for r in rows]
                add(f"{name}:{suffix}", typ, _typed(vals, typ), True, meta)
        for name in sorted(self.timeline_types):
            typ = self.timeline_types[name]
            for d in descrs:
                if (name, d) not in self.pairs:
                    continue
                meta = _descr_meta(d, name)
                stats = [r["pairs"].get((name, d), (None, None, 0)) for r in rows]
                add(f"{name}:{d[1]}:start", typ, _typed([s[0] for s in stats], typ), True, meta)
                add(f"{name}:{d[1]}:end", typ, _typed([s[1] for s in stats], typ), True, meta)
                add(f"{name}:{d[1]}:num_rows", pa.uint64(), [s[2] for s in stats], True, meta)
        schema = pa.schema([f for f, _ in cols])
        return pa.RecordBatch.from_arrays([a for _, a in cols], schema=schema)


def _typed(values: list, typ: pa.DataType) -> pa.Array:
    return pa.array(values, type=pa.int64()).view(typ)  # view, not cast: cast imports pandas


def schema_ipc_bytes(schema: pa.Schema) -> tuple[bytes, bytes]:
    """IPC stream bytes of ``schema`` (schema message + EOS) and a 32-byte hash of them.

    Rerun hashes its own flatbuffer encoding, which pyarrow cannot reproduce; the hash is only checked in
    Rerun debug builds and must merely be 32 bytes long (rrd-format.md 7.2).
    """
    sink = pa.BufferOutputStream()
    pa.ipc.new_stream(sink, schema).close()  # schema message + end-of-stream, no batches
    raw = sink.getvalue().to_pybytes()
    return raw, hashlib.sha256(raw).digest()
