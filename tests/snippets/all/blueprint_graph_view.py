"""A graph view with force properties."""

import rerun as rr
import rerun.blueprint as rrb

rr.init("rerun_example_graph_view", spawn=True)

rr.log("simple", rr.GraphNodes(node_ids=["a", "b", "c"], positions=[(0.0, 100.0), (-100.0, 0.0), (100.0, 0.0)], labels=["A", "B", "C"]))

# Create a Spatial2D view to display the points.
blueprint = rrb.Blueprint(
    rrb.GraphView(
        origin="/",
        name="Graph",
        # Note that this translates the viewbox.
        visual_bounds=rrb.VisualBounds2D(x_range=[-150, 150], y_range=[-50, 150]),
        force_link=rrb.archetypes.ForceLink(enabled=True, distance=50.0, iterations=2),
        force_many_body=rrb.archetypes.ForceManyBody(enabled=True, strength=-60.0),
        force_position=rrb.archetypes.ForcePosition(enabled=True, strength=0.1, position=(0.0, 0.0)),
        force_collision_radius=rrb.archetypes.ForceCollisionRadius(enabled=True, strength=0.5, iterations=3),
        force_center=rrb.archetypes.ForceCenter(enabled=True, strength=0.2),
        background=rrb.archetypes.GraphBackground(color=[30, 30, 30]),
    ),
    collapse_panels=True,
)

rr.send_blueprint(blueprint)
