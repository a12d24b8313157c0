"""OpenAPI 3.1 export: valid for every example design, with types learned from the entities."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from openapi_spec_validator import validate

from sketch import Api, Design, Entity, Field
from sketch.rendering.openapi import openapi_document
from tests.helpers.cli import Sketch
from tests.rendering.helpers import DESIGN_FILES, DESIGN_IDS, example


@pytest.mark.parametrize("path", DESIGN_FILES, ids=DESIGN_IDS)
def test_every_example_is_a_valid_openapi_document(path: Path) -> None:
    design = example(path)
    document = openapi_document(design)
    validate(document)
    operations = {(p, m) for p, ops in document["paths"].items() for m in ops}
    assert operations == {(api.path, api.method.lower()) for api in design.apis}
    assert set(document["components"]["schemas"]) == {e.name for e in design.entities}


def shop() -> Design:
    return Design(
        name="shop",
        entities=[
            Entity(
                name="Order",
                fields=[
                    Field(name="order_id", type="BIGINT", primary_key=True),
                    Field(name="total", type="DECIMAL(10,2)"),
                    Field(name="placed_at", type="TIMESTAMP"),
                    Field(name="note", type="VARCHAR(200)", nullable=True),
                    Field(name="lines", type="LIST<INT>"),
                ],
            ),
        ],
        apis=[
            Api(
                method="GET",
                path="/orders/{order_id}",
                purpose="Get an order",
                query=["expand"],
                response=["order_id", "total", "placed_at"],
                auth=True,
            ),
            Api(
                method="POST",
                path="/orders",
                purpose="Place an order",
                request=["total", "lines"],
                response=["order_id"],
            ),
            Api(
                method="get",
                path="/orders",
                purpose="List orders",
                query=["page", "limit"],
                response=["orders", "next_cursor"],
            ),
        ],
    )


def test_parameters_bodies_and_types() -> None:
    document = openapi_document(shop())
    validate(document)
    get = document["paths"]["/orders/{order_id}"]["get"]
    assert get["parameters"] == [
        {
            "name": "order_id",
            "in": "path",
            "required": True,
            "schema": {"type": "integer", "format": "int64"},
        },
        {"name": "expand", "in": "query", "required": False, "schema": {"type": "string"}},
    ]
    body = get["responses"]["200"]["content"]["application/json"]["schema"]
    assert body["properties"]["total"] == {"type": "number"}
    assert body["properties"]["placed_at"] == {"type": "string", "format": "date-time"}
    assert get["security"] == [{"bearerAuth": []}]
    post = document["paths"]["/orders"]["post"]
    request = post["requestBody"]["content"]["application/json"]["schema"]
    assert request["properties"]["lines"] == {
        "type": "array",
        "items": {"type": "integer", "format": "int32"},
    }
    assert "201" in post["responses"] and "security" not in post
    listing = document["paths"]["/orders"]["get"]["responses"]["200"]["content"]
    listed = listing["application/json"]["schema"]["properties"]
    assert listed["orders"] == {"type": "array", "items": {"$ref": "#/components/schemas/Order"}}
    assert listed["next_cursor"] == {"type": "string"}  # unknown: a string


@pytest.mark.parametrize(
    ("response", "code", "described", "body"),
    [
        (("101 Switching Protocols",), "101", "Switching Protocols", None),
        (("202 Accepted", "job_id"), "202", "Accepted", ["job_id"]),
        (("204",), "204", "Success", None),
        (("order_id",), "200", "Success", ["order_id"]),
    ],
)
def test_a_response_entry_naming_a_status_is_the_status(
    response: tuple[str, ...], code: str, described: str, body: list[str] | None
) -> None:
    api = Api(method="GET", path="/things", purpose="get a thing", response=response)
    document = openapi_document(Design(name="statuses", apis=[api]))
    validate(document)
    (answer,) = document["paths"]["/things"]["get"]["responses"].items()
    assert answer[0] == code and answer[1]["description"] == described
    content = answer[1].get("content")
    shown = None if content is None else list(content["application/json"]["schema"]["properties"])
    assert shown == body


def test_entities_are_component_schemas() -> None:
    document = openapi_document(shop())
    order = document["components"]["schemas"]["Order"]
    assert order["required"] == ["order_id", "total", "placed_at", "lines"]  # note is nullable
    assert order["properties"]["note"] == {
        "anyOf": [{"type": "string", "maxLength": 200}, {"type": "null"}]
    }
    assert document["components"]["securitySchemes"] == {
        "bearerAuth": {"type": "http", "scheme": "bearer"}
    }


def test_export_command_json_and_yaml(sketch: Sketch, tmp_path: Path) -> None:
    path = next(p for p in DESIGN_FILES if p.stem == "twitter")
    expected = openapi_document(example(path))
    printed = sketch("export", str(path), "--format", "openapi")
    assert printed.exit_code == 0, printed.output
    assert json.loads(printed.output) == expected
    out = tmp_path / "openapi.yaml"
    written = sketch("export", str(path), "-f", "openapi", "-o", str(out))
    assert written.exit_code == 0, written.output
    assert yaml.safe_load(out.read_text()) == expected
    again = sketch("export", str(path), "-f", "openapi", "-o", str(out))
    assert again.exit_code == 0 and yaml.safe_load(out.read_text()) == expected


def test_export_refuses_a_design_with_problems(sketch: Sketch, tmp_path: Path) -> None:
    path = tmp_path / "small.yaml"
    path.write_text("name: small\nentities: []\n")
    result = sketch("export", str(path), "--format", "openapi")
    assert result.exit_code == 1
    assert "nothing exported" in result.output
