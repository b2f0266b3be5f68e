"""Use `AnyBatchValue` and `send_column` to send an entire column of custom data to Rerun."""

import numpy as np
import rerun as rr

rr.init("rerun_example_any_batch_value_column_updates", spawn=True)

timestamps = np.arange(0, 64)

# Log two component columns, named "sin" and "cos", with the corresponding values
rr.send_columns(
    "/",
    indexes=[rr.TimeColumn("step", sequence=timestamps)],
    columns=[
        rr.AnyBatchValue.column("sin", np.sin(timestamps / 10.0)),
        rr.AnyBatchValue.column("cos", np.cos(timestamps / 10.0)),
    ],
)
