"""Log several 2D boxes with labels, centers and draw order."""

import rerun as rr

rr.init("rerun_example_box2d_batch", spawn=True)

rr.log(
    "boxes",
    rr.Boxes2D(
        centers=[[0, 0], [3, 1], [-2, 4]],
        half_sizes=[[1, 1], [0.5, 2], [2, 0.5]],
        colors=[0xFF0000FF, 0x00FF00FF, 0x0000FFFF],
        labels=["a", "b", "c"],
        draw_order=5,
        show_labels=True,
    ),
)
rr.log("xyxy", rr.Boxes2D(array=[[0, 0, 10, 5], [2, 2, 4, 4]], array_format=rr.Box2DFormat.XYXY))
rr.log("xcycwh", rr.Boxes2D(array=[5, 5, 4, 2], array_format=rr.Box2DFormat.XCYCWH))
