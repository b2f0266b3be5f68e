"""Bad input: warn once (naming the entity and the reason) and drop the call; strict mode raises."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

import rerun_nb as rr
from rerun_nb.error_utils import RerunError

BAD_CALLS = [
    ("wrong shape", lambda: rr.log("p", rr.Points3D(np.zeros((4, 2))))),
    ("non-numeric", lambda: rr.log("p", rr.Points3D([["a", "b", "c"]]))),
    ("bad color", lambda: rr.log("p", rr.Points3D([[0, 0, 0]], colors=[[0.1, float("nan"), 0]]))),
    ("bad entity path", lambda: rr.log(3.5, rr.Points3D([[0, 0, 0]]))),
    ("not an archetype", lambda: rr.log("p", 42)),
    ("unknown enum", lambda: rr.log("b", rr.Boxes3D(half_sizes=[1, 1, 1], fill_mode="bogus"))),
]
BAD_TIMES = [
    ("unknown time kind", lambda: rr.set_time("t")),
    ("two kinds", lambda: rr.set_time("t", sequence=1, duration=2)),
    ("NaN duration", lambda: rr.set_time("t", duration=float("nan"))),
    ("float sequence", lambda: rr.set_time("t", sequence=1.5)),
    ("milliseconds timestamp", lambda: rr.set_time("t", timestamp=1.7e12)),
]


@pytest.mark.parametrize("name,call", BAD_CALLS + BAD_TIMES, ids=[n for n, _ in BAD_CALLS + BAD_TIMES])
def test_strict_mode_raises(rec, name, call):
    with pytest.raises((RerunError, TypeError, ValueError)):
        call()


@pytest.mark.parametrize("name,call", BAD_CALLS, ids=[n for n, _ in BAD_CALLS])
def test_non_strict_warns_once_and_keeps_other_data(rec, name, call):
    rr.set_strict_mode(False)
    rr.set_time("frame", sequence=0)
    rr.log("good", rr.Points3D([[1, 1, 1]]))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for _ in range(5):
            call()  # in a loop: never raises
    rr.log("good", rr.Points3D([[2, 2, 2]]))
    ours = [w for w in caught if issubclass(w.category, rr.RerunWarning)]
    assert len(ours) == 1, [str(w.message) for w in ours]
    message = str(ours[0].message)
    assert "dropped" in message
    assert rec.store.latest_at("good", timeline="frame")["Points3D:positions"][0, 0] == 2
    assert rec.store.entity_paths() == ["/good"]  # the bad call left nothing behind


@pytest.mark.parametrize("name,call", BAD_TIMES, ids=[n for n, _ in BAD_TIMES])
def test_bad_time_warns_and_keeps_previous_time(rec, name, call):
    rr.set_strict_mode(False)
    rr.set_time("t", sequence=5)
    with pytest.warns(rr.RerunWarning, match="set_time"):
        call()
    rr.log("p", rr.Points3D([[0, 0, 0]]))
    assert rec.store.timelines()["t"].min == 5


def test_warning_names_entity_and_reason(rec):
    rr.set_strict_mode(False)
    with pytest.warns(rr.RerunWarning) as record:
        rr.log("robot/arm", rr.Points3D(np.zeros((4, 2))))
    text = str(record[0].message)
    assert "/robot/arm" in text and "positions" in text and "(N, 3)" in text


@pytest.mark.parametrize("value,expected", [("0", "False"), ("1", "True"), ("true", "True")])
def test_env_strict(value, expected):
    import os
    import subprocess
    import sys

    env = dict(os.environ, RERUN_STRICT=value)
    out = subprocess.run([sys.executable, "-c", "import rerun_nb as rr; print(rr.strict_mode())"],
                         capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == expected


def test_logging_without_init_warns_not_crashes():
    rr.set_strict_mode(False)
    with pytest.warns(rr.RerunWarning, match="rr.init"):
        rr.log("p", rr.Points3D([[0, 0, 0]]))
