"""The Asset3D visualizer: glTF/GLB, OBJ and STL files parsed with trimesh, turned into pygfx meshes by
pygfx's own trimesh bridge (``gfx.utils.load.meshes_from_trimesh``: geometry, normals, materials, textures).

The file's coordinates are used as they are (Rerun does the same: place the asset with a Transform3D).
``albedo_factor`` multiplies the materials' base color, as in Rerun. Parsed files are kept per blob (a
few), so a static asset is parsed once and scrubbing time costs nothing.
"""

from __future__ import annotations

import io
import logging
from collections import OrderedDict

import numpy as np
import pygfx as gfx

from ..query import text_values
from ._colors import rgba_float
from ._registry import batch, register_visualizer

__all__ = ["asset_file_type"]

FILE_TYPES = {"model/gltf-binary": "glb", "model/gltf+json": "gltf", "model/obj": "obj", "model/stl": "stl"}
_PARSED: OrderedDict = OrderedDict()
CACHE_ASSETS = 8


def asset_file_type(blob: bytes, media_type: str | None) -> str:
    """trimesh's file type for an asset: from its media type, else from its first bytes (as Rerun guesses)."""
    if media_type in FILE_TYPES:
        return FILE_TYPES[media_type]
    if media_type is not None:
        raise NotImplementedError(f"Asset3D media type {media_type!r} is not drawn by rerun_nb "
                                  f"(supported: {', '.join(FILE_TYPES)})")
    head = blob[:512].lstrip()
    if head.startswith(b"glTF"):
        return "glb"
    if head.startswith(b"{"):
        return "gltf"
    if head.startswith(b"solid") or len(blob) >= 84 and 84 + 50 * int.from_bytes(blob[80:84], "little") == len(blob):
        return "stl"
    return "obj"


def _meshes(blob: bytes, file_type: str) -> list:
    key = (len(blob), hash(blob), file_type)
    cached = _PARSED.get(key)
    if cached is None:
        import trimesh
        from pygfx.utils.load import meshes_from_trimesh

        log = logging.getLogger("trimesh")
        level = log.level
        log.setLevel(logging.ERROR)  # without scipy trimesh logs a traceback per mesh, then falls back fine
        try:
            scene = trimesh.load(io.BytesIO(blob), file_type=file_type, force="scene")
        finally:
            log.setLevel(level)
        cached = _PARSED[key] = meshes_from_trimesh(scene, materials=True, apply_transforms=True)
        while len(_PARSED) > CACHE_ASSETS:
            _PARSED.popitem(last=False)
    _PARSED.move_to_end(key)
    return cached


@register_visualizer("Asset3D", "Asset3D:blob")
def asset3d(prev, result, entity_path):
    b = batch(result, "Asset3D:blob")
    cell = b[0]
    values = cell.values.to_numpy(zero_copy_only=False) if hasattr(cell, "values") else np.asarray(cell)
    blob = np.asarray(values, np.uint8).tobytes()
    mt = text_values(batch(result, "Asset3D:media_type"))
    file_type = asset_file_type(blob, mt[0] if mt else None)
    albedo = rgba_float(batch(result, "Asset3D:albedo_factor"))
    key = (len(blob), hash(blob), file_type, None if albedo is None else albedo[0].tobytes())
    if isinstance(prev, gfx.Group) and getattr(prev, "_rnb_asset_key", None) == key:
        return prev
    group = gfx.Group(name=f"{entity_path} asset")
    for mesh in _meshes(blob, file_type):
        material = mesh.material
        if albedo is not None:  # a per-entity material: the parsed one is shared by every entity of this file
            material = type(material)(color=tuple(np.asarray(material.color.rgba) * albedo[0]),
                                      map=getattr(material, "map", None), side="both")
        obj = gfx.Mesh(mesh.geometry, material)
        obj.local.matrix = mesh.local.matrix
        group.add(obj)
    group._rnb_asset_key = key
    return group
