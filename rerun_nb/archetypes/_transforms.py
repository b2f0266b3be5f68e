"""Transforms and camera: Transform3D, InstancePoses3D, ViewCoordinates, Pinhole."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from .._baseclasses import Archetype
from ..datatypes import Quaternion, RotationAxisAngle
from ..error_utils import report_error
from ._spatial import _fields


def _first(value: Any) -> Any:
    try:
        return value[0]
    except (TypeError, IndexError, KeyError):
        return None


def _split_rotation(rotation: Any, axis_angle: Any, quaternion: Any) -> tuple[Any, Any]:
    """`rotation=` takes a RotationAxisAngle or a Quaternion (or a list of one kind), like Rerun."""
    if rotation is None:
        return axis_angle, quaternion
    if axis_angle is not None or quaternion is not None:
        raise ValueError("`rotation` can't be combined with `quaternion` or `rotation_axis_angle`")
    if isinstance(rotation, RotationAxisAngle) or isinstance(_first(rotation), RotationAxisAngle):
        return rotation, None
    if isinstance(rotation, Quaternion) or isinstance(_first(rotation), Quaternion):
        return None, rotation
    raise ValueError(f"`rotation` must be a rr.RotationAxisAngle or rr.Quaternion, got {type(rotation).__name__}")


class Transform3D(Archetype):
    """The transform from this entity's space to its parent's (or the inverse, with `relation`)."""

    _fields = _fields(translation="Translation3D", rotation_axis_angle="RotationAxisAngle",
                      quaternion="RotationQuat", scale="Scale3D", mat3x3="TransformMat3x3",
                      relation="TransformRelation", child_frame="TransformFrameId", parent_frame="TransformFrameId")

    def __init__(self, *, translation: Any = None, rotation: Any = None, rotation_axis_angle: Any = None,
                 quaternion: Any = None, scale: Any = None, mat3x3: Any = None, from_parent: bool | None = None,
                 relation: Any = None, child_frame: Any = None, parent_frame: Any = None):
        try:
            rotation_axis_angle, quaternion = _split_rotation(rotation, rotation_axis_angle, quaternion)
            if scale is not None and (not hasattr(scale, "__len__") or len(scale) == 1):
                scale = np.repeat(np.asarray(scale, np.float32).reshape(-1)[:1], 3)  # a uniform scale
            if from_parent is not None:
                if relation is not None:
                    raise ValueError("`from_parent` and `relation` are mutually exclusive")
                relation = "ChildFromParent" if from_parent else None
        except (ValueError, TypeError, ArithmeticError) as exc:
            self._set_error(str(exc))
            return
        self._set(translation=translation, rotation_axis_angle=rotation_axis_angle, quaternion=quaternion,
                  scale=scale, mat3x3=mat3x3, relation=relation, child_frame=child_frame, parent_frame=parent_frame)


class InstancePoses3D(Archetype):
    """One pose per instance, applied on top of the entity's transform (e.g. to instance a mesh)."""

    _fields = _fields(translations="Translation3D", rotation_axis_angles="RotationAxisAngle",
                      quaternions="RotationQuat", scales="Scale3D", mat3x3="TransformMat3x3")

    def __init__(self, *, translations: Any = None, rotation_axis_angles: Any = None, quaternions: Any = None,
                 scales: Any = None, mat3x3: Any = None):
        self._set(translations=translations, rotation_axis_angles=rotation_axis_angles, quaternions=quaternions,
                  scales=scales, mat3x3=mat3x3)


_DIRS = {"U": 1, "D": 2, "R": 3, "L": 4, "F": 5, "B": 6}


class ViewCoordinates(Archetype):
    """How the axes of this space map to up/down/left/right/forward/back, e.g. `rr.ViewCoordinates.RIGHT_HAND_Z_UP`."""

    _fields = _fields(xyz="ViewCoordinates")

    def __init__(self, xyz: Any):
        if isinstance(xyz, ViewCoordinates):
            self._batches, self._error = dict(xyz._batches), xyz._error
            return
        if isinstance(xyz, str):
            try:
                xyz = [_DIRS[c] for c in xyz.upper()]
            except KeyError:
                self._set_error(f"unknown view coordinates {xyz!r}: use letters from U D R L F B")
                return
        self._set(xyz=xyz)


def _set_view_coordinate_constant(name: str, letters: str) -> None:
    """`rr.ViewCoordinates.NAME` (archetype) and `rr.components.ViewCoordinates.NAME` (component), as in Rerun."""
    from .. import components

    setattr(ViewCoordinates, name, ViewCoordinates(letters))
    setattr(components.ViewCoordinates, name, components.ViewCoordinates([_DIRS[c] for c in letters]))


def _add_view_coordinate_constants() -> None:
    import itertools

    for a, b, c in itertools.permutations("UDRLFB", 3):
        if len({_axis(a), _axis(b), _axis(c)}) == 3:
            _set_view_coordinate_constant(a + b + c, a + b + c)
    # Right/left-handed names for the common "X right/Y forward-or-down" conventions, as Rerun spells them.
    for hand in ("RIGHT", "LEFT"):
        for up_axis in "XYZ":
            for sign in ("UP", "DOWN"):
                name = _handed_name(hand, up_axis, sign)
                if name is not None:
                    _set_view_coordinate_constant(f"{hand}_HAND_{up_axis}_{sign}", name)


