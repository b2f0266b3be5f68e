"""A dataframe view with a query."""

import rerun as rr
import rerun.blueprint as rrb

rr.init("rerun_example_dataframe_view_query", spawn=True)

for t in range(10):
    rr.set_time("frame", sequence=t)
    rr.log("trig/sin", rr.Scalars(t * 0.1))

rr.send_blueprint(
    rrb.Blueprint(
        rrb.DataframeView(
            origin="/trig",
            query=rrb.archetypes.DataframeQuery(timeline="frame", filter_by_range=(2, 8), apply_latest_at=True),
        ),
    ),
)
