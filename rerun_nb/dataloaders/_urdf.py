"""The URDF loader of rerun-sdk 0.41: a robot as named transform frames plus its visual geometry.

As Rerun logs it: `/<robot>` gets `CoordinateFrame(<root link>)`; each visual of each link becomes
`/<robot>/visual_geometries/<link>/visual_<i>` with `CoordinateFrame(<link>)`, an `InstancePoses3D` for
the visual's origin (and mesh scale), and its geometry (`Boxes3D`, `Cylinders3D`, `Ellipsoids3D` for a
sphere, `Asset3D` for a mesh file); every joint is one row of a static `Transform3D` on `/tf_static`
(parent_frame, child_frame, translation, quaternion from the joint origin's roll-pitch-yaw).
"""

from __future__ import annotations

import math
import pathlib
import time
import xml.etree.ElementTree as ET
from typing import Any

import numpy as np

_WHITE = 0xFFFFFFFF


def _floats(text: str | None, n: int, default: float = 0.0) -> list[float]:
    if text is None:
        return [default] * n
    values = [float(v) for v in text.split()]
    if len(values) != n:
        raise ValueError(f"expected {n} numbers, got {text!r}")
    return values


def quaternion_from_rpy(roll: float, pitch: float, yaw: float) -> list[float]:
    """URDF's fixed-axis roll-pitch-yaw (R = Rz(yaw) Ry(pitch) Rx(roll)) as an xyzw quaternion."""
    cr, sr = math.cos(roll / 2), math.sin(roll / 2)
    cp, sp = math.cos(pitch / 2), math.sin(pitch / 2)
    cy, sy = math.cos(yaw / 2), math.sin(yaw / 2)
    return [sr * cp * cy - cr * sp * sy, cr * sp * cy + sr * cp * sy, cr * cp * sy - sr * sp * cy,
            cr * cp * cy + sr * sp * sy]


def _origin(elem: ET.Element | None) -> tuple[list[float], list[float]]:
    origin = None if elem is None else elem.find("origin")
    if origin is None:
        return [0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 1.0]
    return _floats(origin.get("xyz"), 3), quaternion_from_rpy(*_floats(origin.get("rpy"), 3))


def _color(material: ET.Element | None, named: dict[str, int]) -> int:
    if material is None:
        return _WHITE
    color = material.find("color")
    if color is not None and color.get("rgba"):
        rgba = _floats(color.get("rgba"), 4)
        r, g, b, a = (round(min(max(c, 0.0), 1.0) * 255) for c in rgba)
        return (r << 24) | (g << 16) | (b << 8) | a
    return named.get(material.get("name", ""), _WHITE)


def _mesh_path(filename: str, urdf_dir: pathlib.Path) -> pathlib.Path:
    """`package://pkg/meshes/x.stl` or a relative path, looked up next to the URDF and its parents."""
    rel = filename
    if filename.startswith("package://"):
        rel = filename[len("package://"):].split("/", 1)[-1]
    elif filename.startswith("file://"):
        rel = filename[len("file://"):]
    candidate = pathlib.Path(rel)
    if candidate.is_absolute():
        return candidate
    for base in (urdf_dir, *urdf_dir.parents):
        if (base / rel).exists():
            return base / rel
    return urdf_dir / rel