def _axis(letter: str) -> int:
    return {"U": 0, "D": 0, "R": 1, "L": 1, "F": 2, "B": 2}[letter]


def _handed_name(hand: str, up_axis: str, sign: str) -> str | None:
    # Rerun 0.41's table (checked against rr.ViewCoordinates.*_HAND_* of rerun-sdk).
    table = {
        ("RIGHT", "X", "UP"): "URF", ("RIGHT", "X", "DOWN"): "DRB",
        ("RIGHT", "Y", "UP"): "RUB", ("RIGHT", "Y", "DOWN"): "RDF",
        ("RIGHT", "Z", "UP"): "RFU", ("RIGHT", "Z", "DOWN"): "RBD",
        ("LEFT", "X", "UP"): "URB", ("LEFT", "X", "DOWN"): "DRF",
        ("LEFT", "Y", "UP"): "RUF", ("LEFT", "Y", "DOWN"): "RDB",
        ("LEFT", "Z", "UP"): "RBU", ("LEFT", "Z", "DOWN"): "RFD",
    }
    return table.get((hand, up_axis, sign))


_add_view_coordinate_constants()


class Pinhole(Archetype):
    """A pinhole camera: projects the 3D space of its children onto a 2D image plane."""

    _fields = _fields(image_from_camera="PinholeProjection", resolution="Resolution", camera_xyz="ViewCoordinates",
                      child_frame="TransformFrameId", parent_frame="TransformFrameId",
                      image_plane_distance="ImagePlaneDistance", color="Color", line_width="Radius")

    def __init__(self, *, image_from_camera: Any = None, resolution: Any = None, camera_xyz: Any = None,
                 width: float | None = None, height: float | None = None, focal_length: Any = None,
                 principal_point: Any = None, fov_y: float | None = None, aspect_ratio: float | None = None,
                 child_frame: Any = None, parent_frame: Any = None, image_plane_distance: float | None = None,
                 color: Any = None, line_width: Any = None):
        try:
            image_from_camera, resolution = _pinhole_matrix(image_from_camera, resolution, width, height,
                                                            focal_length, principal_point, fov_y, aspect_ratio)
        except (ValueError, TypeError, IndexError) as exc:
            self._set_error(str(exc))
            return
        if isinstance(camera_xyz, ViewCoordinates):
            camera_xyz = camera_xyz._batches.get("xyz")
        self._set(image_from_camera=image_from_camera, resolution=resolution, camera_xyz=camera_xyz,
                  child_frame=child_frame, parent_frame=parent_frame, image_plane_distance=image_plane_distance,
                  color=color, line_width=line_width)


def _pinhole_matrix(image_from_camera, resolution, width, height, focal_length, principal_point, fov_y,
                    aspect_ratio):
    """Rerun's Pinhole rules: hard errors raise; doubtful input warns (raises in strict mode) and goes on."""
    if resolution is None and width is not None and height is not None:
        resolution = [width, height]
    elif resolution is not None and (width is not None or height is not None):
        report_error("Pinhole: can't set both `resolution` and `width`/`height` (using `resolution`)")
    if image_from_camera is not None:
        for name, value in (("focal_length", focal_length), ("principal_point", principal_point),
                            ("fov_y/aspect_ratio", fov_y if fov_y is not None else aspect_ratio)):
            if value is not None:
                report_error(f"Pinhole: both `image_from_camera` and `{name}` given (using `image_from_camera`)")
        return image_from_camera, resolution
    if fov_y is not None and aspect_ratio is not None:
        focal_length = 0.5 / math.tan(max(fov_y * 0.5, 1.19209e-07))
        resolution = [aspect_ratio, 1.0]
    w = h = None
    if resolution is not None:
        w, h = (float(v) for v in np.asarray(resolution, dtype=np.float32).reshape(2))
    if focal_length is None:
        if w is None:
            raise ValueError("either `image_from_camera` or `focal_length` must be set")
        report_error("Pinhole: either `image_from_camera` or `focal_length` must be set (using sqrt(width*height))")
        focal_length = (w * h) ** 0.5
    if principal_point is None:
        if w is None:
            raise ValueError("give one of `principal_point`, `resolution` or `width`/`height`")
        principal_point = [w / 2, h / 2]
    fl = np.asarray(focal_length, dtype=np.float64).reshape(-1)
    if fl.size not in (1, 2):
        raise ValueError(f"expected `focal_length` to be one or two numbers, got {fl.size}")
    fx, fy = (fl[0], fl[0]) if fl.size == 1 else (fl[0], fl[1])
    pp = np.asarray(principal_point, dtype=np.float64).reshape(-1)
    if pp.size < 2:
        raise ValueError(f"expected `principal_point` to be two numbers, got {pp.size}")
    return [[fx, 0, pp[0]], [0, fy, pp[1]], [0, 0, 1]], resolution
