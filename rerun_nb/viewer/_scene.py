"""Scene builder: one retained pygfx group per entity path, rebuilt only where the data changed.

Design
------
The entity tree maps onto a pygfx group tree: ``/a/b`` is a child group of ``/a``, and its
``Transform3D`` is that group's local matrix, so a parent transform moves its whole subtree for free.
The view's origin is the root group (transforms above it do not apply: the origin's space is the
view's space). Each entity group holds one ``visuals`` group with the objects its visualizers made
(one object per archetype; with ``InstancePoses3D`` one clone per pose, sharing geometry and material).

Which entities to query again comes from ``rerun_nb.query.ChangeTracker`` (store events); a
visualizer then compares row ids before touching buffers.

A view's blueprint settings (``settings``: defaults, overrides, visible time ranges; see
``rerun_nb.views._overrides.ViewSettings``) change what the visualizers are given: an entity with a
visible time range is read by a range query over the window around the cursor (re-read whenever the
cursor moves), and defaults / overrides are put into the result before a visualizer sees it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pygfx as gfx

from ..error_utils import report_error
from ..query import ChangeTracker, range_result, resolve_time_range
from ..query._transforms import (
    as_float_rows,
    instance_poses_to_mat4s,
    pinhole_camera_basis,
    pinhole_image_plane_matrix,
    transform3d_to_mat4,
    world_up_from_view_coordinates,
)
from . import _vis_basic, _vis_shapes  # noqa: F401  (registers the visualizers)
from ._registry import batch, required_components, visualizers_for

__all__ = ["RANGE_CONCATENATED", "SceneBuilder"]

# Archetypes whose rows in a visible time range are all drawn (a trail); the others draw the newest row
# of the window (an image or a mesh drawn many times over itself would look the same, only slower).
RANGE_CONCATENATED = frozenset({
    "Points3D", "Points2D", "LineStrips3D", "LineStrips2D", "Arrows3D", "Arrows2D", "Boxes3D", "Boxes2D",
    "Ellipsoids3D", "Capsules3D", "Cylinders3D",
})


class _Entity:
    __slots__ = ("group", "objects", "path", "plane", "poses", "row_ids", "visuals")

    def __init__(self, path: str, group: gfx.Group):
        self.path = path
        self.group = group
        self.visuals = gfx.Group(name=f"{path} visuals")
        group.add(self.visuals)
        self.row_ids: Any = None
        self.objects: dict[str, Any] = {}
        self.poses: np.ndarray | None = None
        self.plane: gfx.Group | None = None  # 2D objects under a pinhole, on its image plane (3D views)


class SceneBuilder:
    """Keeps a pygfx group tree in sync with a store's latest-at state at a (timeline, time)."""

    def __init__(self, store, *, origin: str = "/", include: Callable[[str], bool] | None = None,
                 view_kind: str = "3D"):
        self.store = store
        self.origin = "/" + origin.strip("/")
        self.view_kind = view_kind
        self.root = gfx.Group(name=self.origin)
        self.view_up = np.array([0.0, 0.0, 1.0])
        self._view_coordinates_owner: str | None = None
        self._entities: dict[str, _Entity] = {}
        self._groups: dict[str, gfx.Group] = {self.origin: self.root}
        self._hidden: set[str] = set()
        self.visualizer_context = None  # passed to visualizers as a 4th argument when set (the 2D view's)
        self.settings = None  # the view's ViewSettings (defaults, overrides, time ranges), when it has any
        self._ranged: set[str] = set()  # entities drawn from a range query (re-read when the cursor moves)
        self._last_query: tuple[str, int | None] | None = None
        # 3D views: pinhole entity -> the 4x4 taking its 2D space onto its image plane (2D data under it is
        # drawn there by the 2D visualizers, as Rerun puts a pinhole's 2D space into the 3D view)
        self.pinholes: dict[str, np.ndarray] = {}
        self._pinhole_params: dict[str, tuple[np.ndarray, np.ndarray | None, np.ndarray | None, float]] = {}
        prefix = self.origin.rstrip("/") + "/"
        self._in_space = lambda p: p == self.origin or self.origin == "/" or p.startswith(prefix)
        self.tracker = ChangeTracker(store, include=lambda p: self._in_space(p) and (include is None or include(p)))

    def close(self) -> None:
        """Stop listening to the store."""
        self.tracker.close()

    def _entity(self, path: str) -> _Entity:
        ent = self._entities.get(path)
        if ent is None:
            ent = self._entities[path] = _Entity(path, self._group(path))
        return ent

    def _group(self, path: str) -> gfx.Group:
        group = self._groups.get(path)
        if group is None:
            parent_path = path.rsplit("/", 1)[0] or "/"
            group = self._groups[path] = gfx.Group(name=path, visible=path not in self._hidden)
            self._group(parent_path).add(group)
        return group

    # ---- public --------------------------------------------------------------------------------
    @property
    def entity_paths(self) -> list[str]:
        """Entity paths seen so far (sorted)."""
        return self.tracker.entity_paths

    def entities(self):
        """(path, entity) pairs with what each draws now (``entity.objects``: archetype -> pygfx object)."""
        return list(self._entities.items())

    def data_times(self, timeline: str) -> np.ndarray:
        """Sorted distinct times at which any entity has data on ``timeline`` (from the events seen)."""
        return self.tracker.data_times(timeline)

    def min_time_gap(self, timeline: str) -> int | None:
        """Smallest gap between two data times of one entity on ``timeline`` (cheap: kept incrementally)."""
        return self.tracker.min_time_gap(timeline)

    def pixel_clouds(self) -> list:
        """Visible huge point clouds drawn as pixel dots, without instance poses (culled per frame)."""
        out = []
        for ent in self._entities.values():
            if ent.poses is None and _group_visible(ent.group):
                out.extend(o for o in ent.objects.values() if getattr(o, "_rnb_full", None) is not None)
        return out

    def set_visible(self, path: str, visible: bool) -> None:
        """Show or hide an entity and its subtree."""
        (self._hidden.discard if visible else self._hidden.add)(path)
        group = self._groups.get(path)
        if group is not None:
            group.visible = visible

    def update(self, timeline: str, at: int | None) -> set[str]:
        """Bring the scene to the latest-at state at ``(timeline, at)``; returns the entities rebuilt."""
        rebuilt = set()
        dirty = self.tracker.dirty(timeline, at)
        if self._last_query != (timeline, at):
            dirty |= self._ranged  # their window moved with the cursor
        self._last_query = (timeline, at)
        pinholes_before = dict(self.pinholes)
        for path in sorted(dirty):
            if self._refresh(self._entity(path), timeline, at):
                rebuilt.add(path)
        if self.view_kind == "3D" and _changed_keys(pinholes_before, self.pinholes):
            rebuilt |= self._pinholes_changed(pinholes_before, timeline, at)
        return rebuilt

    def pinhole_of(self, path: str) -> str | None:
        """The pinhole entity whose 2D space ``path`` is in (itself or its nearest ancestor), or None."""
        while True:
            if path in self.pinholes:
                return path
            if path in ("/", self.origin):
                return None
            path = path.rsplit("/", 1)[0] or "/"

    def _pinholes_changed(self, before: dict, timeline: str, at: int | None) -> set[str]:
        """A pinhole came, went or moved its plane: entities in the spaces concerned are drawn again."""
        changed = _changed_keys(before, self.pinholes)
        again = set()
        for path, ent in list(self._entities.items()):
            if any(path == c or path.startswith(c.rstrip("/") + "/") for c in changed):
                ent.row_ids = None
                if self._refresh(ent, timeline, at):
                    again.add(path)
        return again

    # ---- per entity ----------------------------------------------------------------------------
    def _query(self, path: str, timeline: str, at: int | None):
        """The entity's latest-at result, or its range result when a visible time range applies, with the
        view's defaults and overrides applied."""
        settings = self.settings
        time_range = settings.time_range(path, timeline) if settings is not None else None
        if time_range is None:
            self._ranged.discard(path)
            result = self.store.latest_at(path, timeline=timeline, at=at)
        else:
            self._ranged.add(path)
            if at is None:
                info = self.store.timelines().get(timeline)
                cursor = int(info.max) if info is not None else 0
            else:
                cursor = at
            start, end = resolve_time_range(time_range, cursor)
            result = range_result(self.store, path, timeline=timeline, at=at, start=start, end=end,
                                  required=required_components(self.view_kind), concatenable=RANGE_CONCATENATED)
        if settings is not None:
            result = settings.apply(path, result, {name.split(":", 1)[0] for name in result})
        return result

    def _refresh(self, ent: _Entity, timeline: str, at: int | None) -> bool:
        result = self._query(ent.path, timeline, at)
        row_ids = getattr(result, "row_ids", None)
        if row_ids is not None and ent.row_ids is not None and dict(row_ids) == ent.row_ids:
            return False
        ent.row_ids = None if row_ids is None else dict(row_ids)
        self._apply_transform(ent, result)
        plane = None
        if self.view_kind == "3D":
            self._note_pinhole(ent.path, result)
            owner = self.pinhole_of(ent.path)
            plane = None if owner is None else self.pinholes[owner]
        visualizers = [] if plane is not None and ent.path not in self.pinholes else visualizers_for(result, self.view_kind)
        if plane is not None:  # the pinhole's 2D space: images and 2D primitives, projected
            visualizers += [v for v in visualizers_for(result, "2D") if v.archetype != "Pinhole"]
        objects = {}
        for vis in visualizers:
            try:
                prev = ent.objects.get(vis.archetype)
                ctx = self.visualizer_context
                # 3D visualizers take no context; the others (2D, ...) get the view's, also under a pinhole
                obj = vis.fn(prev, result, ent.path) if ctx is None or vis.view == "3D" else \
                    vis.fn(prev, result, ent.path, ctx)
            except Exception as exc:  # noqa: BLE001 - bad data must not break the view of everything else
                self._warn_once(ent.path, vis.archetype, exc)
                continue
            if obj is not None:
                obj._rnb_in_plane = vis.view == "2D" and self.view_kind != "2D"
                objects[vis.archetype] = obj
        poses = instance_poses_to_mat4s(result)
        if objects != ent.objects or not _same_poses(poses, ent.poses) or ent.plane is not None \
                and not np.array_equal(ent.plane.local.matrix, plane if plane is not None else np.eye(4)):
            self._place_visuals(ent, objects, poses, plane)
        ent.objects, ent.poses = objects, poses
        return True

    def _note_pinhole(self, path: str, result) -> None:
        """Keep the image-plane matrix of a pinhole entity (3D views)."""
        k = as_float_rows(batch(result, "Pinhole:image_from_camera"), 9)
        if k is None:
            self.pinholes.pop(path, None)
            return
        xyz = as_float_rows(batch(result, "Pinhole:camera_xyz"), 3)
        dist = as_float_rows(batch(result, "Pinhole:image_plane_distance"), 1)
        m = pinhole_image_plane_matrix(k[0], None if xyz is None else xyz[0].astype(np.uint8),
                                       1.0 if dist is None else float(dist[0, 0]))
        if m is None:
            self.pinholes.pop(path, None)
        else:
            self.pinholes[path] = m
            res = as_float_rows(batch(result, "Pinhole:resolution"), 2)
            self._pinhole_params[path] = (k[0], None if xyz is None else xyz[0].astype(np.uint8),
                                          None if res is None else res[0], 1.0 if dist is None else float(dist[0, 0]))

    def world_matrix(self, path: str) -> np.ndarray | None:
        """The 4x4 world matrix of an entity's space (its transforms and its parents'), or None when unseen."""
        group = self._groups.get("/" + path.strip("/"))
        return None if group is None else np.asarray(group.world.matrix, float)

    def pinhole_camera(self, path: str) -> tuple[np.ndarray, float, float, float] | None:
        """Looking through the pinhole at ``path``: (world matrix of a pygfx camera there (it looks down its -z,
        y up), the frustum's width and height at unit distance, image plane distance); None when no pinhole."""
        path = "/" + path.strip("/")
        params = self._pinhole_params.get(path)
        world = self.world_matrix(path)
        if params is None or path not in self.pinholes or world is None:
            return None
        k_flat, xyz, res, dist = params
        k = np.asarray(k_flat, np.float64).reshape(3, 3, order="F")
        w, h = (float(res[0]), float(res[1])) if res is not None else (2 * k[0, 2], 2 * k[1, 2])
        basis = pinhole_camera_basis(xyz)  # RDF -> entity space
        rot = np.stack([basis @ [1, 0, 0], basis @ [0, -1, 0], basis @ [0, 0, -1]], axis=1)
        local = np.eye(4)
        local[:3, :3] = rot
        return world @ local, w / abs(k[0, 0]), h / abs(k[1, 1]), dist

    def _apply_transform(self, ent: _Entity, result) -> None:
        # The origin's own transform places the origin in its parent: the view's space is the origin's.
        m = None if ent.path == self.origin != "/" else transform3d_to_mat4(result)
        ent.group.local.matrix = np.eye(4) if m is None else m
        # The scene's up axis: ViewCoordinates on the root, or on a top-level entity such as "/world"
        # (the usual place); deeper ones (cameras) do not turn the whole view.
        depth = ent.path.count("/") - (0 if self.origin == "/" else self.origin.count("/"))
        if depth <= 1 and (ent.path == self.origin or self._view_coordinates_owner in (None, ent.path)):
            xyz = as_float_rows(batch(result, "ViewCoordinates:xyz"), 3)
            if xyz is not None:
                self.view_up = world_up_from_view_coordinates(xyz[0].astype(np.uint8))
                self._view_coordinates_owner = ent.path
            elif self._view_coordinates_owner == ent.path:
                self.view_up, self._view_coordinates_owner = np.array([0.0, 0.0, 1.0]), None

    def _place_visuals(self, ent: _Entity, objects: dict[str, Any], poses: np.ndarray | None,
                       plane: np.ndarray | None = None) -> None:
        ent.visuals.clear()
        ent.plane = None
        if plane is not None and any(getattr(o, "_rnb_in_plane", False) for o in objects.values()):
            ent.plane = gfx.Group(name=f"{ent.path} image plane")
            ent.plane.local.matrix = plane
            ent.visuals.add(ent.plane)
        if ent.plane is not None:
            for obj in objects.values():
                if getattr(obj, "_rnb_in_plane", False):
                    _sizes_in_model_space(obj)
        if poses is None:
            for obj in objects.values():
                (ent.plane if getattr(obj, "_rnb_in_plane", False) and ent.plane is not None else ent.visuals).add(obj)
            return
        for pose in poses:
            holder = gfx.Group()
            holder.local.matrix = pose
            for obj in objects.values():
                holder.add(_instance(obj))
            ent.visuals.add(holder)

    def _warn_once(self, path: str, archetype: str, exc: Exception) -> None:
        report_error(f"rerun_nb viewer: cannot draw {archetype} at {path!r}: {exc}",
                     key=f"viewer:{path}:{archetype}", strict=False)

    # ---- bounds ---------------------------------------------------------------------------------
    def world_bounds(self) -> np.ndarray | None:
        """(2, 3) min/max corners of everything visible, in world space (None when empty)."""
        corners = []
        for obj in _iter_visible(self.root):
            if isinstance(obj, (gfx.Points, gfx.Line, gfx.Mesh)):
                pos = obj.geometry.positions.data
                finite = pos[np.all(np.isfinite(pos), axis=1)]
                if not len(finite):
                    continue
                lo, hi = finite.min(axis=0), finite.max(axis=0)
                box = np.array([[x, y, z, 1.0] for x in (lo[0], hi[0]) for y in (lo[1], hi[1]) for z in (lo[2], hi[2])])
                corners.append((obj.world.matrix @ box.T).T[:, :3])
        if not corners:
            return None
        allc = np.concatenate(corners)
        return np.stack([allc.min(axis=0), allc.max(axis=0)])


