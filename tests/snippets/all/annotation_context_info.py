"""AnnotationContext from AnnotationInfo objects and dicts."""

import rerun as rr

rr.init("rerun_example_annotation_context_info", spawn=True)

rr.log(
    "world",
    rr.AnnotationContext([
        rr.AnnotationInfo(id=1, label="person", color=(255, 0, 0)),
        rr.ClassDescription(info=rr.AnnotationInfo(id=2, label="car"), keypoint_annotations=[rr.AnnotationInfo(0, "wheel")]),
        (3, "bike"),
    ]),
    static=True,
)
rr.log("world/points", rr.Points2D([[0, 0], [1, 1], [2, 2]], class_ids=[1, 2, 3]))
