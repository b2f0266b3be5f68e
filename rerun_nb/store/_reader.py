"""Dataframe reader: the store as a table, shaped like Rerun 0.41's dataframe API.

One row per distinct value of the `index` timeline at which any selected entity has data; one column
for the index and one `/entity/path:Archetype:field` column per selected component (Arrow List cells,
null where that component has no row at exactly that time). `fill_latest_at=True` fills the nulls
with the latest-at value instead; `using_index_values` picks the rows' index values yourself.
Static components appear in every row. `index=None` gives the static data only (one row).

Clears, as Rerun 0.41's dataframe API shows them (checked against it in tests/reliability/test_clear.py):
`Clear:is_recursive` columns are not shown; at the time of a temporal Clear of an entity (or a recursive
Clear of an ancestor) each of its components shows an empty list, unless it was logged again at that same
time after the Clear; `fill_latest_at` fills other times from the logged values, not from the Clears. Static
Clears, and Clears over static components, change nothing here.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyarrow as pa

from .._baseclasses import batch_to_arrow
from ..error_utils import report_error
from ..time import index_arrow_type
from ._gather import gather_cells
from ._ids import normalize_entity_path

CLEAR_COMPONENT = "Clear:is_recursive"


def _parse_contents(contents: Any) -> list[tuple[bool, str, bool, list[str] | None]]:
    """[(include, path, recursive, components)] from "/a/**", ["+/a/**", "-/a/b"], or {expr: components}."""
    if contents is None:
        contents = "/**"
    if isinstance(contents, str):
        items: list[tuple[str, Any]] = [(e, None) for e in contents.split()]
    elif isinstance(contents, dict):
        items = [(e, comps) for e, comps in contents.items()]
    else:
        items = [(e, None) for e in contents]
    rules = []
    for expr, comps in items:
        include = not expr.startswith("-")
        expr = expr.lstrip("+-").strip()
        recursive = expr.endswith("/**") or expr == "**"
        base = expr[:-3] if expr.endswith("/**") else ("/" if expr == "**" else expr)
        comps_list = None if comps is None else ([comps] if isinstance(comps, str) else list(comps))
        rules.append((include, normalize_entity_path(base or "/"), recursive, comps_list))
    return rules


def _selected(path: str, rules: list) -> tuple[bool, list[str] | None]:
    chosen, comps = False, None
    for include, base, recursive, rule_comps in rules:
        if path == base or (recursive and (base == "/" or path.startswith(base + "/"))):
            chosen, comps = include, rule_comps
    return chosen, comps


class DataframeReader:
    """Build with `store.reader(index, contents=..., fill_latest_at=..., using_index_values=...)`."""

    def __init__(self, store: Any, index: str | None, *, contents: Any = None, fill_latest_at: bool = False,
                 using_index_values: Any = None):
        self._store = store
        self.index = index
        self.fill_latest_at = fill_latest_at
        self._rules = _parse_contents(contents)
        self._using = None if using_index_values is None else _sorted_unique(using_index_values)
        if index is not None and store.timelines() and index not in store.timelines():
            raise ValueError(f"unknown index timeline {index!r}; the store has {sorted(store.timelines())}")

    def _columns(self) -> list[tuple[str, str]]:
        # Cached on the store until its contents change: the column list costs more than a one-row query.
        store = self._store
        key = ("columns", repr(self._rules))
        version = (store._inserts, store.dropped_chunks)
        hit = store._reader_cache.get(key)
        if hit is not None and hit[0] == version:
            return hit[1]
        out = self._find_columns()
        store._reader_cache[key] = (version, out)
        return out

    def _list_type(self, path: str, comp: str, entity: Any) -> pa.DataType:
        """The column's Arrow type: from the first chunk of this entity that has the component (cached)."""
        store = self._store
        key = ("type", path, comp)
        version = (store._inserts, store.dropped_chunks)
        hit = store._reader_cache.get(key)
        if hit is not None and hit[0] == version:
            return hit[1]
        list_type = next((store._chunks[no].columns[comp].to_arrow().type for no in entity.chunk_nos
                          if no in store._chunks and comp in store._chunks[no].columns), pa.null())
        store._reader_cache[key] = (version, list_type)
        return list_type

    def _find_columns(self) -> list[tuple[str, str]]:
        out = []
        for path in self._store.entity_paths():
            chosen, comps = _selected(path, self._rules)
            if not chosen:
                continue
            for comp in self._store.components(path):
                if comp == CLEAR_COMPONENT:
                    continue
                if comps is None or comp in comps or comp.split(":")[-1] in comps:
                    out.append((path, comp))
        return out

    def to_arrow_table(self) -> pa.Table:
        store = self._store
        store.flush()
        columns = self._columns()
        with store._lock:
            if self.index is None:
                return self._static_table(columns)
            kind = store.timeline_kind(self.index) or "sequence"
            index_values = self._using if self._using is not None else self._row_times(columns)
            arrays = {self.index: pa.array(index_values, pa.int64()).cast(index_arrow_type(kind))}
            for path, comp in columns:
                arrays[f"{path}:{comp}"] = self._column(path, comp, index_values)
        return pa.table(arrays)

    def _row_times(self, columns: list[tuple[str, str]]) -> np.ndarray:
        parts = [np.empty(0, np.int64)]
        for path, comp in columns:
            index = self._store._entities[path].temporal.get(self.index, {}).get(comp)
            if index is not None:
                parts.append(index.times[: index.n])
        for path in {path for path, _comp in columns} if self._store._clear_entities else ():
            # a Clear's time is a row, as in Rerun's reader
            parts.append(self._store.clear_events(path, self.index)[0])
        return np.unique(np.concatenate(parts))

    def _column(self, path: str, comp: str, times: np.ndarray) -> pa.Array:
        store = self._store
        entity = store._entities[path]
        n = len(times)
        static = entity.static.get(comp)
        if static is not None:
            _hi, _lo, chunk_no, row = static
            cell = store._chunks[chunk_no].columns[comp].to_arrow().slice(row, 1)
            return cell if n == 1 else cell.take(pa.array(np.zeros(n, np.int64)))
        index = entity.temporal.get(self.index, {}).get(comp)
        list_type = self._list_type(path, comp, entity)
        if index is None or index.n == 0:
            return pa.nulls(n, list_type)
        index.latest()  # sorts if needed
        pos = np.searchsorted(index.times[: index.n], times, side="right") - 1
        found = pos >= 0
        if not self.fill_latest_at:
            found &= index.times[np.maximum(pos, 0)] == times
        safe = np.maximum(pos, 0)
        chunk_nos = index.chunk_nos[safe]
        rows = index.rows[safe]
        cleared = self._cleared_rows(path, index, times, pos)
        if cleared is not None:
            found[cleared] = False
        if n == 1 and cleared is None:  # the common single-time query: one zero-copy slice
            if not found[0]:
                return pa.nulls(1, list_type)
            return self._typed(path, comp, store._chunks[int(chunk_nos[0])].columns[comp].to_arrow()
                               .slice(int(rows[0]), 1), list_type)
        return self._gather_arrow(path, comp, list_type, chunk_nos, rows, found, cleared)

    def _typed(self, path: str, comp: str, arr: pa.Array, list_type: pa.DataType) -> pa.Array | None:
        """`arr` as the column's type; None (reported) for cells of another type (a file may hold those:
        log() refuses them), which then show as null while the rest of the table is read."""
        if arr.type == list_type:
            return arr
        try:
            return arr.cast(list_type)
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError) as exc:
            report_error(f"rerun_nb reader: {path}:{comp} has cells of type {arr.type} and {list_type}; "
                         f"showing the {arr.type} ones as null ({exc})", strict=False)
            return None

    def _gather_arrow(self, path: str, comp: str, list_type: pa.DataType, chunk_nos: np.ndarray, rows: np.ndarray,
                      found: np.ndarray, cleared: np.ndarray | None) -> pa.Array:
        """Cells of any type, by Arrow `take` per chunk (strings, structs, nested lists)."""
        store = self._store
        n = len(rows)
        # Arrow's take per touched chunk (C++, copies only the selected cells; faster than a numpy gather of the
        # flat values). When every row is found and the chunks come in order (sorted times over compacted
        # chunks: the usual case) the pieces, end to end, are the column: no second take.
        if cleared is None and found.all() and (n < 2 or bool((chunk_nos[1:] >= chunk_nos[:-1]).all())):
            in_order = []
            bounds = [0, *(np.flatnonzero(chunk_nos[1:] != chunk_nos[:-1]) + 1).tolist(), n]
            for a, b in zip(bounds[:-1], bounds[1:]):
                arr = store._chunks[int(chunk_nos[a])].columns[comp].to_arrow()
                picked = rows[a:b]
                k = len(picked)
                if k and int(picked[-1]) - int(picked[0]) == k - 1 and bool((np.diff(picked) == 1).all()):
                    arr = arr.slice(int(picked[0]), k)  # consecutive rows: a zero-copy slice
                else:
                    arr = arr.take(pa.array(picked))
                arr = self._typed(path, comp, arr, list_type)
                if arr is None:
                    break
                in_order.append(arr)
            else:
                return in_order[0] if len(in_order) == 1 else pa.concat_arrays(in_order)
        pieces, take = [], np.full(n, -1, np.int64)
        offset = 0
        for chunk_no in np.unique(chunk_nos[found]):
            sel = found & (chunk_nos == chunk_no)
            arr = self._typed(path, comp, store._chunks[int(chunk_no)].columns[comp].to_arrow()
                              .take(pa.array(rows[sel])), list_type)
            if arr is None:
                continue
            pieces.append(arr)
            count = int(sel.sum())
            take[sel] = offset + np.arange(count)
            offset += count
        if cleared is not None:
            pieces.append(pa.array([[]], type=list_type))
            take[cleared] = offset
        if not pieces:
            return pa.nulls(n, list_type)
        combined = pa.concat_arrays(pieces)
        return combined.take(pa.array(take, mask=take < 0))

    def _cleared_rows(self, path: str, index: Any, times: np.ndarray, pos: np.ndarray) -> np.ndarray | None:
        """Positions in `times` where a Clear at exactly that time empties this component: the Clear is newer
        than the component's row at that same time, if there is one."""
        if not self._store._clear_entities:
            return None
        clear_times, clear_hi, clear_lo = self._store.clear_events(path, self.index)
        if len(clear_times) == 0:
            return None
        out = []
        for i in np.flatnonzero(np.isin(times, clear_times)):
            t = times[i]
            at = clear_times == t
            clear_key = max(zip(clear_hi[at].tolist(), clear_lo[at].tolist()))
            p = int(pos[i])
            if p >= 0 and index.times[p] == t and (int(index.row_hi[p]), int(index.row_lo[p])) > clear_key:
                continue  # logged again at that time, after the Clear
            out.append(i)
        return np.array(out, np.int64) if out else None

    def _static_table(self, columns: list[tuple[str, str]]) -> pa.Table:
        arrays = {}
        for path, comp in columns:
            static = self._store._entities[path].static.get(comp)
            if static is not None:
                arrays[f"{path}:{comp}"] = self._store._chunks[static[2]].columns[comp].to_arrow().slice(static[3], 1)
        return pa.table(arrays) if arrays else pa.table({})

    def read_all(self) -> pa.Table:
        return self.to_arrow_table()

    def to_pandas(self) -> Any:
        return self.to_arrow_table().to_pandas()

    def to_polars(self) -> Any:
        try:
            import polars as pl
        except ImportError as exc:
            raise ImportError("to_polars() needs polars: pip install polars") from exc
        return pl.from_arrow(self.to_arrow_table())


