"""`sketch talk`: the guide's sentences filled in with the design's own numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from sketch.estimating import FigureName, estimate
from sketch.loading import load_design
from sketch.model import Component, Design, Requirements, Scale
from sketch.practice.load import breaks_first
from sketch.practice.talk import as_text, talk_track
from sketch.rendering.html import render_fragment
from tests.helpers.cli import Sketch
from tests.helpers.paths import REPO_ROOT

TWITTER = REPO_ROOT / "designs" / "twitter.py"
DESIGNS = sorted((REPO_ROOT / "designs").glob("*.py"))


def _track(design: Design) -> str:
    return as_text(talk_track(design), design.display_title)


def test_twitter_s_track_says_the_guide_s_own_figures() -> None:
    design = load_design(TWITTER).design
    text = _track(design)
    # Common Mistakes #3, word for word but for "reads/sec": the figures are the estimate's.
    assert (
        "With 200M DAU and 1.4M reads/s at peak, a single PostgreSQL instance can handle "
        "~10K QPS, so we'd need read replicas or sharding"
    ) in text
    for figure in ("4,630 tweets/s", "14K tweets/s", "463K reads/s", "300 GB/day", "110 TB/year"):
        assert figure in text, figure
    figures = estimate(design)
    for name in (FigureName.peak_reads_per_second, FigureName.storage_per_year):
        assert figures[name].steps[-1] in text
    # Trade-offs as the guide states them, and bottlenecks as Mistake 5's fix.
    assert "For the timeline, I'm choosing eventual consistency over strong consistency" in text
    assert "users might see an update with a few seconds delay" in text
    assert (
        "This design works for moderate scale, but we have some bottlenecks: [1] Timeline" in text
    )
    assert "we can extend this with other entities like Retweet and Mention" in text
    assert 'You: "How many users are we targeting?" Interviewer: "200M DAU".' in text
    # The load model's answer, whatever it is: the component that saturates first.
    point = breaks_first(design)
    assert point is not None
    assert f"What happens if traffic increases 10x? At 10x, {point.name} breaks first" in text
    assert f"it needs {point.needed(10):,} nodes where the design has {point.declared}" in text
    assert "Where it breaks, in order: " in text
    assert "Decision: \"I'd go with hybrid with a 10K-follower threshold" in text


def test_the_parts_follow_the_guide_s_time_table() -> None:
    titles = [p.title for p in talk_track(load_design(TWITTER).design)]
    assert titles == [
        "Requirements (0-7 min)",
        "Entities & APIs (7-15 min)",
        "High-Level Design (15-27 min)",
        "Deep Dive (27-45 min)",
    ]


@pytest.mark.parametrize("path", DESIGNS, ids=[p.stem for p in DESIGNS])
def test_every_gallery_design_has_a_track_for_each_step(path: Path) -> None:
    design = load_design(path).design
    parts = talk_track(design)
    assert len(parts) == 4 and all(p.lines for p in parts)
    text = _track(design)
    assert "Let me write the numbers on the board:" in text
    assert "This design works for moderate scale, but" in text


def test_a_small_design_says_one_server_is_enough() -> None:
    # Mistake 4's fix: "With 10K DAU, we can start with a single PostgreSQL instance ..."
    design = Design(
        name="small",
        requirements=Requirements(
            scale=Scale(dau=10_000, writes_per_user_per_day=5, read_write_ratio=10, peak_factor=3)
        ),
        components=[
            Component(name="db", kind="database", technology="PostgreSQL"),
            Component(name="cache", kind="cache", technology="Redis"),
        ],
    )
    text = _track(design)
    assert "With 10K DAU and 17 reads/s at peak, we can start with a single PostgreSQL" in text
    assert "instance and a Redis cache" in text


def test_the_command_prints_the_track(sketch: Sketch) -> None:
    result = sketch("talk", TWITTER)
    assert result.exit_code == 0
    assert result.stdout.startswith("Talk track: Design Twitter\n\nRequirements (0-7 min)\n")


def test_the_html_page_carries_it_as_escaped_speaker_notes() -> None:
    design = load_design(TWITTER).design
    hostile = design.model_copy(update={"deferred_entities": ("<script>x</script>",)})
    page = render_fragment(hostile, None)
    assert page.count('<aside class="speaker-notes"') == 4
    assert "a single PostgreSQL instance can handle ~10K QPS" in page
    assert "<script>" not in page and "&lt;script&gt;x&lt;/script&gt;" in page
    # sections carry the id the table of contents links to
    assert '<section class="checklist" id="' in page and '<section class="scope" id="' in page
