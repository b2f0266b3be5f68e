"""Archetypes that no rerun_nb view draws yet are named (per entity) in the viewer's entity list, never hidden."""

from __future__ import annotations


import rerun_nb as rr
from rerun_nb.layout import store_archetypes, undrawn_archetypes


def _log(rec):
    rec.set_time("t", sequence=0)
    rec.log("pts", rr.Points3D([[0, 0, 0]]))
    rec.log("graph", rr.GraphNodes(["a"]))
    rec.log("m", rr.Measurements([1.0, 2.0]))  # drawn by Rerun's time series view, not by rerun_nb's yet
    rec.log("cfg", rr.Transform3D(translation=[1, 2, 3]))


def test_undrawn_archetypes_per_entity(rec):
    _log(rec)
    undrawn = undrawn_archetypes(store_archetypes(rec.store))
    assert "/pts" not in undrawn and "/graph" not in undrawn
    assert "/cfg" not in undrawn  # a transform configures; it is not a thing to draw
    assert undrawn.get("/m") == ["Measurements"]


def test_entity_list_says_not_drawn_yet(rec):
    from ipywidgets import Checkbox, VBox

    from rerun_nb.widget._panel import entity_list

    _log(rec)

    class FakeViewer:  # what entity_list uses of the Viewer: its store and the entity box
        store = rec.store
        entities = VBox([VBox([])])

        def set_visible(self, path, visible):
            self.hidden = (path, visible)

    v = FakeViewer()
    entity_list(v)
    rows = {cb._rnb_path: cb for cb in v.entities.children[0].children}
    assert all(isinstance(cb, Checkbox) for cb in rows.values())
    assert rows["/m"].description == "/m  (not drawn yet: Measurements)"
    assert rows["/pts"].description == "/pts"
    rows["/m"].value = False  # the row still toggles its entity
    assert v.hidden == ("/m", False)
    entity_list(v)  # unchanged: the same widgets
    assert v.entities.children[0].children[0] is list(rows.values())[0]
