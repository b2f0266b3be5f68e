"""Walk rerun-sdk 0.41's public modules and compare each public name with rerun_nb's (kind and parameters).

Used by tests/api/test_surface.py and runnable on its own to print the coverage figures:
`python -m tests.api._surface` (needs rerun-sdk 0.41 in the environment, as the parity tests do).
"""

from __future__ import annotations

import enum
import importlib
import inspect
import types
import warnings
from dataclasses import dataclass

# The modules the issue measures (the `rerun.blueprint` family is counted separately: issue #9 owns it).
MODULES = [
    "rerun", "rerun.archetypes", "rerun.components", "rerun.datatypes", "rerun.encodings", "rerun.utilities",
    "rerun.time", "rerun.error_utils", "rerun.experimental", "rerun.chunk",
]
# Counted separately: other issues own them (#9 the blueprint API, #12 the notebook module).
OTHER_OWNERS = {"rerun.blueprint": "#9", "rerun.notebook": "#12"}
# rerun.blueprint's submodules, each measured on its own (tests/blueprint/test_surface.py)
BLUEPRINT_MODULES = ["rerun.blueprint", "rerun.blueprint.api", "rerun.blueprint.archetypes",
                     "rerun.blueprint.components", "rerun.blueprint.containers", "rerun.blueprint.encodings",
                     "rerun.blueprint.experimental", "rerun.blueprint.views", "rerun.blueprint.visualizers"]

# Names we do not mirror, each with its reason. Keys are "module:name".
EXCLUDED = {
    "rerun:catalog": "Rerun's cloud catalog client (a Rust gRPC client to Rerun's hosted data platform)",
    "rerun:server": "Rerun's cloud/OSS data-platform server (rerun_bindings.Server); no in-kernel equivalent",
    "rerun:login": "Rerun cloud login (OAuth against rerun.io)",
    "rerun:logout": "Rerun cloud logout (OAuth against rerun.io)",
    "rerun:bindings": "the Rust extension module itself (rerun_bindings), not Python API",
    "rerun:legacy_notebook_show": "the pre-0.18 notebook viewer (an HTML iframe of Rerun's web viewer)",
    "rerun:tracing_session": "profiles the Rust SDK's own threads (puffin/tracing); nothing Rust to trace here",
    "rerun:auth": "Rerun cloud credentials (OAuth login flow against rerun.io)",
    **{f"rerun.experimental:{n}": "remote control of a running native Rerun viewer over gRPC (ViewerClient "
       "and the schemas/state/commands it returns); rerun_nb's viewer is the in-kernel widget"
       for n in ("ViewerClient", "ViewerState", "View", "ViewReport", "Command", "LogEntry", "LoadingSource",
                 "OpenResult", "ProfileTrace", "Recording", "RecordingSchema", "EntitySchema", "ComponentSchema",
                 "TableColumnSchema", "Timeline", "Blueprint", "BlueprintInfo", "DatasetSchema",
                 "DatasetAssetSchema")},
    **{f"rerun.experimental:{n}": "Rerun cloud data platform: object-store credentials and DataFusion query "
       "metrics of remote datasets" for n in ("ObjectStoreAuth", "BearerTokenObjectStoreAuth", "query_metrics",
                                               "MetricsCollector", "QueryMetrics")},
    **{f"rerun.blueprint:{n}": "configures the tables of Rerun's cloud catalog (saved as .rbl and registered with "
       "TableEntry.register_blueprint, see rerun:catalog), not a viewer layout" for n in ("TableBlueprint", "table")},
    **{f"rerun.components:{n}": "the kind of an entry in Rerun's cloud catalog (see rerun:catalog)"
       for n in ("EntryKind", "EntryKindBatch", "EntryKindLike", "EntryKindArrayLike")},
}


@dataclass
class NameResult:
    module: str
    name: str
    kind: str
    present: bool
    same_kind: bool
    same_params: bool
    detail: str = ""


