"""The tensor view: a 2-D slice of an N-d tensor through a colormap.

Default slice (when the blueprint gives no ``slice_selection``): the two largest dimensions, height
first in dimension order; every other dimension at index 0. Default colormap Viridis over the
tensor's ``value_range`` (else the whole tensor's finite min..max, so slices compare), as Rerun's ``TensorScalarMapping`` defaults.
"""

from __future__ import annotations

import numpy as np
import pygfx as gfx

from ..query import batch, float_values, tensor_from_arrow
from ._base import BACKGROUND_RGB, View
from ._images import VIRIDIS, apply_colormap
from ._props import prop_value
from ._vis2d import image_object

__all__ = ["TensorView", "tensor_slice"]

_COLORMAP_NAMES = {"grayscale": 1, "inferno": 2, "magma": 3, "plasma": 4, "turbo": 5, "viridis": 6, "cyantoyellow": 7}


def _dim(sel, default: int) -> int:
    if sel is None:
        return default
    return int(getattr(sel, "dimension", sel))


def tensor_slice(arr: np.ndarray, width_dim: int | None = None, height_dim: int | None = None,
                 indices: dict[int, int] | None = None) -> np.ndarray:
    """The (height, width) slice of ``arr`` (1-D tensors become one row)."""
    if arr.ndim == 1:
        return arr[None, :]
    order = sorted(range(arr.ndim), key=lambda d: (-arr.shape[d], d))
    h_default, w_default = sorted(order[:2])
    h = _dim(height_dim, h_default)
    w = _dim(width_dim, w_default)
    index = []
    for d in range(arr.ndim):
        index.append(slice(None) if d in (h, w) else min(max((indices or {}).get(d, 0), 0), arr.shape[d] - 1))
    plane = arr[tuple(index)]
    return plane if h < w else plane.T


class TensorView(View):
    """Rerun's ``TensorView`` for the ``Tensor`` at its origin."""

    kind = "Tensor"
    applied_properties = frozenset({"slice_selection", "scalar_mapping"})

    def __init__(self, store, **kwargs):
        super().__init__(store, **kwargs)
        self.scene = gfx.Scene()
        self.scene.add(gfx.Background.from_color(BACKGROUND_RGB))
        flip = gfx.Group()
        flip.local.scale = (1, -1, 1)
        self.root = gfx.Group()
        flip.add(self.root)
        self.scene.add(flip)
        self.camera = gfx.OrthographicCamera(maintain_aspect=True)
        self._image = None
        self.slice: np.ndarray | None = None

    def _settings(self):
        sel = self.properties.get("slice_selection")
        indices = prop_value(sel, "indices")
        index_map = {}
        for entry in indices or []:
            if isinstance(entry, (tuple, list)):
                index_map[int(entry[0])] = int(entry[1])
            else:
                index_map[int(entry.dimension)] = int(entry.index)
        cmap = prop_value(self.properties.get("scalar_mapping"), "colormap", VIRIDIS)
        if not isinstance(cmap, int):
            cmap = _COLORMAP_NAMES.get(str(getattr(cmap, "name", cmap)).lower().replace("_", ""), VIRIDIS)
        return prop_value(sel, "width"), prop_value(sel, "height"), index_map, cmap

    def update(self, timeline, at) -> None:
        if timeline is None:
            return
        result = self.store.latest_at(self.origin, timeline=timeline, at=at)
        decoded = tensor_from_arrow(batch(result, "Tensor:data"))
        if decoded is None:
            return
        width_dim, height_dim, indices, cmap = self._settings()
        data = np.asarray(decoded[0])
        plane = tensor_slice(data, width_dim, height_dim, indices).astype(np.float64)
        rng = float_values(batch(result, "Tensor:value_range"), np.float64)
        finite = data[np.isfinite(data)] if data.dtype.kind == "f" else data.reshape(-1)  # the whole tensor's range
        lo, hi = (float(rng[0]), float(rng[1])) if rng is not None else \
            ((float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0))
        rgba = apply_colormap(plane, lo, hi, cmap)
        if self._image is not None and self._image.parent is not None:
            self.root.remove(self._image)
        self._image = image_object(self._image, rgba, z=0.0)
        self.root.add(self._image)
        self.slice = plane
        h, w = plane.shape
        self.camera.show_rect(0, w, -h, 0, depth=10.0)

    def draw(self, renderer, rect) -> None:
        renderer.render(self.scene, self.camera, rect=rect, flush=False)
        self.draw_overlay(renderer, rect)