def _instance(obj):
    """Another pygfx object drawing ``obj`` (sharing geometry and material), for one instance pose."""
    if type(obj) is gfx.Group:  # several objects (e.g. strips of different widths)
        group = gfx.Group()
        for child in obj.children:
            group.add(_instance(child))
        return group
    return type(obj)(obj.geometry, obj.material)


def _group_visible(obj) -> bool:
    while obj is not None:
        if not obj.visible:
            return False
        obj = obj.parent
    return True


def _iter_visible(obj):
    if not obj.visible:
        return
    yield obj
    for child in obj.children:
        yield from _iter_visible(child)


def _sizes_in_model_space(obj) -> None:
    """2D radii are in the 2D space's units (pixels): on an image plane they scale with it, so world-space
    sizes become model-space ones (pygfx's "world" ignores the object's own scale)."""
    for o in _iter_visible(obj):
        mat = getattr(o, "material", None)
        for attr in ("size_space", "thickness_space"):
            if mat is not None and getattr(mat, attr, None) == "world":
                setattr(mat, attr, "model")


def _changed_keys(a: dict, b: dict) -> set:
    """Keys added, removed or whose value (an array) changed between two dicts."""
    return {k for k in set(a) | set(b) if k not in a or k not in b or not np.array_equal(a[k], b[k])}


def _same_poses(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return a.shape == b.shape and np.array_equal(a, b)
