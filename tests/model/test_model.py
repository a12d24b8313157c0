"""The design model: keyword construction, strictness, immutability and derived values."""

from __future__ import annotations

import sys

import pytest
from pydantic import ValidationError

from sketch import (
    Api,
    Component,
    Design,
    Entity,
    Field,
    Flow,
    ItemSize,
    Limits,
    Link,
    Requirements,
    Step,
)
from tests.helpers.factories import small_design


def test_unknown_field_is_an_error_naming_the_field() -> None:
    with pytest.raises(ValidationError) as caught:
        Field(name="id", type="INT", primry_key=True)  # type: ignore[call-arg]
    error = caught.value.errors()[0]
    assert error["type"] == "extra_forbidden"
    assert error["loc"] == ("primry_key",)


def test_objects_are_immutable() -> None:
    component = Component(name="db", kind="database")
    with pytest.raises(ValidationError):
        component.instances = 3  # type: ignore[misc]
    assert isinstance(small_design().entities, tuple)


def test_wrong_type_is_rejected() -> None:
    with pytest.raises(ValidationError) as caught:
        Component(name="db", kind="databse")
    assert caught.value.errors()[0]["loc"] == ("kind",)


def test_objects_remember_where_they_were_declared() -> None:
    line = sys._getframe().f_lineno + 1
    component = Component(name="db", kind="database")
    assert component.source is not None
    assert component.source.file == __file__
    assert component.source.line == line


def test_item_size_needs_exactly_one_size() -> None:
    assert ItemSize(name="text", chars=280).size_bytes == 560
    assert ItemSize(name="meta", bytes=190).size_bytes == 190
    with pytest.raises(ValidationError, match="exactly one"):
        ItemSize(name="both", chars=1, bytes=2)
    with pytest.raises(ValidationError, match="exactly one"):
        ItemSize(name="neither")


def test_composite_and_marked_primary_keys() -> None:
    marked = Entity(name="A", fields=[Field(name="id", type="INT", primary_key=True)])
    composite = Entity(
        name="B",
        primary_key=["x", "y"],
        fields=[Field(name="x", type="INT"), Field(name="y", type="INT")],
    )
    assert marked.key_fields == ("id",)
    assert composite.key_fields == ("x", "y")
    with pytest.raises(ValidationError, match="primary key given twice"):
        Entity(
            name="C", primary_key=["id"], fields=[Field(name="id", type="INT", primary_key=True)]
        )


def test_scope_strings_become_features_and_availability_accepts_percent() -> None:
    requirements = Requirements(in_scope=["Post tweets"], availability="99.99%")
    assert requirements.in_scope[0].text == "Post tweets"
    assert requirements.in_scope[0].key is None
    assert requirements.availability == pytest.approx(99.99)
    with pytest.raises(ValidationError):
        Requirements(availability=100)


def test_api_key_method_case_and_path_params() -> None:
    endpoint = Api(method="get", path="/api/v1/users/{user_id}/tweets/{tweet_id}", purpose="x")
    assert endpoint.key == "GET /api/v1/users/{user_id}/tweets/{tweet_id}"
    assert endpoint.path_params == ("user_id", "tweet_id")
    with pytest.raises(ValidationError):
        Api(method="FETCH", path="/x", purpose="x")
    with pytest.raises(ValidationError):
        Api(method="GET", path="no-slash", purpose="x")


def test_step_accepts_from_as_alias_and_by_name() -> None:
    by_name = Step(from_="a", to="b", action="call")
    by_alias = Step.model_validate({"from": "a", "to": "b", "action": "call"})
    assert by_name == by_alias


def test_limits_must_be_ordered() -> None:
    with pytest.raises(ValidationError, match="min_entities"):
        Limits(min_entities=6, max_entities=5)


def test_edges_come_from_flows_then_links_without_repeats() -> None:
    design = small_design(
        flows=[
            Flow(
                name="a",
                steps=[
                    Step(from_="client", to="app", action="x"),
                    Step(from_="app", to="db", action="y"),
                ],
            ),
            Flow(name="b", steps=[Step(from_="client", to="app", action="z")]),
        ],
        links=[Link(from_="db", to="app"), Link(from_="app", to="db")],
    )
    assert list(design.edges()) == [("client", "app"), ("app", "db"), ("db", "app")]


def test_lookups_by_name() -> None:
    design = small_design()
    assert design.component("db") is design.components[2]
    assert design.entity("Order") is design.entities[2]
    assert design.api("POST /api/v1/orders") is design.apis[0]
    assert design.component("nope") is None
    assert Design(name="x").display_title == "x"
