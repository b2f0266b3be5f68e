"""Create and log a tensor."""

import numpy as np
import rerun as rr

rr.init("rerun_example_tensor", spawn=True)

tensor = np.random.randint(0, 256, (8, 6, 3, 5), dtype=np.uint8)  # 4-dimensional tensor

# Log the tensor, assigning names to each dimension
rr.log("tensor", rr.Tensor(tensor, dim_names=("width", "height", "channel", "batch")))
