"""Images from PIL, segmentation u16, depth float32, and image format components."""

import numpy as np
import rerun as rr
from PIL import Image as PILImage

rr.init("rerun_example_images_more", spawn=True)

pil = PILImage.fromarray(np.full((6, 8, 3), 77, np.uint8))
rr.log("pil", rr.Image(pil))
rr.log("seg16", rr.SegmentationImage(np.arange(12, dtype=np.uint16).reshape(3, 4), opacity=0.7))
rr.log("depth_f32", rr.DepthImage(np.linspace(0, 5, 12, dtype=np.float32).reshape(3, 4), meter=1.0))
rr.log("gray_f", rr.Image(np.linspace(0, 1, 12).reshape(3, 4), color_model="L"))
rr.log("bytes", rr.Image(bytes=bytes(range(24)), width=4, height=2, color_model="RGB", datatype="u8"))
rr.log("nv12", rr.Image(bytes=bytes(6 * 4), width=4, height=4, pixel_format=rr.PixelFormat.NV12))
