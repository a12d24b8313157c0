"""A valid design whose every user-written text tries to break DOT, SVG, Markdown or HTML."""

from __future__ import annotations

from pathlib import Path

# Written to a file so the CLI and the loader see it exactly as a user's design.
SOURCE = r"""
from sketch import (Api, Approach, Bottleneck, Component, DeepDive, Design, Entity, Feature,
                    Field, Flow, Index, Link, Requirements, Step)

EVIL = '<b>bold</b> "quoted" | pipe {brace} back\\slash \\N & &amp; `tick`'

design = Design(
    name="hostile",
    title="<<b>Title</b>>",
    description="Line one\n# not a heading\n<script>alert(1)</script>",
    requirements=Requirements(
        in_scope=[Feature(key="f", text="- not a list | " + EVIL)],
        out_of_scope=["[link](http://example.com)"],
    ),
    entities=[
        Entity(name="A", table="a|b", description=EVIL, fields=[
            Field(name="id", type="VARCHAR(10) | <x>", primary_key=True, note="multi\nline | note"),
            Field(name="b_id", type="BIGINT", references="B.id", note="`code`"),
        ], indexes=[Index(fields=["b_id"], name="ix_<b>")]),
        Entity(name="B", fields=[Field(name="id", type="BIGINT", primary_key=True)]),
        Entity(name="C", fields=[Field(name="id", type="BIGINT", primary_key=True)]),
    ],
    apis=[
        Api(method="GET", path="/a/{id}", purpose="read | " + EVIL, request=["x|y"],
            response=["<i>z</i>"]),
        Api(method="POST", path="/a", purpose="create\nwith newline", serves=["f"]),
        Api(method="GET", path="/b", purpose="b"),
        Api(method="GET", path="/c", purpose="c"),
        Api(method="DELETE", path="/a/{id}", purpose="delete"),
    ],
    components=[
        Component(name="client", kind="client", label="<<b>App</b>>", tier="<i>tier</i>"),
        Component(name="svc", kind="service", label=EVIL, technology="<Go>", tier='t"1\\'),
        Component(name="store", kind="database", label="Store\nsecond line",
                  technology="PostgreSQL", tier='t"1\\'),
        Component(name="odd-name_1", kind="external", label="{x|y}"),
    ],
    flows=[
        Flow(name="<script>flow</script>", description=EVIL, steps=[
            Step(from_="client", to="svc", action="call " + EVIL, api="GET /a/{id}"),
            Step(from_="svc", to="svc", action="self <loop>"),
            Step(from_="svc", to="store", action="SELECT * FROM \"a|b\"", latency_ms=5,
                 condition="<miss>"),
            Step(from_="svc", to="odd-name_1", action="notify\nasync", asynchronous=True),
            Step(from_="svc", to="client", action="reply & done"),
        ]),
    ],
    links=[Link(from_="store", to="odd-name_1", label="<<b>link</b>>")],
    bottlenecks=[Bottleneck(title="| pipe", problem=EVIL, components=["svc"],
                            solution="<img src=x onerror=alert(1)>")],
    deep_dives=[DeepDive(topic="# Topic <b>", problem=EVIL, components=["svc"], approaches=[
        Approach(name="A | B", how=["1. step"], pros=["* pro"], cons=["<cons>"],
                 when_to_use=["`when`"]),
    ], decision=EVIL, justification="because\nreasons")],
)
"""

#: Labels of the hostile components exactly as the diagram must show them (line by line).
LABEL_FRAGMENTS = ["<<b>App</b>>", "Store", "second line", "{x|y}", "<b>bold</b>"]


def write(folder: Path) -> Path:
    path = folder / "hostile.py"
    path.write_text(SOURCE, encoding="utf-8")
    return path
