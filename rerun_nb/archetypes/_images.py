"""Images: Image, DepthImage, SegmentationImage, EncodedImage (raw bytes + an ImageFormat struct)."""

from __future__ import annotations

import pathlib
from typing import Any

import numpy as np
import pyarrow as pa

from .._baseclasses import Archetype
from ..components._types import IMAGE_FORMAT_TYPE
from ..datatypes import ChannelDatatype, ColorModel, PixelFormat
from ._spatial import _fields

_MODEL_FOR_CHANNELS = {1: ColorModel.L, 3: ColorModel.RGB, 4: ColorModel.RGBA}
_CHANNELS = {ColorModel.L: 1, ColorModel.RGB: 3, ColorModel.RGBA: 4, ColorModel.BGR: 3, ColorModel.BGRA: 4}


def _enum(enum_cls: Any, value: Any) -> Any:
    if value is None or isinstance(value, enum_cls):
        return value
    if isinstance(value, str):
        for member in enum_cls:
            if member.name.lower() == value.lower():
                return member
        raise ValueError(f"unknown {enum_cls.__name__} {value!r}")
    return enum_cls(int(value))


def _format(width: int, height: int, *, color_model=None, datatype=None, pixel_format=None) -> pa.Array:
    row = {"width": int(width), "height": int(height),
           "pixel_format": None if pixel_format is None else int(pixel_format),
           "color_model": None if color_model is None else int(color_model),
           "channel_datatype": None if datatype is None else int(datatype)}
    return pa.array([row], IMAGE_FORMAT_TYPE)


def image_buffer_and_format(image: Any, color_model: Any, *, single_channel: bool = False):
    """A numpy image (H, W), (H, W, 1|3|4) as one raw byte buffer and its ImageFormat."""
    arr = np.asarray(image)
    if arr.dtype == bool:
        arr = arr.astype(np.uint8)
    if arr.dtype.kind not in "iuf":
        raise TypeError(f"expected a numeric image, got {arr.dtype}")
    while arr.ndim > 2 and arr.shape[0] == 1 and arr.ndim > 3:
        arr = arr[0]
    if arr.ndim == 3 and arr.shape[2] == 1:
        arr = arr[:, :, 0]
    if arr.ndim not in (2, 3):
        raise ValueError(f"expected an image of shape (H, W) or (H, W, C), got {arr.shape}")
    channels = 1 if arr.ndim == 2 else arr.shape[2]
    if single_channel:
        if channels != 1:
            raise ValueError(f"expected a single-channel image, got shape {arr.shape}")
        model = None
    else:
        model = _enum(ColorModel, color_model) or _MODEL_FOR_CHANNELS.get(channels)
        if model is None or _CHANNELS[model] != channels:
            raise ValueError(f"can't show an image of shape {arr.shape} as {model.name if model else 'an image'}")
    datatype = ChannelDatatype.from_np_dtype(arr.dtype)
    height, width = arr.shape[:2]
    buffer = np.ascontiguousarray(arr).reshape(-1).view(np.uint8)
    return [buffer.copy()], _format(width, height, color_model=model, datatype=datatype)


class Image(Archetype):
    """A color or grayscale image from a numpy array (or raw bytes plus width/height/format)."""

    _fields = _fields(buffer="ImageBuffer", format="ImageFormat", opacity="Opacity", draw_order="DrawOrder",
                      magnification_filter="MagnificationFilter")

    def __init__(self, image: Any = None, color_model: Any = None, *, pixel_format: Any = None, datatype: Any = None,
                 bytes: bytes | None = None, width: int | None = None, height: int | None = None,
                 opacity: Any = None, draw_order: Any = None, magnification_filter: Any = None):
        try:
            if image is not None:
                if bytes is not None:
                    raise ValueError("give either `image` or `bytes`, not both")
                buffer, fmt = image_buffer_and_format(image, color_model)
            else:
                if bytes is None or width is None or height is None:
                    raise ValueError("give `image`, or `bytes` with `width` and `height`")
                if pixel_format is None and (datatype is None or color_model is None):
                    raise ValueError("raw `bytes` need `pixel_format`, or `color_model` and `datatype`")
                if datatype is not None and not isinstance(datatype, (int, str, ChannelDatatype)):
                    datatype = ChannelDatatype.from_np_dtype(datatype)
                buffer = [np.frombuffer(bytes, np.uint8).copy()]
                fmt = _format(width, height, color_model=_enum(ColorModel, color_model),
                              datatype=_enum(ChannelDatatype, datatype), pixel_format=_enum(PixelFormat, pixel_format))
        except (ValueError, TypeError) as exc:
            self._set_error(str(exc))
            return
        self._set(buffer=buffer, format=fmt, opacity=opacity, draw_order=draw_order,
                  magnification_filter=magnification_filter)


