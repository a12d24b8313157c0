"""SQL DDL from a design's entities: tables, keys, unique constraints and indexes.

PostgreSQL first, SQLite second. Output is deterministic: tables in foreign-key order (a
table comes after the tables it references; ties keep declaration order), constraint and
index names derived from table and columns. Identifiers are always quoted. What the design
says but SQL cannot hold (a foreign key to a column that is not a key, a type mismatch) is
left out with a comment saying why, so the script always runs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

from sketch.model import Design, Entity
from sketch.model.column_types import ColumnType, parse_type

DIALECTS = ("postgresql", "sqlite")
_MAX_NAME = 63  # PostgreSQL truncates longer identifiers; names must stay distinct


def identifier(name: str) -> str:
    """`name`, or when PostgreSQL would truncate it, a prefix and a hash that stay distinct."""
    if len(name.encode()) <= _MAX_NAME:
        return name
    digest = hashlib.sha1(name.encode()).hexdigest()[:8]
    return name.encode()[: _MAX_NAME - 9].decode(errors="ignore") + "_" + digest


def quote(name: str) -> str:
    """A quoted identifier, shortened the same way everywhere it is used (both dialects)."""
    return '"' + identifier(name).replace('"', '""') + '"'


def _comment(text: str) -> str:
    return "-- " + " ".join(text.split())  # user text never leaves the comment line


_SMALL_INTEGERS = ("SMALLINT", "INT2", "TINYINT")
_FIXED_TEXT = ("CHAR", "CHARACTER")
#: Family -> (PostgreSQL type, SQLite type) for families without a length.
_SIMPLE = {
    "text": ("TEXT", "TEXT"),
    "float": ("DOUBLE PRECISION", "REAL"),
    "timestamp": ("TIMESTAMP", "TIMESTAMP"),
    "date": ("DATE", "DATE"),
    "time": ("TIME", "TIME"),
    "boolean": ("BOOLEAN", "BOOLEAN"),
    "uuid": ("UUID", "TEXT"),
    "json": ("JSONB", "TEXT"),
    "list": ("JSONB", "TEXT"),
    "binary": ("BYTEA", "BLOB"),
}


def column_sql_type(column: ColumnType, dialect: str) -> str:
    """The dialect's type for a parsed design type; unknown types become text."""
    family, name, size = column.family, column.name, column.length
    if family == "integer":
        return (
            "BIGINT" if name == "BIGINT" else "SMALLINT" if name in _SMALL_INTEGERS else "INTEGER"
        )
    if family == "text" and name != "TEXT" and name != "STRING" and name != "CLOB":
        base = "CHAR" if name in _FIXED_TEXT else "VARCHAR"
        return f"{base}({size})" if size else base
    if family == "decimal":
        if size and column.scale is not None:
            return f"NUMERIC({size},{column.scale})"
        return f"NUMERIC({size})" if size else "NUMERIC"
    if family == "timestamp" and name == "TIMESTAMPTZ" and dialect == "postgresql":
        return "TIMESTAMPTZ"
    item = column.item
    if family == "list" and dialect == "postgresql" and item is not None and _native(item):
        # PostgreSQL has arrays of its own types: `TEXT[]` stays an array, not a JSON blob
        return column_sql_type(item, dialect) + "[]"
    postgres, sqlite = _SIMPLE.get(family, ("TEXT", "TEXT"))
    return postgres if dialect == "postgresql" else sqlite


def _native(item: ColumnType) -> bool:
    """An item PostgreSQL can hold in an array of its own: a plain known type (a list of
    lists, or of JSON or unknown types, stays JSONB)."""
    return item.family not in ("list", "json", "unknown")


def _comparable(a: ColumnType, b: ColumnType) -> bool:
    """Whether a foreign key between the two types is valid in both dialects."""
    return a.family == b.family and a.family not in ("json", "list", "unknown")


@dataclass(frozen=True)
class _Key:
    """A foreign key the script will create, or why it will not."""

    column: str
    target_table: str
    target_column: str
    skipped: str | None = None


