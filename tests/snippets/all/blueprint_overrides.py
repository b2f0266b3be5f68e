"""Per-entity visualizer overrides in a TimeSeriesView."""

import rerun as rr
import rerun.blueprint as rrb

rr.init("rerun_example_blueprint_overrides", spawn=True)

for t in range(20):
    rr.set_time("step", sequence=t)
    rr.log("plot/a", rr.Scalars(t))
    rr.log("plot/b", rr.Scalars(-t))

rr.send_blueprint(
    rrb.TimeSeriesView(
        origin="/plot",
        overrides={
            "plot/a": rr.SeriesPoints.from_fields(colors=[255, 0, 0], markers="cross").visualizer(),
            "plot/b": [rr.SeriesLines.from_fields(widths=5.0).visualizer(), rr.SeriesPoints.from_fields(marker_sizes=3.0).visualizer()],
        },
    ),
)
