"""Each command imports only what it uses, read from `python -X importtime` (not timed: the
benchmarks in benchmarks/ measure time; this says which modules a command must never load)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.paths import REPO_ROOT

TWITTER = str(REPO_ROOT / "designs" / "twitter.py")
RENDERING = {"diagrams", "graphviz", "jinja2", "sketch.rendering.diagram", "sketch.rendering.dot"}
MODEL = {"sketch.model", "sketch.model.base"}
TERMINAL = {"typer", "click", "rich"}

#: argv after `sketch` -> modules that must not be imported (packages match their submodules).
NOT_IMPORTED: dict[tuple[str, ...], set[str]] = {
    ("--version",): TERMINAL | MODEL | {"pydantic"},
    ("--help",): MODEL | RENDERING | {"pydantic", "yaml"},
    ("new", "url-shortener", "-o", "{tmp}"): MODEL | RENDERING | {"yaml", "sketch.loading.python"},
    ("check", TWITTER): RENDERING | TERMINAL | {"yaml", "sketch.linting", "sketch.estimating"},
    # given paths only, check, lint and render skip typer (sketch.cli.fast)
    ("lint", TWITTER): RENDERING | TERMINAL | {"yaml", "sketch.rendering"},
    # with an option, lint takes the typer path; rich, the renderers and YAML stay out
    ("lint", TWITTER, "--format", "json"): RENDERING | {"rich", "yaml", "sketch.rendering"},
    ("estimate", TWITTER): RENDERING | {"rich", "yaml", "sketch.linting"},
    ("render", TWITTER, "-f", "svg", "-o", "{tmp}"): {"rich", "yaml", "sketch.linting"},
    ("render", TWITTER): TERMINAL | {"yaml"},
}


def imported_modules(argv: list[str], cwd: Path) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "sketch", *argv],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return {
        line.split("|")[-1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:") and "self [us]" not in line
    }


@pytest.mark.parametrize("argv", list(NOT_IMPORTED), ids=" ".join)
def test_a_command_imports_nothing_it_does_not_use(argv: tuple[str, ...], tmp_path: Path) -> None:
    imported = imported_modules([word.format(tmp=tmp_path) for word in argv], tmp_path)
    assert "sketch.cli" in imported  # the probe sees the command's own modules
    banned = NOT_IMPORTED[argv]
    found = sorted(m for m in imported if any(m == b or m.startswith(f"{b}.") for b in banned))
    assert found == []


def test_every_command_module_is_in_the_command_table() -> None:
    import pkgutil

    import sketch.cli.commands
    from sketch.cli import COMMANDS

    modules = {m.name for m in pkgutil.iter_modules(sketch.cli.commands.__path__)}
    assert {module for module, _ in COMMANDS.values()} == modules