class _Schema:
    """What the entities mean as tables: one table per distinct table name, known columns."""

    def __init__(self, design: Design) -> None:
        self.tables: dict[str, Entity] = {}
        self.duplicates: list[Entity] = []
        for entity in design.entities:
            if entity.table_name in self.tables:
                self.duplicates.append(entity)
            else:
                self.tables[entity.table_name] = entity
        self.by_entity = {e.name: e for e in reversed(list(self.tables.values()))}

    def foreign_keys(self, entity: Entity) -> Iterator[_Key]:
        for field in _distinct_fields(entity):
            if not field.references:
                continue
            target_name, _, target_field = field.references.partition(".")
            target = self.by_entity.get(target_name)
            column = target.field(target_field) if target and target_field else None
            if target is None or column is None:
                yield _Key(field.name, "", "", f"{field.references} is not a declared field")
                continue
            key = _Key(field.name, target.table_name, column.name)
            if (column.name,) != target.key_fields and not column.unique:
                yield _replace_skip(key, f"{field.references} is not the primary key or unique")
            elif not _comparable(parse_type(field.type), parse_type(column.type)):
                yield _replace_skip(key, f"types {field.type} and {column.type} differ")
            else:
                yield key

    def ordered(self) -> list[Entity]:
        """Tables after the tables they reference; declaration order breaks ties.

        Tables on a cycle of foreign keys may come in any order among themselves (their keys
        are added by ALTER TABLE once both exist), but still after everything else they need.
        """
        entities = list(self.tables.values())
        needs = {
            e.table_name: {k.target_table for k in self.foreign_keys(e) if not k.skipped}
            - {e.table_name}
            for e in entities
        }
        reach = {table: _reachable(table, needs) for table in needs}
        done: list[Entity] = []
        placed: set[str] = set()
        while len(done) < len(entities):
            waiting = [e for e in entities if e.table_name not in placed]
            ready = [
                e
                for e in waiting
                if all(e.table_name in reach[t] for t in needs[e.table_name] - placed)
            ]
            pick = (ready or waiting)[0]
            done.append(pick)
            placed.add(pick.table_name)
        return done


def _reachable(start: str, needs: dict[str, set[str]]) -> set[str]:
    seen: set[str] = set()
    todo = [start]
    while todo:
        for target in needs.get(todo.pop(), set()):
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def _replace_skip(key: _Key, why: str) -> _Key:
    return _Key(key.column, key.target_table, key.target_column, why)


def _distinct_fields(entity: Entity) -> list:  # type: ignore[type-arg]
    seen: dict[str, object] = {}
    for field in entity.fields:
        seen.setdefault(field.name, field)
    return list(seen.values())


def constraint_name(prefix: str, table: str, columns: tuple[str, ...] | list[str]) -> str:
    """`fk_likes_user_id`; shortened with a hash when PostgreSQL would truncate it."""
    return identifier("_".join([prefix, table, *columns]))


def sql_ddl(design: Design, dialect: str = "postgresql") -> str:
    """The DDL script for the design's entities in `dialect` (postgresql or sqlite)."""
    if dialect not in DIALECTS:
        raise ValueError(f"unknown SQL dialect {dialect!r}; use one of {', '.join(DIALECTS)}")
    schema = _Schema(design)
    label = "PostgreSQL" if dialect == "postgresql" else "SQLite"
    lines = [_comment(f"Tables of the design '{design.name}' ({label}), written by sketch."), ""]
    for entity in schema.duplicates:
        lines.append(
            _comment(
                f"{entity.name}: table {entity.table_name} is declared by an "
                "earlier entity; skipped"
            )
        )
    created: set[str] = set()
    deferred: list[str] = []
    indexes: list[str] = []
    # Tables, indexes and constraints share one namespace in PostgreSQL and SQLite: an index
    # named like a table would make the DDL fail, so it gets a suffix like any repeat.
    used_names: set[str] = {entity.table_name for entity in schema.ordered()}
    for entity in schema.ordered():
        table_lines, later = _create_table(entity, schema, created, dialect, used_names)
        lines += [*table_lines, ""]
        deferred += later
        indexes += _indexes(entity, used_names)
        created.add(entity.table_name)
    lines += deferred + ([""] if deferred else []) + indexes
    return "\n".join(lines).rstrip("\n") + "\n"


def _unique_name(name: str, used: set[str]) -> str:
    candidate, number = name, 2
    while candidate in used:
        candidate = constraint_name(f"{name}_{number}", "", [])[:_MAX_NAME]
        number += 1
    used.add(candidate)
    return candidate


