"""A valid design whose every user-written text tries to break an output format: DOT and SVG,
Markdown, HTML or Mermaid. The escaping tests of every format render this one design.
"""

from __future__ import annotations

from pathlib import Path

#: Trouble for DOT, SVG, Markdown and HTML: tags, quotes, pipes, braces, backslashes, entities.
MARKUP = '<b>bold</b> "quoted" | pipe {brace} back\\slash \\N & &amp; `tick`'
#: Trouble for Mermaid: statement separators, entity codes, comments, quotes, brackets, an
#: arrow, HTML in labels. Its names add keywords as ids, ids that sanitize alike, and `o`/`x`
#: right after an arrow.
MERMAID = 'say "hi"; #quot; #35; <b>b</b> %% [a] {b} (c) | d & e `t` -->'
#: The title, which the diagram, the notes and the page all show.
TITLE = "<<b>Title</b>> Nasty; #1 <design>"

# Written to a file so the CLI and the loader see it exactly as a user's design.
SOURCE = r"""
from sketch import (Api, Approach, Bottleneck, Component, DeepDive, Design, Entity, Feature,
                    Field, Flow, Index, Link, Requirements, Step)

MARKUP = '<b>bold</b> "quoted" | pipe {brace} back\\slash \\N & &amp; `tick`'
MERMAID = 'say "hi"; #quot; #35; <b>b</b> %% [a] {b} (c) | d & e `t` -->'

design = Design(
    name="hostile",
    title="<<b>Title</b>> Nasty; #1 <design>",
    description="Line one\n# not a heading\n<script>alert(1)</script>\n" + MERMAID,
    requirements=Requirements(
        in_scope=[Feature(key="f", text="- not a list | " + MARKUP),
                  Feature(key="g", text=MERMAID)],
        out_of_scope=["[link](http://example.com)"],
    ),
    entities=[
        Entity(name="A", table="a|b", description=MARKUP, fields=[
            Field(name="id", type="VARCHAR(10) | <x>", primary_key=True, note="multi\nline | note"),
            Field(name="b_id", type="BIGINT", references="B.id", note="`code`"),
        ], indexes=[Index(fields=["b_id"], name="ix_<b>")]),
        Entity(name="B", fields=[Field(name="id", type="BIGINT", primary_key=True)]),
        Entity(name="end", description=MERMAID, fields=[
            Field(name="id", type="DECIMAL(10,2)", primary_key=True, note=MERMAID),
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
    apis=[
        Api(method="GET", path="/a/{id}", purpose="read | " + MARKUP, request=["x|y"],
            response=["<i>z</i>"]),
        Api(method="POST", path="/a", purpose="create\nwith newline", serves=["f"]),
        Api(method="GET", path="/b", purpose="b"),
        Api(method="GET", path="/c", purpose="c"),
        Api(method="DELETE", path="/a/{id}", purpose="delete"),
        Api(method="PUT", path="/a/{id}", purpose=MERMAID, serves=["g"]),
    ],
    components=[
        Component(name="client", kind="client", label="<<b>App</b>>", tier="<i>tier</i>"),
        Component(name="svc", kind="service", label=MARKUP, technology="<Go>", tier='t"1\\'),
        Component(name="store", kind="database", label="Store\nsecond line",
                  technology="PostgreSQL", tier='t"1\\'),
        Component(name="odd-name_1", kind="external", label="{x|y}"),
        Component(name="end", kind="client", label=MERMAID, tier='t"1; #x'),
        Component(name="o1", kind="service", label="O\nsecond line", tier='t"1; #x'),
        Component(name="x-ray", kind="database", label="X", technology="<Pg>"),
        Component(name="x_ray", kind="cache", label="X too"),
        Component(name="graph", kind="queue", label="subgraph end"),
    ],
    flows=[
        Flow(name="<script>flow</script>", description=MARKUP, steps=[
            Step(from_="client", to="svc", action="call " + MARKUP, api="GET /a/{id}"),
            Step(from_="svc", to="svc", action="self <loop>"),
            Step(from_="svc", to="store", action="SELECT * FROM \"a|b\"", latency_ms=5,
                 condition="<miss>"),
            Step(from_="svc", to="odd-name_1", action="notify\nasync", asynchronous=True),
            Step(from_="svc", to="client", action="reply & done"),
        ]),
        Flow(name="flow; #1 %% end", description=MERMAID, steps=[
            Step(from_="end", to="o1", action=MERMAID, api="GET /a/{id}", latency_ms=1.5),
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
    links=[
        Link(from_="store", to="odd-name_1", label="<<b>link</b>>"),
        Link(from_="x-ray", to="x_ray", label=MERMAID),
    ],
    bottlenecks=[
        Bottleneck(title="| pipe", problem=MARKUP, components=["svc"],
                   solution="<img src=x onerror=alert(1)>"),
        Bottleneck(title=MERMAID, problem=MERMAID, components=["o1"]),
    ],
    deep_dives=[
        DeepDive(topic="# Topic <b>", problem=MARKUP, components=["svc"], approaches=[
            Approach(name="A | B", how=["1. step"], pros=["* pro"], cons=["<cons>"],
                     when_to_use=["`when`"]),
        ], decision=MARKUP, justification="because\nreasons"),
        DeepDive(topic=MERMAID, problem=MERMAID, approaches=[Approach(name=MERMAID)],
                 decision=MERMAID),
    ],
)
"""

#: Labels of the hostile components exactly as the diagram must show them (line by line).
LABEL_FRAGMENTS = ["<<b>App</b>>", "Store", "second line", "{x|y}", "<b>bold</b>"]


def write(folder: Path) -> Path:
    """hostile.py in `folder`, with the design in it."""
    path = folder / "hostile.py"
    path.write_text(SOURCE, encoding="utf-8")
    return path
