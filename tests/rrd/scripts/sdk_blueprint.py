"""Save a blueprint with the real rerun-sdk: `python sdk_blueprint.py OUT.rbl` (layout mirrored in test_blueprint)."""

import sys

import rerun.blueprint as rrb

bp = rrb.Blueprint(
    rrb.Horizontal(rrb.Spatial3DView(origin="/world", name="3D"),
                   rrb.Vertical(rrb.TimeSeriesView(origin="/plot"), rrb.TextLogView(origin="/logs"), row_shares=[1, 2]),
                   column_shares=[2, 1]),
    collapse_panels=True)
bp.save("bp_app", sys.argv[1])
