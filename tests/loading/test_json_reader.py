"""The JSON reader: the same nodes as YAML, duplicate keys refused, positions kept."""

from __future__ import annotations

import json

import pytest

from sketch.errors import DataError
from sketch.loading.json_reader import read_json
from sketch.loading.nodes import node_at, to_python

SAMPLE = {
    "name": "x",
    "numbers": [1, -2.5, 1e3, 0],
    "flags": [True, False, None],
    "text": 'quote " backslash \\ tab \t unicode é \u2603',
    "nested": {"deeper": [{"a": []}, {}]},
}


def test_reads_what_the_standard_library_reads() -> None:
    text = json.dumps(SAMPLE, indent=2)
    assert to_python(read_json(text)) == json.loads(text)
    assert to_python(read_json(json.dumps(SAMPLE))) == SAMPLE


def test_positions_of_values_and_keys() -> None:
    root = read_json('{\n  "name": "x",\n  "entities": [\n    {"name": "User"}\n  ]\n}')
    node, _ = node_at(root, ("entities", 0, "name"))
    assert (node.line, node.column) == (4, 14)


def error(text: str) -> DataError:
    with pytest.raises(DataError) as caught:
        read_json(text)
    return caught.value


def test_duplicate_keys_are_errors() -> None:
    problem = error('{"a": 1,\n "b": {"c": 1, "c": 2}}')
    assert "duplicate key 'c'" in problem.message
    assert (problem.line, problem.column) == (2, 16)


@pytest.mark.parametrize(
    ("text", "expected", "line", "column"),
    [
        ('{"a": 1,}', "JSON syntax error", 1, 9),
        ('{"a": 1\n "b": 2}', "JSON syntax error", 2, 2),
        ("", "empty", 1, 1),
        ("[" * 100_000, "nested more than", 1, 1),
    ],
)
def test_errors_are_located(text: str, expected: str, line: int, column: int) -> None:
    problem = error(text)
    assert expected in problem.message
    assert (problem.line, problem.column) == (line, column)


def test_nesting_limit() -> None:
    assert "nested more than" in error("[" * 70 + "]" * 70).message
