"""The 2D view by pixels: images where they are drawn with hard edges, colormaps, annotation colors, draw order."""

from __future__ import annotations

import io

import numpy as np

import rerun_nb as rr
import rerun_nb.blueprint as rrb

from .conftest import bbox, color_mask

RED, GREEN, BLUE = (255, 0, 0), (0, 255, 0), (0, 0, 255)


def _red_image_with_green_corner(h=75, w=100):
    img = np.zeros((h, w, 3), np.uint8)
    img[...] = RED
    img[0, 0] = GREEN
    return img


def test_red_image_is_red_exactly_where_drawn_with_hard_edges(rec, make_layout):
    rec.set_time("frame", sequence=0)
    rec.log("image", rr.Image(_red_image_with_green_corner()))
    r = make_layout(rec.store, 200, 150)  # 2x integer zoom: the image fills the view
    img = r.render("frame", 0)
    assert [v.kind for v in r.views] == ["2D"]
    red = color_mask(img, RED, tol=0)
    green = color_mask(img, GREEN, tol=0)
    # pixel (0, 0) of the image is exactly the 2x2 block at the top-left, with no blur into its neighbours
    assert bbox(green) == (0, 1, 0, 1)
    assert red.sum() + green.sum() == 200 * 150  # every pixel is exactly red or green: no filtering
    assert img[2, 2, :3].tolist() == list(RED) and img[1, 1, :3].tolist() == list(GREEN)


def test_image_color_models_and_channel_types(rec, make_layout):
    rec.set_time("frame", sequence=0)
    bgr = np.zeros((10, 10, 3), np.uint8)
    bgr[..., 0] = 255  # blue in BGR
    rec.log("bgr", rr.Image(bgr, color_model="BGR"))
    r = make_layout(rec.store, 100, 100, blueprint=rrb.Spatial2DView(origin="/bgr"))
    assert color_mask(r.render("frame", 0), BLUE, tol=0).sum() == 100 * 100
    rec2 = rr.RecordingStream("f")
    rec2.set_time("frame", sequence=0)
    rec2.log("gray", rr.Image(np.full((10, 10), 0.5, np.float32)))  # float images are 0..1
    img = make_layout(rec2.store, 100, 100).render("frame", 0)
    assert abs(int(img[50, 50, 0]) - 128) <= 1 and img[50, 50, 0] == img[50, 50, 1] == img[50, 50, 2]


def test_nv12_image_decodes_to_its_color(rec, make_layout):
    from rerun_nb.views._images import _yuv_to_rgba

    w, h = 4, 2
    y = np.full(w * h, 81, np.uint8)  # BT.601 limited-range red: Y=81, U=90, V=240
    uv = np.tile(np.array([90, 240], np.uint8), (w // 2) * (h // 2))
    rgba = _yuv_to_rgba(np.concatenate([y, uv]), 26, w, h)
    assert np.all(np.abs(rgba[..., :3].astype(int) - RED) <= 3)


def test_depth_image_follows_its_colormap(rec, make_layout):
    from rerun_nb.views._images import COLORMAPS, VIRIDIS, apply_colormap

    depth = np.tile(np.linspace(0.0, 2.0, 20, dtype=np.float32), (10, 1))
    depth[:, 0] = 0.1
    rec.set_time("frame", sequence=0)
    rec.log("depth", rr.DepthImage(depth, colormap="viridis", depth_range=[0.0, 2.0]))
    img = make_layout(rec.store, 200, 100).render("frame", 0)
    apply_colormap(np.zeros((1, 1)), 0, 1, VIRIDIS)
    lut = COLORMAPS[VIRIDIS]
    # the right-most column (depth 2.0 = the top of the range) has the colormap's last color, the left its low end
    assert np.abs(img[50, 195, :3].astype(int) - lut[255]).max() <= 2
    assert np.abs(img[50, 5, :3].astype(int) - lut[round(0.1 / 2.0 * 255)]).max() <= 2


def test_segmentation_class_gets_its_annotation_color(rec, make_layout):
    rec.log("/", rr.AnnotationContext([(1, "road", (0, 0, 255)), (2, "car", (255, 255, 0))]), static=True)
    seg = np.zeros((10, 20), np.uint8)
    seg[:, 10:] = 2
    rec.set_time("frame", sequence=0)
    rec.log("seg", rr.SegmentationImage(seg, opacity=1.0))
    img = make_layout(rec.store, 200, 100, blueprint=rrb.Spatial2DView(origin="/seg")).render("frame", 0)
    assert color_mask(img[:, 100:], (255, 255, 0), tol=0).all()  # class 2: its annotation color
    assert not color_mask(img[:, :100], (255, 255, 0), tol=40).any()  # class 0: transparent (background)


def test_encoded_png_is_decoded(rec, make_layout):
    from PIL import Image as PILImage

    buf = io.BytesIO()
    PILImage.fromarray(_red_image_with_green_corner(15, 20)).save(buf, format="PNG")
    rec.set_time("frame", sequence=0)
    rec.log("png", rr.EncodedImage(contents=buf.getvalue(), media_type="image/png"))
    img = make_layout(rec.store, 200, 150).render("frame", 0)
    assert bbox(color_mask(img, GREEN, tol=0)) == (0, 9, 0, 9)  # 10x zoom, hard edges


def test_points_draw_over_the_image_by_draw_order(rec, make_layout):
    rec.set_time("frame", sequence=0)
    rec.log("image", rr.Image(np.full((10, 10, 3), 255, np.uint8)))
    rec.log("image/pts", rr.Points2D([[5, 5]], colors=[BLUE], radii=1.0))
    img = make_layout(rec.store, 100, 100).render("frame", 0)
    box = bbox(color_mask(img, BLUE, tol=30))
    assert box is not None
    cy, cx = (box[0] + box[1]) / 2, (box[2] + box[3]) / 2
    assert abs(cy - 50) <= 2 and abs(cx - 50) <= 2  # image pixel (5, 5) is the view's centre at 10x
    assert 15 <= box[1] - box[0] + 1 <= 25  # radius 1 image pixel = a 20 px wide disc


def test_visual_bounds_2d_is_honoured(rec, make_layout):
    rec.set_time("frame", sequence=0)
    rec.log("image", rr.Image(_red_image_with_green_corner(10, 10)))
    bp = rrb.Spatial2DView(origin="/", visual_bounds=rrb.VisualBounds2D(x_range=[0, 5], y_range=[0, 5]))
    img = make_layout(rec.store, 100, 100, blueprint=bp).render("frame", 0)
    assert bbox(color_mask(img, GREEN, tol=0)) == (0, 19, 0, 19)  # 5 pixels across 100: 20x


def test_boxes2d_outline(rec, make_layout):
    rec.set_time("frame", sequence=0)
    rec.log("image", rr.Image(np.zeros((20, 20, 3), np.uint8)))
    rec.log("image/box", rr.Boxes2D(mins=[[5, 5]], sizes=[[10, 10]], colors=[GREEN]))
    img = make_layout(rec.store, 200, 200).render("frame", 0)
    box = bbox(color_mask(img, GREEN, tol=60))
    assert box is not None and all(abs(a - b) <= 2 for a, b in zip(box, (50, 150, 50, 150)))
    assert not color_mask(img[70:130, 70:130], GREEN, tol=60).any()  # an outline, not filled
