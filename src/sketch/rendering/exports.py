"""Producers for `sketch render --format openapi,sql`, in the shape `register_format` takes.

The render pipeline owns registration; this module only turns a design into file contents:
`openapi.json` (OpenAPI 3.1) and `schema.sql` (PostgreSQL DDL).
"""

from __future__ import annotations

from sketch.model import Design

OPENAPI_FILE = "openapi.json"
SQL_FILE = "schema.sql"


def produce_exports(design: Design, wanted: frozenset[str]) -> dict[str, bytes]:
    """The export files for the formats asked for among `openapi` and `sql`."""
    files: dict[str, bytes] = {}
    if "openapi" in wanted:
        from sketch.rendering.openapi import openapi_json

        files[OPENAPI_FILE] = openapi_json(design).encode()
    if "sql" in wanted:
        from sketch.rendering.sql import sql_ddl

        files[SQL_FILE] = sql_ddl(design, "postgresql").encode()
    return files
