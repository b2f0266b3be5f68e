"""The tensor view: a 2-D slice of an N-d tensor through a colormap.

Default slice (when the blueprint gives no ``slice_selection``): the two largest dimensions, height
first in dimension order; every other dimension at index 0. Default colormap Viridis over the
tensor's ``value_range`` (else the whole tensor's finite min..max, so slices compare), as Rerun's ``TensorScalarMapping`` defaults.

Blueprint properties, as rerun-sdk 0.41 spells them:

* ``slice_selection=rrb.TensorSliceSelection(width=, height=, indices=, slider=)``: which dimensions are
  the slice's width and height (a dimension, or a ``TensorDimensionSelection(dimension=, invert=)``: an
  inverted one is flipped), the index of each other dimension, and which dimensions get a slider. Rerun
  draws sliders in its UI; here the mouse wheel over the view steps the first slider dimension (by default
  every dimension not shown, as in Rerun) and the title line says where each slider is.
* ``scalar_mapping=rrb.TensorScalarMapping(colormap=, gamma=, mag_filter=)``: ``value ** gamma`` after
  normalizing to the value range, then the colormap; ``mag_filter`` Nearest (default) or Linear/Bicubic
  (drawn linear).
* ``view_fit=rrb.TensorViewFit(scaling=)``: ``FillKeepAspectRatio`` (default), ``Fill`` (stretched) or
  ``Original`` (one tensor element per screen pixel, centred).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pygfx as gfx

from ..query import batch, float_values, tensor_from_arrow
from ._base import BACKGROUND_RGB, View
from ._images import VIRIDIS, apply_colormap
from ._props import prop_value
from ._vis2d import image_object

__all__ = ["TensorView", "tensor_slice"]

_COLORMAP_NAMES = {"grayscale": 1, "inferno": 2, "magma": 3, "plasma": 4, "turbo": 5, "viridis": 6, "cyantoyellow": 7}
_FITS = {"original": 1, "fill": 2, "fillkeepaspectratio": 3}


def _enum_key(value: Any) -> str:
    return str(getattr(value, "name", value)).lower().replace("_", "").replace(" ", "")


def _records(value: Any) -> list:
    """Rerun's selection values in any of the forms 0.41 accepts, as plain Python (ints, tuples, dicts)."""
    if value is None:
        return []
    if hasattr(value, "as_arrow_array"):
        return list(value.as_arrow_array().to_pylist())
    if isinstance(value, (int, np.integer, dict)) or hasattr(value, "dimension"):
        return [value]
    if isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, (int, np.integer)) for v in value):
        return [value]
    return [r for v in value for r in _records(v)]


def _field(record: Any, name: str, position: int, default: Any = None) -> Any:
    if isinstance(record, dict):
        return record.get(name, default)
    if isinstance(record, (tuple, list)):
        return record[position] if len(record) > position else default
    if isinstance(record, (int, np.integer)):
        return int(record) if position == 0 else default
    return getattr(record, name, default)


def _dimension_selection(value: Any) -> tuple[int, bool] | None:
    """(dimension, invert) of a width/height selection, or None when not given."""
    records = _records(value)
    if not records:
        return None
    dim = _field(records[0], "dimension", 0)
    return (None if dim is None else int(dim)), bool(_field(records[0], "invert", 1, False))


def _dim(sel, default: int) -> int:
    if sel is None:
        return default
    if isinstance(sel, tuple):
        return default if sel[0] is None else int(sel[0])
    return int(getattr(sel, "dimension", sel))


def tensor_slice(arr: np.ndarray, width_dim: Any = None, height_dim: Any = None,
                 indices: dict[int, int] | None = None) -> np.ndarray:
    """The (height, width) slice of ``arr`` (1-D tensors become one row); ``width_dim`` / ``height_dim`` are a
    dimension or ``(dimension, invert)``: an inverted axis is flipped."""
    if arr.ndim == 1:
        return arr[None, :]
    h_default, w_default = default_slice_dims(arr.shape)
    h, w = _dim(height_dim, h_default), _dim(width_dim, w_default)
    if h == w:  # the same dimension twice: fall back to the default pair
        h, w = h_default, w_default
    index = []
    for d in range(arr.ndim):
        index.append(slice(None) if d in (h, w) else min(max((indices or {}).get(d, 0), 0), arr.shape[d] - 1))
    plane = arr[tuple(index)]
    plane = plane if h < w else plane.T
    if isinstance(height_dim, tuple) and height_dim[1]:
        plane = plane[::-1]
    if isinstance(width_dim, tuple) and width_dim[1]:
        plane = plane[:, ::-1]
    return plane


def default_slice_dims(shape: tuple[int, ...]) -> tuple[int, int]:
    """(height, width) dimensions Rerun shows by default: the two largest, in dimension order."""
    order = sorted(range(len(shape)), key=lambda d: (-shape[d], d))
    h, w = sorted(order[:2])
    return h, w


