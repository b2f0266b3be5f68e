"""rerun_nb.notebook.Viewer's methods, on the Python side (no browser): what each one changes and which events
reach `on_event` callbacks, for calls from Python and for changes coming from the page's widgets."""

from __future__ import annotations

import functools
import http.server
import threading

import ipywidgets as ipw
import numpy as np
import pyarrow as pa
import pytest

import rerun_nb as rr
import rerun_nb.blueprint as rrb
from rerun_nb import notebook
from rerun_nb.notebook import (
    PauseEvent,
    PlayEvent,
    RecordingOpenEvent,
    TimelineChangeEvent,
    TimeUpdateEvent,
    set_default_size,
)

from .conftest import frames_recording


@pytest.fixture
def events():
    return []


def test_viewer_shows_the_global_recording_at_its_size(make_viewer):
    rec = frames_recording("app", "rec-1")
    rr.set_global_data_recording(rec)
    v = make_viewer(width=200, height=100)
    assert v.recording_ids == ["rec-1"] and v.active_recording_id == "rec-1"
    assert v.widget.recording is rec
    assert v.render().shape == (100, 200, 4)
    assert (v.timeline, v.time_min, v.time_max) == ("frame", 0, 4)


def test_use_global_recording_false_leaves_it_out(make_viewer):
    rr.set_global_data_recording(frames_recording("app", "rec-1"))
    v = make_viewer(use_global_recording=False)
    assert v.recording_ids == [] and v.widget is None
    with pytest.raises(RuntimeError, match="no recording"):
        v.render()


def test_set_default_size_applies_to_later_viewers(make_viewer, monkeypatch):
    monkeypatch.setattr(notebook, "_default_width", None)
    monkeypatch.setattr(notebook, "_default_height", None)
    set_default_size(width=120, height=90)
    v = make_viewer(recording=frames_recording("app", "r"), width=None, height=None)
    assert v.render().shape == (90, 120, 4)
    set_default_size(width=None, height=60)  # None keeps that side
    assert notebook.default_size() == (120, 60)


def test_set_time_ctrl_moves_the_time_and_fires_events(make_viewer, events):
    rec = frames_recording("app", "r")
    rec.set_time("clock", duration=2.0)
    rec.log("points", rr.Points3D([[0, 0, 0]]))
    v = make_viewer(recording=rec)
    v.on_event(events.append)
    v.set_time_ctrl(timeline="frame", sequence=2)
    assert (v.timeline, v.time, v.widget.time) == ("frame", 2, 2)
    assert events[-1] == TimeUpdateEvent(application_id="app", recording_id="r", segment_id=None, time=2.0)
    events.clear()
    v.set_time_ctrl(timeline="clock", duration=2.0, play=True)
    assert v.timeline == "clock" and v.time == 2_000_000_000 and v.widget.playing
    kinds = [type(e) for e in events]
    assert TimelineChangeEvent in kinds and PlayEvent in kinds
    change = next(e for e in events if isinstance(e, TimelineChangeEvent))
    assert change.timeline == "clock" and change.time == 2e9  # the time on the new timeline
    events.clear()
    v.set_time_ctrl()  # play=False pauses, as in Rerun
    assert not v.playing and isinstance(events[-1], PauseEvent)


def test_set_time_ctrl_rejects_two_times(make_viewer):
    v = make_viewer(recording=frames_recording("app", "r"))
    with pytest.raises(ValueError, match="Exactly one of"):
        v.set_time_ctrl(sequence=1, duration=1.0)


def test_set_time_ctrl_on_a_timeline_that_comes_later(make_viewer):
    rec = frames_recording("app", "r")
    v = make_viewer(recording=rec)
    v.set_time_ctrl(timeline="later", sequence=7)
    assert v.timeline == "frame"  # not there yet
    for t in (5, 7, 9):
        rec.set_time("later", sequence=t)
        rec.log("points", rr.Points3D([[1, 1, 1]]))
    v.widget.refresh_timelines()  # what the live thread does on new data
    assert (v.timeline, v.time) == ("later", 7)


