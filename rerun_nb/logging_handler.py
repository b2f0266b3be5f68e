"""`rr.LoggingHandler`: Python's `logging` records become `TextLog` rows, one entity per logger module."""

from __future__ import annotations

import logging
from typing import ClassVar

from .archetypes import TextLog
from .components import TextLogLevel

__all__ = ["LoggingHandler"]


class LoggingHandler(logging.Handler):
    """A `logging.Handler` that logs each record as `rr.TextLog(message, level=...)`.

    The entity path is the record's module with dots as slashes, under `path_prefix` if given, and the
    record goes to the current recording (thread-local, else global), as in Rerun.
    """

    LVL2NAME: ClassVar[dict[int, TextLogLevel]] = {
        logging.CRITICAL: TextLogLevel.CRITICAL,
        logging.ERROR: TextLogLevel.ERROR,
        logging.WARNING: TextLogLevel.WARN,
        logging.INFO: TextLogLevel.INFO,
        logging.DEBUG: TextLogLevel.DEBUG,
    }

    def __init__(self, path_prefix: str | None = None) -> None:
        logging.Handler.__init__(self)
        self.path_prefix = path_prefix

    def emit(self, record: logging.LogRecord) -> None:
        """Log one record to the current recording."""
        from ._log import log

        entity_path = record.module.replace(".", "/")
        if self.path_prefix is not None:
            entity_path = f"{self.path_prefix}/{entity_path}"
        level = self.LVL2NAME.get(record.levelno)
        if level is None:  # a user-defined level keeps its name
            level = TextLogLevel(record.levelname)
        log(entity_path, TextLog(record.getMessage(), level=level))
