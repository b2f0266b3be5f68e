"""The Viewer widget's Python half: time traits, panel, frames sent, live updates, snapshot."""

from __future__ import annotations

import asyncio
import base64
import io
import threading
import time

import ipywidgets as ipw
import numpy as np
import pytest
from PIL import Image

import rerun_nb as rr

NS = 1_000_000_000


def _decode(frame) -> np.ndarray:
    _msg, buffers = frame
    return np.asarray(Image.open(io.BytesIO(bytes(buffers[0]))).convert("RGB"))


def _log_moving_point(rec, n=10):
    rec.log("anchor", rr.Points3D([[-5, -5, -5], [5, 5, 5]], radii=0.01), static=True)
    for i in range(n):
        rec.set_time("sim_time", duration=i * 0.5)
        rec.log("pt", rr.Points3D([[i - 5, 0, 0]], colors=[[255, 0, 0]], radii=0.5))


def test_default_timeline_is_the_users_and_range_in_its_unit(rec, make_viewer):
    _log_moving_point(rec)
    v, _ = make_viewer(rec)
    assert set(v.timelines) == {"log_time", "sim_time"}
    assert v.timeline == "sim_time"
    assert (v.time_min, v.time_max) == (0, int(4.5 * NS))
    assert v.follow_latest and v.time == v.time_max
    assert v.panel.label.value == "4.500 s"
    assert v.panel.slider.max == 9 and v.panel.slider.value == 9
    assert list(v.panel.picker.options) == ["log_time", "sim_time"]


def _in_kernel_loop(fn):
    """Run ``fn`` as a comm handler would: on a running asyncio loop, then let scheduled draws run."""

    async def main():
        fn()
        for _ in range(5):
            await asyncio.sleep(0.01)

    # On a fresh thread (as an ipykernel subshell does): this thread may already run a loop (playwright).
    errors = []
    thread = threading.Thread(target=lambda: _run_and_keep_errors(main, errors))
    thread.start()
    thread.join()
    if errors:
        raise errors[0]


def _run_and_keep_errors(main, errors):
    try:
        asyncio.run(main())
    except Exception as exc:  # noqa: BLE001 - re-raised in the test's thread
        errors.append(exc)


def _confirm(canvas):
    """What the browser does after showing a frame."""
    canvas._frame_feedback = {"index": canvas._rfb_frame_index, "timestamp": time.time(), "localtime": time.time()}


def test_slider_change_sends_a_new_frame_for_the_new_time(rec, make_viewer):
    _log_moving_point(rec)
    v, sent = make_viewer(rec)
    _in_kernel_loop(v.request_draw)
    assert len(sent.frames) == 1
    _confirm(v.canvas)

    def move():
        v.panel.slider.value = 2

    _in_kernel_loop(move)
    assert v.time == 1 * NS and not v.follow_latest
    assert len(sent.frames) == 2
    first, second = _decode(sent.frames[0]), _decode(sent.frames[1])
    assert np.abs(first.astype(int) - second.astype(int)).max() > 100  # the point moved
    expected = v.render()[:, :, :3]  # the frame is the state at the new time (JPEG: tolerance)
    assert np.abs(expected.astype(int) - second.astype(int)).mean() < 3


def test_set_time_mirrors_rr_set_time_and_switches_timeline(rec, make_viewer):
    _log_moving_point(rec)
    rec.set_time("frame", sequence=7)
    rec.log("other", rr.Points3D([[0, 0, 0]]))
    v, _ = make_viewer(rec)
    v.set_time("sim_time", duration=1.5)
    assert (v.timeline, v.time, v.follow_latest) == ("sim_time", int(1.5 * NS), False)
    v.set_time("frame", sequence=7)
    assert (v.timeline, v.time, v.panel.label.value) == ("frame", 7, "#7")
    with pytest.raises(ValueError):
        v.set_time("frame", sequence=1, duration=2)


