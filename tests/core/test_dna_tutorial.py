"""The DNA tutorial, unchanged but for the import, and what it leaves in the store."""

from __future__ import annotations

import pathlib
import runpy
import warnings

import numpy as np
import pytest

import rerun_nb as rr

TUTORIAL = pathlib.Path(__file__).with_name("dna_tutorial.py")


@pytest.fixture(scope="module")
def dna_store():
    rr.set_strict_mode(True)
    with warnings.catch_warnings():
        # spawn=True in a plain script: rerun_nb warns that no viewer exists outside a notebook.
        warnings.simplefilter("ignore", rr.RerunWarning)
        runpy.run_path(str(TUTORIAL), run_name="__main__")
    rec = rr.get_global_data_recording()
    assert rec.application_id == "rerun_example_dna_abacus"
    return rec.store


def test_entities(dna_store):
    assert dna_store.entity_paths() == [
        "/dna/structure", "/dna/structure/left", "/dna/structure/right",
        "/dna/structure/scaffolding", "/dna/structure/scaffolding/beads",
    ]
    assert set(dna_store.timelines()) == {"stable_time", "log_time"}
    assert dna_store.timelines()["stable_time"].kind == "duration"
    assert dna_store.timelines()["stable_time"].max == round(399 * 0.01 * 1e9)


def test_beads_at_two_seconds(dna_store):
    res = dna_store.latest_at("dna/structure/scaffolding/beads", timeline="stable_time", duration=2.0)
    assert res["Points3D:positions"].shape == (100, 3)
    assert res["Points3D:colors"].shape == (100,)
    assert res["Points3D:radii"].tolist() == [np.float32(0.06)]
    assert res.row_ids["Points3D:positions"][0] == 2_000_000_000


def test_latest_at_surprise_helices_still_there(dna_store):
    # Logged once at t=0, they still resolve at 3.99 s.
    for side in ("left", "right"):
        res = dna_store.latest_at(f"dna/structure/{side}", timeline="stable_time", duration=3.99)
        assert res["Points3D:positions"].shape == (100, 3)
        assert res.row_ids["Points3D:positions"][0] == 0
    scaffolding = dna_store.latest_at("dna/structure/scaffolding", timeline="stable_time", duration=3.99)
    assert len(scaffolding["LineStrips3D:strips"]) == 100
    assert scaffolding["LineStrips3D:colors"].tolist() == [0x808080FF]


def test_transforms(dna_store):
    rows = dna_store.range("dna/structure", timeline="stable_time")
    assert len(rows) == 400
    res = dna_store.latest_at("dna/structure", timeline="stable_time", duration=1.0)
    angle = res["Transform3D:rotation_axis_angle"].field("angle").to_numpy()[0]
    assert angle == pytest.approx(1.0 / 4.0 * 2 * np.pi, rel=1e-6)
    assert dna_store.latest_at("dna/structure", timeline="stable_time", duration=-1) == {}


def test_beads_move_between_times(dna_store):
    a = dna_store.latest_at("dna/structure/scaffolding/beads", timeline="stable_time", duration=0.5)
    b = dna_store.latest_at("dna/structure/scaffolding/beads", timeline="stable_time", duration=2.0)
    assert not np.allclose(a["Points3D:positions"], b["Points3D:positions"])


def test_dataframe_reader(dna_store):
    table = dna_store.reader("stable_time", contents="/dna/structure/scaffolding/**").to_arrow_table()
    assert table.num_rows == 400
    assert table.column_names == [
        "stable_time",
        "/dna/structure/scaffolding:LineStrips3D:colors",
        "/dna/structure/scaffolding:LineStrips3D:strips",
        "/dna/structure/scaffolding/beads:Points3D:colors",
        "/dna/structure/scaffolding/beads:Points3D:positions",
        "/dna/structure/scaffolding/beads:Points3D:radii",
    ]
    # Without fill, the scaffolding (logged at 0 only) is null after the first row.
    assert table.column("/dna/structure/scaffolding:LineStrips3D:strips").null_count == 399
    filled = dna_store.reader("stable_time", contents="/dna/structure/scaffolding/**",
                              fill_latest_at=True).to_arrow_table()
    assert filled.column("/dna/structure/scaffolding:LineStrips3D:strips").null_count == 0
    pandas_df = dna_store.reader("stable_time", contents={"/dna/structure": ["Transform3D:rotation_axis_angle"]},
                                 using_index_values=[10**9, 2 * 10**9], fill_latest_at=True).to_pandas()
    assert list(pandas_df.columns) == ["stable_time", "/dna/structure:Transform3D:rotation_axis_angle"]
    assert len(pandas_df) == 2
    polars_df = dna_store.reader("stable_time", contents="/dna/structure/left").to_polars()
    assert polars_df.shape == (1, 4)
