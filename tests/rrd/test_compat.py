"""Compatibility with the real Rerun 0.41 on the DNA tutorial ("Send from Python"), both directions.

1. rerun_nb writes the tutorial: the real CLI verifies the file, prints the same entities as for the
   rerun-sdk file, and the real SDK's reader decodes the same values (log_time and row ids aside).
2. rerun-sdk writes the tutorial: rerun_nb loads it and gives the same latest-at results, at several times,
   as rerun_nb's own logging of the same script.

Skipped, with the reason shown, when rerun-sdk (and its CLI) cannot be imported.
"""

from __future__ import annotations

import re

import numpy as np
import pyarrow as pa
import pytest

from ._helpers import needs_cli, needs_sdk, run_cli, run_sdk_script

pytestmark = [needs_sdk, needs_cli]

ENTITIES = ["/dna/structure", "/dna/structure/left", "/dna/structure/right", "/dna/structure/scaffolding",
            "/dna/structure/scaffolding/beads"]


@pytest.fixture(scope="module")
def nb_dna_rrd(tmp_path_factory):
    path = tmp_path_factory.mktemp("nb") / "dna_nb.rrd"
    run_sdk_script("sdk_dna.py", "rerun_nb", str(path))
    return path


def _printed_entities(path) -> set[str]:
    proc = run_cli("rrd", "print", str(path))
    assert proc.returncode == 0, proc.stderr
    return set(re.findall(r"^Chunk\(chunk_\w+\) with \d+ rows \([^)]*\) - (\S+) - ", proc.stdout, re.MULTILINE))


def test_cli_verifies_rerun_nb_dna(nb_dna_rrd):
    proc = run_cli("rrd", "verify", str(nb_dna_rrd))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "1 file verified without error" in proc.stdout + proc.stderr


def test_cli_prints_same_entities(nb_dna_rrd, sdk_dna_rrd):
    ours, theirs = _printed_entities(nb_dna_rrd), _printed_entities(sdk_dna_rrd)
    assert set(ENTITIES) <= ours
    assert ours == theirs


def _sdk_rows(path) -> dict[str, pa.Table]:
    """Per entity: all rows decoded by the real SDK's reader, sorted by stable_time, log_time/row ids dropped."""
    from rerun.chunk import RrdReader

    per_entity: dict[str, list[pa.Table]] = {}
    for chunk in RrdReader(path).stream().to_chunks():
        rb = chunk.to_record_batch()
        entity = rb.schema.metadata[b"rerun:entity_path"].decode()
        if entity.startswith("/__properties"):
            continue
        keep = [n for n in rb.schema.names if n not in ("rerun.controls.RowId", "log_time")]
        per_entity.setdefault(entity, []).append(pa.Table.from_batches([rb]).select(keep))
    out = {}
    for entity, tables in per_entity.items():
        table = pa.concat_tables(tables, promote_options="permissive")
        times = np.asarray(table.column("stable_time").combine_chunks().view(pa.int64()))
        out[entity] = table.take(pa.array(np.argsort(times, kind="stable")))
    return out


def test_real_sdk_decodes_same_values(nb_dna_rrd, sdk_dna_rrd):
    ours, theirs = _sdk_rows(nb_dna_rrd), _sdk_rows(sdk_dna_rrd)
    assert sorted(ours) == sorted(theirs) == ENTITIES
    for entity in ENTITIES:
        a, b = ours[entity], theirs[entity]
        assert sorted(a.column_names) == sorted(b.column_names), entity
        assert a.num_rows == b.num_rows, entity
        for name in b.column_names:
            assert a.column(name).combine_chunks().equals(b.column(name).combine_chunks()), (entity, name)


TIMES_NS = [0, 10_000_000, 500_000_000, 1_234_000_000, 2_000_000_000, 3_990_000_000, None]


def _assert_same(ra, rb, where):
    assert sorted(ra) == sorted(rb), where
    for key in ra:
        a, b = ra[key], rb[key]
        if isinstance(a, np.ndarray):
            np.testing.assert_array_equal(a, b, err_msg=f"{where} {key}")
        else:
            assert a.equals(b), (where, key)


def test_rerun_nb_reads_sdk_dna_like_its_own_logging(sdk_dna_rrd, tmp_path):
    import rerun_nb

    from .scripts import sdk_dna

    sdk_dna.main(rerun_nb, str(tmp_path / "own.rrd"))
    own = rerun_nb.get_global_data_recording()
    loaded = rerun_nb.load(sdk_dna_rrd)
    assert (loaded.application_id, loaded.recording_id) == ("rerun_example_dna_abacus", "dna-fixed")
    assert loaded.store.entity_paths() == own.store.entity_paths() == ENTITIES
    assert loaded.store.timelines()["stable_time"].kind == "duration"
    checked = 0
    for entity in ENTITIES:
        for t in TIMES_NS:
            ra = loaded.store.latest_at(entity, timeline="stable_time", at=t)
            rb = own.store.latest_at(entity, timeline="stable_time", at=t)
            _assert_same(ra, rb, f"{entity} @ {t}")
            checked += len(ra)
    assert checked > 50
