"""Sets the recording properties."""

import rerun as rr

rr.init("rerun_example_recording_properties", spawn=True)

# Overwrites the name from above.
rr.send_recording_name("My recording")

# Adds a user-defined property to the recording.
rr.send_property("camera_left", rr.archetypes.Points3D([1.0, 0.1, 1.0]))

# Adds another property, this time with user-defined data.
rr.send_property("situation", rr.AnyValues(confidence=[0.3, 0.4, 0.5], traffic="low", weather="sunny"))

# Properties, including the name, can be overwritten at any time.
rr.send_recording_name("My episode")
