"""Rerun's entity path filter: which entities a view shows (its ``contents`` query expressions).

Each line is ``+ path`` (include; ``+`` may be left out) or ``- path`` (exclude). A path ending in
``/**`` matches the path and its whole subtree; ``$origin`` is replaced by the view's origin. When
several rules match a path, the most specific one wins (an exact rule beats a subtree rule, a
longer path beats a shorter one); between equally specific rules the later one wins (as Rerun's
``EntityPathFilter``).
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["EntityPathFilter"]


def _norm(path: str) -> str:
    path = "/" + path.strip().strip("/")
    return path


class EntityPathFilter:
    """Parsed ``contents`` expressions of a view, with ``$origin`` substituted.

    Parameters
    ----------
    expressions
        One string (lines separated by newlines) or an iterable of lines.
    origin
        The view's origin (what ``$origin`` stands for).
    """

    def __init__(self, expressions: str | Iterable[str] = "$origin/**", origin: str = "/"):
        lines = expressions.splitlines() if isinstance(expressions, str) else \
            [line for expr in expressions for line in str(expr).splitlines()]
        origin = _norm(origin)
        self.rules: list[tuple[str, bool, bool]] = []  # (path, subtree, include)
        for raw in lines:
            line = raw.strip()
            if not line:
                continue
            include = True
            if line[0] in "+-":
                include = line[0] == "+"
                line = line[1:].strip()
            line = line.replace("$origin", origin)
            subtree = line.endswith("/**") or line == "**"
            if subtree:
                line = line[:-2]
            self.rules.append((_norm(line), subtree, include))

    def matches(self, entity_path: str) -> bool:
        """True when the view shows ``entity_path``."""
        path = _norm(entity_path)
        best_key, best = None, False
        for order, (rule_path, subtree, include) in enumerate(self.rules):
            if subtree:
                ok = rule_path == "/" or path == rule_path or path.startswith(rule_path + "/")
            else:
                ok = path == rule_path
            if not ok:
                continue
            depth = 0 if rule_path == "/" else rule_path.count("/")
            key = (depth, 0 if subtree else 1, order)
            if best_key is None or key > best_key:
                best_key, best = key, include
        return best

    def __repr__(self) -> str:
        lines = [f"{'+' if inc else '-'} {p.rstrip('/') if sub else p}{'/**' if sub else ''}"
                 for p, sub, inc in self.rules]
        return f"EntityPathFilter({lines!r})"
