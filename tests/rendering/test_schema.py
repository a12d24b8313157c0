"""`sketch schema` and the YAML skeleton: what editors validate against, and where they look."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema  # type: ignore[import-untyped]
import pytest

from sketch.checking import check
from sketch.loading.data import load_data_design
from sketch.rendering.data_file import SCHEMA_FILE, design_data, to_yaml
from sketch.rendering.schema import design_schema, schema_text
from sketch.rendering.skeleton import yaml_skeleton
from tests.helpers.cli import Sketch
from tests.helpers.factories import small_design
from tests.rendering.helpers import DESIGN_FILES, DESIGN_IDS, example


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = design_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_schema_command_is_deterministic(sketch: Sketch, tmp_path: Path) -> None:
    out = tmp_path / SCHEMA_FILE
    assert sketch("schema", "-o", str(out)).exit_code == 0
    printed = sketch("schema")
    assert printed.exit_code == 0
    assert out.read_text() == printed.output == schema_text()
    assert json.loads(out.read_text())["properties"]["name"]["type"] == "string"


@pytest.mark.parametrize("path", DESIGN_FILES, ids=DESIGN_IDS)
def test_every_example_validates_against_the_schema(
    validator: jsonschema.Draft202012Validator, path: Path
) -> None:
    errors = [e.message for e in validator.iter_errors(design_data(example(path)))]
    assert errors == []


def test_the_schema_rejects_what_the_loader_rejects(
    validator: jsonschema.Draft202012Validator,
) -> None:
    assert not validator.is_valid({"name": "x", "titel": "typo"})
    assert not validator.is_valid({"name": "x", "components": [{"name": "a", "kind": "nope"}]})
    assert not validator.is_valid({"flows": []})  # no name
    assert validator.is_valid({"name": "x", "requirements": {"in_scope": ["plain text"]}})
    assert validator.is_valid({"$schema": SCHEMA_FILE, "name": "x"})


def test_skeleton_points_at_the_schema_and_loads(
    tmp_path: Path, validator: jsonschema.Draft202012Validator
) -> None:
    text = yaml_skeleton("my-app")
    assert text.splitlines()[0] == f"# yaml-language-server: $schema={SCHEMA_FILE}"
    path = tmp_path / "my-app.yaml"
    path.write_text(text)
    design = load_data_design(path)
    assert design.name == "my-app"
    assert validator.is_valid(design_data(design))
    # Only the framework's size limits are left for the user to meet; references all hold.
    assert {p.code for p in check(design)} <= {"C101", "C103"}


def test_sketch_new_yaml_writes_the_skeleton(sketch: Sketch, tmp_path: Path) -> None:
    result = sketch("new", "my-app", "--yaml", "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "my-app.yaml").read_text() == yaml_skeleton("my-app")
    again = sketch("new", "my-app", "--yaml", "-o", str(tmp_path))
    assert again.exit_code == 2 and "already exists" in again.output


def test_a_folder_with_the_schema_beside_its_designs_checks(sketch: Sketch, tmp_path: Path) -> None:
    assert sketch("schema", "-o", str(tmp_path / SCHEMA_FILE)).exit_code == 0
    (tmp_path / "shop.yaml").write_text(to_yaml(small_design()))
    result = sketch("check", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "1 design checked" in result.output
