"""Blueprint settings applied to the visualizers: visible time ranges (trails), view defaults, entity overrides."""

from __future__ import annotations

import numpy as np
import pytest

import rerun_nb as rr
import rerun_nb.blueprint as rrb

from .conftest import bbox, color_mask


def _runs(mask_1d: np.ndarray) -> int:
    """Number of runs of True in a 1-D mask (separate blobs along one axis)."""
    m = np.concatenate([[False], mask_1d, [False]]).astype(int)
    return int((np.diff(m) == 1).sum())


def blobs(mask: np.ndarray) -> int:
    """Number of 8-connected blobs in a 2-D mask."""
    seen = np.zeros_like(mask, bool)
    count = 0
    for r0, c0 in zip(*np.nonzero(mask)):
        if seen[r0, c0]:
            continue
        count += 1
        stack = [(r0, c0)]
        seen[r0, c0] = True
        while stack:
            r, c = stack.pop()
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    rr_, cc = r + dr, c + dc
                    if 0 <= rr_ < mask.shape[0] and 0 <= cc < mask.shape[1] and mask[rr_, cc] and not seen[rr_, cc]:
                        seen[rr_, cc] = True
                        stack.append((rr_, cc))
    return count


def _trail_recording():
    rec = rr.RecordingStream("rerun_example_trail")
    rec.log("frame", rr.Boxes3D(half_sizes=[[15, 3, 0.01]], centers=[[13.5, 0, 0]], colors=[[30, 30, 30]]),
            static=True)
    for t in range(10):
        rec.set_time("frame", sequence=t)
        rec.log("dot", rr.Points3D([[3 * t, 0, 0]], radii=0.5, colors=[[255, 0, 0]]))
    return rec


def _window(lo: int, hi: int = 0):
    return rrb.VisibleTimeRange("frame", start=rrb.TimeRangeBoundary.cursor_relative(seq=lo),
                                end=rrb.TimeRangeBoundary.cursor_relative(seq=hi))


def _3d(**kwargs):
    # no grid: its lines would cut the dots into several blobs
    return rrb.Blueprint(rrb.Spatial3DView(origin="/", line_grid=False, **kwargs))


@pytest.mark.parametrize("where", ["view", "entity"])
def test_visible_time_range_draws_a_trail_3d(make_layout, where):
    rec = _trail_recording()
    if where == "view":
        bp = _3d(time_ranges=_window(-3))
    else:
        bp = _3d(overrides={"/dot": rrb.VisibleTimeRanges(_window(-3))})
    plain = make_layout(rec.store, 400, 200, blueprint=_3d()).render("frame", 9)
    trail = make_layout(rec.store, 400, 200, blueprint=bp)
    img = trail.render("frame", 9)
    red = lambda im: blobs(color_mask(im, (255, 0, 0), tol=90))
    assert red(plain) == 1
    assert red(img) == 4  # frames 6, 7, 8, 9
    # the window follows the cursor: at frame 1 only frames 0 and 1 exist in [-2, 1]
    assert red(trail.render("frame", 1)) == 2
    (view,) = trail.views
    assert "time_ranges" not in " ".join(view.notices) and "overrides" not in " ".join(view.notices)


def test_visible_time_range_with_static_colors_and_absolute_bounds(make_layout):
    rec = rr.RecordingStream("rerun_example_trail_static")
    rec.log("frame", rr.Boxes3D(half_sizes=[[15, 3, 0.01]], centers=[[13.5, 0, 0]], colors=[[30, 30, 30]]),
            static=True)
    rec.log("dot", rr.Points3D.from_fields(colors=[[0, 0, 255]], radii=0.5), static=True)
    for t in range(10):
        rec.set_time("frame", sequence=t)
        rec.log("dot", rr.Points3D.from_fields(positions=[[3 * t, 0, 0]]))
    bp = _3d(time_ranges=rrb.VisibleTimeRange("frame", start=rrb.TimeRangeBoundary.absolute(seq=2),
                                              end=rrb.TimeRangeBoundary.absolute(seq=4)))
    img = make_layout(rec.store, 400, 200, blueprint=bp).render("frame", 9)
    assert blobs(color_mask(img, (0, 0, 255), tol=90)) == 3  # frames 2..4, each in the static blue


