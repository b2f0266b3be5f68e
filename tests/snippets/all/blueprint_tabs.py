"""Tabs with an active tab, names and visibility."""

import rerun as rr
import rerun.blueprint as rrb

rr.init("rerun_example_blueprint_tabs", spawn=True)
rr.log("a", rr.Points2D([[0, 0]]))
rr.log("b", rr.Points2D([[1, 1]]))

rr.send_blueprint(
    rrb.Blueprint(
        rrb.Tabs(
            rrb.Spatial2DView(origin="/a", name="A"),
            rrb.Spatial2DView(origin="/b", name="B", visible=False),
            rrb.TextDocumentView(origin="/doc", name="Doc"),
            active_tab="B",
            name="my tabs",
        ),
    ),
    make_active=True,
    make_default=False,
)
