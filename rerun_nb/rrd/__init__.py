"""RRD files in and out, compatible with Rerun 0.41 (see /work/shared/specs/rrd-format.md).

The codec (`read_rrd`, `decode_rrd`, `write_rrd`, `RrdWriter`) knows nothing of the store: it moves
Rerun-layout chunks (`pa.RecordBatch`) in and out of the byte format.
"""

from ._errors import RrdError as RrdError
from ._errors import RrdWarning as RrdWarning
from ._messages import StoreId as StoreId
from ._reader import RrdReadResult as RrdReadResult
from ._reader import RrdStore as RrdStore
from ._reader import decode_rrd as decode_rrd
from ._reader import read_rrd as read_rrd

__all__ = ["RrdError", "RrdWarning", "StoreId", "RrdReadResult", "RrdStore", "decode_rrd", "read_rrd"]
