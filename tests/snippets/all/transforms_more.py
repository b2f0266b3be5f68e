"""More transform inputs: RotationQuat components, InstancePoses3D batches, Transform3D.columns."""

import numpy as np
import rerun as rr

rr.init("rerun_example_transforms_more", spawn=True)

rr.log("q", rr.Transform3D(quaternion=[0.0, 0.0, 0.0, 1.0]))
rr.log("aa", rr.Transform3D(rotation_axis_angle=rr.RotationAxisAngle(axis=[0, 1, 0], radians=1.0)))
rr.log("scale_only", rr.Transform3D(scale=[1.0, 2.0, 3.0]))
rr.log(
    "poses",
    rr.InstancePoses3D(
        translations=np.arange(9).reshape(3, 3),
        quaternions=[rr.Quaternion(xyzw=[0, 0, 0, 1])],
        scales=[[1, 1, 1], [2, 2, 2], [3, 3, 3]],
        mat3x3=[np.eye(3)],
    ),
)
rr.send_columns(
    "moving",
    indexes=[rr.TimeColumn("t", sequence=[0, 1, 2])],
    columns=rr.Transform3D.columns(translation=[[0, 0, 0], [1, 0, 0], [2, 0, 0]]),
)
