"""The view interface: what a view shows, how it updates for a time, draws into its region, reacts to input.

Every view kind (spatial 3D, spatial 2D, time series, text log, ...) is one ``View`` subclass. A
layout gives each view a rectangle of the one canvas; the layout renderer calls, per frame,
``update(timeline, at)`` then ``draw(renderer, rect)``, routes pointer events inside the rectangle
to ``handle_event``, and asks ``data_times`` / ``min_time_gap`` for the timeline panel. Views never
import the widget; they read the store through ``rerun_nb.query`` and the store's public queries.
"""

from __future__ import annotations

import logging
from typing import Any

import numpy as np
import pygfx as gfx

from ..query import EntityPathFilter
from ..viewer._colors import BACKGROUND_RGB

__all__ = ["BACKGROUND_RGB", "ScreenOverlay", "View", "report_notice"]

_reported: set[str] = set()


def report_notice(message: str) -> None:
    """Log a view notice once per process (the view also shows it in its title line)."""
    if message not in _reported:
        _reported.add(message)
        logging.getLogger("rerun_nb").info(message)

TITLE_COLOR = "#c8ccd2"
NOTICE_COLOR = "#e0b050"
TITLE_FONT_PX = 12


class ScreenOverlay:
    """A scene in screen pixels of one view's rectangle (x right, y down): titles, notices, legends, text."""

    def __init__(self, background: str | None = None):
        self.scene = gfx.Scene()
        if background is not None:
            self.scene.add(gfx.Background.from_color(background))
        self.camera = gfx.OrthographicCamera(maintain_aspect=False)
        self._size: tuple[int, int] | None = None

    def fit(self, width: float, height: float) -> None:
        """Make one unit one logical pixel of a ``width`` x ``height`` rectangle."""
        size = (int(width), int(height))
        if size != self._size:
            self.camera.show_rect(0, max(width, 1), -max(height, 1), 0)
            self._size = size

    @staticmethod
    def text(text: str = "", *, color: str | tuple = "#fff", font_px: float = TITLE_FONT_PX,
             anchor: str = "top-left", markdown: bool = False, max_width: float = 0) -> gfx.Text:
        """A screen-space text object (place it with ``place``)."""
        kwargs = {"markdown": text} if markdown else {"text": text}
        return gfx.Text(**kwargs, font_size=font_px, screen_space=True, anchor=anchor, max_width=max_width,
                        material=gfx.TextMaterial(color=color))

    @staticmethod
    def place(obj, x: float, y: float) -> None:
        """Put ``obj`` at pixel (x, y) of the rectangle (y down)."""
        obj.local.position = (x, -y, 0)

    def render(self, renderer, rect) -> None:
        """Draw the overlay into ``rect`` (x, y, w, h) of the target, on top of what is there."""
        self.fit(rect[2], rect[3])
        renderer.render(self.scene, self.camera, rect=rect, flush=False)


