"""A `Design` in a notebook: SVG, HTML and Markdown reprs, and a light model import."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sketch.loading import load_design
from sketch.model import Design
from tests.helpers.factories import small_design


@pytest.fixture(scope="module")
def twitter(repo_root: Path) -> Design:
    return load_design(repo_root / "designs" / "twitter.py").design


def test_svg_repr_is_the_rendered_diagram(twitter: Design) -> None:
    svg = twitter._repr_svg_()
    assert svg is not None and svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert twitter._repr_svg_() == svg


def test_html_repr_is_a_fragment_with_the_diagram_and_tables(twitter: Design) -> None:
    fragment = twitter._repr_html_()
    assert fragment.startswith("<style>\n.sketch-design {") and "<html" not in fragment
    assert '</style>\n<div class="sketch-design">' in fragment
    assert fragment.count('<figure class="architecture">\n<svg') == 1
    assert fragment.count('<table class="entity">') == 5
    # beside it, the static ER and sequence diagrams of the page
    assert fragment.count("<svg") == 2 + len(twitter.flows)


def test_markdown_repr_has_mermaid_and_tables() -> None:
    markdown = small_design()._repr_markdown_()
    assert markdown.startswith("# shop\n")
    assert "```mermaid\nflowchart LR\n" in markdown
    assert "## Data model" in markdown and "## API" in markdown


def test_a_design_the_renderer_refuses_still_shows_its_tables() -> None:
    # No folder can be named so: the model refuses it, and a design that skipped validation
    # is refused by the renderer.
    design = small_design().model_copy(update={"name": "bad/name"})
    assert design._repr_svg_() is None
    page = design._repr_html_()
    assert '<figure class="architecture">' not in page and "<table" in page


def test_importing_the_model_does_not_import_the_notes_or_the_renderer() -> None:
    code = (
        "import sys, sketch; from sketch import Design; "
        "loaded = [m for m in sys.modules if m.startswith(('sketch.embedding', 'sketch.rendering',"
        " 'diagrams', 'graphviz'))]; print(loaded)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"
