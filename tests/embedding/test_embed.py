"""`sketch embed`: regions regenerated in place, --check with a diff, and located errors."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers.cli import Sketch
from tests.helpers.golden import Golden

NOTE = """\
# My notes on Twitter

Prose I wrote, with a table | that | stays.

<!-- sketch: ../designs/twitter.py architecture -->
<!-- /sketch -->

Between regions.

<!-- sketch: ../designs/twitter.py mermaid-architecture -->
stale text
<!-- /sketch -->

<!-- sketch: ../designs/twitter.py mermaid-flows -->
<!-- /sketch -->

<!-- sketch: ../designs/twitter.py mermaid-er -->
<!-- /sketch -->

<!-- sketch: ../designs/twitter.py schema -->
<!-- /sketch -->

<!-- sketch: ../designs/twitter.py apis -->
<!-- /sketch -->
The end, without a final newline."""


@pytest.fixture
def project(tmp_path: Path, repo_root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "designs").mkdir()
    shutil.copy(repo_root / "designs" / "twitter.py", tmp_path / "designs" / "twitter.py")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "note.md").write_bytes(NOTE.encode("utf-8"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


Embed = Callable[..., tuple[int, str, str]]


@pytest.fixture
def embed(sketch: Sketch) -> Embed:
    """`embed(*args)`: the exit code, stdout and stderr of `sketch embed ARGS`."""

    def run(*args: str) -> tuple[int, str, str]:
        result = sketch("embed", *args)
        return result.exit_code, result.stdout, result.stderr

    return run


def _outside(text: str) -> list[str]:
    """The note's text with every region's inside dropped: what embed must never change."""
    kept, inside = [], False
    for line in text.splitlines(keepends=True):
        if line.startswith("<!-- /sketch"):
            inside = False
        if not inside:
            kept.append(line)
        if line.startswith("<!-- sketch:"):
            inside = True
    return kept


def test_embed_fills_regions_and_a_second_run_changes_nothing(
    embed: Embed, project: Path, golden: Golden
) -> None:
    note = project / "notes" / "note.md"
    code, out, _ = embed("notes/note.md")
    assert code == 0
    assert "wrote notes/images/twitter-architecture.svg" in out and "wrote notes/note.md" in out
    text = note.read_text(encoding="utf-8")
    assert _outside(text) == _outside(NOTE)
    assert "![Architecture of Design Twitter](images/twitter-architecture.svg)" in text
    assert text.count("```mermaid") == 1 + 2 + 1 and "stale text" not in text
    svg = (project / "notes" / "images" / "twitter-architecture.svg").read_bytes()
    assert b"<svg" in svg
    golden("embedding/embedded-note.md", text)
    before = note.stat().st_mtime_ns
    assert embed("notes/note.md")[:2] == (0, "")
    assert note.read_text(encoding="utf-8") == text and note.stat().st_mtime_ns == before


def test_check_exits_1_with_a_diff_and_writes_nothing(embed: Embed, project: Path) -> None:
    code, out, err = embed("--check", "notes/note.md")
    assert code == 1
    assert out.startswith("--- a/notes/note.md\n+++ b/notes/note.md\n@@")
    assert "-stale text\n" in out and "+```mermaid\n" in out
    assert "image images/twitter-architecture.svg is missing (from notes/note.md)" in out
    assert "1 of 1 note out of date" in err
    assert (project / "notes" / "note.md").read_bytes() == NOTE.encode("utf-8")
    assert not (project / "notes" / "images").exists()
    embed("notes/note.md")
    assert embed("--check", "notes/note.md") == (0, "", "1 note up to date\n")


def test_check_notices_an_outdated_image(embed: Embed, project: Path) -> None:
    embed("notes/note.md")
    image = project / "notes" / "images" / "twitter-architecture.svg"
    image.write_text("<svg/>", encoding="utf-8")
    code, out, _ = embed("--check", "notes")
    assert (
        code == 1
        and out == "image images/twitter-architecture.svg is out of date (from notes/note.md)\n"
    )
    assert embed("notes")[0] == 0 and image.read_bytes() != b"<svg/>"


def test_png_images(embed: Embed, project: Path) -> None:
    note = project / "notes" / "png.md"
    note.write_text(
        "<!-- sketch: ../designs/twitter.py architecture png -->\n<!-- /sketch -->\n",
        encoding="utf-8",
    )
    assert embed(str(note))[0] == 0
    assert "](images/twitter-architecture.png)" in note.read_text(encoding="utf-8")
    assert (project / "notes" / "images" / "twitter-architecture.png").read_bytes()[:8] == (
        b"\x89PNG\r\n\x1a\n"
    )


def test_crlf_notes_keep_their_bytes_outside_the_markers(embed: Embed, project: Path) -> None:
    note = project / "notes" / "crlf.md"
    original = (
        "Title\r\n\r\n<!-- sketch: ../designs/twitter.py apis -->\r\nold\r\n"
        "<!-- /sketch -->\r\nTail \u00e9\r\n"
    ).encode("utf-8")
    note.write_bytes(original)
    assert embed(str(note))[0] == 0
    data = note.read_bytes()
    assert data.startswith(b"Title\r\n\r\n<!-- sketch: ../designs/twitter.py apis -->\r\n\r\n")
    assert data.endswith("<!-- /sketch -->\r\nTail \u00e9\r\n".encode())
    assert b"\n" not in data.replace(b"\r\n", b"")  # every generated line ends in CRLF too
    assert embed("--check", str(note))[0] == 0


def test_design_paths_are_relative_to_the_note(embed: Embed, project: Path) -> None:
    deep = project / "notes" / "a" / "b"
    deep.mkdir(parents=True)
    (deep / "n.md").write_text(
        "<!-- sketch: ../../../designs/twitter.py mermaid-er -->\n<!-- /sketch -->\n",
        encoding="utf-8",
    )
    assert embed(str(deep / "n.md"))[0] == 0
    assert "erDiagram" in (deep / "n.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("region", "message"),
    [
        (
            "<!-- sketch: ../designs/twitter.py shema -->\n<!-- /sketch -->\n",
            "notes/bad.md:3: unknown section 'shema' (did you mean 'schema'?)",
        ),
        (
            "<!-- sketch: ../designs/nope.py schema -->\n<!-- /sketch -->\n",
            "notes/bad.md:3: design file '../designs/nope.py' not found",
        ),
        (
            "<!-- sketch: ../designs/twitter.py schema png -->\n<!-- /sketch -->\n",
            "notes/bad.md:3: section 'schema' takes no options (got png)",
        ),
        (
            "<!-- sketch: ../designs/twitter.py architecture gif -->\n<!-- /sketch -->\n",
            "notes/bad.md:3: section 'architecture' takes one of svg, png (got gif)",
        ),
        (
            "<!-- sketch: ../designs/broken.py schema -->\n<!-- /sketch -->\n",
            "notes/bad.md:3: cannot load design '../designs/broken.py':",
        ),
        (
            "<!-- sketch: ../designs/twitter.py schema -->\n",
            "notes/bad.md:3: opening marker is never closed",
        ),
        ("<!-- /sketch -->\n", "notes/bad.md:3: closing marker without an opening marker"),
        (
            "<!-- sketch: ../designs/twitter.py schema -->\n<!-- sketch: ../designs/twitter.py apis"
            " -->\n<!-- /sketch -->\n",
            "notes/bad.md:4: marker opened inside the region opened at line 3",
        ),
        (
            "<!-- sketch ../designs/twitter.py schema -->\n",
            "notes/bad.md:3: unrecognised sketch marker",
        ),
    ],
)
def test_errors_name_the_note_line_and_leave_it_untouched(
    embed: Embed, project: Path, region: str, message: str
) -> None:
    (project / "designs" / "broken.py").write_text("design = (\n", encoding="utf-8")
    note = project / "notes" / "bad.md"
    original = f"# Bad\r\n\n{region}tail\n".encode()
    note.write_bytes(original)
    code, out, err = embed("notes/bad.md")
    assert code == 2
    assert message in err, err
    assert "help: " in err and "no note was changed" in err and "Traceback" not in err
    assert note.read_bytes() == original and out == ""
    assert embed("--check", "notes/bad.md")[0] == 2


def test_every_problem_of_a_note_is_reported_at_once(embed: Embed, project: Path) -> None:
    note = project / "notes" / "two.md"
    note.write_text(
        "<!-- sketch: ../designs/twitter.py nope -->\n<!-- /sketch -->\n"
        "<!-- sketch: ../designs/gone.py schema -->\n<!-- /sketch -->\n",
        encoding="utf-8",
    )
    _, _, err = embed(str(note))
    assert "two.md:1: unknown section 'nope'" in err and "two.md:3: design file" in err


def test_a_note_that_is_missing_or_a_folder_of_none(embed: Embed, project: Path) -> None:
    code, _, err = embed("notes/missing.md")
    assert code == 2 and "notes/missing.md: no such file" in err
    (project / "empty").mkdir()
    code, _, err = embed("empty")  # nothing to do is a usage error, never "up to date"
    assert code == 2 and "no notes found in empty" in err


def test_real_subprocess_exit_codes(project: Path, sketch_command: list[str]) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*sketch_command, "embed", *args],
            capture_output=True,
            text=True,
            cwd=project,
            check=False,
            timeout=120,
        )

    stale = run("--check", "notes/note.md")
    assert stale.returncode == 1 and "+++ b/notes/note.md" in stale.stdout
    assert run("notes/note.md").returncode == 0
    assert run("--check", "notes/note.md").returncode == 0


def test_two_designs_of_one_name_cannot_share_an_image(embed: Embed, project: Path) -> None:
    other = project / "other"
    other.mkdir()
    shutil.copy(project / "designs" / "twitter.py", other / "twitter.py")
    note = project / "notes" / "clash.md"
    note.write_text(
        "<!-- sketch: ../designs/twitter.py architecture -->\n<!-- /sketch -->\n"
        "<!-- sketch: ../other/twitter.py architecture -->\n<!-- /sketch -->\n",
        encoding="utf-8",
    )
    code, _, err = embed(str(note))
    assert code == 2 and "clash.md:3: image twitter-architecture.svg is also drawn from" in err


def test_a_design_that_fails_check_is_not_embedded_and_its_problems_are_located(
    embed: Embed,
    project: Path,
) -> None:
    (project / "designs" / "bad.py").write_text(
        "from sketch import Component, Design, Flow, Step\n"
        "design = Design(name='bad', components=[Component(name='a', kind='service')],\n"
        "    flows=[Flow(name='f', steps=[Step(from_='a', to='ghost', action='call')])])\n",
        encoding="utf-8",
    )
    note = project / "notes" / "bad.md"
    note.write_text(
        "<!-- sketch: ../designs/bad.py mermaid-architecture -->\n<!-- /sketch -->\n"
        "<!-- sketch: ../designs/bad.py architecture -->\n<!-- /sketch -->\n",
        encoding="utf-8",
    )
    before = note.read_bytes()
    code, _, err = embed(str(note))
    assert code == 2 and note.read_bytes() == before  # as `sketch render`: nothing drawn
    for marker_line in ("bad.md:1", "bad.md:3"):
        assert f"{marker_line}: design '../designs/bad.py' has 3 check problem(s)" in err
    assert "designs/bad.py:3: C301 no component 'ghost'" in err


def test_keep_images_checks_the_text_and_only_that_images_exist(
    embed: Embed, project: Path
) -> None:
    embed("notes/note.md")
    image = project / "notes" / "images" / "twitter-architecture.svg"
    image.write_text("<svg/>", encoding="utf-8")  # as if another Graphviz had drawn it
    assert embed("--check", "--keep-images", "notes")[0] == 0
    assert embed("--keep-images", "notes")[:2] == (0, "") and image.read_text() == "<svg/>"
    image.unlink()
    code, out, _ = embed("--check", "--keep-images", "notes")
    assert code == 1 and "image images/twitter-architecture.svg is missing" in out