class DepthImage(Archetype):
    """A depth image (single channel); `meter` says how many units make one meter."""

    _fields = _fields(buffer="ImageBuffer", format="ImageFormat", meter="DepthMeter", colormap="Colormap",
                      depth_range="ValueRange", point_fill_ratio="FillRatio", draw_order="DrawOrder",
                      magnification_filter="MagnificationFilter")

    def __init__(self, image: Any, *, meter: Any = None, colormap: Any = None, depth_range: Any = None,
                 point_fill_ratio: Any = None, draw_order: Any = None, magnification_filter: Any = None):
        try:
            buffer, fmt = image_buffer_and_format(image, None, single_channel=True)
        except (ValueError, TypeError) as exc:
            self._set_error(str(exc))
            return
        self._set(buffer=buffer, format=fmt, meter=meter, colormap=colormap, depth_range=depth_range,
                  point_fill_ratio=point_fill_ratio, draw_order=draw_order, magnification_filter=magnification_filter)


class SegmentationImage(Archetype):
    """An image of class ids, colored by the AnnotationContext."""

    _fields = _fields(buffer="ImageBuffer", format="ImageFormat", opacity="Opacity", draw_order="DrawOrder")

    def __init__(self, image: Any, *, opacity: Any = None, draw_order: Any = None):
        try:
            arr = np.asarray(image)
            if arr.dtype.kind == "f":
                raise TypeError("segmentation images hold integer class ids, got floats")
            buffer, fmt = image_buffer_and_format(arr, None, single_channel=True)
        except (ValueError, TypeError) as exc:
            self._set_error(str(exc))
            return
        self._set(buffer=buffer, format=fmt, opacity=opacity, draw_order=draw_order)


_MEDIA_BY_SUFFIX = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".gif": "image/gif",
                    ".webp": "image/webp", ".bmp": "image/bmp", ".tif": "image/tiff", ".tiff": "image/tiff"}


def _sniff_media_type(data: bytes) -> str | None:
    if data.startswith(b"\x89PNG"):
        return "image/png"
    if data.startswith(b"\xff\xd8"):
        return "image/jpeg"
    return None


class EncodedImage(Archetype):
    """An image still encoded as PNG/JPEG/...: the file's bytes and its media type."""

    _fields = _fields(blob="Blob", media_type="MediaType", opacity="Opacity", draw_order="DrawOrder",
                      magnification_filter="MagnificationFilter")

    def __init__(self, *, path: str | pathlib.Path | None = None, contents: Any = None, media_type: Any = None,
                 opacity: Any = None, draw_order: Any = None, magnification_filter: Any = None):
        try:
            if (path is None) == (contents is None):
                raise ValueError("give exactly one of `path` or `contents`")
            if path is not None:
                data = pathlib.Path(path).read_bytes()
                media_type = media_type or _MEDIA_BY_SUFFIX.get(pathlib.Path(path).suffix.lower())
            else:
                data = contents.read() if hasattr(contents, "read") else bytes(contents)
            media_type = media_type or _sniff_media_type(data)
        except (ValueError, TypeError, OSError) as exc:
            self._set_error(str(exc))
            return
        self._set(blob=[data], media_type=media_type, opacity=opacity, draw_order=draw_order,
                  magnification_filter=magnification_filter)