def test_time_traits_link_two_viewers(rec, make_viewer):
    _log_moving_point(rec)
    a, _ = make_viewer(rec)
    b, sent_b = make_viewer(rec)
    link = ipw.link((a, "time"), (b, "time"))

    def move():
        a.panel.slider.value = 3

    _in_kernel_loop(move)
    assert b.time == a.time == int(1.5 * NS)
    assert len(sent_b.frames) == 1
    link.unlink()
    # jslink needs the traits to be synced to the browser model.
    for name in ("time", "timeline", "playing", "follow_latest"):
        assert a.trait_metadata(name, "sync")


def test_step_and_play(rec, make_viewer):
    _log_moving_point(rec)
    v, _ = make_viewer(rec)
    v.set_time("sim_time", duration=1.0)
    v.panel.step(+1)
    assert v.time == int(1.5 * NS)
    v.panel.step(-1)
    v.panel.step(-1)
    assert v.time == int(0.5 * NS)
    v.playing = True
    v.speed = 2.0
    v.panel.tick(0.25)  # 0.25 s of wall time at 2x
    assert v.time == int(1.0 * NS)
    v.panel.tick(10.0)  # past the end: loops to the start
    assert v.time == 0 and v.playing
    v.loop = False
    v.panel.tick(10.0)
    assert v.time == v.time_max and not v.playing


def test_entity_list_toggles_visibility(rec, make_viewer):
    _log_moving_point(rec)
    v, _ = make_viewer(rec)
    boxes = {cb.description: cb for cb in v.entities.children[0].children}
    assert set(boxes) == {"/anchor", "/pt"}
    before = v.render()
    boxes["/pt"].value = False
    after = v.render()
    red = lambda img: ((img[:, :, 0] > 150) & (img[:, :, 1] < 80)).sum()
    assert red(before) > 0 and red(after) == 0


def test_live_logging_triggers_throttled_redraws(rec, make_viewer):
    _log_moving_point(rec, n=2)
    v, sent = make_viewer(rec)
    poller = v._rnb_poller
    start_frames = len(sent.frames)
    t_end = time.perf_counter() + 1.5
    i = 0
    while time.perf_counter() < t_end:  # a logging loop, as in a running cell
        rec.set_time("sim_time", duration=1 + i * 0.01)
        rec.log("pt", rr.Points3D([[np.sin(i / 50), 0, 0]], colors=[[255, 0, 0]], radii=0.5))
        i += 1
        time.sleep(0.001)
    time.sleep(0.3)
    pushed = len(sent.frames) - start_frames
    assert pushed >= 3, pushed  # new data showed up while "the cell" was running
    assert pushed <= 1.8 * 10 + 1, pushed  # at most ~10 redraws per second
    assert v.follow_latest and v.time == v.time_max > 1 * NS
    assert poller.period_s >= poller.min_period_s


def test_poll_once_without_new_data_does_nothing(rec, make_viewer):
    _log_moving_point(rec, n=2)
    v, sent = make_viewer(rec)
    v._rnb_poller.stop()
    v._rnb_poller.poll_once(v)
    n = len(sent.frames)
    assert v._rnb_poller.poll_once(v) is False and len(sent.frames) == n


def test_display_bundle_holds_a_png_snapshot(rec, make_viewer):
    _log_moving_point(rec)
    v, _ = make_viewer(rec)
    bundle = v._repr_mimebundle_()
    data = bundle[0] if isinstance(bundle, tuple) else bundle
    assert "application/vnd.jupyter.widget-view+json" in data
    img = np.asarray(Image.open(io.BytesIO(base64.b64decode(data["image/png"]))))
    assert img.shape == (120, 160, 3) and img.std() > 1


def test_no_adapter_shows_what_to_install(rec, monkeypatch):
    import rerun_nb.layout as layout_pkg
    from rerun_nb.viewer import INSTALL_HELP, NoAdapterError
    from rerun_nb.widget import Viewer

    def no_adapter(*args, **kwargs):
        raise NoAdapterError(INSTALL_HELP)

    monkeypatch.setattr(layout_pkg, "LayoutRenderer", no_adapter)
    v = Viewer(rec)
    try:
        assert isinstance(v.canvas, ipw.HTML) and "mesa-vulkan-drivers" in v.canvas.value
        with pytest.raises(RuntimeError, match="mesa-vulkan-drivers"):
            v.render()
    finally:
        v.close()


