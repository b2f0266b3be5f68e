"""TextLog rows over time with every level, and the logging handler with a custom root."""

import logging

import rerun as rr

rr.init("rerun_example_text_log_levels", spawn=True)

for i, level in enumerate(["CRITICAL", "ERROR", "WARN", "INFO", "DEBUG", "TRACE"]):
    rr.set_time("frame", sequence=i)
    rr.log("log", rr.TextLog(f"{level} message {i}", level=level))
rr.log("log/no_level", rr.TextLog("no level"))

logger = logging.getLogger("my_app")
logger.propagate = False
logger.addHandler(rr.LoggingHandler())
logger.setLevel(logging.DEBUG)
logger.debug("debug from my_app")
logger.error("error from my_app")
