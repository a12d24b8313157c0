"""docs/notes.md: its "before" note, embedded, gives exactly its "after" note."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.helpers.cli import Sketch

_EXAMPLE = re.compile(r"^````markdown\n(.*?)^````\n", re.MULTILINE | re.DOTALL)


def test_the_documented_example_is_what_embed_does(
    sketch: Sketch, repo_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before, after = _EXAMPLE.findall((repo_root / "docs" / "notes.md").read_text("utf-8"))
    (tmp_path / "designs").mkdir()
    shutil.copy(repo_root / "designs" / "twitter.py", tmp_path / "designs")
    note = tmp_path / "notes" / "twitter.md"
    note.parent.mkdir()
    note.write_text(before, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = sketch("embed", "notes/twitter.md")
    assert result.exit_code == 0, result.output
    assert note.read_text(encoding="utf-8") == after
    assert (tmp_path / "notes" / "images" / "twitter-architecture.svg").is_file()


def test_the_examples_in_the_docs_are_not_regions(sketch: Sketch, repo_root: Path) -> None:
    result = sketch("embed", "--check", str(repo_root / "docs" / "notes.md"))
    assert result.exit_code == 0 and result.stdout == ""
