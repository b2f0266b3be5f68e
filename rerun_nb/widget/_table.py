"""`Viewer.send_table`'s dataframe view: an Arrow table as a scrollable HTML table (first rows shown)."""

from __future__ import annotations

import html

import pyarrow as pa

__all__ = ["table_html", "to_arrow_table"]

MAX_ROWS_SHOWN = 200  # more rows than this make a page heavy; the header says how many there are


def to_arrow_table(table) -> pa.Table:
    """A ``pa.Table`` from a RecordBatch, a list of them, a ``pa.Table`` or a datafusion DataFrame."""
    if isinstance(table, pa.Table):
        return table
    if isinstance(table, pa.RecordBatch):
        return pa.Table.from_batches([table])
    if isinstance(table, (list, tuple)):
        if not table:
            raise ValueError("send_table: an empty list of record batches has no schema")
        if not all(isinstance(b, pa.RecordBatch) for b in table):
            raise TypeError("send_table: a list must hold only pyarrow.RecordBatch")
        return pa.Table.from_batches(list(table))
    to_arrow = getattr(table, "to_arrow_table", None)  # datafusion.DataFrame
    if callable(to_arrow):
        return to_arrow()
    raise TypeError(f"send_table: expected a pyarrow RecordBatch, a list of them or a datafusion DataFrame, "
                    f"got {type(table).__name__}")


def _cell(value) -> str:
    text = "null" if value is None else str(value)
    if len(text) > 80:
        text = text[:77] + "..."
    return html.escape(text)


def table_html(table_id: str, table: pa.Table) -> str:
    """The table as HTML: a title with its id and size, then up to MAX_ROWS_SHOWN rows."""
    shown = table.slice(0, MAX_ROWS_SHOWN).to_pylist()
    names = table.column_names
    head = "".join(f"<th style='text-align:left;padding:2px 8px'>{html.escape(n)}</th>" for n in names)
    rows = "".join("<tr>" + "".join(f"<td style='padding:2px 8px'>{_cell(r[n])}</td>" for n in names) + "</tr>"
                   for r in shown)
    more = f" (first {len(shown)} shown)" if table.num_rows > len(shown) else ""
    title = (f"<b>{html.escape(table_id)}</b>: {table.num_rows} rows x {table.num_columns} columns{more}")
    return (f"<div class='rerun-nb-table'>{title}<div style='max-height:320px;overflow:auto'>"
            f"<table style='border-collapse:collapse;font-family:monospace;font-size:12px'>"
            f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div></div>")
