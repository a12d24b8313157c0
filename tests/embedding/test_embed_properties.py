"""Properties of embedding: text outside the markers survives any embed, and embed is idempotent.

Notes are built from arbitrary text (any line ending, any Unicode, Markdown punctuation) with
regions holding arbitrary old content; the generated sections are Mermaid ones, which need no
Graphviz, so hundreds of notes run in seconds.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sketch.embedding.plan import Designs, plan_note

SECTIONS = ["mermaid-architecture", "mermaid-flows", "mermaid-er", "schema", "apis", "flows"]
CLOSE = "<!-- /sketch -->"

# Lines of free text: anything but a marker or a code fence (which would turn the markers
# after it into an example). Form feeds, `\u2028` and lone `\r` are in: they are not line
# ends to Markdown, and must not become line ends to embed either.
_line = st.text(
    st.one_of(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\n"),  # type: ignore[arg-type]
        st.sampled_from("\r\x0b\x0c\x85\u2028|#`<>*_"),
    ),
    max_size=30,
).filter(lambda s: "<!--" not in s and not s.lstrip(" ").startswith(("```", "~~~")))
_newline = st.sampled_from(["\n", "\r\n"])
_text = st.lists(st.tuples(_line, _newline), max_size=4).map(
    lambda pairs: "".join(line + end for line, end in pairs)
)


@st.composite
def notes(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A note and the free texts between its regions (before the first, between, after)."""
    outside = [draw(_text)]
    note = outside[0]
    for _ in range(draw(st.integers(0, 3))):
        end = draw(_newline)
        section = draw(st.sampled_from(SECTIONS))
        note += f"<!-- sketch: twitter.py {section} -->{end}{draw(_text)}{CLOSE}{end}"
        outside.append(draw(_text))
        note += outside[-1]
    last = draw(st.sampled_from(["", " no newline at the end"]))
    return note + last, [*outside[:-1], outside[-1] + last]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory, repo_root: Path) -> Path:
    here = tmp_path_factory.mktemp("props")
    shutil.copy(repo_root / "designs" / "twitter.py", here / "twitter.py")
    return here


@pytest.fixture(scope="module")
def designs() -> Designs:
    return Designs()


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(case=notes())
def test_outside_text_survives_and_a_second_embed_changes_nothing(
    case: tuple[str, list[str]], folder: Path, designs: Designs
) -> None:
    note_text, outside = case
    note = folder / "note.md"
    note.write_bytes(note_text.encode("utf-8"))
    plan = plan_note(note, "note.md", designs)
    new = plan.new
    # Between the end of each region's closing marker and the next opening marker: unchanged.
    if len(outside) == 1:
        assert new == note_text
    pieces = new.split(CLOSE)
    assert pieces[0].startswith(outside[0])
    for piece, expected in zip(pieces[1:], outside[1:], strict=True):
        after_close = piece[piece.index("\n") + 1 :] if "\n" in piece else piece
        assert after_close.split("<!-- sketch:")[0] == expected
    plan.apply()
    again = plan_note(note, "note.md", designs)
    assert again.new == new and not again.stale
