"""rerun_nb.notebook has rerun-sdk 0.41's `rerun.notebook` surface: names, kinds, parameters, Viewer's methods,
and the event dataclasses' fields (checked against the installed rerun-sdk, like tests/api)."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from tests.api import _surface

rerun_notebook = pytest.importorskip("rerun.notebook", reason="rerun-sdk 0.41 is the reference (CI installs it)")

import rerun_nb.notebook as ours


def _signature(fn) -> list[tuple[str, str, str]]:
    out = []
    for p in inspect.signature(fn).parameters.values():
        if p.name == "self":
            continue
        default = "" if p.default is inspect.Parameter.empty else _surface._norm_default(p.default)
        out.append((p.name, p.kind.name, default))
    return out


@pytest.mark.parametrize("name", sorted(rerun_notebook.__all__))
def test_every_name_of_rerun_notebook_matches(name):
    result = _surface.compare_name(rerun_notebook, ours, name)
    assert result.present and result.same_kind and result.same_params, result.detail


def test_notebook_is_no_longer_counted_as_someone_elses_gap():
    # the names rerun.notebook exports are all present (the tests/api walk leaves this module to #12)
    missing = [n for n in rerun_notebook.__all__ if not hasattr(ours, n)]
    assert not missing


def _public_methods(cls) -> dict:
    return {n: m for n, m in vars(cls).items() if not n.startswith("_") and callable(m)}


@pytest.mark.parametrize("method", sorted(_public_methods(rerun_notebook.Viewer)))
def test_viewer_methods_have_rerun_signatures(method):
    theirs = getattr(rerun_notebook.Viewer, method)
    mine = getattr(ours.Viewer, method, None)
    assert mine is not None, f"Viewer.{method} is missing"
    assert _signature(mine) == _signature(theirs)


def test_set_default_size_signature():
    assert _signature(ours.set_default_size) == _signature(rerun_notebook.set_default_size)


EVENT_CLASSES = ["PlayEvent", "PauseEvent", "TimeUpdateEvent", "TimelineChangeEvent", "SelectionChangeEvent",
                 "RecordingOpenEvent", "EntitySelectionItem", "ViewSelectionItem", "ContainerSelectionItem"]


def _fields(cls) -> list[tuple[str, str]]:
    return [(f.name, repr(f.default)) for f in dataclasses.fields(cls)]


@pytest.mark.parametrize("name", EVENT_CLASSES)
def test_event_fields_and_type_match(name):
    theirs, mine = getattr(rerun_notebook, name), getattr(ours, name)
    assert _fields(mine) == _fields(theirs)
    kwargs = {f.name: None for f in dataclasses.fields(theirs)}
    assert mine(**kwargs).type == theirs(**kwargs).type


@pytest.mark.parametrize("payload", [
    '{"type": "play", "application_id": "a", "recording_id": "r"}',
    '{"type": "pause", "application_id": "a", "recording_id": "r", "segment_id": "s"}',
    '{"type": "time_update", "application_id": "a", "recording_id": "r", "time": 2.5}',
    '{"type": "timeline_change", "application_id": "a", "recording_id": "r", "timeline": "frame", "time": 3}',
    ('{"type": "selection_change", "application_id": "a", "recording_id": "r", "items": ['
    '{"type": "entity", "entity_path": "/points", "instance_id": 2, "view_name": "3D", "position": [1, 2, 3]},'
    '{"type": "view", "view_id": "v1", "view_name": "3D"},'
    '{"type": "container", "container_id": "c1", "container_name": "Grid"}]}'),
    '{"type": "recording_open", "application_id": "a", "recording_id": "r", "source": "x.rrd", "version": "0.41"}',
])
def test_events_parse_from_json_as_rerun_does(payload):
    from rerun._event import _viewer_event_from_json_str as theirs

    from rerun_nb.notebook._events import viewer_event_from_json_str as mine

    a, b = mine(payload), theirs(payload)
    assert type(a).__name__ == type(b).__name__
    assert dataclasses.asdict(a) == dataclasses.asdict(b)
