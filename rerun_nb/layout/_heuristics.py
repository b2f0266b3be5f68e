"""Views from the data, without a blueprint (after Rerun 0.41's per-view-kind heuristics).

* 3D: one ``Spatial3DView`` at ``/`` when any entity has 3D content (points, lines, boxes, meshes,
  ellipsoids, capsules, cylinders, arrows, Pinhole frustums).
* 2D: one ``Spatial2DView`` per image space: the nearest ancestor (or the entity) with a ``Pinhole``,
  else the image entity itself (its children, e.g. boxes on the image, come along). 2D primitives
  outside every image space share one 2D view at ``/``.
* One ``TimeSeriesView`` at ``/`` for all ``Scalars``, one ``TextLogView`` at ``/`` for all ``TextLog``.
* One view per entity for ``TextDocument``, ``BarChart``, ``Tensor`` and ``AssetAudio`` (an ``AudioView``).
* One ``GraphView`` per entity with ``GraphNodes`` or ``GraphEdges`` (node ids are per entity).
* One ``MapView`` at ``/`` for all ``GeoPoints`` / ``GeoLineStrings``.
* One ``StateTimelineView`` at ``/`` for all ``StateChange``.

The views are arranged in a grid (ceil(sqrt(n)) columns), as Rerun's auto layout does.
"""

from __future__ import annotations

from ._tree import ContainerSpec, ViewSpec

__all__ = ["ARCHETYPES_2D", "ARCHETYPES_3D", "IMAGE_ARCHETYPES", "VISUAL_ARCHETYPES", "heuristic_layout",
           "store_archetypes", "undrawn_archetypes"]

ARCHETYPES_3D = frozenset({"Points3D", "LineStrips3D", "Boxes3D", "Arrows3D", "Ellipsoids3D", "Capsules3D",
                           "Cylinders3D", "Mesh3D", "Pinhole", "TransformAxes3D", "GaussianSplats3D", "Asset3D",
                           "GridMap", "VoxelGridMap", "Volume3D"})
IMAGE_ARCHETYPES = frozenset({"Image", "DepthImage", "SegmentationImage", "EncodedImage", "EncodedDepthImage",
                              "AssetVideo", "VideoFrameReference", "VideoStream"})
ARCHETYPES_2D = frozenset({"Points2D", "Boxes2D", "LineStrips2D", "Arrows2D", "Ellipses2D"}) | IMAGE_ARCHETYPES
PER_ENTITY = {"TextDocument": "TextDocument", "BarChart": "BarChart", "Tensor": "Tensor", "AssetAudio": "Audio"}
GRAPH_ARCHETYPES = frozenset({"GraphNodes", "GraphEdges"})
GEO_ARCHETYPES = frozenset({"GeoPoints", "GeoLineStrings"})


def store_archetypes(store) -> dict[str, set[str]]:
    """Entity path -> archetype names of its components (from the store's public metadata)."""
    return {path: {c.split(":", 1)[0] for c in store.components(path)} for path in store.entity_paths()}


def _under(path: str, root: str) -> bool:
    return root == "/" or path == root or path.startswith(root.rstrip("/") + "/")


