"""A valid design whose names and texts try to break Mermaid, Markdown and HTML output."""

from __future__ import annotations

from pathlib import Path

# Mermaid trouble: statement separators, entity codes, comments, quotes, brackets, keywords
# as ids, ids that sanitize alike, `o`/`x` right after an arrow, HTML in labels.
EVIL = 'say "hi"; #quot; #35; <b>b</b> %% [a] {b} (c) | d & e `t` -->'

SOURCE = r"""
from sketch import (Api, Approach, Bottleneck, Component, DeepDive, Design, Entity, Feature,
                    Field, Flow, Index, Link, Requirements, Step)

EVIL = 'say "hi"; #quot; #35; <b>b</b> %% [a] {b} (c) | d & e `t` -->'

design = Design(
    name="nasty",
    title="Nasty; #1 <design>",
    description=EVIL,
    requirements=Requirements(in_scope=[Feature(key="f", text=EVIL)]),
    entities=[
        Entity(name="end", description=EVIL, fields=[
            Field(name="id", type="DECIMAL(10,2)", primary_key=True, note=EVIL),
            Field(name="at", type="TIMESTAMP WITH TIME ZONE", nullable=True),
            Field(name="tags", type="LIST<TEXT>"),
            Field(name="n", type="1NUM", unique=True),
        ], indexes=[Index(fields=["n"], unique=True)]),
        Entity(name="style", fields=[
            Field(name="id", type="BIGINT", primary_key=True),
            Field(name="end_id", type="DECIMAL(10,2)", references="end.id", nullable=True),
        ]),
        Entity(name="Solo", fields=[
            Field(name="style_id", type="BIGINT", primary_key=True, references="style.id"),
        ]),
    ],
    apis=[Api(method="GET", path="/a/{id}", purpose=EVIL)],
    components=[
        Component(name="end", kind="client", label=EVIL, tier='t"1; #x'),
        Component(name="o1", kind="service", label="O\nsecond line", tier='t"1; #x'),
        Component(name="x-ray", kind="database", label="X", technology="<Pg>"),
        Component(name="x_ray", kind="cache", label="X too"),
        Component(name="graph", kind="queue", label="subgraph end"),
    ],
    flows=[
        Flow(name="flow; #1 %% end", description=EVIL, steps=[
            Step(from_="end", to="o1", action=EVIL, api="GET /a/{id}", latency_ms=1.5),
            Step(from_="o1", to="x-ray", action="read; end", condition="miss; #1"),
            Step(from_="o1", to="x_ray", action="write", condition="miss; #1"),
            Step(from_="o1", to="x_ray", action="hit", condition="hit <2>"),
            Step(from_="o1", to="graph", action="enqueue -) async", asynchronous=True),
            Step(from_="o1", to="o1", action="loop end", condition="alt else"),
            Step(from_="o1", to="end", action="reply & done"),
        ]),
        Flow(name="second", steps=[Step(from_="graph", to="o1", action="deliver",
                                        asynchronous=True)]),
    ],
    links=[Link(from_="x-ray", to="x_ray", label=EVIL)],
    bottlenecks=[Bottleneck(title=EVIL, problem=EVIL, components=["o1"])],
    deep_dives=[DeepDive(topic=EVIL, problem=EVIL, approaches=[Approach(name=EVIL)],
                         decision=EVIL)],
)
"""


def write(folder: Path) -> Path:
    path = folder / "nasty.py"
    path.write_text(SOURCE, encoding="utf-8")
    return path
