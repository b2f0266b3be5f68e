"""Row/chunk ids (TUIDs) and entity paths.

A TUID is 128 bits: a time in ns (high half) and a counter (low half). Our counter is process-global
and strictly increasing, so ids sort in log order within a process, and by time across processes,
like Rerun's. In Arrow they are FixedSizeBinary(16) with both halves big-endian.
"""

from __future__ import annotations

import collections
import itertools
import random
import time

import numpy as np
import pyarrow as pa

__all__ = [
    "TUIDS",
    "TuidGenerator",
    "ancestors",
    "entity_path_parts",
    "escape_entity_path_part",
    "new_entity_path",
    "normalize_entity_path",
    "parent_path",
    "tuid_str",
    "tuids_from_arrow",
    "tuids_to_arrow",
]


class TuidGenerator:
    """Process-unique, increasing (time_ns, counter) ids."""

    def __init__(self) -> None:
        self._counter = itertools.count(random.getrandbits(40))
        self._last_ns = 0

    def next(self) -> tuple[int, int]:
        now = time.time_ns()
        now = max(now, self._last_ns)  # keep ids increasing if the clock steps back
        self._last_ns = now
        return now, next(self._counter)

    def next_many(self, n: int) -> tuple[np.ndarray, np.ndarray]:
        # Takes n values off the one shared counter in a single C call (deque(islice(...)) never releases
        # the GIL), so they are contiguous and no other thread's `next()` can get one of them. (Replacing the
        # counter instead raced with `next()` and handed out duplicates.)
        if n <= 0:
            return np.empty(0, np.uint64), np.empty(0, np.uint64)
        last = collections.deque(itertools.islice(self._counter, n), maxlen=1)[0]
        first = last - n + 1
        now = max(time.time_ns(), self._last_ns)
        self._last_ns = now
        return np.full(n, now, np.uint64), np.arange(first, first + n, dtype=np.uint64)


TUIDS = TuidGenerator()
_TUID_TYPE = pa.binary(16)


def tuids_to_arrow(hi: np.ndarray, lo: np.ndarray) -> pa.Array:
    both = np.empty((len(hi), 2), dtype=">u8")
    both[:, 0] = hi
    both[:, 1] = lo
    return pa.Array.from_buffers(_TUID_TYPE, len(hi), [None, pa.py_buffer(both.tobytes())])


def tuids_from_arrow(arr: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    if arr.type != _TUID_TYPE:
        raise ValueError(f"expected a FixedSizeBinary(16) TUID column, got {arr.type}")
    buf = arr.buffers()[1]
    raw = np.frombuffer(buf, dtype=">u8", count=2 * (arr.offset + len(arr)))[2 * arr.offset:].reshape(-1, 2)
    return raw[:, 0].astype(np.uint64), raw[:, 1].astype(np.uint64)


def tuid_str(hi: int, lo: int) -> str:
    return f"{int(hi):016X}{int(lo):016x}"


def tuid_from_str(text: str) -> tuple[int, int]:
    return int(text[:16], 16), int(text[16:32], 16)


# --- entity paths -------------------------------------------------------------------------------

_SAFE = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.")
_path_cache: dict[str, str] = {}


def escape_entity_path_part(part: str) -> str:
    """Escape one part so that `/`, spaces and other special characters survive (Rerun's rules)."""
    out = []
    for ch in part:
        if ch in _SAFE or ch.isalnum():  # Rerun keeps Unicode letters and digits as they are
            out.append(ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch.isprintable() and ch.isascii():
            out.append("\\" + ch)
        else:
            out.append(f"\\u{{{ord(ch):04X}}}")
    return "".join(out)


def new_entity_path(entity_path: list[str]) -> str:
    """Build a path from unescaped parts."""
    return "/" + "/".join(escape_entity_path_part(str(p)) for p in entity_path)


def entity_path_parts(path: str) -> list[str]:
    """Split on unescaped `/`. Raises ValueError for an empty part or a dangling backslash."""
    parts: list[str] = []
    current: list[str] = []
    escaped = False
    for ch in path:
        if escaped:
            current.append("\\" + ch)
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "/":
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    if escaped:  # a trailing backslash is a literal one, as Rerun reads it
        current.append("\\\\")
    parts.append("".join(current))
    # Empty parts are dropped, as Rerun's (forgiving) parser does: "a//b" is "/a/b", "//" is the root.
    return [p for p in parts if p]


def _unescape_part(part: str) -> str:
    """The text of one part: `\\u{1F980}`, `\\n`, `\\t` and `\\<char>` resolved."""
    out, i = [], 0
    while i < len(part):
        ch = part[i]
        if ch != "\\" or i + 1 >= len(part):
            out.append(ch)
            i += 1
            continue
        nxt = part[i + 1]
        if nxt == "u" and part.startswith("{", i + 2) and "}" in part[i + 3:]:
            end = part.index("}", i + 3)
            out.append(chr(int(part[i + 3:end], 16)))
            i = end + 1
            continue
        out.append({"n": "\n", "t": "\t"}.get(nxt, nxt))
        i += 2
    return "".join(out)


def _canonical_part(part: str) -> str:
    """A part as Rerun stores it: what the user escaped stays escaped, and characters Rerun escapes
    (whitespace, punctuation, non-alphanumeric Unicode) get escaped, e.g. `a b!` -> `a\\ b\\!`."""
    if all(ch in _SAFE for ch in part):
        return part
    return escape_entity_path_part(_unescape_part(part))


def normalize_entity_path(path: object) -> str:
    """`"dna/structure/left"`, `"/dna/structure/left"` and `["dna", "structure", "left"]` -> `"/dna/structure/left"`."""
    if isinstance(path, str):
        cached = _path_cache.get(path)
        if cached is not None:
            return cached
        normalized = "/" + "/".join(_canonical_part(p) for p in entity_path_parts(path))
        if len(_path_cache) < 100_000:
            _path_cache[path] = normalized
        return normalized
    if isinstance(path, (list, tuple)):
        # As Rerun: each part is str()-ed and escaped; empty parts are dropped.
        return "/" + "/".join(escape_entity_path_part(text) for text in map(str, path) if text)
    raise TypeError(f"entity path must be a str or a list of str, got {type(path).__name__}")


def parent_path(path: str) -> str | None:
    """The parent of a normalized path; None for the root."""
    if path == "/":
        return None
    parts = entity_path_parts(path)
    return "/" + "/".join(parts[:-1])


def ancestors(path: str) -> list[str]:
    """Strict ancestors of a normalized path, nearest first, ending with the root `/`."""
    out = []
    parent = parent_path(path)
    while parent is not None:
        out.append(parent)
        parent = parent_path(parent)
    return out
