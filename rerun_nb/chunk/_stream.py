"""`LazyChunkStream`: a one-shot pipeline over chunks (filter, drop, split, map, flat_map, merge)."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from ..store import normalize_entity_path
from ._chunk import Chunk


def _content_rules(content: Any) -> list[tuple[bool, str, bool]]:
    """[(include, path, recursive)] from "/a/**", "+/a -/a/b", or a list of such expressions."""
    exprs = content.split() if isinstance(content, str) else list(content)
    rules = []
    for expr in exprs:
        include = not expr.startswith("-")
        expr = expr.lstrip("+-").strip()
        recursive = expr.endswith("/**") or expr == "**"
        base = expr[:-3] if expr.endswith("/**") else ("/" if expr == "**" else expr)
        rules.append((include, normalize_entity_path(base or "/"), recursive))
    return rules


def _path_matches(path: str, rules: list[tuple[bool, str, bool]]) -> bool:
    """The last matching rule decides (Rerun's entity path filter); no match: excluded."""
    decision = False
    for include, base, recursive in rules:
        under = path == base or (recursive and (base == "/" or path.startswith(base + "/")))
        if under:
            decision = include
    return decision


def chunk_predicate(content: Any = None, has_timeline: str | None = None, is_static: bool | None = None,
                    components: Any = None) -> Callable[[Chunk], bool]:
    """A test on chunks; every given condition must hold (components: the chunk has any of them)."""
    rules = None if content is None else _content_rules(content)
    wanted = None
    if components is not None:
        items = [components] if isinstance(components, str) or hasattr(components, "component") else components
        wanted = {getattr(c, "component", c) for c in items}

    def test(chunk: Chunk) -> bool:
        inner = chunk._chunk
        if rules is not None and not _path_matches(chunk.entity_path, rules):
            return False
        if has_timeline is not None and has_timeline not in inner.timelines:
            return False
        if is_static is not None and chunk.is_static != is_static:
            return False
        return not (wanted is not None and not wanted & set(inner.columns))

    return test


class LazyChunkStream:
    """A lazy stream of chunks. Builder methods consume this stream and return new ones; `to_chunks`,
    `collect` and `write_rrd` run it. A stream runs once."""

    def __init__(self, internal: Iterable[Chunk]) -> None:
        self._source: Iterator[Chunk] | None = iter(internal)

    def _take(self) -> Iterator[Chunk]:
        if self._source is None:
            raise RuntimeError("this LazyChunkStream was already consumed (a stream runs once)")
        source, self._source = self._source, None
        return source

    @staticmethod
    def from_iter(chunks: Iterable[Chunk]) -> LazyChunkStream:
        """A stream over any iterable of chunks."""
        return LazyChunkStream(chunks)

    @staticmethod
    def merge(*streams: LazyChunkStream) -> LazyChunkStream:
        """One stream with the chunks of all `streams`, in order."""
        return LazyChunkStream(itertools.chain.from_iterable(s._take() for s in streams))

    def filter(self, *, content: Any = None, has_timeline: str | None = None, is_static: bool | None = None,
               components: Any = None) -> LazyChunkStream:
        """Keep the chunks that match every given condition."""
        test = chunk_predicate(content, has_timeline, is_static, components)
        return LazyChunkStream(c for c in self._take() if test(c))

    def drop(self, *, content: Any = None, has_timeline: str | None = None, is_static: bool | None = None,
             components: Any = None) -> LazyChunkStream:
        """Drop the chunks that match every given condition."""
        test = chunk_predicate(content, has_timeline, is_static, components)
        return LazyChunkStream(c for c in self._take() if not test(c))

    def split(self, *, content: Any = None, has_timeline: str | None = None, is_static: bool | None = None,
              components: Any = None) -> tuple[LazyChunkStream, LazyChunkStream]:
        """(matching, not matching)."""
        test = chunk_predicate(content, has_timeline, is_static, components)
        chunks = list(self._take())
        return (LazyChunkStream([c for c in chunks if test(c)]), LazyChunkStream([c for c in chunks if not test(c)]))

    def map(self, fn: Callable[[Chunk], Chunk]) -> LazyChunkStream:
        return LazyChunkStream(fn(c) for c in self._take())

    def flat_map(self, fn: Callable[[Chunk], Iterable[Chunk]]) -> LazyChunkStream:
        return LazyChunkStream(itertools.chain.from_iterable(fn(c) for c in self._take()))

    def lenses(self, lenses: Sequence[Any] | Any, *, output_mode: str = "drop_unmatched",
               content: Any = None) -> LazyChunkStream:
        raise NotImplementedError("LazyChunkStream.lenses: lenses are not implemented in rerun_nb yet")

    def to_chunks(self) -> list[Chunk]:
        return list(self._take())

    def collect(self, *, optimize: Any = None) -> Any:
        """Run the stream into an in-memory `ChunkStore` (`optimize` is accepted; chunks are kept as they are)."""
        from ._stores import ChunkStore

        return ChunkStore.from_chunks(self.to_chunks())

    def write_rrd(self, path: Any, *, application_id: str, recording_id: str) -> None:
        """Run the stream into an .rrd file as one recording."""
        from ._stores import write_chunks_rrd

        write_chunks_rrd(path, self._take(), application_id, recording_id)

    def __iter__(self) -> Iterator[Chunk]:
        return self._take()
