"""The DNA tutorial ("Send from Python") logged into a store-like object with a ``log`` method."""

from __future__ import annotations

import numpy as np

NUM_POINTS = 100
STEPS = 400
NS_PER_S = 1_000_000_000


def _spiral(num_points, radius=2.0, angular_step=0.02, angular_offset=0.0, z_step=0.1):
    tau = 2 * np.pi
    idx = np.arange(num_points)
    angle = tau * angular_step * idx + angular_offset * tau
    positions = np.stack([np.sin(angle) * radius, np.cos(angle) * radius, z_step * idx], axis=1)
    t = idx / max(num_points - 1, 1)
    colors = np.stack([np.clip(1.5 - abs(4 * t - 3), 0, 1), np.clip(1.5 - abs(4 * t - 2), 0, 1),
                       np.clip(1.5 - abs(4 * t - 1), 0, 1)], axis=1)
    return positions.astype(np.float32), colors.astype(np.float32)


def pack_rgb(colors: np.ndarray) -> np.ndarray:
    c = np.clip(np.asarray(colors) * (255 if np.asarray(colors).dtype.kind == "f" else 1), 0, 255).astype(np.uint32)
    return (c[:, 0] << 24) | (c[:, 1] << 16) | (c[:, 2] << 8) | 0xFF


def log_dna(store, steps: int = STEPS) -> None:
    """Log the DNA abacus into a FakeStore (duration timeline ``stable_time`` in ns)."""
    rng = np.random.default_rng(0)
    p1, c1 = _spiral(NUM_POINTS)
    p2, c2 = _spiral(NUM_POINTS, angular_offset=0.5)
    t0 = {"stable_time": 0}
    store.log("dna/structure/left", {"Points3D:positions": p1, "Points3D:colors": pack_rgb(c1),
                                     "Points3D:radii": np.array([0.08], np.float32)}, times=t0)
    store.log("dna/structure/right", {"Points3D:positions": p2, "Points3D:colors": pack_rgb(c2),
                                      "Points3D:radii": np.array([0.08], np.float32)}, times=t0)
    store.log("dna/structure/scaffolding", {"LineStrips3D:strips": list(np.stack((p1, p2), axis=1)),
                                            "LineStrips3D:colors": np.array([0x808080FF], np.uint32)}, times=t0)
    offsets = rng.random(NUM_POINTS)
    for i in range(steps):
        time_s = i * 0.01
        times = time_s + offsets
        beads = p1 + (p2 - p1) * ((np.cos(times * np.pi * 2) * -0.5 + 0.5)[:, None])
        grey = (80 + (230 - 80) * (np.cos(times * 2 * np.pi * 2) * -0.5 + 0.5)).astype(np.uint32)
        colors = (grey << 24) | (grey << 16) | (grey << 8) | 0xFF
        t = {"stable_time": int(round(time_s * NS_PER_S))}
        store.log("dna/structure/scaffolding/beads", {"Points3D:positions": beads.astype(np.float32),
                                                      "Points3D:colors": colors,
                                                      "Points3D:radii": np.array([0.06], np.float32)}, times=t)
        aa = np.zeros(1, dtype=[("axis", np.float32, 3), ("angle", np.float32)])
        aa["axis"] = [0, 0, 1]
        aa["angle"] = time_s / 4.0 * 2 * np.pi
        store.log("dna/structure", {"Transform3D:rotation_axis_angle": aa}, times=t)
