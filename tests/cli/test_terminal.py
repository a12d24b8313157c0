"""`terminal_safe`: the one sanitizer every printer of user text goes through."""

from __future__ import annotations

from sketch.cli.terminal import MAX_LINE_CHARS, terminal_problem, terminal_safe
from sketch.errors import Location, Problem


def test_controls_become_visible_escapes_and_newlines_and_tabs_stay() -> None:
    text = "a\x1b]0;title\x07b\rc\x08d\x9b2Je\u202ef\x00g\n\th"
    assert terminal_safe(text) == "a\\x1b]0;title\\ab\\rc\\bd\\x9b2Je\\u202ef\\x00g\n\th"


def test_plain_text_is_untouched() -> None:
    text = "twitter.py:42: C301 no component 'ghost' (did you mean 'host'?) → é"
    assert terminal_safe(text) == text


def test_a_long_line_is_cut_and_says_how_much() -> None:
    shown = terminal_safe("short\n" + "x" * (MAX_LINE_CHARS + 500))
    first, second = shown.split("\n")
    assert first == "short" and second.endswith("... (500 more characters)")
    assert len(second) < MAX_LINE_CHARS + 40


def test_a_problem_is_made_safe_in_every_part() -> None:
    problem = Problem(
        "C301",
        "no component 'g\x1b[8m'",
        "flows[0]\r",
        help="h\x07",
        source=Location("d\x1b.yaml", 3),
    )
    safe = terminal_problem(problem)
    assert safe.message == "no component 'g\\x1b[8m'" and safe.path == "flows[0]\\r"
    assert safe.help == "h\\a" and safe.source == Location("d\\x1b.yaml", 3)
