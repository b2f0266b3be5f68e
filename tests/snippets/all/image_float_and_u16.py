"""Images in other channel types, with opacity and draw order."""

import numpy as np
import rerun as rr

rr.init("rerun_example_image_dtypes", spawn=True)

gray16 = (np.arange(64 * 48, dtype=np.uint16) * 20).reshape(48, 64)
rr.log("u16", rr.Image(gray16))
rr.log("f32", rr.Image(np.linspace(0, 1, 48 * 64, dtype=np.float32).reshape(48, 64), opacity=0.5, draw_order=2.0))
rr.log("rgba", rr.Image(np.full((4, 4, 4), 200, np.uint8), color_model=rr.ColorModel.RGBA))
rr.log("rgb", rr.Image(np.zeros((10, 20, 3), np.uint8)))
