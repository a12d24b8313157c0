"""The JSON Schema of the design format (`sketch schema`), for editors and CI."""

from __future__ import annotations

import json
from typing import Any

from sketch.model import Design
from sketch.model.field_docs import document_fields

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def design_schema() -> dict[str, Any]:
    """Design.model_json_schema, plus what the loader also accepts (`$schema`, text features)."""
    document_fields(Design)
    schema = Design.model_json_schema(by_alias=True)
    schema = {"$schema": DIALECT, **schema}
    schema["properties"] = {
        "$schema": {"type": "string", "description": "Path or URL of this schema, for editors."},
        **schema["properties"],
    }
    in_scope = schema["$defs"]["Requirements"]["properties"]["in_scope"]
    in_scope["items"] = {"anyOf": [in_scope["items"], {"type": "string", "minLength": 1}]}
    return schema


def schema_text() -> str:
    """The schema as JSON text: same model, same bytes."""
    return json.dumps(design_schema(), indent=2, ensure_ascii=False) + "\n"
