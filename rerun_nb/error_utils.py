"""Strict mode and the warn-once-and-drop policy for bad input (stdlib only).

A bad log call must never crash the user's loop nor lose other data: by default it warns once
(naming the entity path and what was wrong) and the call is dropped. In strict mode
(`rr.init(..., strict=True)`, `rr.set_strict_mode(True)` or `RERUN_STRICT=1`) it raises instead.
"""

from __future__ import annotations

import os
import threading
import warnings

__all__ = ["RerunError", "RerunWarning", "report_error", "set_strict_mode", "strict_mode"]


class RerunWarning(Warning):
    """A warning emitted by rerun_nb about the user's input or environment."""


class RerunError(ValueError):
    """Raised in strict mode for a malformed log call."""


def _env_strict() -> bool:
    value = os.environ.get("RERUN_STRICT", os.environ.get("RERUN_NB_STRICT", "")).strip().lower()
    return value in ("1", "true", "on", "yes")


_strict_mode = _env_strict()
_warned_keys: set[str] = set()
_warned_lock = threading.Lock()


def strict_mode() -> bool:
    """Whether malformed API use raises (True) or warns and is dropped (False)."""
    return _strict_mode


def set_strict_mode(mode: bool) -> None:
    """Turn strict mode on or off (the default comes from the `RERUN_STRICT` environment variable)."""
    global _strict_mode
    _strict_mode = bool(mode)


def report_error(message: str, *, key: str | None = None, strict: bool | None = None, stacklevel: int = 3) -> None:
    """Raise (strict) or warn once per `key` (defaults to the message) that a call was dropped."""
    if _strict_mode if strict is None else strict:
        raise RerunError(message)
    key = message if key is None else key
    with _warned_lock:
        if key in _warned_keys:
            return
        _warned_keys.add(key)
    warnings.warn(message, RerunWarning, stacklevel=stacklevel)


def _reset_warned() -> None:
    """Forget which warnings were shown (for tests)."""
    with _warned_lock:
        _warned_keys.clear()
