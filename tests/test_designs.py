"""The gallery can never rot: every design in designs/ loads, checks, lints and renders.

Parametrized over `designs/*.py`, so a new design is covered by adding the file. The gallery
is rendered once per session (in parallel, with `sketch.rendering.batch`), with the real `diagrams`
library and the real Graphviz `dot`. DOT sources and design.md notes are compared with golden
files in tests/golden/designs/ (`pytest --update-golden` rewrites them).
"""

from __future__ import annotations

import struct
import subprocess
import sys
from pathlib import Path

import pytest

from sketch.checking import check
from sketch.errors import Severity
from sketch.linting.run import Options, lint_file
from sketch.loading import load_design
from sketch.loading.settings import load_config
from sketch.rendering.batch import BatchResult, DesignOutcome, render_many
from tests.helpers.golden import Golden
from tests.helpers.paths import REPO_ROOT, committed_designs

DESIGNS = committed_designs((".py",))  # the gallery: what is committed, not a user's own file


def _ids(paths: list[Path]) -> list[str]:
    return [p.stem for p in paths]


def test_the_gallery_has_twitter_and_seven_more_designs() -> None:
    names = {p.stem for p in DESIGNS}
    expected = {
        "twitter",
        "url_shortener",
        "photo_sharing",
        "chat",
        "ticket_booking",
        "ride_matching",
        "video_platform",
        "rate_limiter",
    }
    assert expected <= names


@pytest.mark.parametrize("path", DESIGNS, ids=_ids(DESIGNS))
def test_design_loads_and_checks_clean(path: Path) -> None:
    design = load_design(path).design
    problems = check(design, load_config(path).limits)
    assert [f"{p.code} {p.message} at {p.path}" for p in problems] == []
    assert design.name == path.stem, "the output folder is named after the design"


@pytest.mark.parametrize("path", DESIGNS, ids=_ids(DESIGNS))
def test_design_is_complete_through_the_four_steps(path: Path) -> None:
    design = load_design(path).design
    scale = design.requirements.scale
    assert scale is not None and scale.dau and scale.peak_factor and scale.item_sizes
    assert design.requirements.out_of_scope and design.requirements.latency
    assert len(design.flows) >= 2 and len(design.bottlenecks) >= 2
    assert all(b.solution for b in design.bottlenecks)
    assert len(design.deep_dives) == 2
    for dive in design.deep_dives:
        assert 2 <= len(dive.approaches) <= 3, dive.topic
        assert all(a.pros and a.cons for a in dive.approaches), dive.topic
        assert dive.decision and dive.justification, dive.topic


@pytest.mark.parametrize("path", DESIGNS, ids=_ids(DESIGNS))
def test_design_lints_without_errors(path: Path) -> None:
    report = lint_file(path, Options())
    errors = [f for f in report.active if f.severity is Severity.error]
    assert [f"{f.code} {f.message} at {f.path}" for f in errors] == []
    # Every suppression carries a reason a reviewer can read.
    assert all(len(f.suppressed or "") >= 20 for f in report.suppressed)


@pytest.fixture(scope="session")
def gallery(tmp_path_factory: pytest.TempPathFactory) -> tuple[BatchResult, Path]:
    out = tmp_path_factory.mktemp("gallery")
    return render_many(DESIGNS, out), out


def _outcome(result: BatchResult, path: Path) -> DesignOutcome:
    return next(o for o in result.outcomes if o.path == path)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG signature"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_whole_gallery_renders(gallery: tuple[BatchResult, Path]) -> None:
    result, _ = gallery
    assert [o.path for o in result.outcomes] == DESIGNS
    assert [o.problems for o in result.failed] == []
    assert result.exit_code == 0


@pytest.mark.parametrize("path", DESIGNS, ids=_ids(DESIGNS))
def test_design_renders_a_diagram_and_a_note(path: Path, gallery: tuple[BatchResult, Path]) -> None:
    result, out = gallery
    outcome = _outcome(result, path)
    assert outcome.ok and not outcome.problems, outcome.problems
    folder = out / outcome.name  # type: ignore[operator]
    width, height = png_size((folder / "architecture.png").read_bytes())
    assert 500 < width < 6000 and 300 < height < 6000
    svg = (folder / "architecture.svg").read_text(encoding="utf-8")
    design = load_design(path).design
    assert design.display_title in (folder / "design.md").read_text(encoding="utf-8")
    assert svg.lstrip().startswith(("<?xml", "<svg"))


@pytest.mark.parametrize("path", DESIGNS, ids=_ids(DESIGNS))
@pytest.mark.parametrize("output", ["architecture.dot", "design.md"])
def test_rendered_text_matches_its_golden_file(
    path: Path, output: str, gallery: tuple[BatchResult, Path], golden: Golden
) -> None:
    result, out = gallery
    outcome = _outcome(result, path)
    assert outcome.ok and not outcome.problems, outcome.problems
    # One copy per design, Twitter's included: the renderer's own tests compare with it too.
    golden(
        f"designs/{path.stem}{Path(output).suffix}", (out / str(outcome.name) / output).read_bytes()
    )


@pytest.mark.parametrize("path", DESIGNS, ids=_ids(DESIGNS))
def test_design_has_a_gallery_thumbnail_and_note(path: Path) -> None:
    """scripts/update-gallery writes these; the README's gallery links them."""
    gallery = REPO_ROOT / "docs" / "gallery"
    name = load_design(path).design.name
    thumbnail = (gallery / f"{name}.png").read_bytes()
    width, height = png_size(thumbnail)
    assert width <= 600 and height <= 450, "a thumbnail, not the full diagram"
    assert len(thumbnail) < 150_000
    note = (gallery / f"{name}.md").read_text(encoding="utf-8")
    assert f"]({name}.svg)" in note, "the note shows the full diagram beside it"
    assert (gallery / f"{name}.svg").is_file()
    assert f"({name}.md)" in (gallery / "README.md").read_text(encoding="utf-8")


def test_the_committed_gallery_is_what_the_designs_render_now() -> None:
    # docs/gallery/ is linked from the README: a design change must come with new notes.
    done = subprocess.run(
        [sys.executable, str(REPO_ROOT / "scripts" / "update-gallery"), "--check"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
