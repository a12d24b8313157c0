"""An OpenAPI 3.1 document from a design's APIs, with its entities as component schemas.

Field names say little about types, so a field takes the type of the entity field with the
same name (the primary key's owner first); a plural of an entity is a list of it; the rest
are strings, as the spec's most honest default.
"""

from __future__ import annotations

import json
import re
from typing import Any

from sketch.model import Api, Design, Entity
from sketch.model import Field as EntityField
from sketch.model.column_types import ColumnType, parse_type

OPENAPI_VERSION = "3.1.0"
SECURITY_SCHEME = "bearerAuth"


def openapi_json(design: Design) -> str:
    """The OpenAPI document as JSON text, as `openapi.json` and `sketch export` write it."""
    return json.dumps(openapi_document(design), indent=2, ensure_ascii=False) + "\n"


def openapi_document(design: Design) -> dict[str, Any]:
    """The OpenAPI document as plain data: same design, same document."""
    types = _FieldTypes(design)
    paths: dict[str, dict[str, Any]] = {}
    used_ids: set[str] = set()
    for api in design.apis:
        operations = paths.setdefault(api.path, {})
        # A duplicate endpoint is `sketch check`'s to report; the first one is kept.
        if api.method.lower() not in operations:
            operations[api.method.lower()] = _operation(api, types, used_ids)
    document: dict[str, Any] = {
        "openapi": OPENAPI_VERSION,
        "info": {"title": design.display_title, "version": "1.0.0"},
        "paths": paths,
    }
    if design.description:
        document["info"]["description"] = design.description
    components: dict[str, Any] = {}
    if design.entities:
        components["schemas"] = {e.name: _entity_schema(e) for e in _unique_entities(design)}
    if any(api.auth for api in design.apis):
        components["securitySchemes"] = {SECURITY_SCHEME: {"type": "http", "scheme": "bearer"}}
    if components:
        document["components"] = components
    return document


def _unique_entities(design: Design) -> list[Entity]:
    seen: dict[str, Entity] = {}
    for entity in design.entities:
        seen.setdefault(entity.name, entity)
    return list(seen.values())


def _operation(api: Api, types: _FieldTypes, used_ids: set[str]) -> dict[str, Any]:
    operation: dict[str, Any] = {
        "operationId": _operation_id(api, used_ids),
        "summary": api.purpose,
    }
    parameters = [
        {"name": name, "in": "path", "required": True, "schema": types.schema(name)}
        for name in dict.fromkeys(api.path_params)
    ] + [
        {"name": name, "in": "query", "required": False, "schema": types.schema(name)}
        for name in dict.fromkeys(api.query)
        if name not in api.path_params
    ]
    if parameters:
        operation["parameters"] = parameters
    if api.request:
        operation["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": types.object_schema(api.request)}},
        }
    status, fields = _status_and_fields(api)
    success = status[0] if status else "201" if api.method == "POST" else "200"
    response: dict[str, Any] = {"description": status[1] if status else "Success"}
    if fields and success not in _NO_BODY:
        response["content"] = {"application/json": {"schema": types.object_schema(fields)}}
    operation["responses"] = {success: response}
    if api.auth:
        operation["responses"]["401"] = {"description": "Not authenticated"}
        operation["security"] = [{SECURITY_SCHEME: []}]
    return operation


#: A response entry that names the status: `101 Switching Protocols`, `204 No Content`.
_STATUS = re.compile(r"^([1-5][0-9]{2})\b\s*(.*)$")
#: Statuses that carry no body (RFC 9110).
_NO_BODY = frozenset({"101", "204", "304"})


def _status_and_fields(api: Api) -> tuple[tuple[str, str] | None, tuple[str, ...]]:
    """The status a response entry names, if one does, and the body's fields: a websocket
    upgrade's `101 Switching Protocols` is the response's code, not a JSON property."""
    status: tuple[str, str] | None = None
    fields = []
    for entry in api.response:
        found = _STATUS.match(entry.strip())
        if found and status is None:
            status = (found.group(1), found.group(2) or "Success")
        else:
            fields.append(entry)
    return status, tuple(fields)


