"""Log annotation context with connections between keypoints."""

import rerun as rr
from rerun.datatypes import ClassDescription

rr.init("rerun_example_annotation_context_connections", spawn=True)

# Log an annotation context to assign a label and color to each class
# Create a class description with labels and color for each keypoint ID as well as some
# connections between keypoints.
rr.log(
    "/",
    rr.AnnotationContext([
        ClassDescription(
            info=0,
            keypoint_annotations=[
                (0, "zero", (255, 0, 0)),
                (1, "one", (0, 255, 0)),
                (2, "two", (0, 0, 255)),
                (3, "three", (255, 255, 0)),
            ],
            keypoint_connections=[(0, 2), (1, 2), (2, 3)],
        ),
    ]),
    static=True,
)

# Log some points with different keypoint IDs
rr.log(
    "points",
    rr.Points3D(
        [[0, 0, 0], [50, 0, 20], [100, 100, 30], [0, 50, 40]],
        keypoint_ids=[0, 1, 2, 3],
        class_ids=[0],
    ),
)
