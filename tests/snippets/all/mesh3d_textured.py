"""A textured quad with texcoords and an albedo texture, and a triangle-indexed mesh with class ids."""

import numpy as np
import rerun as rr

rr.init("rerun_example_mesh3d_textured", spawn=True)

texture = np.zeros((4, 4, 3), np.uint8)
texture[::2, ::2] = 255
rr.log(
    "quad",
    rr.Mesh3D(
        vertex_positions=[[0, 0, 0], [1, 0, 0], [1, 1, 0], [0, 1, 0]],
        triangle_indices=[[0, 1, 2], [0, 2, 3]],
        vertex_texcoords=[[0, 0], [1, 0], [1, 1], [0, 1]],
        albedo_texture=texture,
        class_ids=[7],
    ),
)
