"""JSON text -> position-aware nodes, with duplicate keys as errors (JSON allows last-wins).

The standard library checks the syntax first (its messages are good and it is fast); then a
small parser walks the now-valid text again to record where every value starts.
"""

from __future__ import annotations

import bisect
import json
import re
from json.decoder import scanstring  # type: ignore[attr-defined]
from json.scanner import NUMBER_RE

from sketch.errors import DataError
from sketch.loading.nodes import (
    MAX_DEPTH,
    MAX_NODES,
    MAX_NUMBER_CHARS,
    Key,
    Mapping,
    Node,
    Scalar,
    Sequence,
    number_too_long,
)

_SPACE = re.compile(r"[ \t\n\r]*")
_LITERALS = {
    "true": True,
    "false": False,
    "null": None,
    "NaN": float("nan"),
    "Infinity": float("inf"),
    "-Infinity": float("-inf"),
}


def read_json(text: str) -> Node:
    """The JSON value in `text` as nodes; DataError with a position when it cannot be."""
    if not text.strip():
        raise DataError("the file is empty", 1, 1, help='write at least {"name": "my-design"}')
    try:
        # Integers are not converted here: the parser below refuses over-long ones with a
        # position, where int() of 4,300+ digits would raise a ValueError naming none.
        json.loads(text, parse_int=len)
    except json.JSONDecodeError as exc:
        raise DataError(
            f"JSON syntax error: {exc.msg}",
            exc.lineno,
            exc.colno,
            help="check commas, quotes and brackets at that position",
        ) from exc
    except RecursionError as exc:
        raise DataError(f"nested more than {MAX_DEPTH} levels deep", 1, 1) from exc
    return _Parser(text).parse()


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self.count = 0

    def position(self, index: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, index)
        return line, index - self.starts[line - 1] + 1

    def skip(self, index: int) -> int:
        return _SPACE.match(self.text, index).end()  # type: ignore[union-attr]

    def parse(self) -> Node:
        node, _ = self.value(self.skip(0), 0)
        return node

    def value(self, index: int, depth: int) -> tuple[Node, int]:
        line, column = self.position(index)
        self.count += 1
        if self.count > MAX_NODES:
            raise DataError(
                f"the file holds more than {MAX_NODES} values",
                line,
                column,
                help="a design needs a few thousand values at most",
            )
        if depth > MAX_DEPTH:
            raise DataError(f"nested more than {MAX_DEPTH} levels deep", line, column)
        char = self.text[index]
        if char == "{":
            return self.mapping(index, depth)
        if char == "[":
            return self.sequence(index, depth)
        if char == '"':
            text, end = scanstring(self.text, index + 1)
            return Scalar(line, column, text), end
        number = NUMBER_RE.match(self.text, index)
        if number and not self.text.startswith("-Infinity", index):
            integer, fraction, exponent = number.groups()
            if number.end() - index > MAX_NUMBER_CHARS:
                raise number_too_long(number.group(), line, column)
            value = float(number.group()) if fraction or exponent else int(integer)
            return Scalar(line, column, value), number.end()
        word = next(w for w in _LITERALS if self.text.startswith(w, index))
        return Scalar(line, column, _LITERALS[word]), index + len(word)

    def sequence(self, index: int, depth: int) -> tuple[Node, int]:
        line, column = self.position(index)
        items: list[Node] = []
        index = self.skip(index + 1)
        while self.text[index] != "]":
            item, index = self.value(index, depth + 1)
            items.append(item)
            index = self.skip(index)
            if self.text[index] == ",":
                index = self.skip(index + 1)
        return Sequence(line, column, tuple(items)), index + 1

    def mapping(self, index: int, depth: int) -> tuple[Node, int]:
        line, column = self.position(index)
        entries: dict[str, tuple[Key, Node]] = {}
        index = self.skip(index + 1)
        while self.text[index] != "}":
            key_line, key_column = self.position(index)
            name, index = scanstring(self.text, index + 1)
            if name in entries:
                raise DataError(
                    f"duplicate key '{name}' (first at line {entries[name][0].line})",
                    key_line,
                    key_column,
                    help="each key appears once per object; merge the two or rename one",
                )
            index = self.skip(self.skip(index) + 1)  # the colon
            value, index = self.value(index, depth + 1)
            entries[name] = (Key(name, key_line, key_column), value)
            index = self.skip(index)
            if self.text[index] == ",":
                index = self.skip(index + 1)
        return Mapping(line, column, entries), index + 1
