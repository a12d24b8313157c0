"""The import contracts of pyproject.toml (`[tool.importlinter]`) hold, and they see every import.

The contracts: each layer imports only the layers below it (cli > embedding > rendering > linting >
estimating > checking > loading > model > errors), only sketch.cli imports typer, rich or click, and
only sketch.rendering.diagram imports diagrams or graphviz. Much of sketch imports lazily, inside
functions, so the contracts are worth something only if grimp reads those imports too.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

import grimp

from tests.helpers.paths import REPO_ROOT

SOURCE = REPO_ROOT / "src" / "sketch"
# The imports allowed to point up, each with its reason in pyproject.toml: the notebook
# hooks of `Design` (its reprs, `design.lint()`, `design.estimate()`).
ACCEPTED_UPWARD_IMPORTS = [
    "sketch.model.design -> sketch.rendering.jupyter",
    "sketch.model.design -> sketch.linting.run",
    "sketch.model.design -> sketch.linting.findings",
    "sketch.model.design -> sketch.estimating",
]


def test_the_import_contracts_are_kept() -> None:
    """`lint-imports` as a subprocess of this interpreter, so its report is the failure text."""
    run_cli = "import sys; from importlinter.cli import lint_imports_command as c; sys.exit(c())"
    result = subprocess.run(
        # No cache: tests write only under tmp_path, and the graph takes a second.
        [sys.executable, "-c", run_cli, "--no-cache", "--no-logo"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_layers_contract_accepts_only_the_known_upward_import() -> None:
    """A new exception is a decision for this file, not a line slipped into pyproject.toml."""
    config = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = {c["id"]: c for c in config["tool"]["importlinter"]["contracts"]}
    assert contracts["layers"]["ignore_imports"] == ACCEPTED_UPWARD_IMPORTS


def _module_name(path: Path) -> str:
    parts = path.relative_to(SOURCE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _ours(module: str | None) -> bool:
    return module is not None and module.split(".")[0] == "sketch"


def _imports_inside_functions(path: Path) -> set[tuple[str, tuple[str, ...], int]]:
    """(module, names, line) of each absolute `sketch` import in a function body of `path`."""
    found: set[tuple[str, tuple[str, ...], int]] = set()
    for function in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.Import):
                found |= {(a.name, (), node.lineno) for a in node.names if _ours(a.name)}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and _ours(node.module):
                found.add((str(node.module), tuple(a.name for a in node.names), node.lineno))
    return found


def _recorded(
    graph: grimp.ImportGraph, importer: str, module: str, names: tuple[str, ...]
) -> set[int]:
    """The lines grimp recorded for `from module import names`: to module, or to a submodule."""
    imported = {module} | {f"{module}.{n}" for n in names if f"{module}.{n}" in graph.modules}
    return {
        detail["line_number"]
        for target in imported
        for detail in graph.get_import_details(importer=importer, imported=target)
    }


def test_grimp_counts_the_imports_inside_functions() -> None:
    graph = grimp.build_graph("sketch", cache_dir=None)
    lazy = sorted(
        (_module_name(path), *found)
        for path in sorted(SOURCE.rglob("*.py"))
        for found in _imports_inside_functions(path)
    )
    # The known one: Design's _repr_*_ methods import the renderer when IPython asks.
    assert ("sketch.model.design", "sketch.rendering.jupyter") in {(i, m) for i, m, _, _ in lazy}
    assert len(lazy) > 20, "sketch imports lazily in many places"
    missing = [
        (importer, module, line)
        for importer, module, names, line in lazy
        if line not in _recorded(graph, importer, module, names)
    ]
    assert not missing, f"imports inside functions that grimp did not see: {missing}"
