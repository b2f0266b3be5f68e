"""VideoFrameReference rows pointing at an AssetVideo."""

import rerun as rr

rr.init("rerun_example_video_frame_reference", spawn=True)

rr.log("video", rr.AssetVideo(contents=b"\x00\x00\x00\x18ftypmp42", media_type="video/mp4"), static=True)
for i in range(3):
    rr.set_time("video_time", duration=i * 0.5)
    rr.log("video", rr.VideoFrameReference(seconds=i * 0.5))
rr.log("other", rr.VideoFrameReference(nanoseconds=123, video_reference="video"))
