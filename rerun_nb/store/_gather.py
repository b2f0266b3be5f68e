"""Gathering cells (one component's rows, from several chunks) with numpy: the read side's bulk path."""

from __future__ import annotations

import numpy as np

__all__ = ["gather_cells"]


def gather_cells(chunks: dict, comp: str, chunk_nos: np.ndarray, rows: np.ndarray,
                 found: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """(offsets (n+1,), values) of the cells `(chunk_nos[i], rows[i])` where `found[i]` (length 0 elsewhere),
    gathered from the chunks' flat numpy values in a few vectorized steps, whatever the number of rows or
    chunks: no per-row Python. None when the values are not all numpy arrays of one dtype and shape (strings,
    structs: the caller uses Arrow then)."""
    n = len(rows)
    used = np.unique(chunk_nos[found]) if found.any() else np.empty(0, np.int64)
    columns = [chunks[int(c)].columns[comp] for c in used]
    if not columns or not all(isinstance(col.values, np.ndarray) for col in columns):
        return None
    dtype, inner = columns[0].values.dtype, columns[0].values.shape[1:]
    if any(col.values.dtype != dtype or col.values.shape[1:] != inner for col in columns):
        return None
    # One flat source: the touched chunks' values end to end (a copy at numpy speed), so the gather below is a
    # single fancy index whatever the number of chunks.
    source = columns[0].values if len(columns) == 1 else np.concatenate([col.values for col in columns])
    base = np.zeros(len(columns) + 1, np.int64)
    np.cumsum([len(col.values) for col in columns], out=base[1:])
    # the starts/ends of each chunk's cells, shifted into `source`, stacked in chunk order
    cell_start = np.concatenate([col.offsets[:-1] + base[k] for k, col in enumerate(columns)])
    cell_end = np.concatenate([col.offsets[1:] + base[k] for k, col in enumerate(columns)])
    first_cell = np.zeros(len(columns) + 1, np.int64)
    np.cumsum([len(col.offsets) - 1 for col in columns], out=first_cell[1:])
    k_of_row = np.searchsorted(used, chunk_nos)  # which touched chunk each output row reads (where found)
    k_of_row = np.minimum(k_of_row, len(used) - 1)
    cell = first_cell[k_of_row] + rows
    lengths = np.where(found, cell_end[cell] - cell_start[cell], 0)
    starts = cell_start[cell]
    offsets = np.zeros(n + 1, np.int64)
    np.cumsum(lengths, out=offsets[1:])
    total = int(offsets[-1])
    within = np.arange(total) - np.repeat(offsets[:-1], lengths)
    values = source[np.repeat(starts, lengths) + within]
    return offsets, values
