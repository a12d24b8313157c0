"""`sketch.checking`: the framework's limits at their boundaries and every dangling reference."""

from __future__ import annotations

from pathlib import Path

import pytest

from sketch import (
    Bottleneck,
    Component,
    DeepDive,
    Entity,
    Feature,
    Field,
    Flow,
    Index,
    Limits,
    Link,
    Requirements,
    Step,
)
from sketch.checking import check
from tests.helpers import factories
from tests.helpers.cli import Sketch
from tests.helpers.factories import api, entity, small_design


def codes(design: object, limits: Limits | None = None) -> list[str]:
    return [p.code for p in check(design, limits)]  # type: ignore[arg-type]


def test_the_small_design_and_twitter_are_clean(repo_root: Path) -> None:
    from sketch.loading import load_design

    assert check(small_design()) == []
    assert check(load_design(repo_root / "designs" / "twitter.py").design) == []


@pytest.mark.parametrize(("count", "expected"), [(2, ["C101"]), (3, []), (5, []), (6, ["C102"])])
def test_entity_limits(count: int, expected: list[str]) -> None:
    entities = [entity(f"E{i}") for i in range(count)]
    assert codes(small_design(entities=entities)) == expected


@pytest.mark.parametrize(("count", "expected"), [(4, ["C103"]), (5, []), (8, []), (9, ["C104"])])
def test_api_limits(count: int, expected: list[str]) -> None:
    apis = [api("POST", "/api/v1/orders")] + [api("GET", f"/api/v1/x{i}") for i in range(count - 1)]
    assert codes(small_design(apis=apis)) == expected


def test_project_limits_apply_and_the_design_limits_win() -> None:
    six = [entity(f"E{i}") for i in range(6)]
    assert codes(small_design(entities=six), Limits(max_entities=6)) == []
    strict = small_design(entities=six, limits=Limits(max_entities=5))
    assert codes(strict, Limits(max_entities=6)) == ["C102"]


FK = Field(name="owner", type="BIGINT", references="Usr.id")


@pytest.mark.parametrize(
    ("overrides", "code", "path", "message"),
    [
        (
            dict(entities=[entity("User"), entity("Item"), entity("Order", FK)]),
            "C302",
            "entities[2].fields[1].references",
            "no entity 'Usr' (did you mean 'User'?)",
        ),
        (
            dict(
                entities=[
                    entity("User"),
                    entity("Item"),
                    entity("Order", Field(name="o", type="INT", references="User.idd")),
                ]
            ),
            "C302",
            "entities[2].fields[1].references",
            "User has no field 'idd' (did you mean 'id'?)",
        ),
        (
            dict(
                entities=[
                    entity("User"),
                    entity("Item"),
                    entity("Order", Field(name="o", type="INT", references="User")),
                ]
            ),
            "C302",
            "entities[2].fields[1].references",
            "does not name a field",
        ),
        (
            dict(
                entities=[
                    entity("User"),
                    entity("Item"),
                    Entity(
                        name="Order", primary_key=["idx"], fields=[Field(name="id", type="INT")]
                    ),
                ]
            ),
            "C305",
            "entities[2].primary_key[0]",
            "Order has no field 'idx'",
        ),
        (
            dict(
                entities=[
                    entity("User"),
                    entity("Item"),
                    entity("Order", indexes=[Index(fields=["id", "nope"])]),
                ]
            ),
            "C305",
            "entities[2].indexes[0].fields[1]",
            "Order has no field 'nope'",
        ),
        (
            dict(entities=[entity("User"), entity("Item"), entity("Order", stored_in="dbx")]),
            "C301",
            "entities[2].stored_in",
            "no component 'dbx' (did you mean 'db'?)",
        ),
        (
            dict(flows=[Flow(name="f", steps=[Step(from_="clinet", to="app", action="x")])]),
            "C301",
            "flows[0].steps[0].from",
            "did you mean 'client'?",
        ),
        (
            dict(flows=[Flow(name="f", steps=[Step(from_="client", to="ap", action="x")])]),
            "C301",
            "flows[0].steps[0].to",
            "no component 'ap'",
        ),
        (
            dict(
                flows=[
                    Flow(
                        name="f",
                        steps=[
                            Step(from_="client", to="app", action="x", api="POST /api/v1/order")
                        ],
                    )
                ]
            ),
            "C303",
            "flows[0].steps[0].api",
            "did you mean 'POST /api/v1/orders'?",
        ),
        (
            dict(links=[Link(from_="app", to="cache")]),
            "C301",
            "links[0].to",
            "no component 'cache'",
        ),
        (
            dict(bottlenecks=[Bottleneck(title="t", problem="p", components=["dB"])]),
            "C301",
            "bottlenecks[0].components[0]",
            "no component 'dB'",
        ),
        (
            dict(deep_dives=[DeepDive(topic="t", problem="p", components=["queue"])]),
            "C301",
            "deep_dives[0].components[0]",
            "no component 'queue'",
        ),
        (
            dict(
                apis=[api("POST", "/api/v1/orders", serves=["orders"])]
                + [api("GET", f"/api/v1/x{i}") for i in range(4)]
            ),
            "C304",
            "apis[0].serves[0]",
            "did you mean 'order'?",
        ),
    ],
)
def test_every_dangling_reference_is_named_with_the_closest_name(
    overrides: dict[str, object], code: str, path: str, message: str
) -> None:
    problems = check(small_design(**overrides))
    assert problems, "expected a problem"
    first = problems[0]
    assert (first.code, first.path) == (code, path)
    assert message in first.message
    assert first.help
    # Located at the line that built the object: here, or in the factory's helpers.
    assert first.source is not None
    assert first.source.file in (__file__, factories.__file__)


