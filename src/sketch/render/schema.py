"""The JSON Schema of the design format, and a YAML skeleton that points editors at it."""

from __future__ import annotations

import json
from typing import Any

from sketch.model import Design
from sketch.render.data_file import MODELINE, SCHEMA_FILE

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def design_schema() -> dict[str, Any]:
    """Design.model_json_schema, plus what the loader also accepts (`$schema`, text features)."""
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


def yaml_skeleton(name: str) -> str:
    """A minimal valid YAML design; its first line points editors at `_sketch.schema.json`."""
    title = name.replace("-", " ").replace("_", " ").title()
    return _SKELETON.format(
        modeline=MODELINE,
        schema_file=SCHEMA_FILE,
        name=name,
        quoted_name=json.dumps(name),
        quoted_title=json.dumps("Design " + title),
    )


_SKELETON = """{modeline}
# A system design sketch as data. Write the schema beside this file for completion in editors:
#   sketch schema -o {schema_file}
# Then: sketch check {name}.yaml
name: {quoted_name}
title: {quoted_title}
description: 'TODO: what the system does, in one sentence'

# Step 1: requirements
requirements:
  in_scope:
    - key: main
      text: 'TODO: the main thing users do'
  out_of_scope: ['TODO: a feature you deliberately leave out']

# Step 2: core entities (3-5) and APIs (5-8)
entities:
  - name: User
    fields:
      - name: user_id
        type: BIGINT
        primary_key: true
apis:
  - method: GET
    path: /api/v1/users/{{user_id}}
    purpose: 'TODO: get a user'
    response: [user_id]
    serves: [main]

# Step 3: the first design
components:
  - name: client
    kind: client
  - name: app
    kind: service
  - name: db
    kind: database
flows:
  - name: Get a user
    steps:
      - from: client
        to: app
        action: GET /api/v1/users/{{user_id}}
        api: GET /api/v1/users/{{user_id}}
      - from: app
        to: db
        action: SELECT the user

# Step 4: what breaks first, and the deep dives
bottlenecks: []
deep_dives: []
"""