def test_changes_from_the_page_fire_events(make_viewer, events):
    rec = frames_recording("app", "r")
    rec.set_time("other", sequence=100)
    rec.log("points", rr.Points3D([[0, 0, 0]]))
    v = make_viewer(recording=rec)
    v.on_event(events.append)
    panel = v.widget.panel
    v.set_time_ctrl(timeline="frame", sequence=0)
    events.clear()
    panel.slider.value = v.widget.time_grid.to_index(3)  # the user drags the slider
    assert v.time == 3 and isinstance(events[-1], TimeUpdateEvent) and events[-1].time == 3.0
    panel.picker.value = "other"  # the user picks another timeline
    assert any(isinstance(e, TimelineChangeEvent) and e.timeline == "other" and e.time == 100.0 for e in events)
    panel.play.value = True  # the user presses play
    assert isinstance(events[-1], PlayEvent) and v.playing
    panel.play.value = False
    assert isinstance(events[-1], PauseEvent)


def test_time_traitlets_link_to_other_widgets(make_viewer):
    v = make_viewer(recording=frames_recording("app", "r"))
    slider = ipw.IntSlider(min=0, max=4)
    link = ipw.link((slider, "value"), (v, "time"))
    slider.value = 1
    assert v.widget.time == 1
    v.set_time_ctrl(sequence=3)
    assert slider.value == 3
    link.unlink()
    ipw.jslink((v, "time"), (slider, "value"))  # both synced: a browser-side link can be made


def test_a_failing_callback_warns_and_others_still_run(make_viewer, events):
    v = make_viewer(recording=frames_recording("app", "r"))
    v.on_event(lambda e: 1 / 0)
    v.on_event(events.append)
    with pytest.warns(UserWarning, match="ZeroDivisionError"):
        v.set_time_ctrl(sequence=1)
    assert events


def test_several_recordings_with_a_picker(make_viewer, events):
    a = frames_recording("app_a", "rec-a")
    b = frames_recording("app_b", "rec-b", n=3, timeline="step")
    v = make_viewer(recording=a)
    assert v.top.layout.display == "none"  # one recording: no picker bar
    v.on_event(events.append)
    v.add_recording(b)
    assert v.recording_ids == ["rec-a", "rec-b"] and v.active_recording_id == "rec-b"
    assert v.top.layout.display is None and [val for _l, val in v.picker.options] == ["rec-a", "rec-b"]
    assert (v.timeline, v.time_max) == ("step", 2)
    assert not any(isinstance(e, (TimeUpdateEvent, TimelineChangeEvent)) for e in events)  # a switch is no event
    v.set_active_recording(recording_id="rec-a")
    assert v.widget.recording is a and v.timeline == "frame" and v.picker.value == "rec-a"
    v.picker.value = "rec-b"  # the user picks it
    assert v.active_recording_id == "rec-b" and v.body.children == (v.widget,)
    v.set_time_ctrl(sequence=1)
    assert events[-1].recording_id == "rec-b" and events[-1].application_id == "app_b"
    with pytest.raises(ValueError, match="no recording 'nope'"):
        v.set_active_recording(recording_id="nope")


def test_add_recording_needs_a_recording(make_viewer):
    v = make_viewer(use_global_recording=False)
    with pytest.raises(ValueError, match="No recording specified"):
        v.add_recording()


def test_blueprint_is_sent_with_the_recording(make_viewer):
    rec = frames_recording("app", "r")
    bp = rrb.Blueprint(rrb.Spatial3DView(origin="/points", name="pts"))
    v = make_viewer(recording=rec, blueprint=bp)
    assert rec._blueprint[0] is bp
    assert v.widget.blueprint is bp
    with pytest.raises(ValueError, match="Can only set a blueprint"):
        make_viewer(use_global_recording=False, blueprint=bp)


def test_set_application_blueprint_relays_out_that_apps_recordings(make_viewer):
    a, b = frames_recording("app_a", "rec-a"), frames_recording("app_b", "rec-b")
    v = make_viewer(recording=a)
    v.add_recording(b)
    widget_b = v.widget
    bp = rrb.Blueprint(rrb.Spatial3DView(origin="/points"))
    v.set_application_blueprint("app_b", bp)
    assert v.widget is not widget_b and v.widget.blueprint is bp
    v.set_active_recording(recording_id="rec-a")
    assert v.widget.blueprint is not bp
    with pytest.raises(TypeError, match="Blueprint"):
        v.set_application_blueprint("app_a", "not a blueprint")


