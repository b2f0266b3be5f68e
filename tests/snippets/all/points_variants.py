"""Points from many input types: lists, tuples, numpy of several dtypes, flat arrays."""

import numpy as np
import rerun as rr

rr.init("rerun_example_points_variants", spawn=True)

rr.log("list", rr.Points3D([[1, 2, 3], [4, 5, 6]]))
rr.log("tuple", rr.Points3D((1.0, 2.0, 3.0)))
rr.log("flat", rr.Points3D(np.arange(9, dtype=np.float64)))
rr.log("int", rr.Points3D(np.arange(6, dtype=np.int32).reshape(2, 3)))
rr.log("f16", rr.Points2D(np.ones((3, 2), dtype=np.float16)))
rr.log("empty", rr.Points3D(np.zeros((0, 3))))
rr.log("colors_float", rr.Points3D([[0, 0, 0]], colors=[0.5, 0.25, 1.0]))
rr.log("colors_u8_rgba", rr.Points3D([[0, 0, 0], [1, 1, 1]], colors=np.array([[1, 2, 3, 4], [5, 6, 7, 8]], np.uint8)))
rr.log("colors_packed", rr.Points3D([[0, 0, 0]], colors=np.array([0x11223344], np.uint32)))
rr.log("radii_scalar", rr.Points3D([[0, 0, 0], [1, 1, 1]], radii=0.5, labels="one label", class_ids=3))
rr.log("shading", rr.Points3D([[0, 0, 0]], point_shading="Flat") if hasattr(rr.components, "PointShading") else rr.Points3D([[0, 0, 0]]))