def load_urdf(rec: Any, entity: str, contents: bytes, suffix: str, static: bool, *,
              urdf_path: pathlib.Path | None = None, prefix: str | None = None, frame_prefix: str = "",
              head_parts: list[str] | None = None, tf_path: str | None = None) -> None:
    """Log a URDF robot into ``rec`` (see the module docstring). ``frame_prefix`` goes before every frame id;
    ``head_parts`` (entity path parts before the robot's, default: ``prefix`` split at ``/``) and ``tf_path``
    (where the joints' static transforms go, default ``<prefix>/tf_static``) serve `rerun_nb.urdf.UrdfTree`."""
    from ..archetypes import (
        Asset3D,
        Boxes3D,
        CoordinateFrame,
        Cylinders3D,
        Ellipsoids3D,
        InstancePoses3D,
        Transform3D,
    )
    from ..store import new_entity_path
    from ..time import TimeColumn

    try:
        robot = ET.fromstring(contents)
    except ET.ParseError as exc:
        raise ValueError(f"not valid URDF XML: {exc}") from exc
    if robot.tag != "robot":
        raise ValueError(f"the root element is <{robot.tag}>, not <robot>")
    name = robot.get("name") or "robot"
    urdf_dir = (urdf_path or pathlib.Path(".")).parent
    materials = {m.get("name", ""): _color(m, {}) for m in robot.findall("material")}
    links = [link.get("name", "") for link in robot.findall("link")]
    children = {j.find("child").get("link") for j in robot.findall("joint") if j.find("child") is not None}
    roots = [link for link in links if link not in children]
    head = [p for p in (prefix or "").split("/") if p] if head_parts is None else list(head_parts)
    now = [np.datetime64(time.time_ns(), "ns")]

    def log(parts: list[str], archetype: Any) -> None:
        path = new_entity_path(head + parts)
        if static:
            rec.log(path, archetype, static=True)
        else:  # at the time of loading only (log_time), not at the user's time cursor, as Rerun's loader does
            rec.send_columns(path, [TimeColumn("log_time", timestamp=now)],
                             _columns_of(archetype), strict=True)

    if roots:
        log([name], CoordinateFrame(frame_prefix + roots[0]))
    for link in robot.findall("link"):
        link_name = link.get("name", "")
        for i, visual in enumerate(link.findall("visual")):
            parts = [name, "visual_geometries", link_name, f"visual_{i}"]
            geometry = visual.find("geometry")
            if geometry is None or len(geometry) == 0:
                continue
            shape = geometry[0]
            xyz, quat = _origin(visual)
            color = _color(visual.find("material"), materials)
            scales = None
            if shape.tag == "box":
                arch = Boxes3D(half_sizes=[[v / 2 for v in _floats(shape.get("size"), 3)]], colors=[color])
            elif shape.tag == "cylinder":
                arch = Cylinders3D(lengths=[float(shape.get("length", 0))], radii=[float(shape.get("radius", 0))],
                                   colors=[color])
            elif shape.tag == "sphere":
                r = float(shape.get("radius", 0))
                arch = Ellipsoids3D(half_sizes=[[r, r, r]], colors=[color])
            elif shape.tag == "mesh":
                mesh = _mesh_path(shape.get("filename", ""), urdf_dir)
                arch = Asset3D(path=mesh)
                if getattr(arch, "_error", None):
                    raise ValueError(f"link {link_name!r}: mesh {shape.get('filename')!r}: {arch._error}")
                if shape.get("scale"):
                    scales = [_floats(shape.get("scale"), 3)]
            else:
                raise ValueError(f"link {link_name!r}: unknown geometry <{shape.tag}>")
            log(parts, InstancePoses3D(translations=[xyz], quaternions=[quat], scales=scales))
            log(parts, CoordinateFrame(frame_prefix + link_name))
            log(parts, arch)
    _log_joints(rec, robot, head, Transform3D, frame_prefix=frame_prefix, tf_path=tf_path)


def _columns_of(archetype: Any) -> Any:
    from .._baseclasses import ComponentColumnList

    return ComponentColumnList(b.partition([len(b)]) for b in archetype.as_component_batches())


def _log_joints(rec: Any, robot: ET.Element, head: list[str], transform_cls: Any, *, frame_prefix: str = "",
                tf_path: str | None = None) -> None:
    from ..store import new_entity_path

    parents, childs, translations, quaternions = [], [], [], []
    for joint in robot.findall("joint"):
        parent, child = joint.find("parent"), joint.find("child")
        if parent is None or child is None:
            raise ValueError(f"joint {joint.get('name')!r} needs <parent> and <child>")
        xyz, quat = _origin(joint)
        parents.append(frame_prefix + parent.get("link"))
        childs.append(frame_prefix + child.get("link"))
        translations.append(xyz)
        quaternions.append(quat)
    if not parents:
        return
    rec.send_columns(tf_path or new_entity_path([*head, "tf_static"]), [],
                     transform_cls.columns(child_frame=childs, parent_frame=parents, translation=translations,
                                           quaternion=quaternions), strict=True)