def test_update_panels(make_viewer):
    v = make_viewer(recording=frames_recording("app", "r"))
    panel = v.widget.panel
    v.update_panels(time="hidden")
    assert panel.box.layout.display == "none"
    v.update_panels(time="collapsed", blueprint="expanded")
    assert panel.box.layout.display is None and panel.slider.layout.display is None
    assert panel.speed.layout.display == "none" and panel.label.layout.display == "none"
    assert v.widget.entities.selected_index == 0
    v.update_panels(blueprint="hidden", top="expanded")
    assert v.widget.entities.layout.display == "none" and v.top.layout.display is None
    assert v.panel_states == {"time": "collapsed", "blueprint": "hidden", "top": "expanded"}
    v.update_panels(time="default", blueprint="default", top="default")
    assert panel.speed.layout.display is None and v.widget.entities.layout.display is None
    assert v.top.layout.display == "none" and v.panel_states == {}
    v.update_panels(selection="hidden")
    assert v.selection.box.layout.display == "none"
    v.update_panels(selection="collapsed")
    assert v.selection.box.layout.display is None and v.selection.values.layout.display == "none"
    with pytest.raises(ValueError, match="not one of"):
        v.update_panels(time="open")


def test_panel_states_apply_to_recordings_added_later(make_viewer):
    v = make_viewer(recording=frames_recording("app", "a"))
    v.update_panels(time="hidden")
    v.add_recording(frames_recording("app", "b"))
    assert v.widget.recording.recording_id == "b" and v.widget.panel.box.layout.display == "none"


def test_send_table_shows_a_dataframe_view(make_viewer):
    v = make_viewer(recording=frames_recording("app", "r"))
    batch = pa.RecordBatch.from_pydict({"name": ["alpha", "beta"], "score": [1.5, 2.5]})
    v.send_table("scores", batch)
    (shown,) = v.tables.children
    assert "scores" in shown.value and "alpha" in shown.value and "2.5" in shown.value and "2 rows" in shown.value
    v.send_table("scores", [batch, batch])  # same id: replaced
    assert len(v.tables.children) == 1 and "4 rows" in v.tables.children[0].value
    v.send_table("other", pa.table({"x": list(range(500))}))
    assert len(v.tables.children) == 2 and "first 200 shown" in v.tables.children[1].value
    with pytest.raises(TypeError, match="RecordBatch"):
        v.send_table("bad", {"x": [1]})


def test_theme_and_credentials_say_what_is_not_supported(make_viewer):
    v = make_viewer(recording=frames_recording("app", "r"), theme="dark")
    assert "theme='dark' is not supported" in v.notice.value
    with pytest.raises(NotImplementedError, match="cloud"):
        v.set_credentials("token", "me@example.com")


def test_display_announces_recordings_once(make_viewer, events, capsys):
    v = make_viewer(recording=frames_recording("app", "r"))
    v.on_event(events.append)
    v.display()  # outside a kernel: shown (as text) right away, and the recording opens
    assert events == [RecordingOpenEvent(application_id="app", recording_id="r", segment_id=None,
                                         source="rerun_nb", version=None)]
    v.add_recording(frames_recording("app", "r2"))
    v.display(block_until_ready=True)
    assert [e.recording_id for e in events if isinstance(e, RecordingOpenEvent)] == ["r", "r2"]


