"""The render-pipeline producer for OpenAPI and SQL: the same bytes as `sketch export`."""

from __future__ import annotations

import json
import sqlite3

from openapi_spec_validator import validate

from sketch.rendering.exports import OPENAPI_FILE, SQL_FILE, produce_exports
from sketch.rendering.openapi import openapi_document
from sketch.rendering.sql import sql_ddl
from tests.helpers.factories import small_design


def test_produces_what_is_asked() -> None:
    design = small_design()
    files = produce_exports(design, frozenset({"openapi", "sql", "svg"}))
    assert set(files) == {OPENAPI_FILE, SQL_FILE}
    document = json.loads(files[OPENAPI_FILE])
    validate(document)
    assert document == openapi_document(design)
    assert files[SQL_FILE].decode() == sql_ddl(design, "postgresql")
    assert produce_exports(design, frozenset({"svg"})) == {}
    assert set(produce_exports(design, frozenset({"sql"}))) == {SQL_FILE}


def test_the_sql_file_runs() -> None:
    # The PostgreSQL script is plain enough to run in SQLite too for this design.
    script = produce_exports(small_design(), frozenset({"sql"}))[SQL_FILE].decode()
    connection = sqlite3.connect(":memory:")
    connection.executescript(script)
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert {"user", "item", "order"} <= tables
