"""Helpers from Rerun's tutorials: `build_color_spiral`, `bounce_lerp` (same signatures and results)."""

from __future__ import annotations

from collections import namedtuple
from math import cos, sin, tau
from typing import Any

import numpy as np

from ._turbo import turbo_colormap_data

__all__ = ["ColorGrid", "ColorSpiral", "bounce_lerp", "build_color_grid", "build_color_spiral", "color_grid",
           "color_spiral", "turbo_colormap_data"]

ColorSpiral = namedtuple("ColorSpiral", ["positions", "colors"])
ColorGrid = namedtuple("ColorGrid", ["positions", "colors"])


def build_color_grid(x_count: int = 10, y_count: int = 10, z_count: int = 10, *, twist: float = 0) -> ColorGrid:
    """A grid of points in [-10, 10]^3, colored by position (RGB 0..255), each z layer rotated by `twist`/z."""
    grid = np.mgrid[slice(-10, 10, x_count * 1j), slice(-10, 10, y_count * 1j), slice(-10, 10, z_count * 1j)]
    angle = np.linspace(-float(twist) / 2, float(twist) / 2, z_count)
    for z in range(z_count):
        xv, yv, zv = grid[:, :, :, z]
        grid[:, :, :, z] = [xv * cos(angle[z]) - yv * sin(angle[z]), xv * sin(angle[z]) + yv * cos(angle[z]), zv]
    positions = np.vstack([xyz.ravel() for xyz in grid])
    colors = np.vstack([xyz.ravel() for xyz in np.mgrid[slice(0, 255, x_count * 1j), slice(0, 255, y_count * 1j),
                                                           slice(0, 255, z_count * 1j)]])
    return ColorGrid(positions.T, colors.T.astype(np.uint8))


def build_color_spiral(num_points: int = 100, *, radius: float = 2, angular_step: float = 0.02,
                       angular_offset: float = 0, z_step: float = 0.1) -> ColorSpiral:
    """A spiral of `num_points` points along +Z, colored with the Turbo colormap (float RGB in 0..1)."""
    positions = np.array([
        [cos(i * tau * angular_step + angular_offset) * radius,
         sin(i * tau * angular_step + angular_offset) * radius,
         i * z_step]
        for i in range(num_points)
    ])
    colors = turbo_colormap_data[np.linspace(0, len(turbo_colormap_data) - 1, num_points, dtype=int)]
    return ColorSpiral(positions, colors)


def bounce_lerp(a: float, b: float, t: Any) -> Any:
    """Linear interpolation from `a` (t=0) to `b` (t=1) that bounces back as `t` goes past 1."""
    tf = t % 1
    if int(t) % 2 == 0:
        return (1.0 - tf) * a + tf * b
    return tf * a + (1.0 - tf) * b


color_spiral = build_color_spiral()
color_grid = build_color_grid()
