"""A hypothesis fuzz of the logging API: mixed valid and invalid calls of every logging entry point.

Non-strict mode: no exception escapes, and afterwards every valid row is in the store exactly once, with its
values and its times (each row carries a unique id in its data; a model of the time cursor gives the times);
no row of an invalid call is. Strict mode: each invalid call raises a `RerunError` whose message names what
the call was about (the entity path for `log`/`send_columns`, the archetype and field for a constructor).

CI runs a few thousand calls; `RERUN_NB_FUZZ_CALLS=10000 pytest tests/reliability/test_fuzz_logging.py -q -s`
runs the full size and prints the figures.
"""

from __future__ import annotations

import itertools
import math
import os
import uuid
import warnings

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rerun_nb as rr
from rerun_nb.error_utils import RerunError

CALLS = int(os.environ.get("RERUN_NB_FUZZ_CALLS", "2500"))
OPS_PER_EXAMPLE = 50
ENTITIES = ["a", "b/c", "b", "d/e/f"]
TIMELINES = ["frame", "time", "clock"]
BAD_TIMES = {"sequence": [2**70, -(2**64), 1.5, "3", float("nan")],
             "duration": [1e20, float("inf"), "1s", 2**62],
             "timestamp": [1.7e12, float("nan"), 2**70, "now"]}
_ids = itertools.count(1)
TOTALS = {"calls": 0, "valid": 0, "invalid": 0, "rows_checked": 0, "examples": 0}


def _good_time(kind: str, draw) -> tuple[object, int]:
    """(value to pass, expected raw int64): values whose conversion is exact, so the model is independent."""
    if kind == "sequence":
        v = draw(st.integers(-(2**62), 2**62))
        return v, v
    if kind == "duration":
        v = draw(st.integers(-(10**6), 10**6))
        return v, v * 10**9
    v = draw(st.integers(0, 2**20))
    return v, v * 10**9


@st.composite
def op(draw):
    kind = draw(st.sampled_from(["set_time", "set_time", "points", "points", "scalar", "text", "any", "clear",
                                 "columns", "bad_path", "reset", "disable", "class"]))
    entity = draw(st.sampled_from(ENTITIES))
    if kind == "set_time":
        timeline = draw(st.sampled_from(TIMELINES))
        time_kind = draw(st.sampled_from(["sequence", "duration", "timestamp"]))
        if draw(st.booleans()) and draw(st.booleans()):
            return ("set_time", timeline, time_kind, draw(st.sampled_from(BAD_TIMES[time_kind])), None)
        value, raw = _good_time(time_kind, draw)
        return ("set_time", timeline, time_kind, value, raw)
    if kind == "points":
        bad = draw(st.sampled_from([None, None, None, "shape", "string", "nan_color"]))
        return ("points", entity, draw(st.integers(1, 4)), bad, draw(st.booleans()))
    if kind == "scalar":
        return ("scalar", entity, draw(st.sampled_from([None, None, "string"])))
    if kind == "text":
        return ("text", entity, draw(st.booleans()))
    if kind == "any":
        return ("any", entity, draw(st.sampled_from(["u", "v"])), draw(st.sampled_from(["float", "float", "str"])))
    if kind == "clear":
        return ("clear", entity, draw(st.sampled_from([True, False, "bad"])))
    if kind == "columns":
        timeline = draw(st.sampled_from(TIMELINES))
        time_kind = draw(st.sampled_from(["sequence", "duration", "timestamp"]))
        bad = draw(st.sampled_from([None, None, "overflow", "float_seq", "length", "indexes_str"]))
        return ("columns", entity, timeline, time_kind, draw(st.integers(1, 5)), bad)
    if kind == "bad_path":
        return ("bad_path", draw(st.sampled_from([3.5, None, b"bytes"])))
    if kind == "disable":
        return ("disable", draw(st.sampled_from(TIMELINES)))
    return (kind,)


class Model:
    """What the store must hold: each valid row's id -> (entity, times, component, value)."""

    def __init__(self, prefix: str):
        self.prefix = prefix  # AnyValues types are remembered per name for the process: fresh names per example
        self.kinds: dict[str, str] = {}
        self.cursor: dict[str, int] = {}
        self.any_types: dict[str, str] = {}
        self.rows: dict[int, tuple] = {}
        self.invalid_ids: set[int] = set()

    def times(self, static: bool) -> dict[str, int]:
        return {} if static else dict(self.cursor)


