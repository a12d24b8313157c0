"""The column types designs write (`BIGINT`, `VARCHAR(280)`, `LIST<BIGINT>`), parsed once.

SQL DDL and OpenAPI both start from the same reading of a type, so they agree on what a
field is: an integer, text of some length, a timestamp, a list, or something unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SHAPE = re.compile(r"^([A-Z][A-Z0-9_ ]*?)\s*(?:\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\))?$")
_CONTAINER = re.compile(r"^(LIST|ARRAY|SET|MAP|DICT)\s*<(.*)>$|^(.*)\[\]$")

_FAMILIES = {
    "integer": {
        "BIGINT",
        "INT8",
        "INT",
        "INTEGER",
        "INT4",
        "SMALLINT",
        "INT2",
        "TINYINT",
        "SERIAL",
        "BIGSERIAL",
        "LONG",
    },
    "decimal": {"DECIMAL", "NUMERIC"},
    "float": {"FLOAT", "DOUBLE", "DOUBLE PRECISION", "REAL", "FLOAT8", "FLOAT4"},
    "text": {"VARCHAR", "CHARACTER VARYING", "CHAR", "CHARACTER", "TEXT", "STRING", "CLOB"},
    "timestamp": {"TIMESTAMP", "DATETIME", "TIMESTAMPTZ"},
    "date": {"DATE"},
    "time": {"TIME"},
    "boolean": {"BOOLEAN", "BOOL"},
    "uuid": {"UUID"},
    "json": {"JSON", "JSONB", "OBJECT"},
    "binary": {"BLOB", "BYTEA", "BYTES", "BINARY", "VARBINARY"},
}
_FAMILY_OF = {name: family for family, names in _FAMILIES.items() for name in names}


@dataclass(frozen=True)
class ColumnType:
    """`family` is one of the keys above, `list` or `unknown`; `name` is the base type name."""

    family: str
    name: str
    length: int | None = None
    scale: int | None = None
    item: ColumnType | None = None


def parse_type(text: str) -> ColumnType:
    cleaned = " ".join(text.strip().upper().split())
    container = _CONTAINER.match(cleaned)
    if container:
        kind = container.group(1) or "ARRAY"
        inner = container.group(2) if container.group(1) else container.group(3)
        if kind in ("MAP", "DICT"):
            return ColumnType("json", kind)
        return ColumnType("list", kind, item=parse_type(inner))
    shape = _SHAPE.match(cleaned)
    if not shape:
        return ColumnType("unknown", cleaned)
    name, length, scale = shape.groups()
    family = _FAMILY_OF.get(name, "unknown")
    if name == "BIGINT" or name == "INT8" or name == "BIGSERIAL" or name == "LONG":
        name = "BIGINT"
    return ColumnType(family, name, int(length) if length else None, int(scale) if scale else None)
