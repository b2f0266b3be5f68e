"""Spatial3DView properties: background, line grid, eye controls, time ranges."""

import rerun as rr
import rerun.blueprint as rrb

rr.init("rerun_example_blueprint_properties_3d", spawn=True)
rr.log("points", rr.Points3D([[0, 0, 0], [1, 1, 1]]))

rr.send_blueprint(
    rrb.Spatial3DView(
        origin="/",
        background=[100, 149, 237],
        line_grid=rrb.LineGrid3D(visible=True, spacing=0.1, plane=rr.components.Plane3D.XY.with_distance(-5.0), stroke_width=2.0, color=[255, 255, 255, 128]),
        eye_controls=rrb.EyeControls3D(kind=rrb.Eye3DKind.Orbital, position=(0.0, 0.0, 2.0), look_target=(0.0, 2.0, 0.0), eye_up=(-1.0, 0.0, 0.0), spin_speed=0.2, speed=20.0),
        time_ranges=rrb.VisibleTimeRange(
            "timeline",
            start=rrb.TimeRangeBoundary.cursor_relative(seq=-10),
            end=rrb.TimeRangeBoundary.infinite(),
        ),
    ),
)