class TensorView(View):
    """Rerun's ``TensorView`` for the ``Tensor`` at its origin."""

    kind = "Tensor"
    applied_properties = frozenset({"slice_selection", "scalar_mapping", "view_fit"})

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
        self.data: np.ndarray | None = None
        self._range = (0.0, 1.0)
        self.user_indices: dict[int, int] = {}  # indices stepped with the wheel (over the blueprint's)
        self._base_title = self.name
        fit = prop_value(self.properties.get("view_fit"), "scaling", "FillKeepAspectRatio")
        self.fit = {v: k for k, v in _FITS.items()}.get(fit, _enum_key(fit)) if isinstance(fit, int) else _enum_key(fit)

    # ---- settings ---------------------------------------------------------------------------------
    def _selection(self):
        return self.properties.get("slice_selection")

    def indices(self) -> dict[int, int]:
        """Index of each dimension not shown: the blueprint's, then the user's wheel steps."""
        index_map = {}
        for entry in _records(prop_value(self._selection(), "indices")):
            dim, idx = _field(entry, "dimension", 0), _field(entry, "index", 1, 0)
            if dim is not None:
                index_map[int(dim)] = int(idx or 0)
        index_map.update(self.user_indices)
        return index_map

    def shown_dims(self) -> tuple[Any, Any]:
        """(width, height) selections: ``(dimension, invert)`` or None for the default."""
        sel = self._selection()
        return _dimension_selection(prop_value(sel, "width")), _dimension_selection(prop_value(sel, "height"))

    def slider_dims(self) -> list[int]:
        """Dimensions with a slider: the blueprint's ``slider``, else every dimension not shown (Rerun's default)."""
        if self.data is None or self.data.ndim <= 2:
            return []
        given = prop_value(self._selection(), "slider")
        if given is not None:
            return [int(_field(r, "dimension", 0)) for r in _records(given) if _field(r, "dimension", 0) is not None]
        w, h = self.shown_dims()
        h_default, w_default = default_slice_dims(self.data.shape)
        shown = {_dim(w, w_default), _dim(h, h_default)}
        return [d for d in range(self.data.ndim) if d not in shown]

    def _mapping(self) -> tuple[int, float, bool]:
        mapping = self.properties.get("scalar_mapping")
        cmap = prop_value(mapping, "colormap", VIRIDIS)
        if not isinstance(cmap, (int, np.integer)):
            cmap = _COLORMAP_NAMES.get(_enum_key(cmap), VIRIDIS)
        gamma = float(prop_value(mapping, "gamma", 1.0))
        mag = prop_value(mapping, "mag_filter", "Nearest")
        linear = (int(mag) in (2, 3)) if isinstance(mag, (int, np.integer)) else _enum_key(mag) in ("linear", "bicubic")
        return int(cmap), gamma, linear

    # ---- View interface ---------------------------------------------------------------------------
    def update(self, timeline, at) -> None:
        if timeline is None:
            return
        result = self.store.latest_at(self.origin, timeline=timeline, at=at)
        decoded = tensor_from_arrow(batch(result, "Tensor:data"))
        if decoded is None:
            return
        data = np.asarray(decoded[0])
        rng = float_values(batch(result, "Tensor:value_range"), np.float64)
        finite = data[np.isfinite(data)] if data.dtype.kind == "f" else data.reshape(-1)  # the whole tensor's range
        self._range = (float(rng[0]), float(rng[1])) if rng is not None else \
            ((float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0))
        self.data = data
        self._reslice()

    def _reslice(self) -> None:
        width_dim, height_dim = self.shown_dims()
        cmap, gamma, linear = self._mapping()
        plane = tensor_slice(self.data, width_dim, height_dim, self.indices()).astype(np.float64)
        lo, hi = self._range
        values = plane
        if gamma != 1.0:  # Rerun: normalize to the range, then raise to gamma
            span = hi - lo if hi > lo else 1.0
            with np.errstate(invalid="ignore"):
                values = np.clip((plane - lo) / span, 0, 1) ** gamma
            lo, hi = 0.0, 1.0
        rgba = apply_colormap(values, lo, hi, cmap)
        if self._image is not None and self._image.parent is not None:
            self.root.remove(self._image)
        self._image = image_object(self._image, rgba, z=0.0, linear=linear, values=plane)
        self.root.add(self._image)
        self.slice = plane
        self._show_title()

    def _show_title(self) -> None:
        sliders = self.slider_dims()
        if not sliders or self.data is None:
            return
        idx = self.indices()
        parts = [f"dim {d}: {min(max(idx.get(d, 0), 0), self.data.shape[d] - 1)}/{self.data.shape[d] - 1}"
                 for d in sliders]
        self.name = f"{self._base_title}  [{', '.join(parts)}]"
        self._title.set_text(self.title_text())

    def _fit_camera(self, rect) -> None:
        if self.slice is None:
            return
        h, w = self.slice.shape
        if self.fit == "original":  # one element per screen pixel, centred
            vw, vh = max(rect[2], 1), max(rect[3], 1)
            self.camera.maintain_aspect = True
            self.camera.show_rect(w / 2 - vw / 2, w / 2 + vw / 2, -h / 2 - vh / 2, -h / 2 + vh / 2, depth=10.0)
        else:
            self.camera.maintain_aspect = self.fit != "fill"
            self.camera.show_rect(0, w, -h, 0, depth=10.0)

    def draw(self, renderer, rect) -> None:
        self._fit_camera(rect)
        renderer.render(self.scene, self.camera, rect=rect, flush=False)
        self.draw_overlay(renderer, rect)

    def handle_event(self, event, rect) -> bool:
        """The wheel steps the first slider dimension's index (Rerun's slider, without the widget)."""
        kind = event.get("event_type", event.get("type"))
        sliders = self.slider_dims()
        if kind != "wheel" or not sliders or self.data is None:
            return False
        dim = sliders[0]
        step = 1 if float(event.get("dy", 0)) > 0 else -1
        current = self.indices().get(dim, 0)
        new = min(max(current + step, 0), self.data.shape[dim] - 1)
        if new == current:
            return False
        self.user_indices[dim] = new
        self._reslice()
        return True