def _sorted_unique(values: Any) -> np.ndarray:
    """The index values sorted, without repeats (usually given so already: then only checked)."""
    arr = np.asarray(values, np.int64).reshape(-1)
    if len(arr) < 2 or bool((arr[1:] > arr[:-1]).all()):
        return arr
    return np.unique(arr)


def _gather_numeric(chunks: dict, comp: str, chunk_nos: np.ndarray, rows: np.ndarray, found: np.ndarray,
                    cleared: np.ndarray | None, list_type: pa.DataType) -> pa.Array | None:
    """The selected cells as one List array (see `gather_cells`); None when they are not numeric."""
    gathered = gather_cells(chunks, comp, chunk_nos, rows, found)
    if gathered is None:
        return None
    offsets, values = gathered
    valid = found.copy()
    if cleared is not None:
        valid[cleared] = True  # an empty list, not a null
    value_type = list_type.value_type if pa.types.is_list(list_type) else None
    flat = batch_to_arrow(values, value_type)
    if value_type is not None and flat.type != value_type:
        flat = flat.cast(value_type)
    mask = None if valid.all() else pa.array(~valid)
    out = pa.ListArray.from_arrays(pa.array(offsets.astype(np.int32)), flat, type=list_type if value_type else None,
                                   mask=mask)
    return out
