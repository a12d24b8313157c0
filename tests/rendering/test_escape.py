"""Escaping: DOT labels shown literally by real Graphviz; Markdown that keeps tables whole."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET

import pytest
from markdown_it import MarkdownIt

from sketch.rendering.escape import dot_label, html, markdown_cell, markdown_code, markdown_text

HOSTILE = [
    "<b>bold</b>",
    "<<b>>",
    'say "hi"',
    "back\\slash and \\N and \\l and \\",
    "a | b",
    "{record|shape}",
    "fish & chips &lt; &amp;",
    "`code` and ``two``",
    "*emph* _under_ [link](http://x) ![img](y)",
    "# heading",
    "1. numbered",
    "- bullet",
    "<script>alert(1)</script>",
    "ünïcödé \N{MULTIPLICATION SIGN}",
]
SVG = "{http://www.w3.org/2000/svg}"


def _svg_text_lines(label_body: str, html_guard: bool) -> list[str]:
    from graphviz import Digraph, nohtml  # type: ignore[import-untyped]

    graph = Digraph("g")
    graph.node("n", label=nohtml(label_body) if html_guard else label_body, shape="box")
    result = subprocess.run(
        ["dot", "-Tsvg"], input=graph.source.encode(), capture_output=True, check=True
    )
    root = ET.fromstring(result.stdout)
    node = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "node")
    return [t.text or "" for t in node.iter(f"{SVG}text")]


@pytest.mark.parametrize("text", HOSTILE)
def test_dot_label_is_shown_literally_by_graphviz(text: str) -> None:
    assert _svg_text_lines(dot_label(text), html_guard=True) == [text]


def test_dot_label_turns_line_breaks_into_label_lines() -> None:
    assert _svg_text_lines(dot_label("one\ntwo\r\nthree"), html_guard=True) == [
        "one",
        "two",
        "three",
    ]


def test_an_unguarded_angle_label_would_be_html_so_diagram_labels_are_guarded() -> None:
    # Why render.diagram wraps labels in graphviz.nohtml: the graphviz package writes a label
    # that starts with `<` and ends with `>` unquoted, so `<<b>x</b>>` would become a bold x.
    assert _svg_text_lines(dot_label("<<b>x</b>>"), html_guard=False) == ["x"]
    assert _svg_text_lines(dot_label("<<b>x</b>>"), html_guard=True) == ["<<b>x</b>>"]


def test_html_escapes_markup_and_quotes() -> None:
    assert html('<a href="x">&</a>') == "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"


def _parse(markdown: str) -> list:  # type: ignore[type-arg]
    return MarkdownIt("commonmark").enable("table").parse(markdown)


def _plain(tokens: list) -> str:  # type: ignore[type-arg]
    """The text a reader sees: text and code spans, with soft/hard breaks as newlines."""
    out = []
    for token in tokens:
        for child in token.children or []:
            if child.type in {"text", "code_inline"}:
                out.append(child.content)
            elif child.type in {"softbreak", "hardbreak"}:
                out.append("\n")
    return "".join(out)


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_text_renders_literally_as_one_paragraph(text: str) -> None:
    tokens = _parse(markdown_text(text) + "\n")
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    inline = tokens[1].children or []
    assert {c.type for c in inline} <= {"text"}, "no emphasis, links, code or HTML"
    assert _plain(tokens) == text


@pytest.mark.parametrize("text", [*HOSTILE, "two\nlines", "", "  "])
def test_markdown_cell_keeps_the_table_shape(text: str) -> None:
    row = f"| {markdown_cell(text)} | {markdown_code(text)} | end |"
    tokens = _parse("| a | b | c |\n|---|---|---|\n" + row + "\n")
    cells = [t for t in tokens if t.type == "td_open"]
    assert len(cells) == 3
    children = [c for t in tokens if t.type == "inline" for c in t.children or []]
    assert not {c.type for c in children} & {"html_block", "link_open", "image", "em_open"}
    assert all(c.content == "<br>" for c in children if c.type == "html_inline")


def test_markdown_cell_line_breaks_become_br() -> None:
    assert markdown_cell("a\nb") == "a<br>b"


def test_markdown_code_fences_around_backticks_and_escapes_pipes_in_tables() -> None:
    assert markdown_code("a`b") == "``a`b``"
    assert markdown_code("`x`") == "`` `x` ``"
    assert markdown_code("a|b") == "`a\\|b`"
    assert markdown_code("a|b", in_table=False) == "`a|b`"
    tokens = _parse(markdown_code("x `` y", in_table=False) + "\n")
    assert [c.content for c in tokens[1].children or []] == ["x `` y"]


def test_identifiers_stay_readable() -> None:
    assert markdown_text("user_id and snake_case_name") == "user_id and snake_case_name"


def test_only_a_real_list_marker_is_escaped_at_the_start_of_a_line() -> None:
    from sketch.rendering.escape import markdown_text

    # CommonMark 5.2: digits and `.` or `)` start a list only before a space or the line's end.
    assert markdown_text("1.4M/s") == "1.4M/s"
    assert markdown_text("0.2") == "0.2"
    assert markdown_text("1. first") == "1\\. first"
    assert markdown_text("2)") == "2\\)"
    assert markdown_text("3.\tthird") == "3\\.\tthird"
