"""Every archetype constructor and `log` given garbage: outside strict mode nothing escapes (the call is warned
and dropped); in strict mode what escapes is a `RerunError` naming the archetype (or a plain TypeError for a
call that does not match the signature, as Python and rerun-sdk raise it)."""

from __future__ import annotations

import inspect
import random
import warnings

import numpy as np
import pytest

import rerun_nb as rr
from rerun_nb.error_utils import RerunError

GARBAGE = [None, 1, -1, 2**70, 1.5, float("nan"), "x", b"b", [1, 2], [[1, 2, 3]], np.zeros((2, 3)),
           np.zeros((2, 2, 5)), {"a": 1}, np.array([1 + 2j]), object(), [["a"]], True, np.array(["s"]), [],
           np.zeros(0), rr.Points3D, -np.inf]
ARCHETYPES = sorted((obj for obj in vars(rr).values() if inspect.isclass(obj) and getattr(obj, "_fields", None)),
                    key=lambda c: c.__name__)
CALLS_PER_ARCHETYPE = 300


def _calls(cls, seed):
    rng = random.Random(seed)
    params = [p for p in inspect.signature(cls.__init__).parameters.values()
              if p.name != "self" and p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL)]
    for _ in range(CALLS_PER_ARCHETYPE):
        yield {p.name: rng.choice(GARBAGE) for p in params
               if p.default is inspect.Parameter.empty or rng.random() < 0.6}


def _signature_error(exc: BaseException) -> bool:
    return isinstance(exc, TypeError) and not isinstance(exc, RerunError) and any(
        w in str(exc) for w in ("required", "unexpected keyword", "positional argument"))


@pytest.mark.parametrize("cls", ARCHETYPES, ids=lambda c: c.__name__)
def test_garbage_never_escapes_outside_strict_mode(cls):
    rr.set_strict_mode(False)
    rec = rr.RecordingStream("garbage", send_properties=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for kwargs in _calls(cls, 1):
            try:
                rec.log("e", cls(**kwargs))
            except TypeError as exc:
                if not _signature_error(exc):
                    raise
        rec.log("kept", rr.TextLog("still logging"))
    assert "/kept" in rec.store.entity_paths()


@pytest.mark.parametrize("cls", ARCHETYPES, ids=lambda c: c.__name__)
def test_garbage_raises_rerun_errors_in_strict_mode(cls):
    rr.set_strict_mode(True)
    rec = rr.RecordingStream("garbage", send_properties=False)
    for kwargs in _calls(cls, 1):
        try:
            rec.log("e", cls(**kwargs))
        except RerunError as exc:
            assert cls.__name__ in str(exc) or "/e" in str(exc) or "'e'" in str(exc), str(exc)
        except TypeError as exc:
            if not _signature_error(exc):
                raise
