"""Step 2 of the framework: the core entities and the API that clients call."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field as _Field
from pydantic import field_validator, model_validator

from sketch.model.base import Declared, Model
from sketch.model.numbers import PositiveAmount

_IDENTIFIER = r"^[A-Za-z_][A-Za-z0-9_]*$"


class Field(Model):
    """A column of an entity. `references` names a foreign key target as `Entity.field`."""

    name: str = _Field(pattern=_IDENTIFIER)
    """Column name: letters, digits and `_`."""
    type: str = _Field(min_length=1, description="e.g. BIGINT, VARCHAR(280), TIMESTAMP.")
    primary_key: bool = False
    """Part of the primary key."""
    references: str | None = _Field(default=None, description="Foreign key: `User.user_id`.")
    unique: bool = False
    """Values are unique (a UNIQUE constraint)."""
    nullable: bool = False
    """May be empty (NULL)."""
    indexed: bool = False
    """Has a secondary index (foreign keys usually want one, A202)."""
    note: str | None = None
    """Free text shown in the schema table."""


class Index(Model):
    """A secondary index over one or more fields."""

    fields: tuple[str, ...] = _Field(min_length=1)
    """The indexed fields, in order."""
    unique: bool = False
    """A unique index."""
    name: str | None = None
    """Index name; generated when omitted."""


class Entity(Declared):
    """A main noun of the system. Primary key: mark fields, or list them for a composite key."""

    name: str = _Field(pattern=_IDENTIFIER)
    """Entity name, used by `references` (`User.user_id`)."""
    table: str | None = _Field(default=None, description="Table name; defaults to the entity's.")
    description: str | None = None
    """What the entity is."""
    fields: tuple[Field, ...] = _Field(min_length=1)
    """Its columns."""
    primary_key: tuple[str, ...] = _Field(
        default=(), description="Composite primary key; or set `primary_key=True` on fields."
    )
    indexes: tuple[Index, ...] = ()
    """Secondary indexes over several fields."""
    stored_in: str | None = _Field(default=None, description="Component holding this data.")
    rows: PositiveAmount | None = _Field(
        default=None, description="How many rows the dataset holds, e.g. 5e9 follow edges."
    )
    rows_per_user: PositiveAmount | None = _Field(
        default=None,
        description="Rows per user (x total users, else MAU, else DAU): 50 friends per user.",
    )
    row_bytes: PositiveAmount | None = _Field(
        default=None, description="Bytes per row; by default the sum of the field types' sizes."
    )

    @model_validator(mode="after")
    def _one_way_to_say_the_key(self) -> Entity:
        marked = [f.name for f in self.fields if f.primary_key]
        if marked and self.primary_key:
            raise ValueError(
                "primary key given twice: use either `primary_key=(...)` on the entity "
                "or `primary_key=True` on fields, not both"
            )
        return self

    @property
    def key_fields(self) -> tuple[str, ...]:
        return self.primary_key or tuple(f.name for f in self.fields if f.primary_key)

    @property
    def table_name(self) -> str:
        return self.table or self.name.lower()

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)


HttpMethod = Literal["GET", "POST", "PUT", "PATCH", "DELETE"]
_PATH = r"^/[^\s]*$"
# One path segment: RFC 3986 path characters (unreserved, %-escapes, sub-delims, `:`, `@`)
# and `{param}` placeholders; `?`, `#`, stray braces and spaces would make an invalid document.
_SEGMENT = re.compile(
    r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2}|\{[A-Za-z_][A-Za-z0-9_]*\})*"
)


class Api(Declared):
    """One endpoint: method, path with `{params}`, purpose, and the fields in and out."""

    method: HttpMethod
    """HTTP method: GET, POST, PUT, PATCH or DELETE."""
    path: str = _Field(pattern=_PATH, description="e.g. /api/v1/tweets/{tweet_id}.")
    purpose: str = _Field(min_length=1)
    """What the endpoint does, in a few words."""
    request: tuple[str, ...] = _Field(default=(), description="Body fields sent.")
    query: tuple[str, ...] = _Field(default=(), description="Query parameters, e.g. page, limit.")
    response: tuple[str, ...] = _Field(default=(), description="Fields returned.")
    auth: bool = _Field(default=False, description="Whether the caller must be authenticated.")
    paginated: bool = False
    """A list endpoint that pages its results (A209)."""
    serves: tuple[str, ...] = _Field(default=(), description="Keys of in-scope features served.")

    @field_validator("path")
    @classmethod
    def _valid_path(cls, path: str) -> str:
        if "?" in path or "#" in path:
            raise ValueError("a path holds no `?query` or `#fragment`: list them in `query=`")
        for segment in path.split("/")[1:]:
            if not _SEGMENT.fullmatch(segment):
                raise ValueError(
                    f"segment '{segment}' is not a valid path segment: use letters, digits, "
                    "-._~ and `{name}` placeholders (a name of letters, digits and _)"
                )
        params = re.findall(r"\{([^}]*)\}", path)
        repeated = sorted({p for p in params if params.count(p) > 1})
        if repeated:
            raise ValueError(f"parameter '{{{repeated[0]}}}' appears twice in the path")
        return path

    @model_validator(mode="before")
    @classmethod
    def _method_upper(cls, data: object) -> object:
        if isinstance(data, dict) and isinstance(data.get("method"), str):
            data = {**data, "method": data["method"].upper()}
        return data

    @property
    def key(self) -> str:
        """How flows refer to this endpoint: `POST /api/v1/tweets`."""
        return f"{self.method} {self.path}"

    @property
    def path_params(self) -> tuple[str, ...]:
        return tuple(re.findall(r"\{([^}/]+)\}", self.path))
