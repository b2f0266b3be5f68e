"""The smaller modules of 0.41: rerun.time, rerun.error_utils, rerun.utilities, rerun.web, rerun.sinks,
compared with rerun-sdk where they compute something."""

from __future__ import annotations

import datetime
import warnings

import numpy as np
import pyarrow as pa
import pytest

import rerun_nb as rr

rerun = pytest.importorskip("rerun", reason="rerun-sdk 0.41 is the reference")


@pytest.mark.parametrize("value", [1, 1.5, datetime.timedelta(seconds=2, microseconds=3), np.timedelta64(7, "ms")])
def test_to_nanos_matches_rerun(value):
    assert rr.time.to_nanos(value) == rerun.time.to_nanos(value)


@pytest.mark.parametrize("value", [1_700_000_000, 1.7e9, datetime.datetime(2024, 1, 2, 3, 4, 5),
                                   np.datetime64("2024-01-02T03:04:05.123456789"),
                                   pa.scalar(1_700_000_000_123_456_789, pa.timestamp("ns"))])
def test_to_nanos_since_epoch_matches_rerun(value):
    assert rr.time.to_nanos_since_epoch(value) == rerun.time.to_nanos_since_epoch(value)


def test_to_nanos_since_epoch_reads_the_unit_of_arrow_timestamps():
    # rerun-sdk 0.41 returns the raw value whatever the unit (1_700_000_000_123 for this ms scalar);
    # we return nanoseconds, as the function's name and docstring promise.
    assert rr.time.to_nanos_since_epoch(pa.scalar(1_700_000_000_123, pa.timestamp("ms"))) == 1_700_000_000_123_000_000


def test_time_module_holds_the_time_functions(rec):
    rr.time.set_time("frame", sequence=3)
    rr.log("p", rr.Points3D([[0, 0, 0]]))
    assert rec.store.timelines()["frame"].max == 3
    rr.time.reset_time()
    assert rr.time.set_log_time_enabled is rr.set_log_time_enabled


def test_color_grid_matches_rerun():
    import rerun.utilities

    ours, theirs = rr.utilities.build_color_grid(3, 4, 5, twist=0.5), rerun.utilities.build_color_grid(3, 4, 5,
                                                                                                      twist=0.5)
    np.testing.assert_allclose(ours.positions, theirs.positions)
    np.testing.assert_array_equal(ours.colors, theirs.colors)
    assert rr.utilities.color_grid.positions.shape == (1000, 3)


def test_catch_and_log_exceptions():
    @rr.error_utils.catch_and_log_exceptions(exception_return_value=-1)
    def boom():
        raise KeyError("x")

    with pytest.raises(KeyError):  # strict mode (the tests' default) lets it through
        boom()
    rr.set_strict_mode(False)
    with pytest.warns(rr.RerunWarning, match="boom: KeyError"):
        assert boom() == -1
    with pytest.warns(rr.RerunWarning, match="ctx"), rr.error_utils.catch_and_log_exceptions("ctx"):
        raise ValueError("inside")
    with pytest.raises(KeyboardInterrupt), rr.error_utils.catch_and_log_exceptions("ctx"):
        raise KeyboardInterrupt


def test_deprecated_param_and_dependency_errors():
    @rr.error_utils.deprecated_param("old", use_instead="new", since="0.1")
    def f(new=None, old=None):
        return new or old

    with pytest.warns(DeprecationWarning, match="'old'.*since version 0.1, use new instead"):
        assert f(old=2) == 2
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert f(new=1) == 1
    assert issubclass(rr.error_utils.RerunMissingDependencyError, ImportError)
    assert "pip install av" in str(rr.error_utils.RerunMissingDependencyError("av", "video"))
    assert rr.error_utils.default_strict_mode() in (True, False)


def test_save_without_footer(rec, tmp_path):
    rec.log("p", rr.Points3D([[1, 2, 3]]), static=True)
    rr.save(tmp_path / "a.rrd", write_footer=False)
    rr.disconnect()
    rr.save(tmp_path / "b.rrd")
    rr.disconnect()
    assert (tmp_path / "a.rrd").stat().st_size < (tmp_path / "b.rrd").stat().st_size
    rr.set_strict_mode(False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert "/p" in rr.load(tmp_path / "a.rrd").store.entity_paths()


def test_web_viewer_says_what_to_use():
    with pytest.raises(NotImplementedError, match="notebook_show"):
        rr.serve_web_viewer()
    assert rr.sinks.set_sinks is rr.set_sinks and rr.sinks.FileSink is rr.FileSink


def test_text_log_level_constructor():
    assert rr.TextLogLevel("INFO") == "INFO" == rr.TextLogLevel.INFO
