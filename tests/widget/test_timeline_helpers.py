"""Timeline helpers, adapter choice and spawn outside a notebook (no rendering needed)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from rerun_nb.viewer._adapter import choose_adapter
from rerun_nb.widget._timeline import TimeGrid, default_timeline, format_time, to_raw_time


def test_default_timeline_prefers_the_users_own():
    assert default_timeline(["log_time", "stable_time"]) == "stable_time"
    assert default_timeline(["log_tick", "log_time"]) == "log_time"
    assert default_timeline([]) is None


@pytest.mark.parametrize(("kind", "raw", "text"), [
    ("sequence", 42, "#42"),
    ("duration", 1_500_000_000, "1.500 s"),
    ("timestamp", 1_700_000_000_123_000_000, "2023-11-14 22:13:20.123Z"),
])
def test_format_time_in_the_timelines_unit(kind, raw, text):
    assert format_time(kind, raw) == text


def test_to_raw_time_accepts_set_time_forms():
    assert to_raw_time(duration=1.5) == ("duration", 1_500_000_000)
    assert to_raw_time(duration=dt.timedelta(milliseconds=2)) == ("duration", 2_000_000)
    assert to_raw_time(duration=np.timedelta64(7, "ns")) == ("duration", 7)
    assert to_raw_time(timestamp=dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc))[1] == 1_704_067_200 * 10**9
    assert to_raw_time(sequence=3) == ("sequence", 3)
    with pytest.raises(ValueError):
        to_raw_time()


def test_time_grid_steps_and_clamps():
    grid = TimeGrid.for_times("duration", 0, 3_990_000_000, min_gap=10_000_000)
    assert grid.n_steps == 399 and grid.to_raw(399) == 3_990_000_000 and grid.to_index(2_004_000_000) == 200
    assert grid.to_index(-5) == 0 and grid.to_index(10**12) == 399
    assert TimeGrid.for_times("sequence", 5, 9).n_steps == 4
    huge = TimeGrid.for_times("timestamp", 0, 10**15, min_gap=1)
    assert huge.n_steps <= 10_000


def test_choose_adapter_order():
    cpu_gl = {"adapter_type": "CPU", "backend_type": "OpenGL", "device": "llvmpipe"}
    cpu_vk = {"adapter_type": "CPU", "backend_type": "Vulkan", "device": "llvmpipe"}
    igpu = {"adapter_type": "IntegratedGPU", "backend_type": "Vulkan", "device": "Intel"}
    dgpu = {"adapter_type": "DiscreteGPU", "backend_type": "Vulkan", "device": "NVIDIA"}
    assert choose_adapter([cpu_gl, cpu_vk, igpu, dgpu]) == 3
    assert choose_adapter([cpu_gl, cpu_vk, igpu]) == 2
    assert choose_adapter([cpu_gl, cpu_vk]) == 1
    assert choose_adapter([cpu_gl]) == 0
    assert choose_adapter([cpu_gl, cpu_vk], backend="opengl") == 0
    assert choose_adapter([]) is None


def test_spawn_outside_a_notebook_with_spawning_off_warns_and_logging_goes_on(monkeypatch):
    """Outside a notebook rr.spawn() starts `rerun-nb` (tests/grpc/test_cli.py); with RERUN_NB_SPAWN=0 (as in the
    tests) it only warns, and logging goes on."""
    import rerun_nb as rr

    monkeypatch.setenv("RERUN_NB_SPAWN", "0")
    from rerun_nb.grpc import _spawn

    monkeypatch.setattr(_spawn, "_warned_disabled", False)  # it warns once per process
    rec = rr.RecordingStream("rerun_example_spawn")
    with pytest.warns(rr.RerunWarning, match="RERUN_NB_SPAWN=0"):
        rec.spawn()
    rec.log("pts", rr.Points3D([[0, 0, 0]]))  # logging goes on
    assert rec.store.entity_paths() == ["/pts"]
