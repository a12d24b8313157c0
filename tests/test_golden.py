"""The `golden` fixture's mechanism: byte-for-byte comparison, and `--update-golden` rewriting."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.golden import Golden


def test_the_same_bytes_pass_and_other_bytes_fail_with_a_diff(tmp_path: Path) -> None:
    (tmp_path / "note.md").write_bytes(b"one\ntwo\n")
    golden = Golden(tmp_path)
    golden("note.md", "one\ntwo\n")
    golden("note.md", b"one\ntwo\n")
    with pytest.raises(AssertionError, match="--update-golden") as caught:
        golden("note.md", "one\n2\n")
    assert "-two\n+2\n" in str(caught.value)
    with pytest.raises(AssertionError, match="differs"):
        golden("note.md", "one\ntwo\r\n")  # bytes, not text: line ends count
    assert (tmp_path / "note.md").read_bytes() == b"one\ntwo\n"  # never written without the flag


def test_a_missing_golden_file_says_how_to_create_it(tmp_path: Path) -> None:
    with pytest.raises(AssertionError, match=r"no golden file .*--update-golden"):
        Golden(tmp_path)("rendering/new.mmd", "flowchart LR\n")
    assert not (tmp_path / "rendering").exists()


def test_update_writes_what_differs_and_leaves_the_rest(tmp_path: Path) -> None:
    same, changed = tmp_path / "same.dot", tmp_path / "changed.dot"
    same.write_bytes(b"digraph {}\n")
    changed.write_bytes(b"old\n")
    before = same.stat().st_mtime_ns
    golden = Golden(tmp_path, update=True)
    golden("same.dot", b"digraph {}\n")
    golden("changed.dot", b"new\n")
    golden("designs/created.md", "# Created\n")
    assert same.stat().st_mtime_ns == before
    assert changed.read_bytes() == b"new\n"
    assert (tmp_path / "designs" / "created.md").read_bytes() == b"# Created\n"
