"""What a database says it holds after running the DDL, and what the design says it should.

Both SQLite and PostgreSQL catalogues are read into the same `Catalogue`, and one function
compares it with what the design declares, so both dialects are held to the same contract.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from sketch.model import Design, Entity


@dataclass
class Catalogue:
    tables: set[str] = field(default_factory=set)
    primary_keys: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: (table, column, target table, target column)
    foreign_keys: set[tuple[str, str, str, str]] = field(default_factory=set)
    #: (table, columns, unique): indexes and the indexes behind UNIQUE constraints
    indexes: set[tuple[str, tuple[str, ...], bool]] = field(default_factory=set)
    not_null: set[tuple[str, str]] = field(default_factory=set)
    columns: set[tuple[str, str]] = field(default_factory=set)


def sqlite_catalogue(connection: sqlite3.Connection) -> Catalogue:
    found = Catalogue()
    rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    for (table,) in rows.fetchall():
        found.tables.add(table)
        info = connection.execute(f"PRAGMA table_info({_sqlite_quote(table)})").fetchall()
        keyed = sorted((row[5], row[1]) for row in info if row[5])
        if keyed:
            found.primary_keys[table] = tuple(name for _, name in keyed)
        for row in info:
            found.columns.add((table, row[1]))
            if row[3]:
                found.not_null.add((table, row[1]))
        for row in connection.execute(f"PRAGMA foreign_key_list({_sqlite_quote(table)})"):
            found.foreign_keys.add((table, row[3], row[2], row[4]))
        for row in connection.execute(f"PRAGMA index_list({_sqlite_quote(table)})").fetchall():
            name, unique = row[1], bool(row[2])
            cols = connection.execute(f"PRAGMA index_info({_sqlite_quote(name)})").fetchall()
            found.indexes.add((table, tuple(c[2] for c in sorted(cols)), unique))
    return found


def _sqlite_quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


_PG_KEYS = """
SELECT tc.table_name, tc.constraint_type, tc.constraint_name, kcu.column_name
FROM information_schema.table_constraints tc
JOIN information_schema.key_column_usage kcu
  ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
 AND kcu.table_name = tc.table_name
WHERE tc.table_schema = %s AND tc.constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY')
ORDER BY tc.table_name, tc.constraint_name, kcu.ordinal_position
"""
_PG_TARGETS = """
SELECT ccu.constraint_name, ccu.table_name, ccu.column_name
FROM information_schema.constraint_column_usage ccu
JOIN information_schema.table_constraints tc
  ON tc.constraint_name = ccu.constraint_name AND tc.table_schema = ccu.table_schema
WHERE ccu.table_schema = %s AND tc.constraint_type = 'FOREIGN KEY'
"""
_PG_INDEXES = """
SELECT t.relname, i.relname, ix.indisunique, array_agg(a.attname::text ORDER BY k.n)
FROM pg_index ix
JOIN pg_class i ON i.oid = ix.indexrelid
JOIN pg_class t ON t.oid = ix.indrelid
JOIN pg_namespace ns ON ns.oid = t.relnamespace
CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, n)
JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
WHERE ns.nspname = %s
GROUP BY t.relname, i.relname, ix.indisunique
"""


def postgres_catalogue(cursor: Any, schema: str) -> Catalogue:
    found = Catalogue()
    cursor.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = %s", (schema,)
    )
    found.tables = {row[0] for row in cursor.fetchall()}
    cursor.execute(
        "SELECT table_name, column_name, is_nullable FROM information_schema.columns "
        "WHERE table_schema = %s",
        (schema,),
    )
    for table, column, nullable in cursor.fetchall():
        found.columns.add((table, column))
        if nullable == "NO":
            found.not_null.add((table, column))
    cursor.execute(_PG_TARGETS, (schema,))
    targets = {name: (table, column) for name, table, column in cursor.fetchall()}
    cursor.execute(_PG_KEYS, (schema,))
    for table, kind, name, column in cursor.fetchall():
        if kind == "PRIMARY KEY":
            found.primary_keys[table] = (*found.primary_keys.get(table, ()), column)
        else:
            found.foreign_keys.add((table, column, *targets[name]))
    cursor.execute(_PG_INDEXES, (schema,))
    for table, _name, unique, columns in cursor.fetchall():
        found.indexes.add((table, tuple(columns), bool(unique)))
    return found


def foreign_key_is_possible(design: Design, target: str) -> Entity | None:
    """The target entity when `Entity.field` names its whole key or a unique field."""
    entity_name, _, field_name = target.partition(".")
    entity = design.entity(entity_name)
    if entity is None or entity.field(field_name) is None:
        return None
    if entity.key_fields == (field_name,) or entity.field(field_name).unique:  # type: ignore[union-attr]
        return entity
    return None


def assert_matches(design: Design, found: Catalogue) -> None:
    """Every table, key, unique field and index the design declares exists in `found`."""
    entities = {e.table_name: e for e in reversed(design.entities)}  # the first one wins
    assert found.tables == set(entities)
    for table, entity in entities.items():
        assert found.primary_keys.get(table, ()) == entity.key_fields, table
        indexed = {(cols, unique) for t, cols, unique in found.indexes if t == table}
        for item in entity.fields:
            assert (table, item.name) in found.columns
            if not item.nullable or item.name in entity.key_fields:
                assert (table, item.name) in found.not_null, (table, item.name)
            if item.unique and entity.key_fields != (item.name,):
                assert ((item.name,), True) in indexed, (table, item.name)
            if item.indexed:
                assert any(cols[:1] == (item.name,) for cols, _ in indexed), (table, item.name)
            target = foreign_key_is_possible(design, item.references or "")
            if target is not None and _same_family(
                item.type,
                target.field(item.references.partition(".")[2]).type,  # type: ignore[union-attr]
            ):
                column = item.references.partition(".")[2]  # type: ignore[union-attr]
                assert (table, item.name, target.table_name, column) in found.foreign_keys
        for index in entity.indexes:
            assert (tuple(index.fields), index.unique) in indexed or (
                tuple(index.fields) == entity.key_fields
            ), (table, index)


def _same_family(a: str, b: str) -> bool:
    from sketch.model.column_types import parse_type

    return parse_type(a).family == parse_type(b).family
