"""Escaping user text and naming nodes for Mermaid, so no label can change a diagram's structure.

Mermaid decodes `#name;` and `#123;` entity codes in every diagram type before it parses, and
turns them back into characters when it draws. Writing the characters that have meaning in
some Mermaid grammar (quotes, brackets, `#`, `;`, `<>`, `%`, `:` ...) as decimal codes keeps
them literal everywhere: inside quoted flowchart labels, sequence messages, notes and ER
comments alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# `#` first in spirit: every code we write starts with `#`, so a literal `#` must be coded too.
_SPECIAL = re.compile(r"""[#;"`<>&]""")
_NEWLINES = re.compile(r"\r\n|\r|\n")
_NOT_ID = re.compile(r"[^A-Za-z0-9_]")


def text(value: str) -> str:
    """User text as Mermaid label or message text that is shown literally, on one line each.

    Line breaks become `<br>`, which every Mermaid diagram type draws as a line break.
    """
    lines = (_SPECIAL.sub(lambda m: f"#{ord(m.group())};", line) for line in _NEWLINES.split(value))
    return "<br>".join(line.strip() for line in lines)


def words(value: str) -> str:
    """Like `text`, but with runs of blanks collapsed: for single-line spots such as titles."""
    return " ".join(text(value).split())


class Ids:
    """Safe, unique, stable Mermaid ids for user names, given in first-seen order.

    Ids are made of `[A-Za-z0-9_]` behind a prefix, so no name can collide with a keyword
    (`end`, `graph`, `opt` ...) or start with `o`/`x` right after an arrow, which Mermaid
    would read as a circle or cross edge. Names that sanitize alike get `_2`, `_3` suffixes.
    """

    def __init__(self, prefix: str, names: Iterable[str] = ()) -> None:
        self._prefix = prefix
        self._ids: dict[str, str] = {}
        self._taken: set[str] = set()
        for name in names:
            self[name]

    def __getitem__(self, name: str) -> str:
        found = self._ids.get(name)
        if found is None:
            base = f"{self._prefix}{_NOT_ID.sub('_', name)}"
            found, n = base, 1
            while found in self._taken:
                n += 1
                found = f"{base}_{n}"
            self._ids[name] = found
            self._taken.add(found)
        return found
