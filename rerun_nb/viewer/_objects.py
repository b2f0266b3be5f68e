"""Retained pygfx objects: build once, then update buffers in place while shapes stay the same."""

from __future__ import annotations

import numpy as np
import pygfx as gfx
import wgpu
from pygfx.renderers.wgpu import register_wgpu_render_function
from pygfx.renderers.wgpu.shaders.lineshader import ThinLineShader

__all__ = ["LABEL_LIMIT", "lines", "mesh", "points", "set_labels"]

# Labels are pygfx Text objects (one per label): past this many, an entity shows none (as Rerun hides
# labels of big batches by default).
LABEL_LIMIT = 64


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
PIXEL_POINTS_THRESHOLD = {"value": 250_000}


def points(prev, positions, colors, sizes, *, size_space: str):
    """A ``gfx.Points`` with per-vertex colors and sizes (diameters); pixel dots for huge clouds."""
    pixel = len(positions) >= PIXEL_POINTS_THRESHOLD["value"]
    key = ("points", "pixel" if pixel else size_space)
    arrays = {"positions": positions, "colors": colors} if pixel else {"positions": positions, "colors": colors,
                                                                           "sizes": sizes}
    if _geometry_matches(prev, gfx.Points, key, **arrays):
        _update_in_place(prev, **arrays)
        return prev
    if pixel:
        material = PixelPointsMaterial(color_mode="vertex")
    else:
        material = gfx.PointsMaterial(size_space=size_space, size_mode="vertex", color_mode="vertex", aa=True)
    obj = gfx.Points(gfx.Geometry(**arrays), material)
    obj._rnb_material_key = key
    return obj


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
    """Replace the text labels attached to ``obj`` (one per label, at its anchor)."""
    old = getattr(obj, "_rnb_labels", None)
    new_key = None if labels is None or anchors is None else (tuple(labels), anchors.tobytes())
    if old is not None and old[0] == new_key:
        return
    if old is not None:
        for text in old[1]:
            obj.remove(text)
    texts = []
    if new_key is not None and len(labels) <= LABEL_LIMIT:
        for label, anchor in zip(labels, anchors):
            text = gfx.Text(text=label, font_size=13, screen_space=True, anchor="bottom-left",
                            material=gfx.TextMaterial(color=color))
            text.local.position = anchor
            obj.add(text)
            texts.append(text)
    obj._rnb_labels = (new_key, texts)
