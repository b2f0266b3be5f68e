"""Rerun's DNA tutorial ("Send from Python"), written exactly as the tutorial does, for rerun_nb."""

from __future__ import annotations

from math import tau

import numpy as np

import rerun_nb as rr
from rerun_nb.utilities import bounce_lerp, build_color_spiral

NUM_POINTS = 100


def log_dna(rec: rr.RecordingStream | None = None, steps: int = 400) -> None:
    """Log the DNA abacus into ``rec`` (default: the global recording)."""
    rng = np.random.default_rng(0)
    points1, colors1 = build_color_spiral(NUM_POINTS)
    points2, colors2 = build_color_spiral(NUM_POINTS, angular_offset=tau * 0.5)
    rr.set_time("stable_time", duration=0, recording=rec)
    rr.log("dna/structure/left", rr.Points3D(points1, colors=colors1, radii=0.08), recording=rec)
    rr.log("dna/structure/right", rr.Points3D(points2, colors=colors2, radii=0.08), recording=rec)
    rr.log("dna/structure/scaffolding",
           rr.LineStrips3D(np.stack((points1, points2), axis=1), colors=[128, 128, 128]), recording=rec)
    offsets = rng.random(NUM_POINTS)
    for i in range(steps):
        time = i * 0.01
        rr.set_time("stable_time", duration=time, recording=rec)
        times = np.repeat(time, NUM_POINTS) + offsets
        beads = [bounce_lerp(points1[n], points2[n], times[n]) for n in range(NUM_POINTS)]
        colors = [[int(bounce_lerp(80, 230, times[n] * 2))] for n in range(NUM_POINTS)]
        rr.log("dna/structure/scaffolding/beads",
               rr.Points3D(beads, radii=0.06, colors=np.repeat(colors, 3, axis=-1)), recording=rec)
        rr.log("dna/structure",
               rr.Transform3D(rotation=rr.RotationAxisAngle(axis=[0, 0, 1], radians=time / 4.0 * tau)),
               recording=rec)


if __name__ == "__main__":
    rr.init("rerun_example_dna_abacus")
    log_dna()
    rr.save("dna.rrd")
