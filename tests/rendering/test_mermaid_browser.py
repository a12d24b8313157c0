"""The real Mermaid library (tests/js, in headless Chromium) parses and draws every diagram.

One browser run checks all of them: the Twitter example, the small factory design and a
design whose every text tries to break Mermaid. The drawn text must show the user's text
literally, which proves the escaping is right, not merely parseable.
"""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

import pytest

from sketch import Component, Entity, Field, Flow, Step
from sketch.loading import load_design
from sketch.model import Design
from sketch.rendering import mermaid
from tests.helpers.factories import small_design
from tests.helpers.golden import Golden
from tests.rendering import browser, hostile

#: A label that, unescaped, re-themes the diagram and injects CSS (Mermaid applied it).
DIRECTIVE = '%%{init: {"theme": "dark", "themeCSS": ".node rect { fill: #f00; }"}}%%'
# Text that means something to some Mermaid grammar, to Markdown, or to HTML; then seeded
# random mixes of the same characters (the seed keeps the test repeatable).
TRICKY = [
    "*a*",
    "_a_",
    "**b**",
    "~~c~~",
    "[l](http://x)",
    "`code`",
    "# h",
    "> q",
    "- li",
    "1. n",
    "a_b_c",
    "<u>u</u>",
    "![i](x.png)",
    "\\*esc\\*",
    "a\\nb",
    "$x$",
    "a:b",
    "end",
    "%% c",
    "{{x}}",
    "#quot; #35;",
    "x; y",
    "-->",
    "&amp;",
    "<br>",
    # A directive or a comment in a label must stay text: Mermaid finds them anywhere.
    DIRECTIVE,
    "%%{wrap}%%",
    "a %% b",
]
_ALPHABET = [*"abcXYZ019 #;:\"'<>&{}[]()|%`\\/-=+*_~^$@!?,.", "\u00e9", "\u2192"]


def _fuzz_texts(count: int = 24, seed: int = 20261127) -> list[str]:
    rng = random.Random(seed)
    texts = [
        "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 14))) for _ in range(count)
    ]
    return [t.strip() or "x" for t in texts]


def _carrier(text: str) -> Design:
    """A design that puts `text` in every spot of every diagram."""
    return Design(
        name="carrier",
        components=[
            Component(name="a", kind="service", label=text, tier=text),
            Component(name="b", kind="queue", label=text),
        ],
        entities=[Entity(name="E", fields=[Field(name="id", type="INT", note=text)])],
        flows=[Flow(name=text, steps=[Step(from_="a", to="b", action=text, condition=text)])],
    )


def _diagrams(design: Design) -> list[tuple[str, str, str]]:
    named = [
        (design.name, "architecture", mermaid.architecture(design)),
        (design.name, "er", mermaid.er(design)),
    ]
    named += [(design.name, f"flow {i}", d) for i, d in enumerate(mermaid.sequences(design))]
    return named


@pytest.fixture(scope="module")
def drawn(
    tmp_path_factory: pytest.TempPathFactory, repo_root: Path, golden: Golden
) -> dict[str, dict[str, Any]]:
    folder = tmp_path_factory.mktemp("mermaid")
    designs = [
        load_design(repo_root / "designs" / "twitter.py").design,
        small_design(),
        load_design(hostile.write(folder)).design,
    ]
    named = [item for design in designs for item in _diagrams(design)]
    # And the blocks exactly as `sketch embed` writes them into a note.
    note = golden.path("embedding/embedded-note.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```mermaid\n(.*?)^```$", note, re.MULTILINE | re.DOTALL)
    named += [("note", f"block {i}", block) for i, block in enumerate(blocks)]
    for number, tricky in enumerate(TRICKY + _fuzz_texts()):
        named += [(f"tricky {number}", kind, text) for _, kind, text in _diagrams(_carrier(tricky))]
    results = browser.mermaid_render([text for _, _, text in named], folder)
    return {
        f"{name} {kind}": result for (name, kind, _), result in zip(named, results, strict=True)
    }


def test_every_diagram_parses_and_draws(drawn: dict[str, dict[str, Any]]) -> None:
    failures = {key: r["error"] for key, r in drawn.items() if not r["ok"]}
    assert not failures, failures
    assert drawn["twitter architecture"]["type"] == "flowchart-v2"
    assert drawn["twitter er"]["type"] == "er"
    assert drawn["twitter flow 0"]["type"] == "sequence"
    assert [drawn[f"note block {i}"]["type"] for i in range(4)] == [
        "flowchart-v2",
        "sequence",
        "sequence",
        "er",
    ]


def test_twitter_diagrams_show_the_design(drawn: dict[str, dict[str, Any]]) -> None:
    architecture = drawn["twitter architecture"]["text"]
    for label in ("Client (Web/Mobile)", "Timeline Cache", "2.3 GET timeline:{user_id}", "Data"):
        assert label in architecture
    er = drawn["twitter er"]["text"]
    for word in ("Tweet", "user_id", "VARCHAR(280)", "PK", "FK", "UK"):
        assert word in er
    timeline = drawn["twitter flow 1"]["text"]
    assert "cache hit" in timeline and "cache miss" in timeline  # the alt/else block


def test_hostile_text_is_drawn_literally(drawn: dict[str, dict[str, Any]]) -> None:
    # Mermaid keeps `<b>` as text only when it was escaped: it would otherwise become bold.
    for key in ("hostile architecture", "hostile flow 1", "hostile er"):
        assert hostile.MERMAID in drawn[key]["text"].replace("\u00a0", " "), key
    flow = drawn["hostile flow 1"]["text"]  # the second flow: the one written against Mermaid
    for piece in ("flow; #1 %% end", "read; end", "miss; #1", "hit <2>", "enqueue -) async"):
        assert piece in flow
    er = drawn["hostile er"]["text"]
    assert "TIMESTAMP WITH TIME ZONE" in er and "LIST<TEXT>" in er


def test_a_directive_in_a_label_changes_no_style(drawn: dict[str, dict[str, Any]]) -> None:
    number = TRICKY.index(DIRECTIVE)
    for kind in ("architecture", "er", "flow 0"):
        css = drawn[f"tricky {number} {kind}"]["css"]
        assert css and "#f00" not in css, kind
        # The same theme as the diagram without the directive: the default, not `dark`.
        plain = drawn[f"tricky 0 {kind}"]["css"]
        assert _without_ids(css) == _without_ids(plain), kind


def _without_ids(css: str) -> str:
    return re.sub(r"#diagram\d+", "#diagram", css)


def test_tricky_and_random_text_is_drawn_exactly(drawn: dict[str, dict[str, Any]]) -> None:
    wrong = {}
    for number, tricky in enumerate(TRICKY + _fuzz_texts()):
        for kind in ("architecture", "er", "flow 0"):
            result = drawn[f"tricky {number} {kind}"]
            shown = str(result.get("text", "")).replace("\u00a0", " ")
            if not result["ok"] or tricky not in shown:
                wrong[f"{tricky!r} in {kind}"] = result.get("error", "not drawn literally")
    assert not wrong, wrong
