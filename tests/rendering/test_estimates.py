"""The estimates section of design.md: GitHub-flavoured Markdown that user text cannot break."""

from __future__ import annotations

from pathlib import Path

import markdown_it
import pytest

from sketch import Design, ItemSize, LatencyTarget, Requirements
from sketch.estimating import FigureName, estimate
from sketch.loading import load_design
from sketch.rendering.escape import markdown_cell, markdown_text
from sketch.rendering.estimates import budget_sections, estimates_markdown
from tests.helpers.factories import background_pipeline, design_with_scale


def _tables(text: str) -> list[list[list[str]]]:
    """Each table as rows of cell texts, as a GFM parser reads it."""
    tokens = markdown_it.MarkdownIt("commonmark").enable("table").parse(text)
    tables: list[list[list[str]]] = []
    for token in tokens:
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            tables[-1].append([])
        elif token.type == "inline" and tables and tables[-1] and token.level > 3:
            tables[-1][-1].append(token.content)
    return tables


def test_twitter_section(repo_root: Path) -> None:
    text = estimates_markdown(load_design(repo_root / "designs" / "twitter.py").design)
    assert text.startswith("## Back-of-the-envelope estimates\n")
    [table] = _tables(text)
    assert table[0] == ["Figure", "Estimate", "Exact"]
    assert ["Peak writes per second", "14K/s", "13,888.889 /s"] in table
    assert ["Storage per year", "110 TB/year", "109,500,000,000,000 B/year"] in table
    assert "- 400M tweets/day ÷ 86,400 s ≈ 4,630 tweets/s\n" in text
    assert "### Missing inputs" in text
    # An underscore inside a word starts no emphasis in GFM: render.escape leaves it be.
    assert "scale.capacity.qps_per_server" in text
    assert text.endswith("decimal units (1 GB = 10^9 B)._\n")


def test_hostile_user_text_stays_literal() -> None:
    hostile = "<script>x</script> | *bold* [link](http://e) `code` &amp;"
    design = design_with_scale(
        dau=10,
        writes_per_user_per_day=1,
        write_name="# post|ing",
        item_sizes=[ItemSize(name=hostile, bytes=10)],
    )
    text = estimates_markdown(design, level=3)
    assert "<script>" not in text
    html = markdown_it.MarkdownIt("commonmark").enable("table").render(text)
    assert "<script>" not in html and "<em>bold" not in html and "<a " not in html
    assert "&amp;lt;script&amp;gt;" not in html  # escaped once, not twice
    assert "&lt;script&gt;x&lt;/script&gt; | *bold* [link](http://e) `code` &amp;amp;" in html
    [table] = _tables(text)
    assert all(len(row) == 3 for row in table)  # a `|` in user text never adds a column


def test_no_scale_gives_only_the_missing_inputs() -> None:
    text = estimates_markdown(Design(name="x", requirements=Requirements()))
    assert "| Figure |" not in text
    assert "every figure: needs requirements.scale" in text


@pytest.mark.parametrize(
    "text",
    ["- item", "1. first", "a_b", "a\nb", "# title", "x > y", "4.6K/s", "user_id & <b>"],
)
def test_user_text_is_escaped_exactly_as_render_escape_does(text: str) -> None:
    """One escaper for all of design.md: the section's lines are `render.escape`'s output."""
    design = design_with_scale(
        dau=10,
        writes_per_user_per_day=1,
        write_name=text,
        item_sizes=[ItemSize(name=text, bytes=10)],
    )
    estimates = estimate(design)
    lines = estimates_markdown(design).splitlines()
    per_day = estimates.figure(FigureName.storage_per_day)
    assert per_day is not None
    assert per_day.steps[-1].startswith(f"{text}: ")  # the user's text starts the line
    for step in per_day.steps:
        assert f"- {markdown_text(step)}" in lines
    for message in estimates.missing:
        assert f"- {markdown_text(message)}" in lines
    for name, figure in estimates.figures():
        row = f"| {name.label} | {markdown_cell(figure.text)} | "
        assert any(line.startswith(row) for line in lines), row


def test_latency_off_the_request_path_is_said_so() -> None:
    """A pipeline's latency_ms is not 'no step gives latency_ms': the flow gets its own lines
    and its target is said not to be judged."""
    target = LatencyTarget(flows=["Fetch"], ms=30_000, percentile="p99")
    sections = dict(budget_sections(background_pipeline(target)))
    assert "Latency" not in sections  # the line that said no step gives latency_ms
    fetch = sections["Latency: Fetch"]
    assert "latency_ms on step(s) 3: not timed" in fetch
    assert fetch[-1] == "p99 target 30000 ms: cannot be judged, no step on a request path is timed"
    untimed = dict(budget_sections(background_pipeline()))
    assert "latency_ms on step(s) 3: not timed" in untimed["Latency: Fetch"]
