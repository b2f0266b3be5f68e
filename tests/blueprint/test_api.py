"""rerun_nb.blueprint against rerun-sdk 0.41 in the same process: Arrow types, enums, descriptors,
converted values, constructor binding, `Blueprint.save`."""

from __future__ import annotations

import enum
import subprocess
import uuid

import pytest

import rerun_nb as rr
import rerun_nb.blueprint as rrb
from rerun_nb.rrd import read_rrd

from ._layouts import rich
from .test_sdk_parity import _cells

sdk = pytest.importorskip("rerun.blueprint", reason="rerun-sdk 0.41 is not installed")
import rerun.blueprint.components as sdk_components  # noqa: E402
import rerun.blueprint.encodings as sdk_encodings  # noqa: E402


@pytest.mark.parametrize("ours, theirs", [(rrb.components, sdk_components), (rrb.encodings, sdk_encodings)])
def test_every_batch_has_rerun_sdks_arrow_type_and_name(ours, theirs):
    batches = [n for n in theirs.__all__ if n.endswith("Batch")]
    assert len(batches) >= 13
    for name in batches:
        assert getattr(ours, name)._component_type.arrow_type == getattr(theirs, name)._ARROW_DATATYPE, name
        if hasattr(getattr(theirs, name), "_COMPONENT_TYPE"):
            assert getattr(ours, name).component_type() == getattr(theirs, name)._COMPONENT_TYPE, name


def test_enums_have_rerun_sdks_members():
    for mod, ref in ((rrb.components, sdk_components), (rrb.encodings, sdk_encodings)):
        for name in ref.__all__:
            obj = getattr(ref, name)
            if isinstance(obj, type) and issubclass(obj, enum.Enum):
                assert [(m.name, m.value) for m in getattr(mod, name)] == [(m.name, m.value) for m in obj], name
    assert rrb.components.Corner2D.auto("lefttop") is rrb.Corner2D.LeftTop
    assert str(rrb.PanelState.Collapsed) == "Collapsed"


def test_archetype_descriptors_match():
    for name in sdk.archetypes.__all__:
        ours, theirs = getattr(rrb.archetypes, name), getattr(sdk.archetypes, name)
        assert ours.archetype() == theirs.archetype()
        fields = [a[len("descriptor_"):] for a in dir(theirs) if a.startswith("descriptor_")]
        assert fields, name
        for field in fields:
            o, t = getattr(ours, f"descriptor_{field}")(), getattr(theirs, f"descriptor_{field}")()
            assert (o.component, o.archetype, o.component_type) == (t.component, t.archetype, t.component_type)


def _window():
    return dict(start=rrb.TimeRangeBoundary.cursor_relative(seq=-5), end=rrb.TimeRangeBoundary.infinite())


CASES = [
    ("ActiveTab", ("view/abc",), {}), ("RootContainer", (uuid.UUID(int=5).bytes,), {}), ("ColumnShare", (2.0,), {}),
    ("AbsoluteTimeRange", (1, 5), {}), ("VisualBounds2D", (), dict(x_range=[0, 1], y_range=[2, 3])),
    ("TimelineColumn", ("frame",), dict(visible=False)), ("SortBy", ("x",), dict(direction="Descending")),
    ("ComponentColumnSelector", ("/a/b:Points3D",), {}), ("QueryExpression", ("+ /**",), {}),
    ("TimeInt", (), dict(seconds=1.5)), ("SelectedColumns", (["frame", "/a:Scalars"],), {}),
    ("TextLogColumn", ("Body",), {}), ("FilterIsNotNull", (True, "/a:B"), {}), ("FilterByRange", (1, 5), {}),
    ("VisualizerComponentMapping", ("a", "Override"), dict(source_component="x")),
    ("TensorDimensionIndexSlider", (2,), {}), ("VisibleTimeRange", ("frame",), "window"),
]


