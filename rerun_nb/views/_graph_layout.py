"""A deterministic force-directed layout (d3-force's simulation, as Rerun's graph view runs it via fjadra).

Forces and their defaults follow Rerun 0.41's graph view fallbacks: ``ForceLink`` (on, distance 60,
3 iterations), ``ForceManyBody`` (on, strength -60), ``ForcePosition`` (on, strength 0.01, towards
(0, 0)), ``ForceCollisionRadius`` and ``ForceCenter`` (off). Nodes with a user-given position are
fixed there. New nodes start on d3's phyllotaxis spiral (no randomness: the same graph always gets
the same layout); nodes seen before start where they were.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["ForceParams", "force_layout"]

ALPHA_MIN = 0.001
ALPHA_DECAY = 1 - ALPHA_MIN ** (1 / 300)
VELOCITY_DECAY = 0.6  # d3's default (1 - 0.4)
INITIAL_RADIUS = 10.0
INITIAL_ANGLE = np.pi * (3 - np.sqrt(5))


@dataclass
class ForceParams:
    """The graph view's force settings (blueprint ``force_*`` properties, with Rerun's fallbacks)."""

    link: bool = True
    link_distance: float = 60.0
    link_iterations: int = 3
    many_body: bool = True
    many_body_strength: float = -60.0
    position: bool = True
    position_strength: float = 0.01
    position_xy: tuple[float, float] = (0.0, 0.0)
    collision: bool = False
    collision_strength: float = 1.0
    collision_iterations: int = 1
    center: bool = False
    center_strength: float = 1.0


def _phyllotaxis(indices: np.ndarray) -> np.ndarray:
    r = INITIAL_RADIUS * np.sqrt(0.5 + indices)
    a = indices * INITIAL_ANGLE
    return np.stack([r * np.cos(a), r * np.sin(a)], axis=1)


def force_layout(n: int, edges: np.ndarray, *, fixed: np.ndarray | None = None, start: np.ndarray | None = None,
                 radii: np.ndarray | None = None, params: ForceParams | None = None, ticks: int = 300) -> np.ndarray:
    """Positions (n, 2) of ``n`` nodes linked by ``edges`` ((m, 2) node indices).

    ``fixed``: (n, 2) positions with NaN rows for free nodes; ``start``: (n, 2) starting positions with
    NaN rows for nodes placed on the spiral; ``radii``: node radii for the collision force.
    """
    p = params or ForceParams()
    pos = _phyllotaxis(np.arange(n, dtype=np.float64))
    if start is not None:
        known = np.all(np.isfinite(start), axis=1)
        pos[known] = start[known]
    is_fixed = np.zeros(n, bool) if fixed is None else np.all(np.isfinite(fixed), axis=1)
    if fixed is not None:
        pos[is_fixed] = fixed[is_fixed]
    if n == 0 or is_fixed.all():
        return pos
    vel = np.zeros_like(pos)
    edges = np.asarray(edges, np.int64).reshape(-1, 2)
    edges = edges[edges[:, 0] != edges[:, 1]]
    count = np.bincount(edges.ravel(), minlength=n).astype(np.float64)
    if len(edges):
        src, tgt = edges[:, 0], edges[:, 1]
        strength = 1.0 / np.maximum(np.minimum(count[src], count[tgt]), 1)
        bias = count[src] / (count[src] + count[tgt])
    alpha = 1.0
    for _ in range(ticks):
        alpha += (0.0 - alpha) * ALPHA_DECAY
        if p.link and len(edges):
            for _ in range(max(int(p.link_iterations), 1)):
                d = pos[tgt] + vel[tgt] - pos[src] - vel[src]
                d[np.all(d == 0, axis=1)] = 1e-6  # coincident ends: a tiny nudge, not a division by 0
                length = np.sqrt((d ** 2).sum(axis=1))
                k = (length - p.link_distance) / length * alpha * strength
                d *= k[:, None]
                np.subtract.at(vel, tgt, d * bias[:, None])
                np.add.at(vel, src, d * (1 - bias)[:, None])
        if p.many_body and n > 1:
            d = pos[None, :, :] - pos[:, None, :]  # d[i, j] = x_j - x_i
            l2 = (d ** 2).sum(axis=2)
            l2 = np.where(l2 < 1.0, np.sqrt(np.maximum(l2, 1e-12)), l2)
            np.fill_diagonal(l2, np.inf)
            vel += (d * (p.many_body_strength * alpha / l2)[:, :, None]).sum(axis=1)
        if p.position:
            vel += (np.asarray(p.position_xy, float) - pos) * p.position_strength * alpha
        if p.collision and radii is not None:
            _collide(pos, vel, radii, p.collision_strength, int(p.collision_iterations))
        vel *= VELOCITY_DECAY
        pos += vel
        pos[is_fixed] = fixed[is_fixed]
        vel[is_fixed] = 0
        if p.center:
            free = ~is_fixed
            if free.any():
                pos[free] -= (pos[free].mean(axis=0)) * p.center_strength
        if alpha < ALPHA_MIN:
            break
    return pos


def _collide(pos, vel, radii, strength, iterations) -> None:
    """Push overlapping nodes apart (d3's forceCollide without the quadtree)."""
    for _ in range(max(iterations, 1)):
        nxt = pos + vel
        d = nxt[None, :, :] - nxt[:, None, :]
        dist = np.sqrt((d ** 2).sum(axis=2))
        reach = radii[:, None] + radii[None, :]
        overlap = (dist < reach) & (dist > 0)
        np.fill_diagonal(overlap, False)
        push = np.where(overlap, (reach - dist) / np.where(dist > 0, dist, 1) * strength * 0.5, 0.0)
        vel -= (d * push[:, :, None]).sum(axis=1) / 2
