"""`sketch render` through typer's CliRunner and, once, as a real subprocess."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.helpers.cli import Sketch
from tests.helpers.paths import REPO_ROOT
from tests.rendering import hostile

TWITTER = REPO_ROOT / "designs" / "twitter.py"
DANGLING = """
from sketch import Api, Component, Design, Entity, Field, Flow, Step

def entity(name):
    return Entity(name=name, fields=[Field(name="id", type="BIGINT", primary_key=True)])

design = Design(
    name="dangling",
    entities=[entity("A"), entity("B"), entity("C")],
    apis=[Api(method="GET", path=f"/{p}", purpose=p) for p in "abcde"],
    components=[Component(name="client", kind="client"), Component(name="app", kind="service")],
    flows=[Flow(name="f", steps=[Step(from_="client", to="ap", action="call")])],
)
"""


def test_render_writes_and_lists_the_files(sketch: Sketch, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = sketch("render", str(TWITTER), "--output", str(out))
    assert result.exit_code == 0, result.output
    for name in ("architecture.png", "architecture.svg", "architecture.dot", "design.md"):
        assert (out / "twitter" / name).is_file()
        assert f"twitter/{name}" in result.output
    assert "rendered 1 design (png, svg, dot, md): 12 files" in result.output


def test_format_option_limits_the_outputs(sketch: Sketch, tmp_path: Path) -> None:
    result = sketch("render", str(TWITTER), "-o", str(tmp_path), "--format", "md")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "twitter").iterdir()) == ["design.md"]


def test_unknown_format_is_a_usage_error(sketch: Sketch, tmp_path: Path) -> None:
    result = sketch("render", str(TWITTER), "-o", str(tmp_path), "-f", "png,gif")
    assert result.exit_code == 2
    assert "unknown format(s): gif" in result.output
    assert not list(tmp_path.iterdir())


def test_a_design_with_problems_is_drawn_as_a_draft_and_exits_1(
    sketch: Sketch, tmp_path: Path
) -> None:
    design = tmp_path / "dangling.py"
    design.write_text(DANGLING, encoding="utf-8")
    out = tmp_path / "out"
    result = sketch("render", str(design), "-o", str(out), "-f", "svg,md,html")
    assert result.exit_code == 1, result.output
    assert "C301 no component 'ap' (did you mean 'app'?)" in result.output
    assert "rendered a draft (svg, md, html)" in result.output
    folder = out / next(p.name for p in out.iterdir())
    # the dangling step is left out of the picture; the banner says what is wrong
    assert "draft: " in (folder / "architecture.svg").read_text(encoding="utf-8")
    assert "**draft: " in (folder / "design.md").read_text(encoding="utf-8")
    page = (folder / "design.html").read_text(encoding="utf-8")
    assert '<aside class="draft"' in page and "C301 no component &#x27;ap&#x27;" in page


def test_among_several_designs_a_broken_one_does_not_stop_the_others(
    sketch: Sketch, tmp_path: Path
) -> None:
    design = tmp_path / "dangling.py"
    design.write_text(DANGLING, encoding="utf-8")
    out = tmp_path / "out"
    result = sketch("render", str(design), str(TWITTER), "-o", str(out))
    assert result.exit_code == 1, result.output
    assert "C301 no component 'ap' (did you mean 'app'?)" in result.output
    assert "2 designs: 2 rendered (1 a draft with problems), 0 failed" in result.output
    assert (out / "twitter" / "architecture.svg").is_file()
    assert len(list(out.iterdir())) == 2


def test_an_output_that_is_a_file_exits_2(sketch: Sketch, tmp_path: Path) -> None:
    blocker = tmp_path / "taken"
    blocker.write_text("not a folder")
    result = sketch("render", str(TWITTER), "-o", str(blocker))
    assert result.exit_code == 2
    assert "is a file, not a folder" in result.output
    assert "Traceback" not in result.output


def test_an_output_that_cannot_be_created_exits_2(sketch: Sketch, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    result = sketch("render", str(TWITTER), "-o", str(tmp_path / "file" / "sub"))
    assert result.exit_code == 2
    assert "error: cannot write or read" in result.output


def test_missing_graphviz_says_how_to_install_it(
    sketch: Sketch, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))  # no `dot` anywhere on PATH
    result = sketch("render", str(TWITTER), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "Graphviz `dot` was not found" in result.output
    assert "apt-get install graphviz" in result.output
    assert not (tmp_path / "out" / "twitter").exists()


def test_a_folder_renders_every_design_in_it(sketch: Sketch, tmp_path: Path) -> None:
    designs = tmp_path / "designs"
    designs.mkdir()
    (designs / "twitter.py").write_text(TWITTER.read_text())
    hostile.write(designs)
    result = sketch("render", str(designs), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "hostile" / "architecture.svg").is_file()
    assert (tmp_path / "out" / "twitter" / "architecture.svg").is_file()
    assert "2 designs: 2 rendered, 0 failed" in result.output


def test_two_designs_with_one_name_are_refused(sketch: Sketch, tmp_path: Path) -> None:
    copy = tmp_path / "copy.py"
    copy.write_text(TWITTER.read_text())
    result = sketch("render", str(TWITTER), str(copy), "-o", str(tmp_path / "o"))
    assert result.exit_code == 2
    assert "both named 'twitter'" in result.output


def test_real_subprocess_writes_relative_paths(sketch_command: list[str], tmp_path: Path) -> None:
    result = subprocess.run(
        [*sketch_command, "render", str(TWITTER)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "wrote output/twitter/architecture.png" in result.stdout
    assert (tmp_path / "output" / "twitter" / "design.md").is_file()
