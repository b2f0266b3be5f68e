"""The DNA abacus tutorial ("Send from Python"), shared by rerun-sdk and rerun_nb: `python sdk_dna.py MODULE OUT`.

MODULE is `rerun` (the real SDK) or `rerun_nb`. Random offsets use a fixed seed so both writers log the
same values.
"""

import importlib
import sys
from math import tau
from pathlib import Path

import numpy as np


def color_spiral(num_points, radius=2.0, angular_step=0.02, angular_offset=0.0, z_step=0.1):
    # same as rerun.utilities.build_color_spiral, with the turbo colormap replaced by a fixed ramp
    t = np.arange(num_points)
    angle = tau * angular_step * t + angular_offset
    points = np.column_stack((np.sin(angle) * radius, np.cos(angle) * radius, t * z_step)).astype(np.float32)
    ramp = t / max(num_points - 1, 1)
    colors = (np.column_stack((ramp, 1 - ramp, 0.5 + 0 * ramp)) * 255).astype(np.uint8)
    return points, colors


def bounce_lerp(a, b, t):
    tf = t % 1
    if int(t) % 2 == 0:
        return (1.0 - tf) * a + tf * b
    return tf * a + (1.0 - tf) * b


def main(rr, path, steps=400):
    rr.init("rerun_example_dna_abacus", recording_id="dna-fixed")
    rr.save(path)
    n = 100
    points1, colors1 = color_spiral(n)
    points2, colors2 = color_spiral(n, angular_offset=tau * 0.5)
    rr.set_time("stable_time", duration=0)
    rr.log("dna/structure/left", rr.Points3D(points1, colors=colors1, radii=0.08))
    rr.log("dna/structure/right", rr.Points3D(points2, colors=colors2, radii=0.08))
    rr.log("dna/structure/scaffolding",
           rr.LineStrips3D(np.stack((points1, points2), axis=1), colors=[128, 128, 128]))
    time_offsets = np.random.default_rng(0).random(n)
    for i in range(steps):
        time = i * 0.01
        rr.set_time("stable_time", duration=time)
        times = np.repeat(time, n) + time_offsets
        beads = [bounce_lerp(points1[k], points2[k], times[k]) for k in range(n)]
        colors = [[int(bounce_lerp(80, 230, times[k] * 2))] for k in range(n)]
        rr.log("dna/structure/scaffolding/beads",
               rr.Points3D(beads, radii=0.06, colors=np.repeat(colors, 3, axis=-1)))
        rr.log("dna/structure",
               rr.Transform3D(rotation=rr.RotationAxisAngle(axis=[0, 0, 1], radians=time / 4.0 * tau)))
    rr.disconnect()


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # the repo root: its rerun_nb
    main(importlib.import_module(sys.argv[1]), sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 400)