def run(rec: rr.RecordingStream, model: Model, o: tuple) -> tuple[bool, object, str]:
    """Perform one op; returns (expected valid, the call, what an error message must name)."""
    kind = o[0]
    if kind == "set_time":
        _, timeline, time_kind, value, raw = o
        valid = raw is not None and model.kinds.get(timeline, time_kind) == time_kind
        if valid:
            model.kinds[timeline] = time_kind
            model.cursor[timeline] = raw
        return valid, lambda: rec.set_time(timeline, **{time_kind: value}), timeline
    if kind == "points":
        _, entity, n, bad, static = o
        k = next(_ids)
        pos = np.full((n, 3), k, np.float32)
        call = {None: lambda: rec.log(entity, rr.Points3D(pos), static=static),
                "shape": lambda: rec.log(entity, rr.Points3D(pos[:, :2]), static=static),
                "string": lambda: rec.log(entity, rr.Points3D([["x", "y", "z"]] * n), static=static),
                "nan_color": lambda: rec.log(entity, rr.Points3D(pos, colors=[[0.5, math.nan, 0.1]]), static=static),
                }[bad]
        _record(model, k, bad is None, entity, static, "Points3D:positions", pos.tolist())
        return bad is None, call, "Points3D"
    if kind == "scalar":
        _, entity, bad = o
        k = next(_ids)
        value = "x" if bad else float(k)
        _record(model, k, bad is None, entity, False, "Scalars:scalars", [float(k)])
        return bad is None, lambda: rec.log(entity, rr.Scalars(value)), "Scalars"
    if kind == "text":
        _, entity, static = o
        k = next(_ids)
        _record(model, k, True, entity, static, "TextLog:text", [f"row {k}"])
        return True, lambda: rec.log(entity, rr.TextLog(f"row {k}"), static=static), entity
    if kind == "any":
        _, entity, name, value_type = o
        k = next(_ids)
        full = f"{model.prefix}{name}"
        valid = model.any_types.setdefault(full, value_type) == value_type
        value = float(k) if value_type == "float" else f"s{k}"
        _record(model, k, valid, entity, False, full, [value])
        return valid, lambda: rec.log(entity, rr.AnyValues(**{full: value})), full
    if kind == "clear":
        _, entity, recursive = o
        return recursive != "bad", lambda: rec.log(entity, rr.Clear(recursive=recursive)), "Clear"
    if kind == "columns":
        _, entity, timeline, time_kind, n, bad = o
        first = next(_ids)
        for _ in range(n - 1):
            next(_ids)
        ids = list(range(first, first + n))
        base = {"sequence": 10**6, "duration": 10**3, "timestamp": 10**3}[time_kind]
        times = np.arange(n, dtype=np.int64) + base
        if bad == "overflow":
            times = np.full(n, 2**63, np.uint64)
        elif bad == "float_seq" and time_kind == "sequence":
            times = times + 0.5
        elif bad == "float_seq":
            bad = None  # floats are fine seconds for durations and timestamps
            times = times.astype(np.float64)
        values = np.array(ids, np.float64)
        if bad == "length":
            values = values[:-1] if n > 1 else np.array([1.0, 2.0])
        valid = bad is None and model.kinds.get(timeline, time_kind) == time_kind
        if valid:
            model.kinds[timeline] = time_kind
            raw = (times * (1 if time_kind == "sequence" else 10**9)).astype(np.int64)
            for j, k in enumerate(ids):
                model.rows[k] = (normalize(entity), {timeline: int(raw[j])}, "Scalars:scalars", [float(k)])
        else:
            model.invalid_ids.update(ids)

        def call():
            column = rr.TimeColumn(timeline, **{time_kind: times})
            indexes = "abc" if bad == "indexes_str" else [column]
            rec.send_columns(entity, indexes=indexes, columns=rr.Scalars.columns(scalars=values))
        # a bad time column is refused by rr.TimeColumn itself (naming its timeline), the rest by send_columns
        return valid, call, (f"TimeColumn({timeline!r})" if bad in ("overflow", "float_seq") else entity)
    if kind == "bad_path":
        return False, lambda: rec.log(o[1], rr.TextLog("never")), "entity path"
    if kind == "reset":
        model.cursor.clear()
        return True, rec.reset_time, ""
    if kind == "disable":
        model.cursor.pop(o[1], None)
        return True, lambda: rec.disable_timeline(o[1]), ""
    return False, lambda: rec.log("x", rr.Points3D), "Points3D"