def test_two_viewers_of_one_recording_render_independently(rec, make_viewer):
    _log_moving_point(rec)
    a, _ = make_viewer(rec)
    b, _ = make_viewer(rec)
    a.set_time("sim_time", duration=0)
    assert np.abs(a.render().astype(int) - b.render().astype(int)).max() > 100


def test_switching_timeline_keeps_time_in_range(rec, make_viewer):
    _log_moving_point(rec)
    rec.set_time("frame", sequence=3)
    rec.log("other", rr.Points3D([[0, 0, 0]]))
    v, _ = make_viewer(rec)
    v.set_time("sim_time", duration=1.0)
    v.timeline = "frame"
    assert v.time == 3 and v.panel.label.value == "#3"


def test_viewer_defaults_to_the_current_recording(rec):
    from rerun_nb.widget import Viewer

    rr.set_global_data_recording(rec)
    _log_moving_point(rec)
    v = Viewer(width=80, height=60)
    try:
        assert v.recording is rec and v.timeline == "sim_time"
    finally:
        v.close()


def test_time_set_from_a_running_cell_reaches_the_browser(rec, make_viewer):
    """`viewer.time = t` while a cell runs: the loop cannot draw, so the poller pushes the frame."""
    _log_moving_point(rec)
    v, sent = make_viewer(rec)
    v._repr_mimebundle_()  # displayed
    v._rnb_poller.stop()
    v.canvas._rfb_draw_requested = True  # a draw was requested on the (blocked) kernel loop
    n = len(sent.frames)
    assert v._rnb_poller.poll_once(v) is False  # first period: give the loop its chance
    assert v._rnb_poller.poll_once(v) is True and len(sent.frames) == n + 1
    assert v._rnb_poller.poll_once(v) is False and v._rnb_poller.poll_once(v) is False  # once only


def test_any_speed_from_python(rec, make_viewer):
    _log_moving_point(rec)
    v, _ = make_viewer(rec)
    v.speed = 3.0  # not a menu preset: still accepted
    v.panel.speed.value = 0.5
    assert v.speed == 0.5


def test_viewer_follows_the_blueprint_sent_and_keeps_an_explicit_one(rec, make_viewer):
    import rerun_nb.blueprint as rrb

    rec.set_time("frame", sequence=0)
    rec.log("a", rr.Points3D([[0, 0, 0]]))
    rec.log("b", rr.Points3D([[1, 0, 0]]))
    rec.log("s", rr.Scalars(1.0))
    v, _ = make_viewer(rec)
    v.render()
    assert [x.kind for x in v._rnb_renderer.views] == ["3D", "TimeSeries"]  # from the data
    rr.send_blueprint(rrb.Horizontal(rrb.Spatial3DView(origin="/a"), rrb.Spatial3DView(origin="/b")), recording=rec)
    v.render()
    assert [(x.kind, x.origin) for x in v._rnb_renderer.views] == [("3D", "/a"), ("3D", "/b")]
    explicit, _ = make_viewer(rec, blueprint=rrb.TimeSeriesView(origin="/s"))
    rr.send_blueprint(rrb.Spatial3DView(origin="/a"), recording=rec)
    explicit.render()
    assert [x.kind for x in explicit._rnb_renderer.views] == ["TimeSeries"]


def test_notebook_show_passes_the_blueprint(rec, monkeypatch):
    import rerun_nb.blueprint as rrb
    from rerun_nb.widget import Viewer

    shown = []
    monkeypatch.setattr(Viewer, "display", lambda self: shown.append(self))
    rec.set_time("frame", sequence=0)
    rec.log("img", rr.Image(np.zeros((4, 4, 3), np.uint8)))
    bp = rrb.Blueprint(rrb.Spatial2DView(origin="/img", name="camera"))
    rec.notebook_show(width=120, height=90, blueprint=bp)
    rr.notebook_show(width=120, height=90, blueprint=rrb.TextLogView(), recording=rec)
    try:
        assert shown[0].blueprint is bp and [x.name for x in shown[0]._rnb_renderer.views] == ["camera"]
        assert [x.kind for x in shown[1]._rnb_renderer.views] == ["TextLog"]
    finally:
        for v in shown:
            v.close()
