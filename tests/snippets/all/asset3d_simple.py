"""Log a simple 3D asset (an OBJ written next to the script)."""

from pathlib import Path

import rerun as rr

Path("tetra.obj").write_text("v 0 0 0\nv 1 0 0\nv 0 1 0\nv 0 0 1\nf 1 2 3\nf 1 2 4\nf 1 3 4\nf 2 3 4\n")

rr.init("rerun_example_asset3d", spawn=True)

rr.log("world", rr.ViewCoordinates.RIGHT_HAND_Z_UP, static=True)  # Set an up-axis
rr.log("world/asset", rr.Asset3D(path="tetra.obj"))
rr.log("world/asset2", rr.Asset3D(contents=Path("tetra.obj").read_bytes(), media_type=rr.MediaType.OBJ, albedo_factor=[255, 0, 0]))
rr.log("world/asset3", rr.Asset3D(contents=b"glTF fake", media_type="model/gltf-binary"))
