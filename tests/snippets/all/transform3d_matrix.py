"""Transform3D from a matrix, quaternion, scale vector and mat3x3."""

import numpy as np
import rerun as rr

rr.init("rerun_example_transform3d_matrix", spawn=True)

rr.log("a", rr.Transform3D(mat3x3=[[1, 0, 0], [0, 0, -1], [0, 1, 0]]))
rr.log("b", rr.Transform3D(mat3x3=np.eye(3) * 2, translation=(1, 2, 3)))
rr.log("c", rr.Transform3D(quaternion=rr.Quaternion(xyzw=[0, 0, 0.7071068, 0.7071068]), scale=[1, 2, 3]))
rr.log("d", rr.Transform3D(rotation=rr.Quaternion(xyzw=[0.0, 0.0, 0.0, 1.0]), relation="ChildFromParent"))
rr.log("e", rr.Transform3D(translation=[1, 2, 3], child_frame="e_frame", parent_frame="world_frame"))
