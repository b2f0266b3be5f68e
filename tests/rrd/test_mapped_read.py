"""Files are read through a memory map; what was loaded must survive the file being overwritten."""

import numpy as np

import rerun_nb
from rerun_nb.rrd import StoreId, read_rrd
from rerun_nb.rrd._writer import write_rrd


def test_loaded_data_survives_saving_over_the_file(tmp_path):
    path = tmp_path / "x.rrd"
    for compression in (True, False):
        rec = rerun_nb.RecordingStream("mapped", send_properties=False)
        rec.set_time("frame", sequence=1)
        rec.log("p", rerun_nb.Points3D(np.arange(30_000, dtype=np.float32).reshape(-1, 3)))
        write_rrd(path, [(StoreId(1, "mapped", "r"), rec.store.chunks())], compression=compression)
        stores = read_rrd(path, strict=True)
        path.write_bytes(b"")  # truncate the file under the mapped chunks
        column = stores[0].chunks[0].column("Points3D:positions")
        assert column.flatten().flatten().to_numpy()[-1] == 29_999
