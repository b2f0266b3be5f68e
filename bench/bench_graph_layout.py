"""Times the graph view's force layout (random trees of 100, 500, 1000 nodes; median of 3 runs).

Rerun computes this layout too (fjadra, Barnes-Hut); rerun_nb's many-body force is exact O(n^2) numpy.
"""

import time, numpy as np
from rerun_nb.views._graph_layout import force_layout
rng = np.random.default_rng(0)
for n in (100, 500, 1000):
    edges = np.stack([np.arange(1, n), rng.integers(0, np.arange(1, n))], axis=1)  # a random tree
    ts = []
    for _ in range(3):
        t = time.perf_counter(); force_layout(n, edges); ts.append(time.perf_counter() - t)
    print(f"n={n}: median {np.median(ts)*1000:.0f} ms")
