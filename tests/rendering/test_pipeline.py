"""The render pipeline: `dot` runs while Python works, and re-renders write the SVG first."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from sketch import Component, Design
from sketch.errors import DotError, UsageError
from sketch.loading import LoadedDesign, load_design
from sketch.rendering import render_design
from sketch.rendering.dot import DotRun
from sketch.rendering.formats import render_svg_first


@pytest.fixture(scope="module")
def twitter(repo_root: Path) -> LoadedDesign:
    return load_design(repo_root / "designs" / "twitter.py")


def test_one_process_per_format_and_each_result_on_its_own() -> None:
    with DotRun('digraph { a -> b [label="x"] }', {}, ["svg", "png", "md"]) as run:
        assert run.formats == ("png", "svg")
        assert b"<svg" in run.result("svg")  # ready without waiting for the PNG
        assert run.result("png")[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_failing_dot_is_a_clear_error_and_leaves_no_process() -> None:
    run = DotRun("digraph { a -> ", {}, ["svg", "png"])
    with run, pytest.raises(DotError, match="syntax error"):
        run.result("svg")
    assert all(p.poll() is not None for p in run._processes.values())


def test_svg_first_writes_the_same_files_as_render_design(
    twitter: LoadedDesign, tmp_path: Path
) -> None:
    heard: list[str] = []
    first = render_svg_first(twitter, tmp_path / "a", on_written=lambda p: heard.append(p.name))
    second = render_design(twitter, tmp_path / "b")
    assert heard[0] == "architecture.svg"  # before design.md, the DOT and the PNG
    assert sorted(p.name for p in first) == sorted(p.name for p in second) == sorted(heard)
    for a, b in zip(sorted(first), sorted(second), strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_dot_reports_a_bitmap_it_had_to_shrink() -> None:
    wide = "digraph { a [shape=box width=400 height=0.3] }"  # 38,400 px at 96 dpi
    with DotRun(wide, {}, ["png", "svg"]) as run:
        run.result("png")
        run.result("svg")
        assert run.scaled.keys() == {"png"}
        assert 0.8 < run.scaled["png"] < 0.9


def test_a_shrunk_png_is_said_so_and_points_to_the_svg(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    column = [Component(name=f"cache{i}", kind="cache") for i in range(150)]
    design = Design(name="tall", components=[Component(name="app", kind="service"), *column])
    with caplog.at_level(logging.WARNING, logger="sketch.rendering"):
        render_design(design, tmp_path, ["png", "svg"])
    (message,) = [r.getMessage() for r in caplog.records]
    assert message.startswith("warning: tall/architecture.png is too large for a sharp bitmap")
    assert "architecture.svg (rendered alongside) has every detail" in message


def test_first_draws_one_format_alone_then_the_others() -> None:
    with DotRun("digraph { a -> b }", {}, ["png", "svg"], first="svg") as run:
        assert set(run._processes) == {"svg"}
        assert b"<svg" in run.result("svg")
        assert set(run._processes) == {"png", "svg"}  # started once the SVG was done
        assert run.result("png")[:4] == b"\x89PNG"
    with DotRun("digraph { a -> b }", {}, ["png", "svg"], first="svg") as run:
        assert run.result("png")[:4] == b"\x89PNG"  # asking for the PNG first still works


def test_svg_first_rerenders_into_the_folder_and_refuses_a_linked_one(
    twitter: LoadedDesign, tmp_path: Path
) -> None:
    render_svg_first(twitter, tmp_path / "out", ["svg", "md"])
    again = render_svg_first(twitter, tmp_path / "out", ["svg", "md"])  # the re-render path
    assert sorted(p.name for p in again) == ["architecture.svg", "design.md"]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "linked").mkdir()
    (tmp_path / "linked" / "twitter").symlink_to(elsewhere)
    with pytest.raises(UsageError, match="symlink"):
        render_svg_first(twitter, tmp_path / "linked", ["svg"])
    assert list(elsewhere.iterdir()) == []
