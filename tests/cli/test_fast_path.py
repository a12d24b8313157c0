"""`sketch check PATH...` skips typer (sketch.cli.fast): they must say and return exactly
what the typer commands do, for every outcome. The typer command runs in-process (CliRunner), the
fast path as a real process, in the same folder."""

from __future__ import annotations

import os
import subprocess
import sys
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


@pytest.mark.parametrize("command", ["check"])
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
    fast_side = subprocess.run(
        [sys.executable, "-m", "sketch", *argv],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        check=False,
    )
    assert (fast_side.returncode, fast_side.stdout, fast_side.stderr) == (
        typer_side.exit_code,
        typer_side.stdout,
        typer_side.stderr,
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["check"],
        ["check", "--help"],
        ["check", "x.py", "--debug"],
        ["lint", "--exit-zero"],
        ["lint", "x.py"],  # lint and render take the typer path: one body each
        ["render", "a.py"],
        ["render", "a.py", "b.py"],
        ["render", str(REPO_ROOT / "designs")],
        ["render", "a.py", "-o", "x"],
        [],
    ],
)
def test_anything_but_check_and_paths_goes_to_typer(argv: list[str]) -> None:
    assert not fast.handles(argv)
