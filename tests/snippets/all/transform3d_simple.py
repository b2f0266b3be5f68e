"""Log different transforms between three arrows."""

import rerun as rr

rr.init("rerun_example_transform3d", spawn=True)

arrow = rr.Arrows3D(origins=[0, 0, 0], vectors=[0, 1, 0])

rr.log("base", arrow)

rr.log("base/translated", rr.Transform3D(translation=[1, 0, 0]))
rr.log("base/translated", arrow)

rr.log(
    "base/rotated_scaled",
    rr.Transform3D(
        rotation=rr.RotationAxisAngle(axis=[0, 0, 1], angle=rr.Angle(rad=3.14 / 4)),
        scale=2,
    ),
)
rr.log("base/rotated_scaled", arrow)
