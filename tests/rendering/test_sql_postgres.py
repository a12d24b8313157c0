"""SQL DDL against a real PostgreSQL server: every example design, read back from the catalogue."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sketch.rendering.sql import sql_ddl
from tests.rendering.catalogue import Catalogue, assert_matches, postgres_catalogue
from tests.rendering.helpers import DESIGN_FILES, DESIGN_IDS, example
from tests.rendering.tricky import assert_tricky_catalogue, tricky_design


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
    assert_tricky_catalogue(
        run_postgres(postgres, "tricky", sql_ddl(tricky_design(), "postgresql"))
    )
