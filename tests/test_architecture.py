"""The layout is the pipeline: every import in the package points down a layer, and none forms a cycle.

Imports are read with ``ast`` from every module, at module level and inside functions and
``TYPE_CHECKING`` blocks alike, so a deferred import cannot hide a cycle or an upward edge.
"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "symsurrogate"

# Bottom to top. A module may import its own layer and the layers before it.
LAYERS = [
    ("runtime", ["_errors", "_hooks", "_jaxops", "_params", "_runtime", "_shipped", "_generated", "presets"]),
    ("support", ["_support"]),
    ("symbolic", ["_symbolic"]),
    ("codegen", ["_codegen"]),
    ("verify", ["_verify"]),
    ("docs", ["_docs"]),
    ("train", ["_train"]),
    ("equivalence", ["_equivalence"]),
    ("facade", ["__init__", "__main__", "_api", "_cli", "_testing", "train"]),
]
# Applications of the layers below them, which must not depend on each other.
SIBLINGS = {"train": 6, "equivalence": 6}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1]
    return ".".join(parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def rank(module: str) -> tuple[str, int]:
    head = module.split(".")[0]
    for index, (layer, heads) in enumerate(LAYERS):
        if head in heads:
            return layer, SIBLINGS.get(layer, index)
    raise AssertionError(f"module {module!r} belongs to no layer: add it to LAYERS")


def imports_of(module: str) -> set[str]:
    """Every package module ``module`` imports, resolved to the deepest module that exists."""
    path = MODULES[module]
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    if module == "__init__":
        package = []
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                stem = ".".join([*base, node.module] if node.module else base)
            else:
                stem = node.module or ""
            targets = [f"{stem}.{a.name}" if stem else a.name for a in node.names] + [stem]
        else:
            continue
        for target in targets:
            target = target.removeprefix("symsurrogate.") if target.startswith("symsurrogate.") else target
            if target == "symsurrogate":
                found.add("__init__")
            elif target in MODULES and target != module:
                found.add(target)
    # ``from .x import name`` also lists ``.x.name``: keep only real modules, drop the parent when a child matched
    return {t for t in found if not any(o.startswith(t + ".") for o in found)}


GRAPH = {m: imports_of(m) for m in MODULES}


def test_every_module_belongs_to_a_layer():
    for module in MODULES:
        rank(module)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_point_down(module):
    layer, level = rank(module)
    for target in GRAPH[module]:
        target_layer, target_level = rank(target)
        upward = target_level > level or (target_level == level and target_layer != layer)
        assert not upward, f"{module} ({layer}) imports {target} ({target_layer}): an upward or sideways import"


def test_no_import_cycles():
    # Tarjan's strongly connected components; any component of two or more modules is a cycle.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in GRAPH[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(GRAPH):
        if node not in index:
            visit(node)
    assert not cycles, f"import cycles: {cycles}"


def test_the_checker_sees_imports_inside_functions():
    # A deferred import inside a function is an edge like any other (the walker must not miss it).
    assert "_symbolic._catalog" in GRAPH["__init__"]
    assert "_codegen._resolve" in GRAPH["train"]


def test_the_runtime_never_imports_sympy():
    runtime = [m for m in MODULES if rank(m)[0] == "runtime"]
    for module in runtime:
        tree = ast.parse(MODULES[module].read_text())
        names = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        names |= {(n.module or "").split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        assert not names & {"sympy", "mpmath"}, module
