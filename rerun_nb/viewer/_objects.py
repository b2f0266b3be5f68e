"""Retained pygfx objects: build once, then update buffers in place while shapes stay the same."""

from __future__ import annotations

import numpy as np
import pygfx as gfx
import wgpu
from pygfx.renderers.wgpu import register_wgpu_render_function
from pygfx.renderers.wgpu.shaders.lineshader import ThinLineShader

__all__ = ["LABEL_LIMIT", "lines", "mesh", "points", "set_labels"]

# Labels are the text blocks of one pygfx MultiText per entity (one draw call for all of them); past this
# many an entity shows none (glyph layout is per label, on the CPU).
LABEL_LIMIT = 5000


def _geometry_matches(obj, kind: type, material_key: tuple, **arrays: np.ndarray) -> bool:
    if not isinstance(obj, kind) or getattr(obj, "_rnb_material_key", None) != material_key:
        return False
    geo = obj.geometry
    for name, arr in arrays.items():
        buf = getattr(geo, name, None)
        if arr is None:
            if buf is not None:
                return False
            continue
        if buf is None or buf.data.shape != arr.shape or buf.data.dtype != arr.dtype:
            return False
        if not buf.data.flags.writeable:  # a buffer over read-only (Arrow-backed) data: rebuild, don't write
            return False
    return True


def _update_in_place(obj, **arrays: np.ndarray) -> None:
    for name, arr in arrays.items():
        if arr is None:
            continue
        buf = getattr(obj.geometry, name)
        if not np.array_equal(buf.data, arr):
            buf.data[...] = arr
            buf.update_full()


class PixelPointsMaterial(gfx.LineThinMaterial):
    """Points drawn as single pixels (point-list primitives: one vertex per point, not six)."""


@register_wgpu_render_function(gfx.Points, PixelPointsMaterial)
class _PixelPointsShader(ThinLineShader):
    def get_pipeline_info(self, wobject, shared):
        return {"primitive_topology": wgpu.PrimitiveTopology.point_list, "cull_mode": wgpu.CullMode.none}


# Level of detail for huge clouds: past this many points an entity's points are drawn as 1-pixel dots.
# pygfx draws a point as two triangles (6 vertices), and lavapipe's vertex stage is the bottleneck
# (about 1 us per point on 2 cores): a point list is several times faster. SceneRenderer raises the
# threshold on real GPUs.
PIXEL_POINTS_THRESHOLD = {"value": 100_000}


def points(prev, positions, colors, sizes, *, size_space: str):
    """A ``gfx.Points`` with per-vertex colors and sizes (diameters); pixel dots for huge clouds."""
    if len(positions) >= PIXEL_POINTS_THRESHOLD["value"]:
        return _pixel_points(prev, positions, colors)
    key = ("points", size_space)
    arrays = {"positions": positions, "colors": colors, "sizes": sizes}
    if _geometry_matches(prev, gfx.Points, key, **arrays):
        _update_in_place(prev, **arrays)
        return prev
    material = gfx.PointsMaterial(size_space=size_space, size_mode="vertex", color_mode="vertex", aa=True)
    obj = gfx.Points(gfx.Geometry(**arrays), material)
    obj._rnb_material_key = key
    return obj


def _pixel_points(prev, positions, colors):
    """Pixel dots; the buffers hold only the points that win their pixel (see ``cull_pixel_points``)."""
    key = ("points", "pixel")
    if not _geometry_matches(prev, gfx.Points, key, positions=positions, colors=colors):
        prev = gfx.Points(gfx.Geometry(positions=positions.copy(), colors=colors.copy()),
                          PixelPointsMaterial(color_mode="vertex"))
        prev._rnb_material_key = key
    prev._rnb_full = (positions, colors)  # all points; the GPU buffers get the visible subset
    prev._rnb_columns = np.ascontiguousarray(positions.T)  # x, y, z rows: fast per-frame projection
    prev._rnb_cull_key = None
    return prev


