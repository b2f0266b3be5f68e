"""View contents queries: include/exclude expressions, lists and $origin."""

import rerun as rr
import rerun.blueprint as rrb

rr.init("rerun_example_blueprint_contents", spawn=True)
for path in ["world/a", "world/b", "world/b/c", "other/d"]:
    rr.log(path, rr.Points3D([[0, 0, 0]]))

rr.send_blueprint(
    rrb.Blueprint(
        rrb.Horizontal(
            rrb.Spatial3DView(origin="/world", contents=["+ $origin/**", "- /world/b/**"]),
            rrb.Spatial3DView(origin="/", contents="/other/**"),
            rrb.Spatial3DView(origin="/world", contents=["$origin/a", "/other/d"]),
        ),
    ),
)
