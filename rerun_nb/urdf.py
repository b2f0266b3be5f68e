"""`rerun.urdf` of rerun-sdk 0.41: a URDF robot model, its joints and links, and joint transforms to log.

Parsed with the standard library's XML parser (rerun-sdk uses its Rust `urdf-rs`). A joint's transform is
its origin composed with its motion, as rerun-sdk computes it: revolute/continuous rotate about ``axis`` after
the origin rotation, prismatic translate by ``origin_rotation * (axis * value)``; frames are the joint's
parent and child links with the tree's ``frame_prefix``.
"""

from __future__ import annotations

import math
import pathlib
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import Any

import numpy as np

from .dataloaders._urdf import _floats, _origin

__all__ = ["UrdfJoint", "UrdfLink", "UrdfMimic", "UrdfTree"]


def _quat_mul(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Hamilton product of xyzw quaternions."""
    x1, y1, z1, w1 = a
    x2, y2, z2, w2 = b
    return np.array([w1 * x2 + x1 * w2 + y1 * z2 - z1 * y2, w1 * y2 - x1 * z2 + y1 * w2 + z1 * x2,
                     w1 * z2 + x1 * y2 - y1 * x2 + z1 * w2, w1 * w2 - x1 * x2 - y1 * y2 - z1 * z2])


def _rotate(q: np.ndarray, v: np.ndarray) -> np.ndarray:
    u, w = q[:3], q[3]
    return v + 2.0 * np.cross(u, np.cross(u, v) + w * v)


class UrdfMimic:
    """A joint's ``<mimic>`` tag: it follows ``joint`` as ``multiplier * value + offset``."""

    def __init__(self, joint: str, multiplier: float, offset: float) -> None:
        self._joint, self._multiplier, self._offset = joint, multiplier, offset

    @property
    def joint(self) -> str:
        return self._joint

    @property
    def multiplier(self) -> float:
        return self._multiplier

    @property
    def offset(self) -> float:
        return self._offset

    def __repr__(self) -> str:
        return f'UrdfMimic(joint="{self._joint}", multiplier={self._multiplier:g}, offset={self._offset:g})'


class UrdfJoint:
    """A URDF joint (name, type, parent and child links, axis, origin, limits)."""

    def __init__(self, elem: ET.Element, frame_prefix: str = "") -> None:
        parent, child = elem.find("parent"), elem.find("child")
        if parent is None or child is None:
            raise ValueError(f"joint {elem.get('name')!r} needs <parent> and <child>")
        self._name = elem.get("name", "")
        self._type = elem.get("type", "fixed")
        self._parent, self._child = parent.get("link", ""), child.get("link", "")
        axis = elem.find("axis")
        self._axis = tuple(_floats(None if axis is None else axis.get("xyz"), 3, 0.0)) if axis is not None \
            else (1.0, 0.0, 0.0)
        origin = elem.find("origin")
        self._xyz = tuple(_floats(None if origin is None else origin.get("xyz"), 3))
        self._rpy = tuple(_floats(None if origin is None else origin.get("rpy"), 3))
        self._quat = np.asarray(_origin(elem)[1], np.float64)
        limit = elem.find("limit")
        get = (lambda k: float(limit.get(k, 0.0))) if limit is not None else (lambda k: 0.0)
        self._lower, self._upper, self._effort, self._velocity = (get("lower"), get("upper"), get("effort"),
                                                                  get("velocity"))
        mimic = elem.find("mimic")
        self._mimic = None if mimic is None else UrdfMimic(mimic.get("joint", ""), float(mimic.get("multiplier", 1.0)),
                                                           float(mimic.get("offset", 0.0)))
        self._frame_prefix = frame_prefix

    name = property(lambda self: self._name, doc="Name of the joint.")
    joint_type = property(lambda self: self._type, doc="revolute, continuous, prismatic, fixed, floating or planar.")
    parent_link = property(lambda self: self._parent, doc="Name of the parent link.")
    child_link = property(lambda self: self._child, doc="Name of the child link.")
    axis = property(lambda self: self._axis, doc="Joint axis in the joint frame.")
    origin_xyz = property(lambda self: self._xyz, doc="Origin translation (meters).")
    origin_rpy = property(lambda self: self._rpy, doc="Origin roll, pitch, yaw (radians).")
    limit_lower = property(lambda self: self._lower, doc="Lower limit of the joint.")
    limit_upper = property(lambda self: self._upper, doc="Upper limit of the joint.")
    limit_effort = property(lambda self: self._effort, doc="Effort limit of the joint.")
    limit_velocity = property(lambda self: self._velocity, doc="Velocity limit of the joint.")
    mimic = property(lambda self: self._mimic, doc="Mimic-tag specification, or None.")

    def _motion(self, value: float, clamp: bool) -> tuple[np.ndarray, np.ndarray, str | None]:
        warning = None
        if clamp and self._type in ("revolute", "prismatic") and not self._lower <= value <= self._upper:
            unit = "rad" if self._type == "revolute" else "m"
            what = "angle" if self._type == "revolute" else "distance"
            warning = (f"Joint '{self._name}' {what} {value:.4f} {unit} is outside limits "
                       f"[{self._lower:.4f}, {self._upper:.4f}] {unit}. Clamping.")
            value = min(max(value, self._lower), self._upper)
        translation = np.asarray(self._xyz, np.float64)
        rotation = self._quat
        axis = np.asarray(self._axis, np.float64)
        if self._type in ("revolute", "continuous"):
            axis = axis / (float(np.linalg.norm(axis)) or 1.0)  # a rotation axis is a direction
            half = 0.5 * value
            rotation = _quat_mul(rotation, np.r_[axis * math.sin(half), math.cos(half)])
        elif self._type == "prismatic":
            translation = translation + _rotate(rotation, axis * value)  # the axis as written, as rerun-sdk
        return translation, rotation, warning

    def _frames(self) -> tuple[str, str]:
        return self._frame_prefix + self._parent, self._frame_prefix + self._child

    def compute_transform(self, value: float, clamp: bool = True):
        """A ``Transform3D`` of this joint at ``value`` (radians or meters; ignored for fixed joints), with
        parent_frame and child_frame; values outside the limits are clamped with a warning if ``clamp``."""
        from .archetypes import Transform3D
        from .datatypes import Quaternion

        translation, rotation, warning = self._motion(float(value), clamp)
        if warning is not None:
            warnings.warn(warning, UserWarning, stacklevel=2)
        parent, child = self._frames()
        return Transform3D(quaternion=Quaternion(xyzw=rotation.astype(np.float32)),
                           translation=translation.astype(np.float32), parent_frame=parent, child_frame=child)

    def compute_transform_columns(self, values: Sequence[float], *, clamp: bool = True):
        """Transforms at many values as columns for ``rr.send_columns``."""
        from .archetypes import Transform3D

        translations, quaternions = [], []
        for value in values:
            translation, rotation, warning = self._motion(float(value), clamp)
            if warning is not None:
                warnings.warn(warning, UserWarning, stacklevel=2)
            translations.append(translation)
            quaternions.append(rotation)
        parent, child = self._frames()
        n = len(translations)
        return Transform3D.columns(translation=np.asarray(translations, np.float32).reshape(n, 3),
                                   quaternion=np.asarray(quaternions, np.float32).reshape(n, 4),
                                   parent_frame=[parent] * n, child_frame=[child] * n)

    def __repr__(self) -> str:
        return (f'UrdfJoint(name="{self._name}", type={self._type}, parent="{self._parent}", '
                f'child="{self._child}")')


class UrdfLink:
    """A URDF link."""

    def __init__(self, elem: ET.Element) -> None:
        self._elem = elem
        self._name = elem.get("name", "")

    @property
    def name(self) -> str:
        """Name of the link."""
        return self._name

    def __repr__(self) -> str:
        return f'UrdfLink(name="{self._name}")'


class UrdfTree:
    """A URDF robot model with joints and links (``UrdfTree.from_file_path``); log it with
    ``log_urdf_to_recording`` and animate joints with ``UrdfJoint.compute_transform``."""

    def __init__(self, path: pathlib.Path, robot: ET.Element, entity_path_prefix: str | None,
                 frame_prefix: str | None, static_transform_entity_path: str | None) -> None:
        self._path, self._robot = path, robot
        self._prefix, self._frame_prefix = entity_path_prefix, frame_prefix
        self._tf_path = static_transform_entity_path
        self._links = [UrdfLink(e) for e in robot.findall("link")]
        self._joints = [UrdfJoint(e, frame_prefix or "") for e in robot.findall("joint")]

    @staticmethod
    def from_file_path(path: str | pathlib.Path, entity_path_prefix: str | None = None, *,
                       frame_prefix: str | None = None, static_transform_entity_path: str | None = None) -> UrdfTree:
        """Load a URDF file; errors name the file and what is wrong."""
        path = pathlib.Path(path)
        try:
            robot = ET.fromstring(path.read_bytes())
        except (OSError, ET.ParseError) as exc:
            raise ValueError(f"{path}: not a readable URDF file: {exc}") from exc
        if robot.tag != "robot":
            raise ValueError(f"{path}: the root element is <{robot.tag}>, not <robot>")
        return UrdfTree(path, robot, entity_path_prefix, frame_prefix, static_transform_entity_path)

    @property
    def name(self) -> str:
        """Name of the robot."""
        return self._robot.get("name") or "robot"

    @property
    def frame_prefix(self) -> str | None:
        """The frame prefix, if set."""
        return self._frame_prefix

    def root_link(self) -> UrdfLink:
        """The link that is no joint's child."""
        children = {j.child_link for j in self._joints}
        return next((link for link in self._links if link.name not in children), self._links[0])

    def joints(self) -> list[UrdfJoint]:
        """All joints, in file order."""
        return list(self._joints)

    def get_joint_by_name(self, joint_name: str) -> UrdfJoint | None:
        return next((j for j in self._joints if j.name == joint_name), None)

    def get_joint_child(self, joint: UrdfJoint) -> UrdfLink:
        link = self.get_link_by_name(joint.child_link)
        if link is None:
            raise ValueError(f"{self._path}: joint {joint.name!r} names an unknown child link {joint.child_link!r}")
        return link

    def get_link_by_name(self, link_name: str) -> UrdfLink | None:
        return next((link for link in self._links if link.name == link_name), None)

    def _head(self) -> list[str]:
        return [] if not self._prefix else [self._prefix]  # one path part, as rerun-sdk treats the prefix

    def get_visual_geometry_paths(self, link: str | UrdfLink) -> list[str]:
        """Entity paths of the link's visual geometries (as ``log_urdf_to_recording`` logs them)."""
        from .store import new_entity_path

        elem = self.get_link_by_name(link if isinstance(link, str) else link.name)
        if elem is None:
            return []
        visuals = [v for v in elem._elem.findall("visual") if v.find("geometry") is not None and len(v.find("geometry"))]
        return [new_entity_path([*self._head(), self.name, "visual_geometries", elem.name, f"visual_{i}"])
                for i in range(len(visuals))]

    def get_collision_geometry_paths(self, link: str | UrdfLink) -> list[str]:
        """Collision geometries are not logged by rerun_nb's URDF loader yet: always empty."""
        return []

    def log_urdf_to_recording(self, recording: Any = None) -> None:
        """Log the robot (visual geometry, frames, static joint transforms) to ``recording`` (default: the
        current one), all static."""
        from .dataloaders._urdf import load_urdf
        from .recording_stream import get_data_recording

        rec = recording if recording is not None else get_data_recording()
        if rec is None:
            return
        load_urdf(rec, "", ET.tostring(self._robot), ".urdf", True, urdf_path=self._path,
                  frame_prefix=self._frame_prefix or "", head_parts=self._head(),
                  tf_path=self._tf_path or "/tf_static")

    def stream(self, *, include_joint_transforms: bool = True):
        """Not available yet in rerun_nb: log with ``log_urdf_to_recording`` instead."""
        raise NotImplementedError("rerun_nb: UrdfTree.stream (a LazyChunkStream) is not implemented yet; use "
                                  "log_urdf_to_recording")

    def compute_joint_transform_batches(self, names, values, *, clamp: bool = False):
        """Not available yet in rerun_nb: use ``UrdfJoint.compute_transform_columns`` per joint."""
        raise NotImplementedError("rerun_nb: UrdfTree.compute_joint_transform_batches is not implemented yet; "
                                  "use UrdfJoint.compute_transform_columns")

    def __repr__(self) -> str:
        return f'UrdfTree(name="{self.name}")'
