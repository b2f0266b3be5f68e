"""The rest of `rerun.chunk`: `IndexColumn`, the reader protocols, and the names rerun_nb does not
implement yet (lenses, selectors, MCAP reading, optimization profiles), which say so when used."""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable


class IndexColumn:
    """A column to use as a timeline index, and how to read it (`IndexColumn.timestamp("t", input_unit="s")`)."""

    def __init__(self, path: str, kind: str, input_unit: str | None = None) -> None:
        if kind not in ("timestamp", "duration", "sequence"):
            raise ValueError(f"IndexColumn kind must be 'timestamp', 'duration' or 'sequence', got {kind!r}")
        self.path = path
        self.kind = kind
        self.input_unit = input_unit

    @staticmethod
    def timestamp(path: str, *, input_unit: str = "ns") -> IndexColumn:
        return IndexColumn(path, "timestamp", input_unit)

    @staticmethod
    def duration(path: str, *, input_unit: str = "ns") -> IndexColumn:
        return IndexColumn(path, "duration", input_unit)

    @staticmethod
    def sequence(path: str) -> IndexColumn:
        return IndexColumn(path, "sequence")

    def __repr__(self) -> str:
        return f"IndexColumn({self.path!r}, {self.kind!r}, input_unit={self.input_unit!r})"


@runtime_checkable
class StreamingReader(Protocol):
    """Readers that produce a sequential stream of chunks."""

    def stream(self) -> Any:
        ...


@runtime_checkable
class IndexedReader(StreamingReader, Protocol):
    """Readers backed by an index/manifest: also `store()`."""

    def store(self) -> Any:
        ...


def _not_yet(name: str, what: str) -> type:
    class _NotYet:
        __doc__ = f"`rr.chunk.{name}`: {what} (not implemented in rerun_nb yet)."

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            raise NotImplementedError(f"rr.chunk.{name}: {what} is not implemented in rerun_nb yet")

    _NotYet.__name__ = _NotYet.__qualname__ = name
    _NotYet.__module__ = "rerun_nb.chunk"
    return _NotYet


Lens = _not_yet("Lens", "chunk lenses (component transformations)")
DeriveLens = _not_yet("DeriveLens", "chunk lenses (component transformations)")
MutateLens = _not_yet("MutateLens", "chunk lenses (component transformations)")
Selector = _not_yet("Selector", "component selectors")
OptimizationProfile = _not_yet("OptimizationProfile", "chunk compaction profiles")
McapReader = _not_yet("McapReader", "reading MCAP files")
McapInfo = _not_yet("McapInfo", "reading MCAP files")
McapChannelInfo = _not_yet("McapChannelInfo", "reading MCAP files")
McapChunkInfo = _not_yet("McapChunkInfo", "reading MCAP files")
McapCompressionInfo = _not_yet("McapCompressionInfo", "reading MCAP files")
McapSchemaInfo = _not_yet("McapSchemaInfo", "reading MCAP files")
