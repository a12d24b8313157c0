"""`sketch new`: a scaffold that loads, that `sketch check` then guides, and never overwrites."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from sketch.cli import app
from sketch.loading import load_design


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def test_new_writes_a_design_that_loads_with_the_four_steps(tmp_path: Path) -> None:
    code, out, _ = run("new", "url-shortener")
    target = tmp_path / "designs" / "url-shortener.py"
    assert code == 0 and "wrote designs/url-shortener.py" in out
    assert "sketch check designs/url-shortener.py" in out
    text = target.read_text(encoding="utf-8")
    for step in (
        "# Step 1: clarify requirements",
        "# Step 2: core entities",
        "# Step 3:",
        "# Step 4: deep dives",
    ):
        assert step in text
    design = load_design(target).design
    assert design.name == "url-shortener" and design.title == "Design Url Shortener"


def test_check_then_says_what_to_fill_in(tmp_path: Path) -> None:
    run("new", "chat", "--output", "sketches")
    code, out, _ = run("check", "sketches/chat.py")
    assert code == 1
    assert "C101 1 entities; the framework asks for 3-5" in out
    assert "C103 2 APIs; the framework asks for 5-8" in out
    assert "sketches/chat.py:" in out  # each problem points at a line of the scaffold


def test_an_existing_file_is_never_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "designs" / "chat.py"
    target.parent.mkdir()
    target.write_text("mine\n", encoding="utf-8")
    code, _, err = run("new", "chat")
    assert code == 2 and "designs/chat.py already exists" in err and "help:" in err
    assert target.read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize("name", ["../evil", "has space", "1abc", "a/b", ""])
def test_names_that_cannot_be_files_or_designs_are_refused(tmp_path: Path, name: str) -> None:
    code, _, err = run("new", name)
    assert code == 2 and "cannot be a design name" in err
    assert not (tmp_path / "designs").exists()