def public_names(module: types.ModuleType) -> list[str]:
    names = getattr(module, "__all__", None)
    if names is None:
        names = [n for n in dir(module) if not n.startswith("_") and n not in _NOT_API]
        names = [n for n in names if _defined_by_rerun(getattr(module, n, None), module.__name__)]
    return sorted(set(names))


# Module-level helpers of rerun's own code that `dir()` shows but that are not API.
_NOT_API = {"TYPE_CHECKING", "T", "UTC", "annotations"}


def _defined_by_rerun(obj: object, module_name: str) -> bool:
    if isinstance(obj, types.ModuleType):
        return obj.__name__.startswith(module_name + ".")
    mod = getattr(obj, "__module__", None)
    if mod is None:
        return not callable(obj) and not isinstance(obj, type)  # a constant
    return mod.startswith("rerun") and not isinstance(obj, types.ModuleType)


def kind_of(obj: object) -> str:
    if isinstance(obj, types.ModuleType):
        return "module"
    if _is_type_alias(obj):
        return "alias"
    if isinstance(obj, type):
        return "enum" if issubclass(obj, enum.Enum) else "class"
    if callable(obj):
        return "function"
    return "constant"


def _is_type_alias(obj: object) -> bool:
    """`FooLike = Union[...]`, `FooArrayLike = Sequence[...]`: typing objects, not classes."""
    if isinstance(obj, type):
        return obj.__module__ == "typing"
    return isinstance(obj, types.UnionType | types.GenericAlias) or type(obj).__module__ == "typing"


_VAR_POS, _VAR_KW = inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD


def _params(obj: object) -> list[tuple[str, str, str]] | None:
    target = obj.__init__ if isinstance(obj, type) else obj
    try:
        sig = inspect.signature(target)
        if (isinstance(obj, type) and not hasattr(obj.__init__, "__code__")
                and [p.kind for p in sig.parameters.values()][-2:] == [_VAR_POS, _VAR_KW]):
            sig = inspect.signature(obj)  # a Rust (pyo3) class: its text signature is on the class
    except (TypeError, ValueError):
        return None
    out = []
    for p in sig.parameters.values():
        if p.name == "self":
            continue
        default = "" if p.default is inspect.Parameter.empty else _norm_default(p.default)
        out.append((p.name, p.kind.name, default))
    return out


def _norm_default(value: object) -> str:
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    if isinstance(value, (int, float, str, bool, type(None), tuple)):
        return repr(value)
    return type(value).__name__


def compare_name(ref_mod: types.ModuleType, ours_mod: types.ModuleType | None, name: str) -> NameResult:
    ref = getattr(ref_mod, name)
    kind = kind_of(ref)
    ours = getattr(ours_mod, name, _MISSING) if ours_mod is not None else _MISSING
    if ours is _MISSING:
        return NameResult(ref_mod.__name__, name, kind, False, False, False, "missing")
    ours_kind = kind_of(ours)
    if ours_kind != kind and not (kind == "class" and ours_kind == "enum"):
        return NameResult(ref_mod.__name__, name, kind, True, False, False, f"kind {ours_kind} != {kind}")
    if kind not in ("class", "function"):
        return NameResult(ref_mod.__name__, name, kind, True, True, True)
    if getattr(getattr(ref, "__init__", None), "__name__", "") == "_no_init_or_replace_init":
        return NameResult(ref_mod.__name__, name, kind, True, True, True)  # a Protocol: no constructor to compare
    rp, op = _params(ref), _params(ours)
    if rp is None or _same_params(rp, op):
        return NameResult(ref_mod.__name__, name, kind, True, True, True)
    return NameResult(ref_mod.__name__, name, kind, True, True, False, f"params ours={op} theirs={rp}")


_MISSING = object()


def _same_params(theirs: list, ours: list | None) -> bool:
    """Equal, or ours adds only keyword-only parameters with defaults at the end (rerun_nb extensions such as
    `memory_limit=`): every call written for Rerun binds the same way."""
    if ours is None or ours[: len(theirs)] != theirs:
        return False
    return all(kind == "KEYWORD_ONLY" and default != "" for _, kind, default in ours[len(theirs):])


