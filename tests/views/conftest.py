"""View tests render offscreen (RENDERCANVAS_FORCE_OFFSCREEN=1) with pygfx pixel_scale=1, no supersampling,
and check pixels; layouts and queries are checked without a GPU."""

from __future__ import annotations

import os

os.environ.setdefault("RENDERCANVAS_FORCE_OFFSCREEN", "1")
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp")

import numpy as np
import pytest

import rerun_nb as rr


@pytest.fixture(scope="session")
def adapter():
    from rerun_nb.viewer import NoAdapterError, ensure_adapter

    try:
        return ensure_adapter()
    except NoAdapterError as exc:  # pragma: no cover - CI installs mesa-vulkan-drivers
        pytest.skip(f"no wgpu adapter: {exc}")


@pytest.fixture
def rec():
    return rr.RecordingStream("rerun_example_views_test")


@pytest.fixture
def make_layout(adapter):
    from rerun_nb.layout import LayoutRenderer

    made = []

    def make(store, width=200, height=150, blueprint=None):
        r = LayoutRenderer(store, width=width, height=height, blueprint=blueprint)
        made.append(r)
        return r

    yield make
    for r in made:
        r.close()


def color_mask(img: np.ndarray, rgb, tol: int = 8) -> np.ndarray:
    """Pixels within ``tol`` of ``rgb`` on every channel."""
    return np.all(np.abs(img[:, :, :3].astype(int) - np.asarray(rgb)) <= tol, axis=-1)


def bbox(mask: np.ndarray) -> tuple[int, int, int, int] | None:
    """(row0, row1, col0, col1) inclusive of a boolean mask, or None when empty."""
    rows, cols = np.nonzero(mask)
    if not len(rows):
        return None
    return int(rows.min()), int(rows.max()), int(cols.min()), int(cols.max())
