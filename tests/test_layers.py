"""The apps of canbo layer; a module may import only from its own layer or a lower one, and no
modules import each other in a circle. Read from the source (ast), so an import inside a function
counts too.

    core ← audit ← accounts ← workflow, documents ← org ← people ← rules ← reports, exchange, training,
    rotation, optimize, ops (backup and restore of every table), and the audit log's pages
    ← dashboard (the home page, whose cards read every part)

The audit log sits low so that every service can record into it; its reading pages (selectors, report,
views, urls) sit at the top, where filters may name any domain. Test code (`tests` packages and
`testing.py` fixtures, which assemble whole provinces) is not layered.
"""

import ast
from pathlib import Path

CANBO = Path(__file__).resolve().parent.parent / "canbo"

LAYERS = (
    ("core",),
    ("audit",),
    ("accounts",),
    ("workflow", "documents", "jobs"),
    ("org",),
    ("people",),
    ("rules",),
    ("reports", "exchange", "training", "rotation", "optimize", "ops",
     "audit.selectors", "audit.log_report", "audit.views", "audit.urls"),
    ("dashboard",),
)
LAYER_OF = {f"canbo.{name}": level for level, names in enumerate(LAYERS) for name in names}


def _is_test_code(module: str) -> bool:
    parts = module.split(".")
    return "tests" in parts or parts[-1] in {"testing", "conftest"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(CANBO.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    found = {_module_name(path): path for path in CANBO.rglob("*.py")}
    return {name: path for name, path in found.items() if not _is_test_code(name)}


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The canbo modules `name` imports; `from package import module` names the module."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.add(candidate if candidate in known else base)
    return {module for module in found if module in known and module != name}


def part_of(module: str) -> str | None:
    """The entry of LAYERS a module belongs to (an app, or the audit log's pages)."""
    parts = module.split(".")
    for end in range(len(parts), 1, -1):
        if ".".join(parts[:end]) in LAYER_OF:
            return ".".join(parts[:end])
    return None


def layer_of(module: str) -> int | None:
    part = part_of(module)
    return None if part is None else LAYER_OF[part]


def import_graph() -> dict[str, set[str]]:
    found = modules()
    return {name: imports_of(name, path, set(found)) for name, path in found.items()}


def test_every_app_has_a_layer():
    apps = {path.parent.name for path in CANBO.glob("*/apps.py")}
    assert {app for app in apps if layer_of(f"canbo.{app}") is None} == set()


def test_no_module_imports_from_a_higher_layer():
    layered = {module: targets for module, targets in import_graph().items() if layer_of(module) is not None}
    upward = sorted(
        f"{module} (layer {layer_of(module)}) imports {target} (layer {layer_of(target)})"
        for module, targets in layered.items()
        for target in targets
        if layer_of(target) is not None and layer_of(target) > layer_of(module)
    )
    assert upward == []


def cycles_in(graph: dict[str, set[str]]) -> list[str]:
    cycles, state, stack = [], {}, []

    def visit(node):
        state[node] = "open"
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == "open":
                cycles.append(" → ".join([*stack[stack.index(target):], target]))
            elif target not in state:
                visit(target)
        stack.pop()
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return cycles


def test_no_import_cycles_between_modules():
    assert cycles_in(import_graph()) == []


def test_no_import_cycles_between_apps():
    """Apps of one layer may import each other, but never both ways round."""
    apps: dict[str, set[str]] = {}
    for module, targets in import_graph().items():
        here = part_of(module)
        if here is None:
            continue
        apps.setdefault(here, set()).update(part_of(t) for t in targets if part_of(t) not in (here, None))
    assert cycles_in(apps) == []


def test_the_checker_sees_an_upward_import(tmp_path):
    module = tmp_path / "selectors.py"
    module.write_text("from canbo.people.models import Cadre\nfrom . import models\n", encoding="utf-8")
    known = {"canbo.org.selectors", "canbo.org.models", "canbo.people.models"}
    assert imports_of("canbo.org.selectors", module, known) == {"canbo.people.models", "canbo.org.models"}
    assert layer_of("canbo.people.models") > layer_of("canbo.org.selectors")
    assert layer_of("canbo.audit.views") > layer_of("canbo.rules.engine") > layer_of("canbo.audit.services")
    assert cycles_in({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a → b → c → a"]
