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

_CHANNELS_FOR_MODEL = {"a": 1, "l": 1, "la": 1, "bgr": 3, "rgb": 3, "yuv": 3, "bgra": 4, "rgba": 4}
_MODEL_FOR_CHANNELS = {1: ColorModel.L, 3: ColorModel.RGB, 4: ColorModel.RGBA}
_NP_TYPES = (np.uint8, np.uint16, np.uint32, np.uint64, np.int8, np.int16, np.int32, np.int64, np.float16,
             np.float32, np.float64)


def image_format(width: int, height: int, *, color_model=None, datatype=None, pixel_format=None) -> pa.Array:
    """One ImageFormat struct; enums given as members, names or values."""
    row = {"width": int(width), "height": int(height),
           "pixel_format": None if pixel_format is None else PixelFormat.auto(pixel_format).value,
           "color_model": None if color_model is None else ColorModel.auto(color_model).value,
           "channel_datatype": None if datatype is None else ChannelDatatype.auto(datatype).value}
    return pa.array([row], IMAGE_FORMAT_TYPE)


def to_numpy(image: Any) -> np.ndarray:
    """numpy arrays as they are; torch tensors via `.numpy(force=True)`; PIL images and lists via np.asarray."""
    if isinstance(image, np.ndarray):
        return image
    if hasattr(image, "numpy") and not hasattr(image, "__array_interface__"):
        try:
            return image.numpy(force=True)
        except TypeError:
            return image.numpy()
    return np.asarray(image)


def squeezed_shape(shape: tuple[int, ...]) -> tuple[int, ...]:
    """Drop leading and trailing 1-dimensions while more than two remain (like Rerun)."""
    while len(shape) > 2 and shape[0] == 1:
        shape = shape[1:]
    while len(shape) > 2 and shape[-1] == 1:
        shape = shape[:-1]
    return shape


def channel_datatype(arr: np.ndarray, what: str) -> ChannelDatatype:
    if arr.dtype.type not in _NP_TYPES:
        raise TypeError(f"unsupported dtype {arr.dtype} for {what}")
    return ChannelDatatype.from_np_dtype(arr.dtype)


def _buffer(arr: np.ndarray) -> list[np.ndarray]:
    return [np.frombuffer(arr.tobytes(), np.uint8)]  # one copy, C order, like Rerun's `image.tobytes()`


def single_channel(image: Any, what: str) -> tuple[list[np.ndarray], pa.Array]:
    """A depth or segmentation image: 2-D after squeezing, any supported dtype."""
    arr = to_numpy(image)
    shape = squeezed_shape(arr.shape)
    if len(shape) != 2:
        raise ValueError(f"{what} must be 2D, got shape {arr.shape}")
    datatype = channel_datatype(arr, what)
    return _buffer(arr), image_format(shape[1], shape[0], datatype=datatype)


class Image(Archetype):
    """A color or grayscale image from a numpy array (or raw bytes plus width/height/format)."""

    _fields = _fields(buffer="ImageBuffer", format="ImageFormat", opacity="Opacity", draw_order="DrawOrder",
                      magnification_filter="MagnificationFilter")

    def __init__(self, image: Any = None, color_model: Any = None, *, pixel_format: Any = None, datatype: Any = None,
                 bytes: bytes | None = None, width: int | None = None, height: int | None = None,
                 opacity: Any = None, draw_order: Any = None, magnification_filter: Any = None):
        try:
            if bytes is not None:
                buffer, fmt = _from_bytes(bytes, width, height, color_model, datatype, pixel_format)
            elif image is None:
                raise ValueError("give either `image` or `bytes`")
            else:
                buffer, fmt = _from_array(image, color_model, width, height)
        except (ValueError, TypeError, KeyError, ArithmeticError) as exc:
            self._set_error(str(exc))
            return
        self._set(buffer=buffer, format=fmt, opacity=opacity, draw_order=draw_order,
                  magnification_filter=magnification_filter)


def _from_bytes(data, width, height, color_model, datatype, pixel_format):
    if isinstance(data, np.ndarray):
        data = data.tobytes()
    if width is None or height is None:
        raise ValueError("`bytes` needs `width` and `height`")
    buffer = [np.frombuffer(data, np.uint8).copy()]
    if pixel_format is not None:
        if datatype is not None:
            raise ValueError("`datatype` and `pixel_format` are mutually exclusive")
        if color_model is not None:
            raise ValueError("`color_model` and `pixel_format` are mutually exclusive")
        return buffer, image_format(width, height, pixel_format=pixel_format)
    if datatype is None or color_model is None:
        raise ValueError("`bytes` needs `pixel_format`, or both `color_model` and `datatype`")
    if datatype in _NP_TYPES:
        datatype = ChannelDatatype.from_np_dtype(np.dtype(datatype))
    return buffer, image_format(width, height, color_model=color_model, datatype=datatype)


