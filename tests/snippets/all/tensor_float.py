"""A float tensor with a value range, no dim names."""

import numpy as np
import rerun as rr

rr.init("rerun_example_tensor_float", spawn=True)

rr.log("t", rr.Tensor(np.arange(24, dtype=np.float32).reshape(2, 3, 4), value_range=[0.0, 23.0]))
rr.log("t64", rr.Tensor(np.ones((3, 3), dtype=np.float64)))
