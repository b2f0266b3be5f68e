"""Dataframe export: one Parquet file per entity (`to_parquet`).

Each file holds every row logged to that entity, static rows included, sorted by row id (= log order):

* ``rerun.controls.RowId`` (fixed_size_binary[16], big-endian TUID),
* one column per timeline seen on the entity (int64 / duration[ns] / timestamp[ns]; null on static rows
  and on rows that were not logged on that timeline),
* ``rerun:is_static`` (bool),
* one ``List<T>`` column per component, named by its descriptor (``Points3D:positions``), with Rerun's field
  metadata (``rerun:component``, ``rerun:archetype``, ``rerun:component_type``) kept in the Arrow schema;
  a null cell means "not logged in this row".

The file's schema metadata carries ``rerun:entity_path``. Files mirror the entity tree:
``/dna/structure/left`` -> ``<dir>/dna/structure/left.parquet``; the root entity ``/`` -> ``<dir>/__root__.parquet``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import numpy as np
import pyarrow as pa

from ._chunk_check import chunk_entity_path, field_kind

__all__ = ["entity_tables", "to_parquet"]

_UNSAFE = re.compile(r"[^A-Za-z0-9_.\-]")


def _entity_parts(entity: str) -> list[str]:
    parts, cur, i = [], "", 0
    path = entity.strip("/")
    while i < len(path):  # split on unescaped '/'
        ch = path[i]
        if ch == "\\" and i + 1 < len(path):
            cur += path[i + 1]
            i += 2
            continue
        if ch == "/":
            parts.append(cur)
            cur = ""
        else:
            cur += ch
        i += 1
    if cur or parts:
        parts.append(cur)
    return parts


def entity_file(directory: Path, entity: str) -> Path:
    parts = [_UNSAFE.sub("_", p) or "_" for p in _entity_parts(entity)]
    parts = [p if p not in (".", "..") else p.replace(".", "_") for p in parts]
    if not parts:
        return directory / "__root__.parquet"
    return directory.joinpath(*parts[:-1], parts[-1] + ".parquet")


def _chunk_table(chunk: pa.RecordBatch) -> pa.Table:
    names, arrays, fields = [], [], []
    static = True
    for i, f in enumerate(chunk.schema):
        kind = field_kind(f)
        if kind == "control":  # plain fixed_size_binary for other tools (polars, pandas)
            f = f.with_metadata({k: v for k, v in (f.metadata or {}).items() if not k.startswith(b"ARROW:")})
        elif kind == "index":
            static = False
            name = (f.metadata or {}).get(b"rerun:index_name", f.name.encode()).decode()
            f = f.with_name(name)
        fields.append(f)
        arrays.append(chunk.column(i))
        names.append(f.name)
    fields.append(pa.field("rerun:is_static", pa.bool_(), nullable=False))
    arrays.append(pa.array(np.full(chunk.num_rows, static)))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def _row_id_order(row_ids: pa.Array) -> np.ndarray:
    words = np.frombuffer(row_ids.buffers()[1], dtype=">u8")[2 * row_ids.offset:2 * (row_ids.offset + len(row_ids))]
    words = words.reshape(-1, 2)
    return np.lexsort((words[:, 1], words[:, 0]))


def entity_tables(chunks) -> dict[str, pa.Table]:
    """Group chunks (a ChunkStore or record batches) by entity and merge each group into one table."""
    if hasattr(chunks, "chunks"):
        chunks = chunks.chunks()
    groups: dict[str, list[pa.Table]] = {}
    for chunk in chunks:
        groups.setdefault(chunk_entity_path(chunk) or "/", []).append(_chunk_table(chunk))
    out = {}
    for entity, tables in sorted(groups.items()):
        table = pa.concat_tables(tables, promote_options="permissive") if len(tables) > 1 else tables[0]
        order = _row_id_order(table.column(0).combine_chunks())
        if (np.diff(order) < 0).any():
            table = table.take(pa.array(order, pa.int64()))
        # column order: row id, timelines, is_static, components (as in a chunk)
        kinds = {f.name: field_kind(f) for f in table.schema}
        cols = ([n for n in table.column_names if kinds[n] == "control"]
                + sorted(n for n in table.column_names if kinds[n] == "index")
                + ["rerun:is_static"]
                + [n for n in table.column_names if kinds[n] == "data" and n != "rerun:is_static"])
        table = table.select(cols)
        out[entity] = table.replace_schema_metadata({b"rerun:entity_path": entity.encode()})
    return out


def to_parquet(store, directory, *, compression: str = "zstd") -> dict[str, Path]:
    """Write one Parquet file per entity of ``store`` (a ChunkStore, or a list of chunks) under ``directory``.

    Returns ``{entity_path: file_path}``. Read a file back with ``pyarrow.parquet.read_table``,
    ``polars.read_parquet`` or ``pandas.read_parquet``.
    """
    import pyarrow.parquet as pq

    directory = Path(os.fspath(directory))
    written = {}
    for entity, table in entity_tables(store).items():
        path = entity_file(directory, entity)
        path.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(table, path, compression=compression)
        written[entity] = path
    return written
