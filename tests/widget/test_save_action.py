"""The viewer's Save action writes an .rrd beside the notebook and offers it as a download."""

from __future__ import annotations

import base64
import re

import rerun_nb as rr

from .test_viewer_widget import _log_moving_point


def test_save_whole_recording_and_download_link(rec, make_viewer, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the kernel's working directory: beside the notebook
    _log_moving_point(rec, n=10)
    viewer, _sent = make_viewer(rec)
    viewer.save_panel.name.value = "my run"  # sanitized to a safe file name
    viewer.save_panel.button.click()
    path = tmp_path / "my_run.rrd"
    assert path.exists()
    status = viewer.save_panel.status.value
    assert "saved my_run.rrd" in status
    data = re.search(r"href='data:application/octet-stream;base64,([^']+)'", status).group(1)
    assert base64.b64decode(data) == path.read_bytes()
    loaded = rr.load(path)
    assert len(loaded.store.range("pt", timeline="sim_time")) == 10


def test_save_time_range_up_to_current_time(rec, make_viewer, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _log_moving_point(rec, n=10)
    viewer, _sent = make_viewer(rec)
    viewer.set_time("sim_time", duration=2.0)
    viewer.save_panel.scope.value = "to_now"
    path = viewer.save_panel.save()
    loaded = rr.load(path)
    times = [t for t, _, _ in loaded.store.range("pt", timeline="sim_time")]
    assert times == [int(i * 0.5e9) for i in range(5)]  # 0.0 .. 2.0 s
    assert "/anchor" in loaded.store.entity_paths()  # static data is kept


def test_save_failure_is_reported_in_the_widget(rec, make_viewer, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _log_moving_point(rec, n=2)
    viewer, _sent = make_viewer(rec)
    (tmp_path / "x.rrd").mkdir()  # a directory where the file should go
    viewer.save_panel.name.value = "x.rrd"
    assert viewer.save_panel.save() is None
    assert "could not save" in viewer.save_panel.status.value
