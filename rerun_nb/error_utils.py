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


# --- the rest of rerun.error_utils (0.41) ----------------------------------------------------


def default_strict_mode() -> bool:
    """Strict mode as the environment sets it (`RERUN_STRICT`), before any `set_strict_mode` call."""
    return _env_strict()


class RerunMissingDependencyError(ImportError):
    """An optional dependency is not installed (`pip install rerun_nb[<optional_dep>]` names the fix)."""

    def __init__(self, package: str, optional_dep: str) -> None:
        super().__init__(f"'{package}' could not be imported. Please install it, e.g. `pip install {package}` "
                         f"(part of the optional dependency group '{optional_dep}').")


class RerunIncompatibleDependencyVersionError(ImportError):
    """An installed dependency has a version rerun_nb does not support."""

    def __init__(self, package: str, actual_version: str, compatible_versions: list[int], *,
                 optional_dep: str) -> None:
        super().__init__(f"'{package}' version {actual_version} is not supported (compatible major versions: "
                         f"{compatible_versions}; optional dependency group '{optional_dep}').")


class catch_and_log_exceptions:
    """Context manager and decorator: an exception inside is warned once and swallowed (the decorated
    function returns `exception_return_value`), unless strict mode is on (or `strict=True`), as in Rerun."""

    def __init__(self, context: str | None = None, *, depth_to_user_code: int = 1,
                 exception_return_value: object = None, strict: bool | None = None) -> None:
        self.context = context
        self.depth_to_user_code = depth_to_user_code
        self.exception_return_value = exception_return_value
        self.strict = strict

    def __enter__(self):
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: object) -> bool:
        if exc is None or not isinstance(exc, Exception):
            return False  # no error, or KeyboardInterrupt / SystemExit: pass through
        if self.strict if self.strict is not None else _strict_mode:
            return False
        where = f"{self.context}: " if self.context else ""
        report_error(f"{where}{type(exc).__name__}: {exc}", strict=False, stacklevel=2 + self.depth_to_user_code)
        return True

    def __call__(self, func):
        import functools

        if self.context is None:
            self.context = func.__qualname__

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            with self:
                return func(*args, **kwargs)
            return self.exception_return_value

        return wrapper


def deprecated_param(name: str, *, use_instead: str | None = None, since: str | None = None):
    """Decorator: warn (DeprecationWarning) when the keyword argument `name` is passed."""
    import functools
    import inspect

    def decorator(func):
        sig = inspect.signature(func)

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            if name in kwargs:
                message = f"The parameter '{name}' in function '{func.__name__}' is deprecated"
                if since:
                    message += f" since version {since}"
                if use_instead:
                    message += f", use {use_instead} instead"
                warnings.warn(message, DeprecationWarning, stacklevel=2)
            return func(*args, **kwargs)

        wrapper.__signature__ = sig
        return wrapper

    return decorator
