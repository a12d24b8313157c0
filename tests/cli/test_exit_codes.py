"""One broken file, one exit code and one message, whatever command or batch meets it.

The README's table: 0 ok, 1 problems found, 2 usage or load error, 3 internal error. Every
command goes through the same pipeline (load, settings, check), so a design that does not
load exits 2 everywhere, alone or among others, and says the same thing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers.cli import Sketch

SYNTAX_ERROR = "from sketch import *\ndesign = Design(name='broken'\n"
DANGLING = (
    "from sketch import *\n"
    "design = Design(name='dangling', components=[Component(name='a', kind='service')],\n"
    "                links=[Link(from_='a', to='ghost')])\n"
)


@pytest.fixture
def folder(tmp_path: Path, repo_root: Path) -> Path:
    shutil.copy(repo_root / "designs" / "twitter.py", tmp_path / "twitter.py")
    (tmp_path / "broken.py").write_text(SYNTAX_ERROR, encoding="utf-8")
    (tmp_path / "dangling.py").write_text(DANGLING, encoding="utf-8")
    return tmp_path


def commands(out: Path) -> dict[str, list[str | Path]]:
    return {
        "check": ["check"],
        "lint": ["lint"],
        "render": ["render", "-o", out, "-f", "md"],
        "export": ["export"],
        "estimate": ["estimate"],
    }


@pytest.mark.parametrize("command", ["check", "lint", "render", "export", "estimate"])
def test_a_design_that_does_not_load_exits_2_with_the_same_message(
    sketch: Sketch, folder: Path, tmp_path: Path, command: str
) -> None:
    result = sketch(*commands(tmp_path / "out")[command], folder / "broken.py")
    assert result.exit_code == 2
    assert f"{folder / 'broken.py'}:2: syntax error" in result.output
    assert "help: fix the Python syntax at that line" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", ["check", "lint", "render"])
def test_among_others_it_still_exits_2(
    sketch: Sketch, folder: Path, tmp_path: Path, command: str
) -> None:
    paths = [folder / "twitter.py", folder / "broken.py"]
    result = sketch(*commands(tmp_path / "out")[command], *paths)
    assert result.exit_code == 2
    assert f"{folder / 'broken.py'}:2: syntax error" in result.output


@pytest.mark.parametrize("command", ["check", "lint", "render", "export"])
def test_a_design_with_a_broken_reference_exits_1_and_names_it(
    sketch: Sketch, folder: Path, tmp_path: Path, command: str
) -> None:
    result = sketch(*commands(tmp_path / "out")[command], folder / "dangling.py")
    assert result.exit_code == 1
    assert "C301" in result.output and "no component 'ghost'" in result.output


def test_a_batch_with_a_broken_reference_exits_1(
    sketch: Sketch, folder: Path, tmp_path: Path
) -> None:
    paths = [folder / "twitter.py", folder / "dangling.py"]
    result = sketch("render", "-o", tmp_path / "out", "-f", "md", *paths)
    assert result.exit_code == 1
    assert "C301" in result.output


@pytest.mark.parametrize("command", ["check", "lint", "render", "export", "estimate"])
def test_a_good_design_exits_0(sketch: Sketch, folder: Path, tmp_path: Path, command: str) -> None:
    result = sketch(*commands(tmp_path / "out")[command], folder / "twitter.py")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("command", ["check", "lint", "render", "export", "estimate"])
def test_bad_settings_exit_2_naming_the_line(
    sketch: Sketch, folder: Path, tmp_path: Path, command: str
) -> None:
    (folder / "pyproject.toml").write_text("[tool.sketch.limits]\nmax_entitys = 6\n")
    result = sketch(*commands(tmp_path / "out")[command], folder / "twitter.py")
    assert result.exit_code == 2
    assert "pyproject.toml:2: [tool.sketch.limits.max_entitys]: unknown setting" in result.output


def test_a_bug_exits_3(sketch: Sketch, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sketch.checking import pipeline

    def explode(*args: object) -> None:
        raise ZeroDivisionError("bug")

    monkeypatch.setattr(pipeline, "check", explode)
    for command in ("check", "lint", "export", "estimate"):
        result = sketch(command, folder / "twitter.py")
        assert result.exit_code == 3, command
        assert "internal error: ZeroDivisionError: bug" in result.output
