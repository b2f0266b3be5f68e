"""Latest-at checked against an independent oracle: pandas merge_asof(direction="backward")."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

import rerun_nb as rr


def _oracle(log_rows, queries):
    """log_rows: [(time, order, component, value)]. For each (query time, component) the value of the row with
    the greatest (time, order) at or before the query time."""
    logs = pd.DataFrame(log_rows, columns=["time", "order", "component", "value"]).sort_values(["time", "order"])
    logs = logs.drop_duplicates(["time", "component"], keep="last")  # a tie goes to the later call
    out = {}
    for comp, group in logs.groupby("component"):
        q = pd.DataFrame({"time": np.sort(np.array(queries, np.int64))})
        merged = pd.merge_asof(q, group[["time", "value"]].sort_values("time"), on="time", direction="backward")
        out[comp] = dict(zip(merged["time"], merged["value"]))
    return out


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(
        st.tuples(st.integers(-50, 50), st.sampled_from(["positions", "radii", "both"]), st.integers(0, 1000)),
        min_size=1, max_size=60,
    ),
    queries=st.lists(st.integers(-60, 60), min_size=1, max_size=20),
)
def test_latest_at_matches_merge_asof(rows, queries):
    rec = rr.RecordingStream("oracle", send_properties=False)
    rec.set_log_time_enabled(False)
    log_rows = []
    for order, (t, which, value) in enumerate(rows):
        rec.set_time("frame", sequence=t)
        kwargs = {}
        if which in ("positions", "both"):
            kwargs["positions"] = [[value, 0, 0]]
            log_rows.append((t, order, "Points3D:positions", value))
        if which in ("radii", "both"):
            kwargs["radii"] = [value]
            log_rows.append((t, order, "Points3D:radii", value))
        rec.log("e", rr.Points3D.from_fields(**kwargs))
    expected = _oracle(log_rows, queries)
    for q in queries:
        result = rec.store.latest_at("e", timeline="frame", at=q)
        for comp in ("Points3D:positions", "Points3D:radii"):
            want = expected.get(comp, {}).get(q)
            got = result.get(comp)
            if want is None or (isinstance(want, float) and np.isnan(want)):
                assert got is None, (q, comp)
            else:
                assert got is not None and float(np.asarray(got).reshape(-1)[0]) == want, (q, comp)


def test_random_recording_against_oracle(rng):
    """A bigger recording with many entities, out-of-order chunks and ties."""
    rec = rr.RecordingStream("oracle", send_properties=False)
    rec.set_log_time_enabled(False)
    log_rows = {e: [] for e in range(5)}
    for order in range(3000):
        e = int(rng.integers(5))
        t = int(rng.integers(0, 500))
        value = int(rng.integers(0, 10**6))
        rec.set_time("frame", sequence=t)
        rec.log(f"e{e}", rr.Scalars(float(value)))
        log_rows[e].append((t, order, "Scalars:scalars", float(value)))
    queries = rng.integers(-5, 505, 200).tolist()
    for e in range(5):
        expected = _oracle(log_rows[e], queries)["Scalars:scalars"]
        for q in queries:
            got = rec.store.latest_at(f"e{e}", timeline="frame", at=q).get("Scalars:scalars")
            want = expected[q]
            if np.isnan(want):
                assert got is None
            else:
                assert got[0] == want
