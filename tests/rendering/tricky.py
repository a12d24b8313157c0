"""A design that stresses the DDL writer: quoting, cycles, composite keys, impossible keys."""

from __future__ import annotations

from sketch import Design, Entity, Field, Index
from sketch.rendering.sql import identifier
from tests.rendering.catalogue import Catalogue

LONG = "a_very_long_field_name_that_goes_on_and_on_past_the_identifier_limit"


def tricky_design() -> Design:
    return Design(
        name="tricky",
        entities=[
            # Declared first, but needs employee: it must come after it.
            Entity(
                name="Badge",
                table="badge",
                fields=[
                    Field(name="id", type="BIGINT", primary_key=True),
                    Field(name="employee_id", type="UUID", references="Employee.id"),
                ],
            ),
            # References Dept, which is declared later: Dept must be created first.
            Entity(
                name="Employee",
                table="employee",
                fields=[
                    Field(name="id", type="uuid", primary_key=True),
                    Field(name="dept_id", type="INT", references="Dept.id"),
                    Field(name="manager_id", type="UUID", references="Employee.id", nullable=True),
                    Field(name="email", type="varchar(255)", unique=True),
                    Field(name="salary", type="DECIMAL(10, 2)", nullable=True),
                    Field(name="active", type="BOOLEAN", indexed=True),
                    Field(name="tags", type="LIST<VARCHAR(20)>"),
                    Field(name="extra", type="JSON", nullable=True),
                    Field(name="shape", type="GEOGRAPHY(POINT)", nullable=True),
                    Field(name=LONG, type="TEXT", indexed=True),
                ],
                indexes=[
                    Index(fields=["dept_id", "active"]),
                    Index(fields=["email"], unique=True),  # already unique: not repeated
                    Index(fields=["salary"], name="Salary Index"),
                ],
            ),
            Entity(
                name="Dept",
                table='order "of" things',
                fields=[
                    Field(name="id", type="INTEGER", primary_key=True),
                    Field(name="head_id", type="UUID", references="Employee.id", nullable=True),
                    Field(name="name", type="TEXT", unique=True),
                ],
            ),
            # A composite key, a key to a non-key column and a key with a mismatched type.
            Entity(
                name="Membership",
                table="user",
                primary_key=["employee_id", "dept_id"],
                fields=[
                    Field(name="employee_id", type="UUID", references="Employee.id"),
                    Field(name="dept_id", type="BIGINT", references="Dept.id"),
                    Field(name="dept_name", type="TEXT", references="Dept.name"),
                    Field(name="role", type="TEXT", references="Employee.email"),
                    Field(name="since", type="INT", references="Dept.name"),
                    Field(name="note", type="TEXT", nullable=True, references="Employee.active"),
                ],
                indexes=[Index(fields=["since", "role"], unique=True, name="one_role")],
            ),
        ],
    )


#: What the catalogue must hold, written out by hand from the design above.
EXPECTED_TABLES = {"badge", "employee", 'order "of" things', "user"}
EXPECTED_KEYS = {
    "badge": ("id",),
    "employee": ("id",),
    'order "of" things': ("id",),
    "user": ("employee_id", "dept_id"),
}
EXPECTED_FOREIGN_KEYS = {
    ("badge", "employee_id", "employee", "id"),
    ("employee", "dept_id", 'order "of" things', "id"),
    ("employee", "manager_id", "employee", "id"),
    ('order "of" things', "head_id", "employee", "id"),
    ("user", "employee_id", "employee", "id"),
    ("user", "dept_id", 'order "of" things', "id"),
    ("user", "dept_name", 'order "of" things', "name"),
    ("user", "role", "employee", "email"),
    # `since` (INT -> TEXT) and `note` (to a non-unique column) cannot be foreign keys.
}
EXPECTED_INDEXES = {
    ("employee", ("email",), True),
    ("employee", ("active",), False),
    ("employee", (identifier(LONG),), False),  # PostgreSQL allows 63 bytes
    ("employee", ("dept_id", "active"), False),
    ("employee", ("salary",), False),
    ('order "of" things', ("name",), True),
    ("user", ("since", "role"), True),
}


def assert_tricky_catalogue(found: Catalogue) -> None:
    """What any database must hold after running the tricky design's DDL.

    Databases also index primary keys themselves (PostgreSQL every one, SQLite the
    non-integer ones); those are the keys', checked through `primary_keys`.
    """
    assert found.tables == EXPECTED_TABLES
    assert found.primary_keys == EXPECTED_KEYS
    assert found.foreign_keys == EXPECTED_FOREIGN_KEYS
    assert {i for i in found.indexes if i[1] != EXPECTED_KEYS[i[0]]} == EXPECTED_INDEXES
    assert ("employee", "salary") not in found.not_null
    assert ("employee", "email") in found.not_null
