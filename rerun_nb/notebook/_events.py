"""Viewer events, as `rerun.notebook` 0.41 defines them (same classes, fields, ``type`` strings and JSON form).

A callback registered with ``Viewer.on_event`` receives one of these. Plain dataclasses (stdlib only), so
``import rerun_nb.notebook`` stays free of widget libraries.
"""

from __future__ import annotations

import json
import warnings
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "ContainerSelectionItem", "EntitySelectionItem", "PauseEvent", "PlayEvent", "RecordingOpenEvent",
    "SelectionChangeEvent", "SelectionItem", "TimeUpdateEvent", "TimelineChangeEvent", "ViewSelectionItem",
    "ViewerEvent", "viewer_event_from_json_str",
]


@dataclass
class ViewerEventBase:
    """Base class for all viewer events."""

    application_id: str
    """The application ID of the recording that triggered the event."""

    recording_id: str
    """The recording ID of the recording that triggered the event."""

    segment_id: str | None
    """The segment ID of the recording that triggered the event, if any."""

    @property
    def partition_id(self) -> str | None:
        """Deprecated name of `segment_id` (as in Rerun 0.41)."""
        warnings.warn("Use `segment_id` instead.", DeprecationWarning, stacklevel=2)
        return self.segment_id


@dataclass
class EntitySelectionItem:
    """An entity selection item, representing a selected entity in the viewer."""

    @property
    def type(self) -> Literal["entity"]:
        return "entity"

    entity_path: str
    """The entity path of the selected entity."""

    instance_id: int | None = None
    """The instance ID of the selected entity, if any."""

    view_name: str | None = None
    """The name of the view containing the selected entity, if any."""

    position: list[float] | None = None
    """The 3D position of the selection, if any."""


@dataclass
class ViewSelectionItem:
    """A view selection item, representing a selected view in the viewer."""

    @property
    def type(self) -> Literal["view"]:
        return "view"

    view_id: str
    """The ID of the selected view."""

    view_name: str
    """The name of the selected view."""


@dataclass
class ContainerSelectionItem:
    """A container selection item, representing a selected container in the viewer."""

    @property
    def type(self) -> Literal["container"]:
        return "container"

    container_id: str
    """The ID of the selected container."""

    container_name: str
    """The name of the selected container."""


SelectionItem = EntitySelectionItem | ViewSelectionItem | ContainerSelectionItem
"""Union type for all possible selection item types."""


@dataclass
class PlayEvent(ViewerEventBase):
    """Event triggered when the viewer starts playing."""

    @property
    def type(self) -> Literal["play"]:
        return "play"


@dataclass
class PauseEvent(ViewerEventBase):
    """Event triggered when the viewer pauses playback."""

    @property
    def type(self) -> Literal["pause"]:
        return "pause"


@dataclass
class TimeUpdateEvent(ViewerEventBase):
    """Event triggered when the current time changes in the viewer."""

    @property
    def type(self) -> Literal["time_update"]:
        return "time_update"

    time: float
    """The new time value (in the timeline's own unit: a sequence number, or nanoseconds)."""


@dataclass
class TimelineChangeEvent(ViewerEventBase):
    """Event triggered when the active timeline changes in the viewer."""

    @property
    def type(self) -> Literal["timeline_change"]:
        return "timeline_change"

    timeline: str
    """The name of the new active timeline."""

    time: float
    """The current time value on the new timeline."""


@dataclass
class SelectionChangeEvent(ViewerEventBase):
    """Event triggered when the selection changes in the viewer."""

    @property
    def type(self) -> Literal["selection_change"]:
        return "selection_change"

    items: list[SelectionItem]
    """The list of currently selected items."""


@dataclass
class RecordingOpenEvent(ViewerEventBase):
    """Event triggered when a recording is opened in the viewer."""

    @property
    def type(self) -> Literal["recording_open"]:
        return "recording_open"

    source: str
    """The source of the recording (e.g. a URL or file path)."""

    version: str | None
    """The version of the recording, if available."""


ViewerEvent = (PlayEvent | PauseEvent | TimeUpdateEvent | TimelineChangeEvent | SelectionChangeEvent
               | RecordingOpenEvent)
"""Union type for all possible viewer event types."""


def _selection_item(item: dict) -> SelectionItem:
    kind = item["type"]
    if kind == "entity":
        return EntitySelectionItem(entity_path=item["entity_path"], instance_id=item.get("instance_id"),
                                   view_name=item.get("view_name"), position=item.get("position"))
    if kind == "view":
        return ViewSelectionItem(view_id=item["view_id"], view_name=item["view_name"])
    if kind == "container":
        return ContainerSelectionItem(container_id=item["container_id"], container_name=item["container_name"])
    raise ValueError(f"Unknown selection item type: '{kind}'")


def viewer_event_from_json_str(json_str: str) -> ViewerEvent:
    """An event from its JSON form (the one Rerun's viewer sends; the browser side may send it too)."""
    data = json.loads(json_str)
    kind = data["type"]
    base = {"application_id": data["application_id"], "recording_id": data["recording_id"],
            "segment_id": data.get("segment_id")}
    if kind == "play":
        return PlayEvent(**base)
    if kind == "pause":
        return PauseEvent(**base)
    if kind == "time_update":
        return TimeUpdateEvent(**base, time=data["time"])
    if kind == "timeline_change":
        return TimelineChangeEvent(**base, timeline=data["timeline"], time=data["time"])
    if kind == "selection_change":
        return SelectionChangeEvent(**base, items=[_selection_item(i) for i in data["items"]])
    if kind == "recording_open":
        return RecordingOpenEvent(**base, source=data["source"], version=data.get("version"))
    raise ValueError(f"Unknown event type: '{kind}'")
