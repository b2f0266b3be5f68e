"""Viewer tests render offscreen (RENDERCANVAS_FORCE_OFFSCREEN=1) on whatever adapter wgpu picks here
(lavapipe on CI); they check pixels with tolerances, never exact bytes."""

from __future__ import annotations

import os

os.environ.setdefault("RENDERCANVAS_FORCE_OFFSCREEN", "1")
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp")

import numpy as np
import pytest

import rerun_nb as rr

W, H = 200, 150


@pytest.fixture(scope="session")
def adapter():
    from rerun_nb.viewer import NoAdapterError, ensure_adapter

    try:
        return ensure_adapter()
    except NoAdapterError as exc:  # pragma: no cover - CI installs mesa-vulkan-drivers
        pytest.skip(f"no wgpu adapter: {exc}")


@pytest.fixture
def rec():
    return rr.RecordingStream("rerun_example_viewer_test")


@pytest.fixture
def make_renderer(adapter):
    from rerun_nb.layout import LayoutRenderer

    made = []

    def make(store, width=W, height=H):
        r = LayoutRenderer(store, width=width, height=height)
        made.append(r)
        return r

    yield make
    for r in made:
        r.close()


def project(renderer, xyz) -> tuple[int, int]:
    """Pixel (col, row) where the world point lands with the renderer's current camera."""
    v = renderer.camera.camera_matrix @ np.append(np.asarray(xyz, float), 1.0)
    ndc = v[:3] / v[3]
    w, h = renderer.size
    return round((ndc[0] + 1) / 2 * w - 0.5), round((1 - ndc[1]) / 2 * h - 0.5)


def mask(img: np.ndarray, rgb, tol: int = 40) -> np.ndarray:
    """Pixels within ``tol`` of ``rgb`` on every channel."""
    return np.all(np.abs(img[:, :, :3].astype(int) - np.asarray(rgb)) <= tol, axis=-1)


def centroid(m: np.ndarray) -> tuple[float, float]:
    rows, cols = np.nonzero(m)
    return float(cols.mean()), float(rows.mean())