def cull_pixel_points(obj, camera_matrix: np.ndarray, width: int, height: int) -> None:
    """Keep in ``obj``'s buffers only the nearest point of each pixel (what the depth test would show).

    A 1-pixel point either wins its pixel or is hidden, so this leaves the image unchanged while the
    GPU (lavapipe: about 0.3 us per vertex) draws at most one point per pixel instead of millions.
    """
    positions, colors = obj._rnb_full
    mvp = (camera_matrix @ obj.world.matrix).astype(np.float32)
    key = (mvp.tobytes(), width, height, id(positions))
    if obj._rnb_cull_key == key:
        return
    obj._rnb_cull_key = key
    cx, cy, cz = obj._rnb_columns  # (numpy's matmul is slow for (n, 3) @ (3, 4): do it by rows)
    w = mvp[3, 0] * cx + mvp[3, 1] * cy + mvp[3, 2] * cz + mvp[3, 3]
    with np.errstate(divide="ignore", invalid="ignore"):
        inv_w = 1.0 / w
        x = (mvp[0, 0] * cx + mvp[0, 1] * cy + mvp[0, 2] * cz + mvp[0, 3]) * inv_w
        y = (mvp[1, 0] * cx + mvp[1, 1] * cy + mvp[1, 2] * cz + mvp[1, 3]) * inv_w
        z = (mvp[2, 0] * cx + mvp[2, 1] * cy + mvp[2, 2] * cz + mvp[2, 3]) * inv_w
    inside = np.flatnonzero((w > 0) & (np.abs(x) < 1) & (np.abs(y) < 1) & (z >= 0) & (z <= 1))
    px = ((x[inside] + 1) * (0.5 * width)).astype(np.int32)
    py = ((1 - y[inside]) * (0.5 * height)).astype(np.int32)
    pix = np.minimum(py, height - 1) * width + np.minimum(px, width - 1)
    depth = z[inside]
    zbuf = np.full(width * height, np.inf, np.float32)
    np.minimum.at(zbuf, pix, depth)
    keep = inside[depth == zbuf[pix]]
    k = len(keep)
    geo = obj.geometry
    geo.positions.data[:k] = positions[keep]
    geo.colors.data[:k] = colors[keep]
    if k:
        geo.positions.update_range(0, k)
        geo.colors.update_range(0, k)
    geo.positions.draw_range = (0, k)


def lines(prev, positions, colors, *, thickness: float, thickness_space: str, segments: bool = False,
          arrows: bool = False):
    """A ``gfx.Line`` (strips separated by NaN rows, or segment pairs) with per-vertex colors."""
    kind = "arrows" if arrows else ("segments" if segments else "strips")
    key = (kind, thickness_space, float(thickness))
    arrays = {"positions": positions, "colors": colors}
    if _geometry_matches(prev, gfx.Line, key, **arrays):
        _update_in_place(prev, **arrays)
        return prev
    material_cls = gfx.LineArrowMaterial if arrows else (gfx.LineSegmentMaterial if segments else gfx.LineMaterial)
    obj = gfx.Line(
        gfx.Geometry(**arrays),
        material_cls(thickness=thickness, thickness_space=thickness_space, color_mode="vertex"),
    )
    obj._rnb_material_key = key
    return obj


def mesh(prev, positions, indices, colors, normals=None):
    """A lit ``gfx.Mesh`` with per-vertex colors; flat shading when no normals are given."""
    flat = normals is None
    key = ("mesh", flat)
    arrays = {"positions": positions, "indices": indices, "colors": colors, "normals": normals}
    if _geometry_matches(prev, gfx.Mesh, key, **arrays):
        _update_in_place(prev, **arrays)
        return prev
    geo_arrays = {k: v for k, v in arrays.items() if v is not None}
    obj = gfx.Mesh(
        gfx.Geometry(**geo_arrays),
        gfx.MeshPhongMaterial(color_mode="vertex", flat_shading=flat, side="both"),
    )
    obj._rnb_material_key = key
    return obj


def set_labels(obj, labels: list[str] | None, anchors: np.ndarray | None, color=(1, 1, 1, 1)) -> None:
    """Replace the text labels attached to ``obj``: one text block per label, at its anchor, in one MultiText."""
    old = getattr(obj, "_rnb_labels", None)
    new_key = None if labels is None or anchors is None else (tuple(labels), anchors.tobytes())
    if old is not None and old[0] == new_key:
        return
    if old is not None:
        for text in old[1]:
            obj.remove(text)
    texts = []
    if new_key is not None and 0 < len(labels) <= LABEL_LIMIT:
        multi = gfx.MultiText(font_size=13, screen_space=True, anchor="bottom-left",
                              material=gfx.TextMaterial(color=color))
        for block, label, anchor in zip(multi.create_text_blocks(len(labels)), labels, anchors):
            block.set_text(label)
            block.set_position(*(float(v) for v in anchor[:3]))
        obj.add(multi)
        texts.append(multi)
    obj._rnb_labels = (new_key, texts)
