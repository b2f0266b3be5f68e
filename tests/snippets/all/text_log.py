"""Log a text entry."""

import rerun as rr

rr.init("rerun_example_text_log", spawn=True)

rr.log("log", rr.TextLog("Application started.", level=rr.TextLogLevel.INFO))
rr.log("log", rr.TextLog("Warning!", level="WARN"))
rr.log("log/other", rr.TextLog("custom level", level="CUSTOM", color=[0, 255, 255]))
