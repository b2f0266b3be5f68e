"""Bad input: rerun-sdk drops the call and logs the warning into the recording (`/__warnings`)."""

import rerun as rr

rr.init("rerun_example_warnings_in_recording", spawn=True)

rr.log("points", rr.Points3D([[0, 0, 0]]))
rr.log("image", rr.EncodedImage(contents=b"not an image"))  # no media_type with contents: a warning
rr.log("points", rr.Points3D([[1, 1, 1]]))
