"""DynamicArchetype: a user-named archetype from plain data."""

import numpy as np
import rerun as rr

rr.init("rerun_example_dynamic_archetype", spawn=True)

rr.log(
    "sensor",
    rr.DynamicArchetype(archetype="MySensor", components={"temperature": [21.5, 22.0], "unit": "celsius", "ok": True}),
)
rr.log("sensor2", rr.DynamicArchetype("Other", components={"counts": np.arange(3, dtype=np.uint32)}))
