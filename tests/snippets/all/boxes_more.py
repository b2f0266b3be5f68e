"""Boxes3D from mins/sizes and centers, Boxes2D in every array format."""

import rerun as rr

rr.init("rerun_example_boxes_more", spawn=True)

rr.log("b3", rr.Boxes3D(mins=[[0, 0, 0], [2, 2, 2]], sizes=[[1, 1, 1], [2, 1, 0.5]], labels=["x", "y"], fill_mode="MajorWireframe"))
rr.log("b3c", rr.Boxes3D(centers=[1, 2, 3], half_sizes=[1, 1, 1], rotation_axis_angles=[rr.RotationAxisAngle([0, 0, 1], degrees=45)]))
rr.log("xywh", rr.Boxes2D(array=[1, 2, 3, 4], array_format=rr.Box2DFormat.XYWH))
rr.log("yxhw", rr.Boxes2D(array=[1, 2, 3, 4], array_format=rr.Box2DFormat.YXHW))
rr.log("yxyx", rr.Boxes2D(array=[1, 2, 3, 4], array_format=rr.Box2DFormat.YXYX))
rr.log("sizes_only", rr.Boxes2D(sizes=[[2, 2], [4, 1]]))
