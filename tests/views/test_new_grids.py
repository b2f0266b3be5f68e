"""GridMap, VoxelGridMap and Volume3D in the 3D view, by pixels at projected world positions."""

from __future__ import annotations

import numpy as np

import rerun_nb as rr
import rerun_nb.blueprint as rrb


def _pixel_of(r, xyz):
    view, rect = r.views[0], r.placed[0][1]
    view.camera.set_view_size(rect[2], rect[3])
    p = view.camera.camera_matrix @ np.array([*xyz, 1.0])
    return int((1 - p[1] / p[3]) / 2 * rect[3]), int((p[0] / p[3] + 1) / 2 * rect[2])


def test_grid_map_cells_where_the_pose_and_cell_size_put_them(rec, make_layout):
    grid = np.zeros((10, 20, 3), np.uint8)
    grid[:, :10] = (255, 0, 0)  # columns 0-9 red (x < 1), 10-19 green
    grid[:, 10:] = (0, 255, 0)
    grid[:5, 10:] = (0, 0, 255)  # rows 0-4 of the right half blue: y < 0.5 (row 0 at y = 0)
    rec.log("world/marker", rr.Points3D([[0, 0, 0], [4, 2, 0]], radii=0.01))  # the camera fits both
    rec.log("world/map", rr.GridMap(data=grid.tobytes(), format=rr.components.ImageFormat(
        width=20, height=10, color_model="RGB", channel_datatype="U8"), cell_size=0.1, translation=[1, 0, 0]),
        static=True)
    r = make_layout(rec.store, 240, 180, blueprint=rrb.Spatial3DView(origin="/", line_grid=False))
    img = r.render("log_time", None)
    for xyz, color in (([1.5, 0.75, 0], (255, 0, 0)), ([2.5, 0.75, 0], (0, 255, 0)), ([2.5, 0.25, 0], (0, 0, 255))):
        row, col = _pixel_of(r, xyz)
        assert img[row, col, :3].tolist() == list(color), xyz


def test_voxels_drawn_at_their_indices(rec, make_layout):
    rec.log("vox", rr.VoxelGridMap([[0, 0, 0], [3, 0, 0]], [0.5, 0.5, 0.5], colors=[[255, 0, 0], [0, 255, 0]]),
            static=True)
    r = make_layout(rec.store, 200, 150, blueprint=rrb.Spatial3DView(origin="/", line_grid=False))
    img = r.render("log_time", None)
    for xyz, channel in (([0.25, 0.25, 0.5], 0), ([1.75, 0.25, 0.5], 1)):  # top-face centers
        row, col = _pixel_of(r, xyz)
        px = img[row, col, :3].astype(int)
        assert px[channel] > 100 and px[channel] > 2 * np.delete(px, channel).max(), (xyz, px)


def test_volume_renders_something_where_the_values_are(rec, make_layout):
    vol = np.zeros((8, 8, 8), np.float32)
    vol[2:6, 2:6, 2:6] = 1.0
    rec.log("box", rr.Points3D([[0, 0, 0], [8, 8, 8]], radii=0.01))  # bounds for the camera
    rec.log("vol", rr.Volume3D(vol, voxel_size=[1, 1, 1]), static=True)
    r = make_layout(rec.store, 160, 160, blueprint=rrb.Spatial3DView(origin="/", line_grid=False))
    img = r.render("log_time", None)
    row, col = _pixel_of(r, [4, 4, 4])
    assert img[row, col, :3].astype(int).sum() > 150  # bright where the dense block is
    corner_row, corner_col = _pixel_of(r, [0.5, 0.5, 0.5])
    assert img[corner_row, corner_col, :3].astype(int).sum() < img[row, col, :3].astype(int).sum()
