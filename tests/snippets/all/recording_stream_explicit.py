"""Log to explicit RecordingStream objects, two recordings in one script."""

import rerun as rr

rec = rr.RecordingStream("rerun_example_explicit_recording", recording_id="explicit-1")
rec.spawn()
rec.set_time("frame", sequence=1)
rec.log("points", rr.Points3D([[1, 2, 3]]))

other = rr.RecordingStream("rerun_example_other_recording", recording_id="explicit-2")
other.spawn()
other.log("text", rr.TextLog("in the other recording"), static=True)

rec.log("more", rr.Scalars(3.0))
with other:
    rr.log("inside_with", rr.Scalars(1.0))
