"""AnyValues of many Python types."""

import numpy as np
import rerun as rr

rr.init("rerun_example_any_values_simple", spawn=True)

rr.log(
    "any",
    rr.AnyValues(
        confidence=[1.2, 3.4, 5.6],
        description="Bla bla bla…",
        count=3,
        flags=[True, False],
        arr=np.arange(4, dtype=np.int16),
    ),
)
rr.log("mixed", rr.Points3D([[0, 0, 0]]), rr.AnyValues(note="extra"))
