"""Bar charts of several dtypes."""

import numpy as np
import rerun as rr

rr.init("rerun_example_bar_chart_types", spawn=True)

rr.log("f64", rr.BarChart(np.array([1.5, 2.5, 3.5])))
rr.log("u8", rr.BarChart(np.array([1, 2, 3], dtype=np.uint8)))
rr.log("i32", rr.BarChart(np.array([-1, 2, -3], dtype=np.int32)))
rr.log("f32", rr.BarChart(np.array([0.1, 0.2], dtype=np.float32)))
