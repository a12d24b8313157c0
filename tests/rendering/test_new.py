"""`sketch new`: a scaffold that loads, that `sketch check` then guides, and never overwrites."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sketch.loading import load_design
from tests.helpers.cli import Sketch


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def test_new_writes_a_design_that_loads_with_the_four_steps(sketch: Sketch, tmp_path: Path) -> None:
    new = sketch("new", "url-shortener")
    target = tmp_path / "designs" / "url-shortener.py"
    assert new.exit_code == 0 and "wrote designs/url-shortener.py" in new.stdout
    assert "sketch render designs/url-shortener.py" in new.stdout
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


@pytest.mark.parametrize("yaml", [False, True], ids=["python", "yaml"])
def test_the_skeleton_renders_and_lints_with_only_its_todos(
    sketch: Sketch, tmp_path: Path, yaml: bool
) -> None:
    sketch("new", "chat", "--output", "sketches", *(["--yaml"] if yaml else []))
    file = f"sketches/chat.{'yaml' if yaml else 'py'}"
    assert sketch("check", file).exit_code == 0
    rendered = sketch("render", file, "-o", str(tmp_path / "out"), "-f", "svg,md")
    assert rendered.exit_code == 0, rendered.output
    assert (tmp_path / "out" / "chat" / "architecture.svg").is_file()
    linted = sketch("lint", file, "--output-format", "json")
    findings = json.loads(linted.stdout)["findings"]
    assert findings and {f["code"] for f in findings} == {"H102"}
    assert all(f["line"] for f in findings)  # each points at a line of the scaffold
    if yaml:  # the schema its modeline points at is written beside it
        assert (tmp_path / "sketches" / "_sketch.schema.json").is_file()


def test_an_existing_file_is_never_overwritten(sketch: Sketch, tmp_path: Path) -> None:
    target = tmp_path / "designs" / "chat.py"
    target.parent.mkdir()
    target.write_text("mine\n", encoding="utf-8")
    new = sketch("new", "chat")
    assert new.exit_code == 2 and "designs/chat.py already exists" in new.stderr
    assert "help:" in new.stderr
    assert target.read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize("name", ["../evil", "has space", "1abc", "a/b", ""])
def test_names_that_cannot_be_files_or_designs_are_refused(
    sketch: Sketch, tmp_path: Path, name: str
) -> None:
    new = sketch("new", name)
    assert new.exit_code == 2 and "cannot be a design name" in new.stderr
    assert not (tmp_path / "designs").exists()
