"""VideoStream samples (opaque H.264 bytes) on a timeline, and a codec logged statically."""

import rerun as rr

rr.init("rerun_example_video_stream_synthetic", spawn=True)

rr.log("video", rr.VideoStream(codec=rr.VideoCodec.H264), static=True)
for i in range(5):
    rr.set_time("time", duration=i / 30)
    rr.log("video", rr.VideoStream.from_fields(sample=bytes([0, 0, 0, 1, 0x65, i]), is_keyframe=i == 0))
