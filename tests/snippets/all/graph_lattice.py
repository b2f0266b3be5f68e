"""A lattice graph from nodes and edges logged separately, over time."""

import itertools

import rerun as rr

NUM_NODES = 5

rr.init("rerun_example_graph_lattice", spawn=True)

coordinates = itertools.product(range(NUM_NODES), range(NUM_NODES))

nodes, colors = zip(*[
    (str(i), rr.components.Color([round((x / (NUM_NODES - 1)) * 255), round((y / (NUM_NODES - 1)) * 255), 0]))
    for i, (x, y) in enumerate(coordinates)
])

rr.log(
    "/lattice",
    rr.GraphNodes(
        nodes,
        colors=colors,
        positions=[(x * 100, y * 100) for x, y in itertools.product(range(NUM_NODES), range(NUM_NODES))],
        labels=[f"({x}, {y})" for x, y in itertools.product(range(NUM_NODES), range(NUM_NODES))],
    ),
    static=True,
)

edges = []
for x, y in itertools.product(range(NUM_NODES), range(NUM_NODES)):
    if y > 0:
        source = (y - 1) * NUM_NODES + x
        target = y * NUM_NODES + x
        edges.append((str(source), str(target)))
    if x > 0:
        source = y * NUM_NODES + (x - 1)
        target = y * NUM_NODES + x
        edges.append((str(source), str(target)))

rr.log("/lattice", rr.GraphEdges(edges, graph_type="directed"), static=True)
