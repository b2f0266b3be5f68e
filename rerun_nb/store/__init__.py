"""The columnar store (numpy + pyarrow only; it never imports the SDK front-end or the viewer)."""

from ._budget import MemoryBudget as MemoryBudget
from ._chunk import Chunk as Chunk
from ._chunk_store import ChunkStore as ChunkStore
from ._ids import ancestors as ancestors
from ._ids import entity_path_parts as entity_path_parts
from ._ids import escape_entity_path_part as escape_entity_path_part
from ._ids import new_entity_path as new_entity_path
from ._ids import normalize_entity_path as normalize_entity_path
from ._ids import parent_path as parent_path
from ._results import LatestAtResult as LatestAtResult
from ._results import StoreEvent as StoreEvent
from ._results import TimelineInfo as TimelineInfo

__all__ = [
    "Chunk", "ChunkStore", "LatestAtResult", "MemoryBudget", "StoreEvent", "TimelineInfo", "ancestors", "entity_path_parts",
    "escape_entity_path_part", "new_entity_path", "normalize_entity_path", "parent_path",
]
