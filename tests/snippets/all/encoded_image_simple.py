"""Log a PNG and a JPEG as EncodedImage, from bytes and from a file."""

import io
import os

import numpy as np
import rerun as rr
from PIL import Image

rr.init("rerun_example_encoded_image", spawn=True)

img = np.zeros((16, 24, 3), np.uint8)
img[:, :12] = (255, 0, 0)
buf = io.BytesIO()
Image.fromarray(img).save(buf, format="PNG")
rr.log("png", rr.EncodedImage(contents=buf.getvalue(), media_type="image/png", opacity=0.5, draw_order=3))

Image.fromarray(img).save("image.jpg", format="JPEG")
rr.log("jpeg_from_path", rr.EncodedImage(path="image.jpg"))
os.remove("image.jpg")