def normalize(entity: str) -> str:
    return "/" + entity


def _record(model: Model, k: int, valid: bool, entity: str, static: bool, component: str, value) -> None:
    if valid:
        model.rows[k] = (normalize(entity), model.times(static), component, value)
    else:
        model.invalid_ids.add(k)


def _row_id_of(component: str, cell) -> int | None:
    if cell is None or len(cell) == 0:
        return None
    first = cell[0]
    if component == "Points3D:positions":
        return int(first[0])
    if component == "TextLog:text":
        return int(first.split()[1])
    if isinstance(first, str):
        return int(first[1:])
    return int(first)


def check_store(rec: rr.RecordingStream, model: Model) -> int:
    """Every valid row exactly once with its times and value; no invalid row."""
    seen: dict[int, tuple] = {}
    for batch in rec.store.chunks():
        entity = batch.schema.metadata[b"rerun:entity_path"].decode()
        index_names = [f.name for f in batch.schema if (f.metadata or {}).get(b"rerun:kind") == b"index"
                       and f.name != "log_time"]
        index_values = {name: batch.column(name).cast("int64").to_pylist() for name in index_names}
        for field in batch.schema:
            name = field.name
            if name == "rerun.controls.RowId" or name in index_values or name == "log_time":
                continue
            if name not in ("Points3D:positions", "Scalars:scalars", "TextLog:text") and not name.startswith(
                    model.prefix):
                continue
            for row, cell in enumerate(batch.column(name).to_pylist()):
                k = _row_id_of(name, cell)
                if k is None:
                    continue
                assert k not in seen or name == "Points3D:positions" and seen[k][2] != name, f"row {k} twice"
                times = {t: v[row] for t, v in index_values.items()}
                seen[k] = (entity, times, name, cell)
    for k, expected in model.rows.items():
        assert k in seen, f"valid row {k} lost: {expected}"
        entity, times, component, value = seen[k]
        exp_entity, exp_times, exp_component, exp_value = expected
        assert (entity, component) == (exp_entity, exp_component), (k, seen[k], expected)
        assert times == exp_times, (k, times, exp_times)
        assert value == exp_value, (k, value, exp_value)
    stray = model.invalid_ids & set(seen)
    assert not stray, f"rows of invalid calls were stored: {sorted(stray)[:5]}"
    return len(model.rows)


@settings(max_examples=max(1, CALLS // OPS_PER_EXAMPLE), deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(op(), min_size=OPS_PER_EXAMPLE // 2, max_size=OPS_PER_EXAMPLE * 3 // 2))
def test_non_strict_no_exception_escapes_and_no_valid_row_is_lost(ops):
    rr.set_strict_mode(False)
    rec = rr.RecordingStream("fuzz", send_properties=False)
    model = Model(f"f{uuid.uuid4().hex[:8]}_")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for o in ops:
            valid, call, _names = run(rec, model, o)
            call()  # must never raise
            TOTALS["calls"] += 1
            TOTALS["valid" if valid else "invalid"] += 1
    TOTALS["rows_checked"] += check_store(rec, model)
    TOTALS["examples"] += 1


@settings(max_examples=max(1, CALLS // OPS_PER_EXAMPLE // 2), deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(op(), min_size=OPS_PER_EXAMPLE // 2, max_size=OPS_PER_EXAMPLE * 3 // 2))
def test_strict_mode_raises_rerun_error_naming_what_was_wrong(ops):
    rr.set_strict_mode(True)
    rec = rr.RecordingStream("fuzz", send_properties=False)
    model = Model(f"s{uuid.uuid4().hex[:8]}_")
    for o in ops:
        valid, call, names = run(rec, model, o)
        if valid:
            call()
            continue
        with pytest.raises(RerunError) as info:
            call()
        message = str(info.value)
        assert names in message, (o, message)
    check_store(rec, model)


def test_zz_report_fuzz_figures(capsys):
    """Prints what the fuzz above did (run with -s to see it)."""
    with capsys.disabled():
        print(f"\nlogging fuzz: {TOTALS}")
    assert TOTALS["examples"] > 0 or CALLS == 0