@pytest.mark.parametrize("name, args, kwargs", CASES, ids=[c[0] for c in CASES])
def test_values_convert_as_rerun_sdk_converts_them(name, args, kwargs):
    import rerun.blueprint as real

    kw_ours = _window() if kwargs == "window" else kwargs
    kw_theirs = dict(start=real.TimeRangeBoundary.cursor_relative(seq=-5),
                     end=real.TimeRangeBoundary.infinite()) if kwargs == "window" else kwargs
    mod, ref = (rrb.components, sdk_components) if hasattr(sdk_components, name) else (rrb.encodings, sdk_encodings)
    ours = getattr(mod, f"{name}Batch")(getattr(mod, name)(*args, **kw_ours)).as_arrow_array()
    theirs = getattr(ref, f"{name}Batch")(getattr(ref, name)(*args, **kw_theirs)).as_arrow_array()
    assert ours.type == theirs.type
    assert ours.to_pylist() == theirs.to_pylist()
    assert ours.to_string() == theirs.to_string()  # union members too


def test_constructors_bind_like_rerun_sdk():
    with pytest.raises(TypeError):
        rrb.Spatial3DView(bogus=1)
    with pytest.raises(TypeError):
        rrb.Spatial3DView("/world")  # keyword-only, as in rerun-sdk
    with pytest.raises(TypeError):
        rrb.SpatialInformation(show_axes=True)  # target_frame is required
    with pytest.raises(TypeError):
        rrb.Horizontal(active_tab=1)  # only Tabs has active_tab
    with pytest.raises(ValueError, match="both"):
        rrb.TimePanel(expanded=True, state="hidden")
    with pytest.raises(ValueError):
        rrb.encodings.ComponentColumnSelector("no-colon")
    legend = rrb.PlotLegend("LeftTop", visible=False)  # corner is positional in 0.41
    assert legend.corner == "LeftTop" and legend.visible is False
    view = rrb.TimeSeriesView(origin="/plot", plot_legend=rrb.Corner2D.RightTop)
    assert view.properties["plot_legend"].corner is rrb.Corner2D.RightTop


def test_cleared_and_from_fields():
    cols = {field: len(arr) for field, _, arr in rrb.ScalarAxis.cleared().components()}
    assert cols == {"range": 0, "zoom_lock": 0}
    part = rrb.archetypes.TimePanelBlueprint.from_fields(fps=25.0)
    assert [(f, arr.to_pylist()) for f, _, arr in part.components()] == [("fps", [25.0])]
    with pytest.raises(TypeError):
        rrb.ScalarAxis.from_fields(bogus=1)


def test_save_writes_what_rerun_sdk_saves(tmp_path):
    from tests.rrd._helpers import rerun_cli

    path = tmp_path / "ours.rbl"
    rich(rrb, rr).save("bp_app", path)
    (store,) = read_rrd(path, strict=True)
    assert store.kind == "blueprint" and store.store_id.application_id == "bp_app"
    assert _cells(store.chunks) == _cells(rich(rrb, rr).blueprint_chunks("bp_app"))
    cli = rerun_cli()
    if cli is not None:
        proc = subprocess.run([cli, "rrd", "verify", str(path)], capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stdout + proc.stderr


def test_bad_property_values_warn_and_are_dropped_or_raise_in_strict_mode():
    import rerun_nb as rr
    from rerun_nb.error_utils import RerunError, RerunWarning, _reset_warned, strict_mode

    was = strict_mode()
    try:
        rr.set_strict_mode(False)
        _reset_warned()
        with pytest.warns(RerunWarning, match="Corner2D"):
            legend = rrb.PlotLegend(corner="Nowhere", visible=True)
        assert legend.components() == [] and legend.corner is None  # emptied, as rerun-sdk does
        chunks = rrb.Blueprint(rrb.TimeSeriesView(plot_legend=legend)).blueprint_chunks()
        assert not any(b"PlotLegend" in c.schema.metadata[b"rerun:entity_path"] for c in chunks)
        rr.set_strict_mode(True)
        with pytest.raises(RerunError, match="Corner2D"):
            rrb.PlotLegend(corner="Nowhere")
    finally:
        rr.set_strict_mode(was)
