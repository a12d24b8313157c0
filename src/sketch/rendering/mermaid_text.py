"""Escaping user text and naming nodes for Mermaid, so no label can change a diagram's structure.

Mermaid decodes `#name;` and `#123;` entity codes in every diagram type before it parses, and
turns them back into characters when it draws. Characters with meaning to a Mermaid grammar
are written as decimal codes: `#` (it starts a code), `"` (ends a quoted label), `<`, `>` and
`&` (labels are HTML), a backtick (starts a Markdown label), a backslash (`\\n` would break
the line), `%` (Mermaid finds `%%{init: ...}%%` directives and `%%` comments anywhere in the
text, quoted or not, before it parses: a label could restyle the diagram) and, outside
quotes, `;` (ends a statement in sequence diagrams). Brackets, pipes
and colons are harmless inside quoted labels and at the end of a message line, so they stay
readable in the note's source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_SPECIAL = re.compile(r"""[#;%"`<>&\\]""")
_SPECIAL_IN_QUOTES = re.compile(r"""[#%"`<>&\\]""")
_NEWLINES = re.compile(r"\r\n|\r|\n")
_NOT_ID = re.compile(r"[^A-Za-z0-9_]")


def text(value: str, *, quoted: bool = False) -> str:
    """User text as Mermaid label or message text that is shown literally.

    `quoted` is for text inside `"..."` (flowchart labels, ER comments), where `;` is plain.
    Line breaks become `<br>`, which every Mermaid diagram type draws as a line break.
    """
    special = _SPECIAL_IN_QUOTES if quoted else _SPECIAL
    lines = (special.sub(_code, line) for line in _NEWLINES.split(value))
    return "<br>".join(line.strip() for line in lines)


def _code(match: re.Match[str]) -> str:
    return f"#{ord(match.group())};"


# ER comments are drawn as Markdown: emphasis markers would vanish, and `~` breaks the parse.
_MARKDOWN_IN_COMMENTS = re.compile(r"[*~]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")


def comment(value: str) -> str:
    """User text for a quoted ER attribute comment; an underscore inside a word stays as is."""
    return _MARKDOWN_IN_COMMENTS.sub(_code, text(value, quoted=True))


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
