"""SQL DDL: every example design runs in SQLite, and the catalogue holds what it declares."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sketch.model.column_types import parse_type
from sketch.rendering.sql import constraint_name, sql_ddl
from tests.helpers.cli import Sketch
from tests.rendering.catalogue import assert_matches, sqlite_catalogue
from tests.rendering.helpers import DESIGN_FILES, DESIGN_IDS, example
from tests.rendering.tricky import LONG, assert_tricky_catalogue, tricky_design


def run_sqlite(script: str) -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:")
    connection.execute("PRAGMA foreign_keys = ON")
    connection.executescript(script)
    return connection


@pytest.mark.parametrize("path", DESIGN_FILES, ids=DESIGN_IDS)
def test_every_example_runs_in_sqlite(path: Path) -> None:
    design = example(path)
    connection = run_sqlite(sql_ddl(design, "sqlite"))
    assert_matches(design, sqlite_catalogue(connection))
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []


def test_tricky_design_in_sqlite() -> None:
    assert_tricky_catalogue(sqlite_catalogue(run_sqlite(sql_ddl(tricky_design(), "sqlite"))))


def test_skipped_keys_say_why() -> None:
    script = sql_ddl(tricky_design())
    assert "-- since: no FOREIGN KEY, types INT and TEXT differ" in script
    assert "-- note: no FOREIGN KEY, Employee.active is not the primary key or unique" in script
    assert "-- shape: type GEOGRAPHY(POINT) is not a known SQL type; stored as text" in script


def test_tables_come_after_the_tables_they_reference() -> None:
    script = sql_ddl(tricky_design())
    order = [
        line.removeprefix("CREATE TABLE ").removesuffix(" (")
        for line in script.splitlines()
        if line.startswith("CREATE TABLE")
    ]
    # badge is declared first but needs employee; employee and dept form a cycle, which
    # declaration order breaks; user needs both.
    assert order == ['"employee"', '"badge"', '"order ""of"" things"', '"user"']
    # The cycle employee -> dept is closed once both tables exist.
    assert 'ALTER TABLE "employee" ADD CONSTRAINT "fk_employee_dept_id" FOREIGN KEY' in script


def test_output_is_deterministic_and_names_fit_postgres() -> None:
    first, second = sql_ddl(tricky_design()), sql_ddl(tricky_design())
    assert first == second
    name = constraint_name("ix", "employee", [LONG])
    assert len(name) <= 63 and name != constraint_name("ix", "employee", [LONG + "2"])


@pytest.mark.parametrize(
    ("text", "postgres", "sqlite"),
    [
        ("BIGINT", "BIGINT", "BIGINT"),
        ("int", "INTEGER", "INTEGER"),
        ("VARCHAR(280)", "VARCHAR(280)", "VARCHAR(280)"),
        ("TIMESTAMP", "TIMESTAMP", "TIMESTAMP"),
        ("TEXT", "TEXT", "TEXT"),
        ("BOOLEAN", "BOOLEAN", "BOOLEAN"),
        ("LIST<BIGINT>", "BIGINT[]", "TEXT"),  # PostgreSQL's own arrays
        ("TEXT[]", "TEXT[]", "TEXT"),
        ("LIST<LIST<TEXT>>", "JSONB", "TEXT"),  # no array of arrays of uneven length
        ("JSON", "JSONB", "TEXT"),
        ("DECIMAL(10,2)", "NUMERIC(10,2)", "NUMERIC(10,2)"),
        ("UUID", "UUID", "TEXT"),
        ("float", "DOUBLE PRECISION", "REAL"),
        ("no such type", "TEXT", "TEXT"),
    ],
)
def test_type_mapping(text: str, postgres: str, sqlite: str) -> None:
    from sketch.rendering.sql import column_sql_type

    column = parse_type(text)
    assert (column_sql_type(column, "postgresql"), column_sql_type(column, "sqlite")) == (
        postgres,
        sqlite,
    )


def test_export_command_writes_sql(sketch: Sketch, tmp_path: Path) -> None:
    out = tmp_path / "schema.sql"
    path = next(p for p in DESIGN_FILES if p.stem == "twitter")
    result = sketch("export", str(path), "--format", "sql", "--dialect", "sqlite", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_text() == sql_ddl(example(path), "sqlite")
    bad = sketch("export", str(path), "--format", "sql", "--dialect", "oracle")
    assert bad.exit_code == 2
    assert "unknown SQL dialect 'oracle'" in bad.output
