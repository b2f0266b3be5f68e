"""Test defaults: strict mode (bad input raises), numpy errors raise, a fixed seed, fresh recordings."""

from __future__ import annotations

import os

import numpy as np
import pytest

os.environ.setdefault("RERUN_STRICT", "1")
os.environ.setdefault("RERUN_NB_SPAWN", "0")  # rr.spawn() in test scripts must not leave a rerun-nb server behind
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp")

import rerun_nb as rr
from rerun_nb import error_utils


@pytest.fixture(autouse=True)
def _strict_and_clean():
    rr.set_strict_mode(True)
    error_utils._reset_warned()
    old = np.seterr(all="raise")
    yield
    np.seterr(**old)
    rr.set_strict_mode(True)
    rr.set_global_data_recording(None)
    rr.set_thread_local_data_recording(None)


@pytest.fixture
def rec():
    """A fresh global recording (no properties row, no log_time, so stores hold only what a test logs)."""
    recording = rr.RecordingStream("rerun_nb_test", send_properties=False)
    recording.set_log_time_enabled(False)
    rr.set_global_data_recording(recording)
    return recording


@pytest.fixture
def rng():
    return np.random.default_rng(1234)
