"""Marker parsing: regions, their line numbers, and every marker mistake with its line."""

from __future__ import annotations

import pytest

from sketch.embedding.markers import parse, splice

OPEN = "<!-- sketch: d.py schema -->"
CLOSE = "<!-- /sketch -->"


def test_regions_with_lines_design_section_and_options() -> None:
    parsed = parse(
        f"# Note\n\n{OPEN}\nold\n{CLOSE}\ntext\n<!-- sketch: x/y.py ARCHITECTURE png -->\n{CLOSE}\n"
    )
    assert parsed.errors == []
    first, second = parsed.regions
    assert (first.line, first.design, first.section, first.options) == (3, "d.py", "schema", ())
    assert (second.line, second.design, second.section, second.options) == (
        7,
        "x/y.py",
        "architecture",
        ("png",),
    )


@pytest.mark.parametrize(
    ("note", "line", "what"),
    [
        (f"a\n{OPEN}\nb\n", 2, "opening marker is never closed"),
        (f"a\nb\n{CLOSE}\n", 3, "closing marker without an opening marker"),
        (f"{OPEN}\n{OPEN}\n{CLOSE}\n", 2, "marker opened inside the region opened at line 1"),
        ("x\n<!-- sketch d.py schema -->\n", 2, "unrecognised sketch marker"),
        ("<!-- /sketch: d.py -->\n", 1, "unrecognised sketch marker"),
        (f"<!-- sketch: d.py -->\n{CLOSE}\n", 1, "marker needs a design file and a section"),
        (f"{OPEN}\n<!-- /sketch>\n", 2, "unrecognised sketch marker"),
    ],
)
def test_marker_mistakes_name_their_line(note: str, line: int, what: str) -> None:
    errors = parse(note).errors
    assert errors, note
    assert errors[0].source is not None and errors[0].source.line == line
    assert errors[0].message.startswith(what)
    assert errors[0].help


def test_markers_in_fenced_code_are_examples_not_regions() -> None:
    note = (
        f"```markdown\n{OPEN}\n{CLOSE}\n<!-- sketch typo -->\n```\n"
        f"~~~~\n{CLOSE}\n~~~~\n{OPEN}\n{CLOSE}\n"
    )
    parsed = parse(note)
    assert parsed.errors == []
    assert [r.line for r in parsed.regions] == [9]


def test_generated_fences_inside_a_region_do_not_hide_the_closing_marker() -> None:
    parsed = parse(f"{OPEN}\n```mermaid\nflowchart LR\n{CLOSE}\nafter\n")
    assert parsed.errors == [] and parsed.regions[0].close_index == 3


def test_escaped_marker_text_inside_a_region_is_content() -> None:
    parsed = parse(f"{OPEN}\n| \\<!-- sketch: quoted --> |\n{CLOSE}\n")
    assert parsed.errors == [] and len(parsed.regions) == 1


def test_splice_replaces_only_inside_and_keeps_crlf() -> None:
    note = f"top\r\n{OPEN}\r\nold\r\n{CLOSE}\r\nbottom"
    new = splice(parse(note), ["line 1\nline 2\n"])
    assert new == f"top\r\n{OPEN}\r\n\r\nline 1\r\nline 2\r\n\r\n{CLOSE}\r\nbottom"


def test_splice_of_an_empty_body_leaves_one_blank_line() -> None:
    assert splice(parse(f"{OPEN}\n{CLOSE}\n"), [""]) == f"{OPEN}\n\n{CLOSE}\n"


def test_a_byte_order_mark_before_the_first_marker_is_allowed() -> None:
    parsed = parse(f"\ufeff{OPEN}\n{CLOSE}\n")
    assert parsed.errors == [] and parsed.regions[0].line == 1
    assert splice(parsed, ["x\n"]).startswith(f"\ufeff{OPEN}\n")


def test_paths_with_spaces_can_be_quoted() -> None:
    (region,) = parse(f'<!-- sketch: "my designs/t.py" architecture png -->\n{CLOSE}\n').regions
    assert (region.design, region.section, region.options) == (
        "my designs/t.py",
        "architecture",
        ("png",),
    )