def test_repr_holds_the_widget_and_a_png_snapshot(make_viewer):
    v = make_viewer(recording=frames_recording("app", "r"))
    bundle = v._repr_mimebundle_()
    data = bundle[0] if isinstance(bundle, tuple) else bundle
    assert "application/vnd.jupyter.widget-view+json" in data
    import base64

    assert base64.b64decode(data["image/png"])[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_viewer_shown_as_the_cells_value_opens_its_recording(make_viewer, events):
    v = make_viewer(recording=frames_recording("app", "r"))
    v.on_event(events.append)
    v._repr_mimebundle_()  # what IPython does with `viewer` as the last line of a cell
    v._repr_mimebundle_()
    assert [type(e) for e in events] == [RecordingOpenEvent]


def _saved(tmp_path, recording_id="file-rec"):
    rec = frames_recording("app_file", recording_id)
    path = tmp_path / "data.rrd"
    rec.save(path)
    return path


def test_url_opens_an_rrd_file(make_viewer, tmp_path, events):
    rr.set_global_data_recording(frames_recording("app", "global"))
    path = _saved(tmp_path)
    v = make_viewer(url=str(path))
    assert v.recording_ids == ["file-rec"]  # url given: the global recording is not picked up
    assert (v.timeline, v.time_max) == ("frame", 4)
    v.on_event(events.append)
    v.display()
    assert events[-1].source == str(path) and events[-1].recording_id == "file-rec"
    v.close_url(str(path))
    assert v.recording_ids == [] and v.widget is None


def test_url_opens_an_http_url(make_viewer, tmp_path):
    _saved(tmp_path)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/data.rrd"
        v = make_viewer(url=url)
        assert v.recording_ids == ["file-rec"]
        with pytest.raises(ValueError, match="could not fetch"):
            v.open_url(f"http://127.0.0.1:{server.server_address[1]}/missing.rrd")
    finally:
        server.shutdown()


def test_url_errors_name_what_and_where(make_viewer, tmp_path):
    with pytest.raises(FileNotFoundError, match="no such file"):
        make_viewer(url=str(tmp_path / "nope.rrd"))
    with pytest.raises(ValueError, match="only .rrd file paths and http"):
        make_viewer(url="rerun+http://127.0.0.1:9876/proxy")


def test_notebook_show_takes_recording_and_default_size(monkeypatch):
    from rerun_nb.widget import Viewer as RecordingViewer

    shown = []
    monkeypatch.setattr(RecordingViewer, "display", lambda self: shown.append(self))
    monkeypatch.setattr(notebook, "_default_width", 150)
    monkeypatch.setattr(notebook, "_default_height", 100)
    rec = frames_recording("app", "r")
    box = []
    t = threading.Thread(target=lambda: box.append(rr.notebook_show(recording=rec)))
    t.start()
    t.join()
    try:
        (viewer,) = shown
        assert viewer.recording is rec and viewer.render().shape == (100, 150, 4)
    finally:
        for viewer in shown:
            viewer.close()


def test_frames_differ_between_recordings(make_viewer):
    def spread(recording_id, color):
        rec = rr.RecordingStream("app", recording_id=recording_id, send_properties=False)
        rec.set_time("frame", sequence=0)
        rec.log("points", rr.Points3D(np.random.default_rng(1).uniform(-1, 1, (50, 3)), colors=color, radii=0.05))
        return rec

    v = make_viewer(recording=spread("a", [255, 0, 0]))
    frame_a = v.render()
    v.add_recording(spread("b", [0, 255, 0]))
    frame_b = v.render()
    red = (frame_a[..., 0] > 200) & (frame_a[..., 1] < 80)
    green = (frame_b[..., 1] > 200) & (frame_b[..., 0] < 80)
    assert red.sum() > 20 and green.sum() > 20 and not ((frame_b[..., 0] > 200) & (frame_b[..., 1] < 80)).any()


def test_selection_panel_shows_values_at_the_current_time_and_fires_events(make_viewer, events):
    from rerun_nb.notebook import EntitySelectionItem, SelectionChangeEvent

    rec = rr.RecordingStream("app", recording_id="r", send_properties=False)
    rec.set_log_time_enabled(False)
    for t in range(3):
        rec.set_time("frame", sequence=t)
        rec.log("points", rr.Points3D([[t, 0, 0], [t, 1, 0]], labels=[f"a{t}", f"b{t}"]))
    v = make_viewer(recording=rec)
    v.on_event(events.append)
    panel = v.selection
    assert [val for _l, val in panel.entity.options] == ["", "/points"]
    panel.entity.value = "/points"  # the user selects the entity
    assert events[-1] == SelectionChangeEvent(application_id="app", recording_id="r", segment_id=None,
                                              items=[EntitySelectionItem(entity_path="/points")])
    assert "Points3D:labels" in panel.values.value and "a2, b2" in panel.values.value  # at the latest time
    v.set_time_ctrl(sequence=1)
    assert "a1, b1" in panel.values.value and "a2" not in panel.values.value
    panel.instance.value = 1  # one instance: its value and its 3D position
    (item,) = events[-1].items
    assert (item.instance_id, item.position) == (1, [1.0, 1.0, 0.0])
    assert "b1" in panel.values.value and "a1" not in panel.values.value
    panel.entity.value = ""
    assert events[-1].items == []
