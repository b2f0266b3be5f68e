"""Errors raised by the RRD codec: every one names the byte offset and what was expected."""

from __future__ import annotations

from rerun_nb.error_utils import RerunWarning

__all__ = ["RrdError", "RrdWarning"]


class RrdError(ValueError):
    """A malformed or unsupported RRD stream.

    Attributes
    ----------
    offset : int | None
        Absolute byte offset in the stream where the problem was found.
    expected : str
        What the decoder expected to find there.
    partial : list
        The stores decoded before the damage (filled in by `read_rrd` in strict mode).

    """

    def __init__(self, message: str, *, offset: int | None = None, expected: str = "") -> None:
        self.offset = offset
        self.expected = expected
        self.detail = message
        self.partial: list = []
        where = f"at byte offset {offset}: " if offset is not None else ""
        want = f" (expected {expected})" if expected else ""
        super().__init__(f"RRD {where}{message}{want}")


class RrdWarning(RerunWarning):
    """Emitted in lenient mode when part of an RRD stream could not be decoded."""