def _create_table(
    entity: Entity, schema: _Schema, created: set[str], dialect: str, used: set[str]
) -> tuple[list[str], list[str]]:
    """CREATE TABLE, and the ALTER TABLEs for keys to tables that do not exist yet."""
    table = entity.table_name
    notes = [f"{entity.name}" + (f": {entity.description}" if entity.description else "")]
    if entity.stored_in:
        notes.append(f"stored in the component '{entity.stored_in}'")
    names = [f.name for f in _distinct_fields(entity)]
    keys = tuple(dict.fromkeys(k for k in entity.key_fields if k in names))
    notes += [
        f"primary key column {k} is not a field; left out"
        for k in entity.key_fields
        if k not in names
    ]
    notes += [
        f"{name}: longer than {_MAX_NAME} bytes, named {identifier(name)}"
        for name in [table, *names]
        if identifier(name) != name
    ]
    body = _column_lines(entity, keys, dialect, notes) + _key_lines(entity, keys, used)
    deferred = []
    for key in schema.foreign_keys(entity):
        if key.skipped:
            notes.append(f"{key.column}: no FOREIGN KEY, {key.skipped}")
            continue
        name = _unique_name(constraint_name("fk", table, [key.column]), used)
        clause = (
            f"CONSTRAINT {quote(name)} FOREIGN KEY ({quote(key.column)}) "
            f"REFERENCES {quote(key.target_table)} ({quote(key.target_column)})"
        )
        if dialect == "sqlite" or key.target_table in created or key.target_table == table:
            body.append(clause)
        else:  # a cycle: the target table comes later
            deferred.append(f"ALTER TABLE {quote(table)} ADD {clause};")
    lines = [_comment(note) for note in notes]
    lines.append(f"CREATE TABLE {quote(table)} (")
    lines += [f"    {item}," for item in body[:-1]] + [f"    {body[-1]}", ");"]
    return lines, deferred


def _column_lines(
    entity: Entity, keys: tuple[str, ...], dialect: str, notes: list[str]
) -> list[str]:
    lines = []
    for field in _distinct_fields(entity):
        column = parse_type(field.type)
        if column.family == "unknown":
            notes.append(f"{field.name}: type {field.type} is not a known SQL type; stored as text")
        not_null = "" if field.nullable and field.name not in keys else " NOT NULL"
        lines.append(f"{quote(field.name)} {column_sql_type(column, dialect)}{not_null}")
    return lines


def _key_lines(entity: Entity, keys: tuple[str, ...], used: set[str]) -> list[str]:
    """The PRIMARY KEY and UNIQUE constraints."""
    table = entity.table_name
    lines = []
    if keys:
        name = _unique_name(constraint_name("pk", table, keys), used)
        lines.append(f"CONSTRAINT {quote(name)} PRIMARY KEY ({_columns(keys)})")
    for field in _distinct_fields(entity):
        if field.unique and (field.name,) != keys:
            name = _unique_name(constraint_name("uq", table, [field.name]), used)
            lines.append(f"CONSTRAINT {quote(name)} UNIQUE ({quote(field.name)})")
    return lines


def _columns(names: tuple[str, ...] | list[str]) -> str:
    return ", ".join(quote(name) for name in names)


def _indexes(entity: Entity, used: set[str]) -> list[str]:
    """CREATE INDEX for indexed fields and declared indexes, without repeating one."""
    table = entity.table_name
    names = {f.name for f in entity.fields}
    covered = {(entity.key_fields, True)} | {((f.name,), True) for f in entity.fields if f.unique}
    wanted: list[tuple[tuple[str, ...], bool, str | None]] = [
        ((f.name,), False, None) for f in _distinct_fields(entity) if f.indexed
    ]
    wanted += [(tuple(dict.fromkeys(i.fields)), i.unique, i.name) for i in entity.indexes]
    lines = []
    for columns, unique, given in wanted:
        missing = [c for c in columns if c not in names]
        if missing:
            lines.append(
                _comment(
                    f"{entity.name}: index on {', '.join(columns)} skipped: "
                    f"no field {', '.join(missing)}"
                )
            )
            continue
        if (columns, unique) in covered or (columns, True) in covered:
            continue
        covered.add((columns, unique))
        name = _unique_name(
            given or constraint_name("ux" if unique else "ix", table, columns), used
        )
        kind = "UNIQUE INDEX" if unique else "INDEX"
        lines.append(f"CREATE {kind} {quote(name)} ON {quote(table)} ({_columns(columns)});")
    return lines
