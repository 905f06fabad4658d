"""The simulator's layering: no import circle inside ``sim/``, and ``sim/`` never reaches upwards.

Imports are read with ``ast`` (nothing is imported), at module level and inside functions alike: a
function-level import only hides a circle until the function runs. Imports under ``if TYPE_CHECKING:``
are left out: they never run.
"""

from __future__ import annotations

import ast
from pathlib import Path

import alisim_widgets

PACKAGE = "alisim_widgets.sim"
ROOT = Path(alisim_widgets.__file__).parent.parent
SIM = ROOT / "alisim_widgets" / "sim"
# What the simulator must not import when it is loaded: the widgets, grading and the heavy libraries.
FORBIDDEN = ("alisim_widgets.screens", "autograde", "ipywidgets", "pandas", "plotly")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(SIM.rglob("*.py"))}


def _is_package(name: str) -> bool:
    return MODULES.get(name, Path()).name == "__init__.py"


def _type_checking(node: ast.AST) -> bool:
    test = node.test if isinstance(node, ast.If) else None
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(node: ast.AST, in_function: bool = False):
    """(import node, inside a function?) for every import that can run, in source order."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, (ast.Import, ast.ImportFrom)):
            yield child, in_function
        elif isinstance(child, ast.If) and _type_checking(child):
            yield from _imports(ast.Module(body=child.orelse, type_ignores=[]), in_function)
        else:
            inner = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef))
            yield from _imports(child, inner)


def imported(name: str, node: ast.Import | ast.ImportFrom) -> list[str]:
    """The absolute names of the modules an import statement in module ``name`` loads."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level:
        package = name if _is_package(name) else name.rpartition(".")[0]
        for _ in range(node.level - 1):
            package = package.rpartition(".")[0]
        base = f"{package}.{node.module}" if node.module else package
    else:
        base = node.module or ""
    out = []
    for alias in node.names:
        sub = f"{base}.{alias.name}"
        out.append(sub if sub in MODULES else base)  # ``from pkg import submodule`` needs only the submodule
    return out


def edges() -> dict[str, set[str]]:
    """Module → the sim modules it imports (``from . import rules`` is an edge to ``rules`` only)."""
    graph: dict[str, set[str]] = {}
    for name, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        targets = {t for node, _ in _imports(tree) for t in imported(name, node)}
        graph[name] = {t for t in targets if t in MODULES and t != name}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle as a list of modules (first = last), or None."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (found := visit(start)):
            return found
    return None


def test_the_graph_is_read_from_the_sources():
    graph = edges()
    assert f"{PACKAGE}.rules" in graph[f"{PACKAGE}.products"]
    assert f"{PACKAGE}.state" in graph[f"{PACKAGE}.backend"]


def test_cycles_are_found_and_named():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_function_level_imports_count_and_type_checking_ones_do_not():
    tree = ast.parse(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import pandas\n"
        "def f():\n    import plotly\n"
    )
    found = {getattr(n, "module", None) or n.names[0].name: inside for n, inside in _imports(tree)}
    assert found == {"typing": False, "plotly": True}


def test_no_import_circle_in_sim():
    cycle = find_cycle(edges())
    assert cycle is None, "sim/ 里有循环导入：" + " → ".join(cycle or [])


def test_sim_never_imports_screens_grading_or_heavy_libraries_at_module_level():
    bad = []
    for name, path in MODULES.items():
        for node, in_function in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            if in_function:
                continue
            for target in imported(name, node):
                if any(target == f or target.startswith(f + ".") for f in FORBIDDEN):
                    bad.append(f"{name} 在模块顶层导入了 {target}（第 {node.lineno} 行）")
    assert not bad, "\n".join(bad)


def test_sim_never_imports_screens_or_grading_at_all():
    """Not even inside a function: the simulator must work without the widgets and the grader."""
    bad = []
    for name, path in MODULES.items():
        for node, _ in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            for target in imported(name, node):
                if target.startswith(("alisim_widgets.screens", "autograde")):
                    bad.append(f"{name} 导入了 {target}（第 {node.lineno} 行）")
    assert not bad, "\n".join(bad)
