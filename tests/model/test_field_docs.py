"""Field docstrings are read when shown, not while the model is imported, and read exactly as
pydantic's `use_attribute_docstrings` would read them."""

from __future__ import annotations

import json
import subprocess
import sys

from pydantic import BaseModel
from pydantic._internal._docs_extraction import extract_docstrings_from_cls

import sketch.model
from sketch.model import Component, Design
from sketch.model.base import Model
from sketch.model.field_docs import document_fields, field_docstrings
from sketch.rendering.schema import design_schema


def _models() -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []
    pending: list[type[BaseModel]] = [Model]
    while pending:
        model = pending.pop()
        found.append(model)
        pending += model.__subclasses__()
    return [m for m in found if m.__module__.startswith("sketch.model")]


def test_the_docstrings_are_the_ones_pydantic_reads() -> None:
    models = _models()
    assert len(models) > 20
    for model in models:
        assert field_docstrings(model) == extract_docstrings_from_cls(model, use_inspect=True), (
            model.__name__
        )


def test_importing_the_model_reads_no_docstring_and_the_schema_still_has_them() -> None:
    probe = "import sketch.model as m\nprint(m.Component.model_fields['kind'].description)\n"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "None"  # nothing was tokenised at import

    expected = field_docstrings(Component)["kind"]
    schema = design_schema()
    assert schema["$defs"]["Component"]["properties"]["kind"]["description"] == expected
    assert Component.model_fields["kind"].description == expected


def test_documenting_twice_changes_nothing() -> None:
    document_fields(Design)
    once = json.dumps(Design.model_json_schema(by_alias=True), sort_keys=True)
    document_fields(Design, *(getattr(sketch.model, n) for n in ("Scale", "Flow")))
    assert json.dumps(Design.model_json_schema(by_alias=True), sort_keys=True) == once
