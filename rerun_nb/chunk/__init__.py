"""`rerun.chunk` of rerun-sdk 0.41: chunks, in-memory and file-backed chunk stores, chunk streams.

`Chunk` wraps one store chunk (an Arrow record batch in Rerun's layout); `RrdReader(path).stream()` /
`.store()` read .rrd files; `ChunkStore.reader(...)` runs the dataframe query over files and live data;
`rr.send_chunks` logs chunks back into a recording.
"""

from ._chunk import Chunk as Chunk
from ._misc import DeriveLens as DeriveLens
from ._misc import IndexColumn as IndexColumn
from ._misc import IndexedReader as IndexedReader
from ._misc import Lens as Lens
from ._misc import McapChannelInfo as McapChannelInfo
from ._misc import McapChunkInfo as McapChunkInfo
from ._misc import McapCompressionInfo as McapCompressionInfo
from ._misc import McapInfo as McapInfo
from ._misc import McapReader as McapReader
from ._misc import McapSchemaInfo as McapSchemaInfo
from ._misc import MutateLens as MutateLens
from ._misc import OptimizationProfile as OptimizationProfile
from ._misc import Selector as Selector
from ._misc import StreamingReader as StreamingReader
from ._stores import ChunkStore as ChunkStore
from ._stores import LazyStore as LazyStore
from ._stores import RrdReader as RrdReader
from ._stores import StoreEntry as StoreEntry
from ._stream import LazyChunkStream as LazyChunkStream

__all__ = [
    "Chunk", "ChunkStore", "DeriveLens", "IndexColumn", "IndexedReader", "LazyChunkStream", "LazyStore", "Lens",
    "McapChannelInfo", "McapChunkInfo", "McapCompressionInfo", "McapInfo", "McapReader", "McapSchemaInfo",
    "MutateLens", "OptimizationProfile", "RrdReader", "Selector", "StoreEntry", "StreamingReader",
]
