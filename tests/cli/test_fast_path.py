"""`sketch check|lint|render PATH...` skip typer (sketch.cli.fast): they must say, write and
return exactly what the typer commands do, for every outcome. The typer command runs
in-process (CliRunner), the fast path as a real process, in the same folder; the typer
options' defaults are the bodies' defaults, so the two cannot drift apart."""

from __future__ import annotations

import importlib
import inspect
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from sketch.cli import fast
from tests.helpers.cli import Sketch
from tests.helpers.paths import REPO_ROOT

PROBLEMS = "from sketch import Design\ndesign = Design(name='half')\n"
BROKEN = "from sketch import Design\ndesign = Design(name='x'\n"
# A name with terminal control characters, reported back in a problem's message.
HOSTILE = (
    "from sketch import Component, Design, Flow, Step\n"
    "design = Design(name='h', components=[Component(name='a', kind='service')],\n"
    "    flows=[Flow(name='f', steps=[Step(from_='a', to='\\x1b]0;owned\\x07b', action='x')])])\n"
)
CASES = {
    "clean": ["{repo}/designs/twitter.py"],
    "folder": ["{repo}/designs"],
    "problems": ["problems.py"],
    "does not load": ["broken.py"],
    "missing": ["missing.py"],
    "mixed": ["problems.py", "broken.py", "{repo}/designs/twitter.py"],
    "hostile": ["hostile.py"],
    "no designs in folder": ["empty"],
}


def _in_order(stdout: str) -> list[str]:
    """The lines, with a batch's progress lines (`[2/8] ...`, in the order the parallel
    renders finish) numbered out and sorted, and its time taken (`in 1.91 s`) left out;
    everything else stays in place."""
    progress = re.compile(r"^\[\d+/\d+\] ")
    lines = [re.sub(r" in [0-9.]+ s \(", " in ... s (", line) for line in stdout.splitlines()]
    batch = sorted(progress.sub("", line) for line in lines if progress.match(line))
    return [line for line in lines if not progress.match(line)] + batch


def _written(folder: Path) -> dict[str, bytes]:
    """Every file under `folder/output`, by relative path; the folder is emptied after."""
    import shutil

    out = folder / "output"
    files = {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    shutil.rmtree(out, ignore_errors=True)
    return files


@pytest.mark.parametrize("command", fast.COMMANDS)
@pytest.mark.parametrize("case", list(CASES))
def test_the_fast_path_says_what_the_typer_command_says(
    command: str, case: str, sketch: Sketch, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "problems.py").write_text(PROBLEMS)
    (tmp_path / "broken.py").write_text(BROKEN)
    (tmp_path / "hostile.py").write_text(HOSTILE)
    (tmp_path / "empty").mkdir()
    argv = [command, *(word.format(repo=REPO_ROOT) for word in CASES[case])]
    assert fast.handles(argv)
    monkeypatch.chdir(tmp_path)
    typer_side = sketch(*argv)
    typer_files = _written(tmp_path)
    fast_side = subprocess.run(
        [sys.executable, "-m", "sketch", *argv],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        check=False,
    )
    assert (fast_side.returncode, _in_order(fast_side.stdout), fast_side.stderr) == (
        typer_side.exit_code,
        _in_order(typer_side.stdout),
        typer_side.stderr,
    )
    assert _written(tmp_path) == typer_files
    if command == "render" and case == "clean":
        assert "architecture.png" in {Path(name).name for name in typer_files}


def _bodies() -> dict[str, tuple[Callable[..., object], Callable[..., object]]]:
    """Each fast command's typer function and the body the fast path calls."""
    from sketch.cli import COMMANDS
    from sketch.cli.check_files import check_files
    from sketch.cli.lint_files import lint_files
    from sketch.cli.render_files import render_files

    bodies: dict[str, Callable[..., object]] = {
        "check": check_files,
        "lint": lint_files,
        "render": render_files,
    }
    commands: dict[str, tuple[Callable[..., object], Callable[..., object]]] = {}
    for name in fast.COMMANDS:
        module, function = COMMANDS[name]
        typer_command = getattr(importlib.import_module(f"sketch.cli.commands.{module}"), function)
        commands[name] = (typer_command, bodies[name])
    return commands


@pytest.mark.parametrize("command", fast.COMMANDS)
def test_every_option_of_the_typer_command_has_the_bodys_default(command: str) -> None:
    typer_command, body = _bodies()[command]
    options = inspect.signature(typer_command).parameters
    defaults = inspect.signature(body).parameters
    for name, option in options.items():
        if option.default is inspect.Parameter.empty:  # the paths: the fast path's own words
            continue
        assert name in defaults, f"{command} --{name} is not an argument of the body"
        assert defaults[name].default == option.default, f"{command} --{name}"


@pytest.mark.parametrize(
    "argv",
    [
        ["check"],
        ["check", "--help"],
        ["check", "x.py", "--debug"],
        ["lint", "--exit-zero"],
        ["lint", "x.py", "--format", "json"],
        ["render", "a.py", "-o", "x"],
        ["render", "-f", "svg", "a.py"],
        ["estimate", "a.py"],
        ["lint"],
        [],
    ],
)
def test_anything_but_a_fast_command_and_paths_goes_to_typer(argv: list[str]) -> None:
    assert not fast.handles(argv)


@pytest.mark.parametrize(
    "argv", [["check", "x.py"], ["lint", "a.py", "b.py"], ["render", str(REPO_ROOT / "designs")]]
)
def test_a_fast_command_with_paths_only_skips_typer(argv: list[str]) -> None:
    assert fast.handles(argv)
