"""A default blueprint given to rr.init(spawn=True)."""

import rerun as rr
import rerun.blueprint as rrb

blueprint = rrb.Blueprint(
    rrb.Grid(
        rrb.Spatial3DView(origin="/world"),
        rrb.TextLogView(origin="/logs", name="Logs"),
        rrb.BarChartView(origin="/bars"),
        rrb.TensorView(origin="/tensor"),
        grid_columns=2,
    ),
    rrb.BlueprintPanel(state="collapsed"),
    rrb.SelectionPanel(expanded=False),
    rrb.TimePanel(state="expanded"),
    auto_layout=False,
    auto_views=False,
)

rr.init("rerun_example_blueprint_default", spawn=True, default_blueprint=blueprint)
rr.log("world/p", rr.Points3D([[1, 2, 3]]))
rr.log("logs", rr.TextLog("hi"))
rr.log("bars", rr.BarChart([1, 2, 3]))
