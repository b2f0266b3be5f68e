"""RRD files in and out, compatible with Rerun 0.41 (see /work/shared/specs/rrd-format.md).

The codec (`read_rrd`, `decode_rrd`, `write_rrd`, `RrdWriter`) knows nothing of the store: it moves
Rerun-layout chunks (`pa.RecordBatch`) in and out of the byte format. `FileSink` (what ``rr.save``
installs), `save_recording` and `to_parquet` work on a recording / store.
"""

from ._errors import RrdError as RrdError
from ._errors import RrdWarning as RrdWarning
from ._messages import StoreId as StoreId
from ._parquet import to_parquet as to_parquet
from ._reader import RrdReadResult as RrdReadResult
from ._reader import RrdStore as RrdStore
from ._reader import decode_rrd as decode_rrd
from ._reader import read_rrd as read_rrd
from ._sink import FileSink as FileSink
from ._sink import save_recording as save_recording
from ._sink import send_blueprint as send_blueprint
from ._writer import RrdWriter as RrdWriter
from ._writer import write_rrd as write_rrd

__all__ = [
    "FileSink",
    "RrdError",
    "RrdReadResult",
    "RrdStore",
    "RrdWarning",
    "RrdWriter",
    "StoreId",
    "decode_rrd",
    "read_rrd",
    "save_recording",
    "send_blueprint",
    "to_parquet",
    "write_rrd",
]