def test_visible_time_range_2d(make_layout):
    rec = rr.RecordingStream("rerun_example_trail_2d")
    rec.log("bg", rr.Boxes2D(mins=[[0, 0]], sizes=[[100, 20]], colors=[[30, 30, 30]]), static=True)
    for t in range(10):
        rec.set_time("frame", sequence=t)
        rec.log("dot", rr.Points2D([[5 + 10 * t, 10]], radii=2, colors=[[0, 255, 0]]))
    bp = rrb.Blueprint(rrb.Spatial2DView(origin="/", time_ranges=_window(-4),
                                         visual_bounds=rrb.VisualBounds2D(x_range=[0, 100], y_range=[0, 20])))
    r = make_layout(rec.store, 400, 80, blueprint=bp)
    img = r.render("frame", 9)
    green = color_mask(img, (0, 255, 0), tol=60).any(axis=0)
    assert _runs(green) == 5


def test_view_default_radius_and_entity_override_color(make_layout):
    rec = rr.RecordingStream("rerun_example_defaults")
    rec.set_time("frame", sequence=0)
    rec.log("frame", rr.Boxes3D(half_sizes=[[3, 1, 0.01]], colors=[[30, 30, 30]]))
    rec.log("a", rr.Points3D([[-1.5, 0, 0]], colors=[[255, 0, 0]]))  # no radii: the view default applies
    rec.log("b", rr.Points3D([[1.5, 0, 0]], colors=[[255, 0, 0]], radii=0.1))
    bp = _3d(defaults=[rr.Points3D.from_fields(radii=0.5)],
             overrides={"/b": rr.Points3D.from_fields(colors=[0, 0, 255])})
    base = make_layout(rec.store, 400, 200, blueprint=_3d()).render("frame", 0)
    img = make_layout(rec.store, 400, 200, blueprint=bp).render("frame", 0)
    red_base = color_mask(base, (255, 0, 0), tol=90)
    red = color_mask(img, (255, 0, 0), tol=90)
    blue = color_mask(img, (0, 0, 255), tol=90)
    # /a got the default radius (4 px screen dot before; a world radius of 0.5 now: far bigger)
    half = img.shape[1] // 2
    assert red[:, :half].sum() > 10 * max(1, red_base[:, :half].sum())
    # /b is blue (overridden), not red, and keeps its own radius (the default does not replace a logged value)
    b_box = bbox(blue)
    assert b_box is not None and b_box[2] > half
    assert not red[:, half + 10:].any()
    assert blue.sum() < red.sum() / 4


def test_settings_parse_and_notices():
    from rerun_nb.views._overrides import ViewSettings

    s = ViewSettings({"defaults": [rr.Points3D.from_fields(radii=0.5)],
                      "overrides": {"world/p": [rr.Points3D.from_fields(colors=[1, 2, 3]), rrb.VisibleTimeRanges(_window(-1))]},
                      "time_ranges": rrb.VisibleTimeRanges([_window(-5)])})
    assert np.allclose(s.defaults["Points3D:radii"], [0.5])
    assert int(s.overrides["/world/p"]["Points3D:colors"][0]) == (1 << 24) | (2 << 16) | (3 << 8) | 255
    assert s.time_range("/world/p", "frame").start.inner.value == -1  # the entity's own range wins
    assert s.time_range("/other", "frame").start.inner.value == -5
    assert s.time_range("/other", "time") is None
    bad = ViewSettings({"defaults": [object()]})
    assert bad.problems and "neither an archetype" in bad.problems[0]
