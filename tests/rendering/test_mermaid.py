"""Mermaid text: golden files for the Twitter example, escaping, ids, blocks and ER keys."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sketch import Component, Entity, Field, Flow, Index, Step
from sketch.loading import load_design
from sketch.model import Design
from sketch.rendering import mermaid
from sketch.rendering.mermaid import architecture, mermaid_files
from sketch.rendering.mermaid_text import Ids, comment, text
from sketch.rendering.options import Direction
from tests.helpers.factories import small_design
from tests.helpers.golden import Golden
from tests.rendering.helpers import DESIGN_FILES, DESIGN_IDS, example


@pytest.fixture(scope="module")
def twitter(repo_root: Path) -> Design:
    return load_design(repo_root / "designs" / "twitter.py").design


def test_twitter_architecture_golden(twitter: Design, golden: Golden) -> None:
    golden("rendering/twitter-architecture.mmd", mermaid.architecture(twitter))


def test_twitter_sequences_golden(twitter: Design, golden: Golden) -> None:
    golden("rendering/twitter-flows.mmd", "\n".join(mermaid.sequences(twitter)))


def test_twitter_er_golden(twitter: Design, golden: Golden) -> None:
    golden("rendering/twitter-er.mmd", mermaid.er(twitter))


def test_same_design_same_text(repo_root: Path, twitter: Design) -> None:
    again = load_design(repo_root / "designs" / "twitter.py").design
    for render in (mermaid.architecture, mermaid.er):
        assert render(again) == render(twitter)
    assert mermaid.sequences(again) == mermaid.sequences(twitter)


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ('a "b"', "a #34;b#34;"),
        ("x; y", "x#59; y"),
        ("#quot;", "#35;quot#59;"),
        ("<b>&</b>", "#60;b#62;#38;#60;/b#62;"),
        ("`md`", "#96;md#96;"),
        ("one\ntwo\r\nthree", "one<br>two<br>three"),
        ("a\\nb", "a#92;nb"),
        ("plain (text) [ok] {ok} | ok", "plain (text) [ok] {ok} | ok"),
    ],
)
def test_text_codes_what_mermaid_would_read(raw: str, escaped: str) -> None:
    assert text(raw) == escaped


def test_quoted_text_keeps_semicolons_and_comments_hide_markdown() -> None:
    assert text("a; b", quoted=True) == "a; b"
    assert comment("*x* _y_ ~z~ user_id") == "#42;x#42; #95;y#95; #126;z#126; user_id"


def test_ids_are_safe_unique_and_stable() -> None:
    ids = Ids("c_", ["end", "a-b", "a_b", "o1"])
    assert [ids["end"], ids["a-b"], ids["a_b"], ids["o1"]] == ["c_end", "c_a_b", "c_a_b_2", "c_o1"]
    assert ids["a-b"] == "c_a_b"  # asking again gives the same id


def test_tiers_become_subgraphs_and_untiered_components_stand_alone() -> None:
    design = small_design(
        components=[
            Component(name="client", kind="client", tier="Edge"),
            Component(name="app", kind="service"),
            Component(name="db", kind="database", tier="Data", technology="PostgreSQL"),
        ]
    )
    lines = mermaid.architecture(design).splitlines()
    assert lines[:4] == [
        "flowchart LR",
        '    subgraph tier_Edge["Edge"]',
        '        c_client(["client"])',
        "    end",
    ]
    assert '    c_app["app"]' in lines
    assert '        c_db[("db<br>PostgreSQL")]' in lines


def test_edges_follow_design_edges_with_numbered_steps() -> None:
    design = small_design()
    edges = [line.strip() for line in mermaid.architecture(design).splitlines() if "-->" in line]
    assert edges == [
        'c_client -->|"1.1 place order"| c_app',
        'c_app -->|"1.2 INSERT INTO orders"| c_db',
    ]


def test_long_edge_labels_are_summarised() -> None:
    steps = [Step(from_="app", to="db", action=f"query {n}") for n in range(5)]
    design = small_design(flows=[Flow(name="many", steps=steps)])
    (edge,) = [
        line
        for line in mermaid.architecture(design).splitlines()
        if "c_db" in line and "-->" in line
    ]
    assert "1.3 query 2<br>+2 more" in edge and "query 3" not in edge


def _flow_lines(*steps: Step) -> list[str]:
    design = small_design(flows=[Flow(name="f", steps=steps)])
    return [line.strip() for line in mermaid.sequence(design, design.flows[0]).splitlines()]


def test_adjacent_conditions_are_alternatives() -> None:
    lines = _flow_lines(
        Step(from_="client", to="app", action="ask"),
        Step(from_="app", to="db", action="read", condition="cache miss"),
        Step(from_="app", to="app", action="use", condition="cache hit"),
        Step(from_="app", to="client", action="answer"),
    )
    assert lines[-6:] == [
        "alt cache miss",
        "c_app->>c_db: read",
        "else cache hit",
        "c_app->>c_app: use",
        "end",
        "c_app->>c_client: answer",
    ]


def test_lone_condition_is_opt_and_async_is_open_arrow() -> None:
    lines = _flow_lines(
        Step(from_="client", to="app", action="ask", latency_ms=12.5),
        Step(from_="app", to="db", action="log", condition="sampled", asynchronous=True),
    )
    assert lines[-4:] == [
        "c_client->>c_app: ask (12.5 ms)",
        "opt sampled",
        "c_app-)c_db: log",
        "end",
    ]


def test_participants_in_order_of_appearance() -> None:
    lines = _flow_lines(
        Step(from_="db", to="app", action="x"), Step(from_="app", to="client", action="y")
    )
    assert [line for line in lines if line.startswith("participant")] == [
        "participant c_db as db",
        "participant c_app as app",
        "participant c_client as client",
    ]


def test_er_keys_and_relations() -> None:
    design = small_design(
        entities=[
            Entity(
                name="User",
                fields=[
                    Field(name="id", type="BIGINT", primary_key=True),
                    Field(name="email", type="TEXT", unique=True),
                    Field(name="handle", type="TEXT"),
                ],
                indexes=[Index(fields=["handle"], unique=True)],
            ),
            Entity(
                name="Profile",
                fields=[
                    Field(name="user_id", type="BIGINT", primary_key=True, references="User.id")
                ],
            ),
            Entity(
                name="Post",
                fields=[
                    Field(name="id", type="BIGINT", primary_key=True),
                    Field(name="editor_id", type="BIGINT", references="User.id", nullable=True),
                    Field(name="ghost_id", type="BIGINT", references="Ghost.id"),
                ],
            ),
        ]
    )
    lines = [line.strip() for line in mermaid.er(design).splitlines()]
    assert "TEXT email UK" in lines and "TEXT handle UK" in lines
    assert 'BIGINT user_id PK, FK "\u2192 User.id"' in lines
    assert '"User" ||--o| "Profile" : "user_id"' in lines  # the key itself: one to one
    assert '"User" |o--o{ "Post" : "editor_id"' in lines  # nullable: the parent is optional
    assert not any("Ghost" in line and "--" in line for line in lines)  # unknown: no relation


def test_er_types_mermaid_cannot_read_keep_the_declared_type() -> None:
    design = small_design(
        entities=[
            Entity(
                name="T",
                fields=[
                    Field(name="id", type="NUMERIC(10,2)", primary_key=True),
                    Field(name="at", type="TIMESTAMP WITH TIME ZONE"),
                ],
            )
        ]
    )
    lines = [line.strip() for line in mermaid.er(design).splitlines()]
    assert 'NUMERIC(10_2) id PK "NUMERIC(10,2)"' in lines
    assert 'TIMESTAMP_WITH_TIME_ZONE at "TIMESTAMP WITH TIME ZONE"' in lines


def test_render_producer_writes_one_file_per_diagram(twitter: Design) -> None:
    files = mermaid_files(twitter, frozenset({"mermaid"}))
    assert sorted(files) == ["architecture.mmd", "er.mmd", "flow-1.mmd", "flow-2.mmd"]
    assert files["er.mmd"].decode() == mermaid.er(twitter)


@pytest.mark.parametrize("path", DESIGN_FILES, ids=DESIGN_IDS)
def test_the_flowchart_has_no_self_loop_edges(path: Path) -> None:
    """Mermaid 11.1 crashes on `a --> a` (and later versions drop its label): work a
    component does itself is a note beside it, joined by a dotted line."""
    design = example(path)
    text = architecture(design)
    edge = re.compile(r"^\s*(\w+) (?:-->|-\.->|-\.-)(?:\|\"[^\n]*?\"\|)? (\w+)\s*$")
    pairs = [m.groups() for line in text.splitlines() if (m := edge.match(line))]
    assert pairs and all(a != b for a, b in pairs)
    own_work = [s for f in design.flows for s in f.steps if s.from_ == s.to]
    for step in own_work:
        assert step.action.split()[0] in text  # the work is still shown, as a note


def test_direction_top_to_bottom(repo_root: Path) -> None:
    design = load_design(repo_root / "designs" / "twitter.py").design
    assert architecture(design, Direction.TB).startswith("flowchart TB\n")