def test_replica_of_must_name_a_database() -> None:
    components = [
        Component(name="client", kind="client"),
        Component(name="app", kind="service"),
        Component(name="db", kind="database"),
        Component(name="r1", kind="read_replica", replica_of="app"),
        Component(name="r2", kind="read_replica", replica_of="dbb"),
    ]
    problems = check(small_design(components=components))
    assert sorted((p.code, p.path) for p in problems) == [
        ("C301", "components[4].replica_of"),
        ("C306", "components[3].replica_of"),
    ]


def test_duplicates_are_reported() -> None:
    design = small_design(
        requirements=Requirements(
            in_scope=[Feature(key="a", text="x"), Feature(key="a", text="y")]
        ),
        entities=[entity("User"), entity("User"), entity("Order", Field(name="id", type="INT"))],
    )
    found = {(p.code, p.path) for p in check(design)}
    assert ("C201", "entities[1]") in found
    assert ("C201", "entities[2].fields[1]") in found
    assert ("C201", "requirements.in_scope[1]") in found


def test_every_problem_is_reported_at_once() -> None:
    design = small_design(
        entities=[entity("User"), entity("Order", FK)],
        flows=[Flow(name="f", steps=[Step(from_="x", to="y", action="z", api="GET /nope")])],
    )
    assert sorted(codes(design)) == ["C101", "C301", "C301", "C302", "C303"]


def test_every_check_code_is_documented_and_every_entry_is_a_code() -> None:
    import sketch.checking.checks as checks
    from sketch.checking.codes import CHECK_CODES

    declared = {v for k, v in vars(checks).items() if k.isupper() and isinstance(v, str)}
    assert declared == {c.code for c in CHECK_CODES}
    for entry in CHECK_CODES:
        assert all(entry.sections().values()), entry.code
        assert entry.name == entry.name.lower() and " " not in entry.name


@pytest.mark.parametrize("asked", ["C301", "c301", "unknown-component"])
def test_sketch_rule_explains_a_check_code(sketch: Sketch, asked: str) -> None:
    result = sketch("rule", asked)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("C301 unknown-component [error] step: check\n")
    assert "Why it matters:" in result.stdout and "cannot be ignored" in result.stdout