def our_module_name(ref_name: str) -> str:
    return "rerun_nb" + ref_name[len("rerun"):]


def import_ours(ref_name: str) -> types.ModuleType | None:
    try:
        return importlib.import_module(our_module_name(ref_name))
    except ImportError:
        return None


def walk(modules: list[str] = MODULES) -> list[NameResult]:
    results = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for mod_name in modules:
            ref_mod = importlib.import_module(mod_name)
            ours_mod = import_ours(mod_name)
            for name in public_names(ref_mod):
                if f"{mod_name}:{name}" in EXCLUDED:
                    continue
                results.append(compare_name(ref_mod, ours_mod, name))
    return results


def figures(results: list[NameResult]) -> str:
    n = len(results)
    present = sum(r.present for r in results)
    same = sum(r.same_params for r in results)
    return (f"{n} names: {present} present ({100 * present / max(n, 1):.0f}%), "
            f"{same} with the same parameters ({100 * same / max(n, 1):.0f}%)")


def method_results(modules: list[str] = MODULES) -> list[NameResult]:
    """The public methods/properties of each class both SDKs have (looked up on the class: instance-only
    attributes count as missing), compared like names. Printed as a separate figure."""
    out = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for mod_name in modules:
            if mod_name == "rerun.datatypes":  # the deprecated alias of rerun.encodings: counted once
                continue
            ref_mod, ours_mod = importlib.import_module(mod_name), import_ours(mod_name)
            for name in public_names(ref_mod):
                ref, ours = getattr(ref_mod, name), getattr(ours_mod, name, None)
                if f"{mod_name}:{name}" in EXCLUDED or kind_of(ref) != "class" or ours is None:
                    continue
                holder = types.ModuleType(f"{mod_name}.{name}")
                mine = types.ModuleType(f"{mod_name}.{name}")
                for attr, obj in vars(ref).items():
                    if attr.startswith("_") or not (callable(obj) or isinstance(obj, classmethod | staticmethod
                                                                                     | property)):
                        continue
                    setattr(holder, attr, getattr(ref, attr))
                    if hasattr(ours, attr):
                        setattr(mine, attr, getattr(ours, attr))
                    out.append(compare_name(holder, mine, attr))
    return out


GAPS_FILE = __import__("pathlib").Path(__file__).with_name("surface_gaps.txt")


def write_gaps(results: list[NameResult]) -> None:
    lines = sorted(f"{r.module}:{r.name}" for r in results if not r.same_params)
    GAPS_FILE.write_text("# names of rerun-sdk 0.41 that rerun_nb lacks or whose parameters differ (regenerate:\n"
                         "# python -m tests.api._surface --write-gaps); tests/api/test_surface.py keeps it exact.\n"
                         + "".join(f"{line}\n" for line in lines))


def read_gaps() -> set[str]:
    if not GAPS_FILE.exists():
        return set()
    return {ln.strip() for ln in GAPS_FILE.read_text().splitlines() if ln.strip() and not ln.startswith("#")}


if __name__ == "__main__":
    import sys

    results = walk(MODULES)
    by_module: dict[str, list[NameResult]] = {}
    for r in results:
        by_module.setdefault(r.module, []).append(r)
    for mod, rs in by_module.items():
        print(f"{mod:24s} {figures(rs)}")
    print("TOTAL", figures(results))
    print("methods of the classes above:", figures(method_results()))
    for mod, owner in OTHER_OWNERS.items():
        print(f"{mod} (owned by {owner}):", figures(walk([mod])))
    for mod in BLUEPRINT_MODULES[1:]:
        print(f"  {mod}:", figures(walk([mod])))
    if "--write-gaps" in sys.argv:
        write_gaps(results)
    if "-v" in sys.argv:
        for r in results:
            if not r.same_params:
                print(f"  {r.module}:{r.name} [{r.kind}] {r.detail}")