def _from_array(image, color_model, width, height):
    arr = to_numpy(image)
    shape = squeezed_shape(arr.shape)
    if len(shape) == 2:
        (img_height, img_width), channels = shape, 1
    elif len(shape) == 3:
        img_height, img_width, channels = shape
    else:
        raise ValueError(f"expected an image of shape (H, W) or (H, W, C), got {arr.shape}")
    if width is not None and width != img_width:
        raise ValueError(f"`width` {width} does not match the image width {img_width}")
    if height is not None and height != img_height:
        raise ValueError(f"`height` {height} does not match the image height {img_height}")
    if color_model is None:
        color_model = _MODEL_FOR_CHANNELS.get(channels)
        if color_model is None:
            raise ValueError(f"expected 1, 3 or 4 channels, got {channels} (shape {arr.shape})")
    else:
        expected = _CHANNELS_FOR_MODEL.get(str(color_model).lower())
        if expected is None:
            raise ValueError(f"unknown color model {color_model!r}")
        if channels != expected:
            raise ValueError(f"expected {expected} channels for {color_model}, got {channels} (shape {arr.shape})")
    datatype = channel_datatype(arr, "Image")
    return _buffer(arr), image_format(img_width, img_height, color_model=color_model, datatype=datatype)


def albedo_texture(texture: Any) -> tuple[list[np.ndarray], pa.Array]:
    """Mesh3D's texture: an (H, W, 3|4) image."""
    arr = to_numpy(texture)
    if arr.ndim != 3:
        raise ValueError(f"bad albedo texture shape {arr.shape}, expected 3 dimensions")
    height, width, channels = arr.shape
    if channels not in (3, 4):
        raise ValueError(f"bad albedo texture shape {arr.shape}, expected 3 or 4 channels")
    datatype = channel_datatype(arr, "Mesh3D's albedo texture")
    model = ColorModel.RGB if channels == 3 else ColorModel.RGBA
    return _buffer(arr), image_format(width, height, color_model=model, datatype=datatype)


class DepthImage(Archetype):
    """A depth image (single channel); `meter` says how many units make one meter."""

    _fields = _fields(buffer="ImageBuffer", format="ImageFormat", meter="DepthMeter", colormap="Colormap",
                      depth_range="ValueRange", point_fill_ratio="FillRatio", draw_order="DrawOrder",
                      magnification_filter="MagnificationFilter")

    def __init__(self, image: Any, *, meter: Any = None, colormap: Any = None, depth_range: Any = None,
                 point_fill_ratio: Any = None, draw_order: Any = None, magnification_filter: Any = None):
        try:
            buffer, fmt = single_channel(image, "DepthImage")
        except (ValueError, TypeError, ArithmeticError) as exc:
            self._set_error(str(exc))
            return
        self._set(buffer=buffer, format=fmt, meter=meter, colormap=colormap, depth_range=depth_range,
                  point_fill_ratio=point_fill_ratio, draw_order=draw_order, magnification_filter=magnification_filter)


class SegmentationImage(Archetype):
    """An image of class ids, colored by the AnnotationContext."""

    _fields = _fields(buffer="ImageBuffer", format="ImageFormat", opacity="Opacity", draw_order="DrawOrder")

    def __init__(self, image: Any, *, opacity: Any = None, draw_order: Any = None):
        try:
            buffer, fmt = single_channel(image, "SegmentationImage")
        except (ValueError, TypeError, ArithmeticError) as exc:
            self._set_error(str(exc))
            return
        self._set(buffer=buffer, format=fmt, opacity=opacity, draw_order=draw_order)


# Rerun's MediaType.guess_from_path (image-related part, plus the others it knows).
_MEDIA_BY_SUFFIX = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".glb": "model/gltf-binary",
                    ".gltf": "model/gltf+json", ".obj": "model/obj", ".ply": "application/x-ply",
                    ".stl": "model/stl", ".mp4": "video/mp4"}


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
                blob = pathlib.Path(path).read_bytes()
                if media_type is None:
                    media_type = _MEDIA_BY_SUFFIX.get(pathlib.Path(path).suffix.lower())
            else:
                blob = contents
                if media_type is None:
                    raise ValueError("`contents` needs `media_type` (e.g. 'image/png')")
        except (ValueError, TypeError, ArithmeticError, OSError) as exc:
            self._set_error(str(exc))
            return
        self._set(blob=blob, media_type=media_type, opacity=opacity, draw_order=draw_order,
                  magnification_filter=magnification_filter)
