"""The YAML reader: YAML 1.2 core values, positions, merges, and every limit it enforces."""

from __future__ import annotations

import time

import pytest

from sketch.errors import DataError
from sketch.loading.nodes import MAX_DEPTH, MAX_NODES, Mapping, node_at, to_python
from sketch.loading.yaml_reader import read_yaml


def read(text: str) -> object:
    return to_python(read_yaml(text))


def error(text: str) -> DataError:
    with pytest.raises(DataError) as caught:
        read_yaml(text)
    return caught.value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("true", True),
        ("False", False),
        ("no", "no"),  # YAML 1.1's Norway problem does not apply: only true/false are booleans
        ("yes", "yes"),
        ("on", "on"),
        ("~", None),
        ("null", None),
        ("42", 42),
        ("-7", -7),
        ("200_000_000", 200_000_000),
        ("0x1F", 31),
        ("0o17", 15),
        ("0x_", "0x_"),
        ("0x1_F", 31),
        ("1__0", 10),
        ("1.5", 1.5),
        ("1e3", 1000.0),
        (".inf", float("inf")),
        ("'42'", "42"),
        ('"true"', "true"),
        ("!!str 42", "42"),
        ("!!float 3", 3.0),
        ("2024-01-01", "2024-01-01"),  # no timestamps: JSON has none either
        ("VARCHAR(280)", "VARCHAR(280)"),
    ],
)
def test_plain_values_follow_the_core_schema(text: str, value: object) -> None:
    assert read(f"key: {text}\n") == {"key": value}


def test_positions_are_one_based_lines_and_columns() -> None:
    root = read_yaml("name: x\nentities:\n  - name: User\n    fields: []\n")
    node, matched = node_at(root, ("entities", 0, "fields"))
    assert (node.line, node.column, matched) == (4, 13, 3)
    assert isinstance(root, Mapping)
    key = root.entries["entities"][0]
    assert (key.line, key.column) == (2, 1)


def test_anchors_aliases_and_merge_keys() -> None:
    text = (
        "base: &base {type: BIGINT, nullable: true}\n"
        "id: {<<: *base, nullable: false}\n"
        "copy: *base\n"
    )
    assert read(text) == {
        "base": {"type": "BIGINT", "nullable": True},
        "id": {"nullable": False, "type": "BIGINT"},
        "copy": {"type": "BIGINT", "nullable": True},
    }


def test_merge_key_text_elsewhere_is_plain_text() -> None:
    assert read("list: [<<, a]\nvalue: <<\n") == {"list": ["<<", "a"], "value": "<<"}


def test_duplicate_keys_are_errors_at_the_second_key() -> None:
    problem = error("name: a\ntitle: t\nname: b\n")
    assert "duplicate key 'name' (first at line 1)" in problem.message
    assert (problem.line, problem.column) == (3, 1)


def test_syntax_errors_have_a_position() -> None:
    problem = error("name: x\nentities:\n  - name: [unclosed\n")
    assert problem.message.startswith("YAML syntax error")
    assert problem.line is not None and problem.line >= 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("x: !!python/object/apply:os.system ['echo hi']\n", "is not supported"),
        ("x: !custom 3\n", "is not supported"),
        ("x: !!set {a, b}\n", "is not supported"),
        ("x: !!int twelve\n", "not a valid int"),
        ("a: 1\n---\nb: 2\n", "more than one YAML document"),
        ("", "empty"),
        ("# only a comment\n", "empty"),
        ("x: *nowhere\n", "names no anchor"),
        ("x: &a [*a]\n", "names no anchor"),  # a recursive alias is never completed
        ("[1, 2]: x\n", "a key must be a name"),
        ("1: x\n", "a key must be a name"),
        ("x: {<<: [1, 2]}\n", "'<<' merges mappings only"),
    ],
)
def test_refused_input(text: str, expected: str) -> None:
    assert expected in error(text).message


def _bomb(levels: int, width: int) -> str:
    lines = ["l0: &l0 [" + ", ".join(["lol"] * width) + "]"]
    for level in range(1, levels):
        lines.append(f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_at_once() -> None:
    started = time.perf_counter()
    problem = error(_bomb(levels=9, width=9))  # 9**9 values once expanded
    assert f"more than {MAX_NODES} values" in problem.message
    assert "alias bomb" in (problem.help or "")
    assert time.perf_counter() - started < 5  # never expanded; a generous bound for slow CI


def test_many_aliases_are_refused() -> None:
    text = "a: &a x\nb: [" + ", ".join(["*a"] * 1_500) + "]\n"
    assert "more than 1000 aliases" in error(text).message


def test_deep_nesting_is_refused() -> None:
    deep = "x: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n"
    assert "nested more than" in error(deep).message or "nesting depth" in error(deep).message
    very_deep = "[" * 200_000  # must not overflow the stack
    assert error(very_deep).line is not None


def test_too_many_plain_values_are_refused_without_blaming_aliases() -> None:
    problem = error("x: [" + "1," * (MAX_NODES + 1) + "]\n")
    assert f"the file holds more than {MAX_NODES} values" in problem.message
    assert "alias" not in (problem.help or "")