def _operation_id(api: Api, used: set[str]) -> str:
    words = re.sub(r"[^A-Za-z0-9]+", "_", api.path.replace("{", "by_")).strip("_")
    base = f"{api.method.lower()}_{words}" if words else api.method.lower()
    candidate, number = base, 2
    while candidate in used:
        candidate, number = f"{base}_{number}", number + 1
    used.add(candidate)
    return candidate


def _entity_schema(entity: Entity) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for field in entity.fields:
        properties.setdefault(field.name, _field_schema(field))
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    required = list(dict.fromkeys(f.name for f in entity.fields if not f.nullable))
    if required:
        schema["required"] = required
    if entity.description:
        schema["description"] = entity.description
    return schema


def _field_schema(field: EntityField) -> dict[str, Any]:
    schema = json_type(parse_type(field.type))
    notes = [field.note] if field.note else []
    if field.references:
        notes.append(f"References {field.references}.")
    if notes:
        schema["description"] = " ".join(notes)
    if field.nullable:
        schema = {"anyOf": [schema, {"type": "null"}]}
    return schema


def json_type(column: ColumnType) -> dict[str, Any]:
    """The JSON Schema for a column type; unknown types are strings."""
    family = column.family
    if family == "integer":
        return {"type": "integer", "format": "int64" if column.name == "BIGINT" else "int32"}
    if family in ("float", "decimal"):
        return {"type": "number"}
    if family == "boolean":
        return {"type": "boolean"}
    if family == "list" and column.item is not None:
        return {"type": "array", "items": json_type(column.item)}
    if family == "json":
        return {"type": "object"}
    schema: dict[str, Any] = {"type": "string"}
    formats = {
        "timestamp": "date-time",
        "date": "date",
        "time": "time",
        "uuid": "uuid",
        "binary": "byte",
    }
    if family in formats:
        schema["format"] = formats[family]
    if family == "text" and column.length:
        schema["maxLength"] = column.length
    return schema


class _FieldTypes:
    """Name -> schema for API fields, learned from the entities."""

    def __init__(self, design: Design) -> None:
        self.fields: dict[str, EntityField] = {}
        for entity in design.entities:  # a key's owner defines it; then first declared wins
            for field in entity.fields:
                if field.name in entity.key_fields and not field.references:
                    self.fields.setdefault(field.name, field)
        for entity in design.entities:
            for field in entity.fields:
                self.fields.setdefault(field.name, field)
        self.entities: dict[str, str] = {}
        for entity in _unique_entities(design):
            for word in (entity.name, entity.name.lower()):
                self.entities.setdefault(word, entity.name)

    def schema(self, name: str) -> dict[str, Any]:
        field = self.fields.get(name)
        if field is not None:
            return json_type(parse_type(field.type))
        if name in self.entities:
            return {"$ref": f"#/components/schemas/{self.entities[name]}"}
        singular = _singular(name)
        if singular in self.entities:
            return {
                "type": "array",
                "items": {"$ref": f"#/components/schemas/{self.entities[singular]}"},
            }
        if name.endswith("_count") or name in ("count", "total", "page", "limit", "offset"):
            return {"type": "integer"}
        if name in ("success", "ok") or name.startswith(("is_", "has_")):
            return {"type": "boolean"}
        if name.endswith(("_urls", "_ids", "_list")):
            return {"type": "array", "items": {"type": "string"}}
        return {"type": "string"}

    def object_schema(self, names: tuple[str, ...]) -> dict[str, Any]:
        unique = list(dict.fromkeys(names))
        return {
            "type": "object",
            "properties": {name: self.schema(name) for name in unique},
            "required": unique,
        }


def _singular(name: str) -> str:
    if name.endswith("ies"):
        return name[:-3] + "y"
    return name[:-1] if name.endswith("s") else name