class View:
    """One view of a store: an origin, a contents filter, and the way it draws them.

    Parameters
    ----------
    store
        The recording's ``ChunkStore``.
    origin
        The view's origin entity (its space, for spatial views).
    contents
        Rerun query expressions (``"+ /a/**"``, ``"- /a/b"``, ``"$origin/**"``).
    name
        The title shown in the view (default: the origin).
    properties
        View properties by their rerun-sdk 0.41 parameter names (``background``, ``visual_bounds``, ...);
        those a view does not apply are named in ``notices``.
    """

    kind = ""  # Rerun's view class identifier ("3D", "2D", "TimeSeries", ...)
    applied_properties: frozenset[str] = frozenset()

    def __init__(self, store, *, origin: str = "/", contents: Any = "$origin/**", name: str | None = None,
                 properties: dict[str, Any] | None = None):
        self.store = store
        self.origin = "/" + str(origin).strip("/")
        self.filter = EntityPathFilter(contents, self.origin)
        self.name = name if name is not None else self.origin
        self.properties = {k: v for k, v in (properties or {}).items() if v is not None}
        self.notices: list[str] = []
        ignored = sorted(set(self.properties) - self.applied_properties)
        if ignored:
            self.notices.append(f"not applied yet: {', '.join(ignored)}")
            report_notice(f"rerun_nb viewer: {self.name}: {self.notices[-1]} (kept in the blueprint)")
        self.overlay = ScreenOverlay()
        self._title = ScreenOverlay.text(self.title_text(), color=TITLE_COLOR)
        self.overlay.scene.add(self._title)
        self._hidden: set[str] = set()
        self.show_title = True  # the layout hides the title of a lone, unnamed view without notices

    def title_text(self) -> str:
        """The view's title line: its name, then its notices."""
        return "   ".join([self.name, *self.notices])

    def add_notice(self, notice: str) -> None:
        """Show one more short notice in the title line (once)."""
        if notice not in self.notices:
            report_notice(f"rerun_nb viewer: {self.name}: {notice}")
            self.notices.append(notice)
            self._title.set_text(self.title_text())

    # ---- hover: what is under the pointer -----------------------------------------------------------
    def set_hover(self, text: str | None, x: float = 0, y: float = 0) -> bool:
        """Show ``text`` near pixel (x, y) of the view (None hides it); True when that changed the picture."""
        hover = getattr(self, "_hover", None)
        if text is None:
            if hover is None or not hover.visible:
                return False
            hover.visible = False
            return True
        if hover is None:
            hover = self._hover = gfx.Text(text=text, font_size=TITLE_FONT_PX, screen_space=True, anchor="bottom-left",
                                           material=gfx.TextMaterial(color="#ffffff", outline_color="#000000",
                                                                     outline_thickness=0.25))
            self.overlay.scene.add(hover)
        elif getattr(hover, "_rnb_text", None) != text:
            hover.set_text(text)
        hover._rnb_text = text
        hover.visible = True
        self.overlay.place(hover, x + 10, y - 6)
        return True

    @property
    def hover_text(self) -> str | None:
        """The hover text shown now (None when none)."""
        hover = getattr(self, "_hover", None)
        return hover._rnb_text if hover is not None and hover.visible else None

    def includes(self, entity_path: str) -> bool:
        """True when this view shows ``entity_path``."""
        return self.filter.matches(entity_path)

    # ---- the interface the layout renderer uses -----------------------------------------------------
    def update(self, timeline: str | None, at: int | None) -> None:
        """Bring the view to the state at ``(timeline, at)`` (query only what changed)."""

    def draw(self, renderer, rect: tuple[int, int, int, int]) -> None:
        """Render into ``rect`` (x, y, w, h in logical pixels) of the renderer's target."""
        self.draw_overlay(renderer, rect)

    def draw_overlay(self, renderer, rect) -> None:
        """The title and notices, on top of the view."""
        self._title.visible = self.show_title or bool(self.notices)
        if len(self.overlay.scene.children) == 1 and not self._title.visible:  # nothing to draw: skip the pass
            return
        self.overlay.place(self._title, 6, 4)
        self.overlay.render(renderer, rect)

    def handle_event(self, event: dict, rect) -> bool:
        """React to a pointer/wheel event inside ``rect``; True when a new frame is needed."""
        return False

    def data_times(self, timeline: str) -> np.ndarray:
        """Sorted distinct times at which the view's entities have data on ``timeline``."""
        return np.empty(0, np.int64)

    def min_time_gap(self, timeline: str) -> int | None:
        """Smallest gap between two data times of one entity on ``timeline``."""
        return None

    def set_visible(self, entity_path: str, visible: bool) -> None:
        """Show or hide an entity (and its subtree) in this view."""
        (self._hidden.discard if visible else self._hidden.add)(entity_path)

    def is_hidden(self, entity_path: str) -> bool:
        """True when the entity or one of its ancestors is hidden."""
        return any(entity_path == h or entity_path.startswith(h.rstrip("/") + "/") for h in self._hidden)

    def close(self) -> None:
        """Release store subscriptions."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}(origin={self.origin!r}, name={self.name!r})"