def heuristic_layout(archetypes_per_entity: dict[str, set[str]]) -> ContainerSpec:
    """The auto layout for a recording whose entities have these archetypes."""
    paths = sorted(archetypes_per_entity)
    pinholes = [p for p in paths if "Pinhole" in archetypes_per_entity[p]]
    roots_2d: list[str] = []
    for path in paths:
        if archetypes_per_entity[path] & IMAGE_ARCHETYPES:
            owner = max((p for p in pinholes if _under(path, p)), key=len, default=path)
            if not any(_under(owner, r) for r in roots_2d):
                roots_2d = [r for r in roots_2d if not _under(r, owner)] + [owner]
    loose_2d = [p for p in paths if archetypes_per_entity[p] & ARCHETYPES_2D
                and not any(_under(p, r) for r in roots_2d)]
    views: list[ViewSpec] = []
    if any(archetypes_per_entity[p] & ARCHETYPES_3D for p in paths):
        views.append(ViewSpec("3D", "/"))
    views += [ViewSpec("2D", r) for r in sorted(roots_2d)]
    if loose_2d:
        views.append(ViewSpec("2D", "/", contents=[f"+ {p}" for p in loose_2d]))
    if any("Scalars" in archetypes_per_entity[p] for p in paths):
        views.append(ViewSpec("TimeSeries", "/"))
    if any("TextLog" in archetypes_per_entity[p] for p in paths):
        views.append(ViewSpec("TextLog", "/"))
    for path in paths:
        for archetype, kind in PER_ENTITY.items():
            if archetype in archetypes_per_entity[path]:
                views.append(ViewSpec(kind, path, contents="$origin"))
    views += [ViewSpec("Graph", p, contents="$origin") for p in paths if archetypes_per_entity[p] & GRAPH_ARCHETYPES]
    if any(archetypes_per_entity[p] & GEO_ARCHETYPES for p in paths):
        views.append(ViewSpec("Map", "/"))
    if any("StateChange" in archetypes_per_entity[p] for p in paths):
        views.append(ViewSpec("StateTimeline", "/"))
    return ContainerSpec("grid", children=views)


# Every archetype Rerun 0.41 draws in some view (the others, e.g. Transform3D, Clear, AnnotationContext,
# McapChannel, RecordingInfo, configure or describe and are never "drawn").
VISUAL_ARCHETYPES = frozenset({
    "Points3D", "LineStrips3D", "Boxes3D", "Arrows3D", "Ellipsoids3D", "Capsules3D", "Cylinders3D", "Mesh3D",
    "Pinhole", "TransformAxes3D", "GaussianSplats3D", "Asset3D", "GridMap", "VoxelGridMap", "Volume3D",
    "Points2D", "Boxes2D", "LineStrips2D", "Arrows2D", "Ellipses2D", "Image", "DepthImage", "SegmentationImage",
    "EncodedImage", "EncodedDepthImage", "AssetVideo", "VideoFrameReference", "VideoStream",
    "Scalars", "SeriesLines", "SeriesPoints", "Measurements", "TextLog", "TextDocument", "BarChart", "Tensor",
    "GraphNodes", "GraphEdges", "GeoPoints", "GeoLineStrings", "StateChange", "StateConfiguration", "AssetAudio",
})
# Drawn by views that have no per-archetype visualizer registry, or through another archetype.
_DRAWN_BY_VIEWS = frozenset({"Scalars", "SeriesLines", "SeriesPoints", "TextLog", "TextDocument", "BarChart",
                             "Tensor", "GraphNodes", "GraphEdges", "GeoPoints", "GeoLineStrings",
                             "AssetVideo", "AssetAudio", "StateChange", "StateConfiguration"})  # AssetVideo: the frames its VideoFrameReferences pick


def drawn_archetypes() -> frozenset[str]:
    """The archetypes some rerun_nb view draws now (registered visualizers + the views' own)."""
    from ..viewer._registry import archetypes_drawn_by
    from ..views import VIEW_CLASSES

    registered = set().union(*(archetypes_drawn_by(kind) for kind in VIEW_CLASSES))
    for cls in VIEW_CLASSES.values():
        registered |= set(getattr(cls, "draws", ()))
    return frozenset(registered | _DRAWN_BY_VIEWS)


def undrawn_archetypes(archetypes_per_entity: dict[str, set[str]]) -> dict[str, list[str]]:
    """Entity path -> the archetypes it has that Rerun draws but no rerun_nb view draws yet (only paths with some)."""
    missing = VISUAL_ARCHETYPES - drawn_archetypes()
    out = {}
    for path, names in archetypes_per_entity.items():
        left = sorted(set(names) & missing)
        if left:
            out[path] = left
    return out
