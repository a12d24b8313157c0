"""SQL DDL against a real PostgreSQL server: every example design, read back from the catalogue."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sketch.rendering.sql import sql_ddl
from tests.rendering.catalogue import Catalogue, assert_matches, postgres_catalogue
from tests.rendering.helpers import DESIGN_FILES, DESIGN_IDS, example
from tests.rendering.tricky import (
    EXPECTED_FOREIGN_KEYS,
    EXPECTED_INDEXES,
    EXPECTED_KEYS,
    EXPECTED_TABLES,
    tricky_design,
)


def run_postgres(postgres: dict[str, Any], schema: str, script: str) -> Catalogue:
    """Run `script` in a fresh schema (so designs never see each other) and read it back."""
    import psycopg

    with psycopg.connect(**postgres, autocommit=True) as connection:
        cursor = connection.cursor()
        cursor.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        cursor.execute(f'CREATE SCHEMA "{schema}"')
        cursor.execute(f'SET search_path TO "{schema}"')
        with connection.transaction():
            cursor.execute(script.encode())
        return postgres_catalogue(cursor, schema)


@pytest.mark.parametrize("path", DESIGN_FILES, ids=DESIGN_IDS)
def test_every_example_runs_in_postgres(postgres: dict[str, Any], path: Path) -> None:
    design = example(path)
    found = run_postgres(postgres, f"design_{path.name}", sql_ddl(design, "postgresql"))
    assert_matches(design, found)


def test_tricky_design_in_postgres(postgres: dict[str, Any]) -> None:
    found = run_postgres(postgres, "tricky", sql_ddl(tricky_design(), "postgresql"))
    assert found.tables == EXPECTED_TABLES
    assert found.primary_keys == EXPECTED_KEYS
    assert found.foreign_keys == EXPECTED_FOREIGN_KEYS
    # PostgreSQL indexes every primary key; those are the keys', checked above.
    assert {i for i in found.indexes if i[1] != EXPECTED_KEYS[i[0]]} == EXPECTED_INDEXES
    assert ("employee", "salary") not in found.not_null
    assert ("employee", "email") in found.not_null
