"""Escaping user text for each output format: DOT labels, Markdown, HTML.

Every piece of user-written text that reaches an output goes through one of these, so a label
like `<b>`, a `|` in a table cell or a backslash never changes the structure of the output.
"""

from __future__ import annotations

import html as _html
import re

# Characters with inline meaning in GitHub-flavoured Markdown. Escaping them with a backslash
# is always allowed (CommonMark: any ASCII punctuation may be backslash-escaped). An underscore
# inside a word (`user_id`) never starts emphasis in GFM, so it stays readable unescaped.
_MARKDOWN_INLINE = re.compile(r"([\\`*\[\]<>|~]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9]))")
# A line that starts like a block (heading, list item, quote, numbered item, rule) would turn
# the text into that block; these patterns find such starts after inline escaping. A number
# starts a list only when its `.` or `)` is followed by a space or the end of the line
# (CommonMark 5.2), so `1.4M/s` is left as it is and `1. first` is escaped.
_BLOCK_START = re.compile(r"^(\s*)([-+=#]|\d{1,9}(?=[.)](?:[ \t]|$)))")
_NEWLINES = re.compile(r"\r\n|\r|\n")


def html(text: str) -> str:
    """Text as HTML character data or a quoted attribute value: `<`, `>`, `&`, quotes escaped."""
    return _html.escape(text, quote=True)


def markdown_text(text: str) -> str:
    """Text as inline Markdown that renders literally: no emphasis, links, HTML or blocks.

    Line breaks become `<br>`, so the text stays one paragraph, list item or table cell.
    """
    lines = []
    for line in _NEWLINES.split(text):
        escaped = _MARKDOWN_INLINE.sub(r"\\\1", line).replace("&", "&amp;")
        lines.append(_BLOCK_START.sub(_escape_block_start, escaped))
    return "<br>".join(lines)


def _escape_block_start(match: re.Match[str]) -> str:
    indent, marker = match.group(1), match.group(2)
    if marker.isdigit():  # `1.` would start a numbered list: escape the dot after the number
        return indent + marker + "\\"
    return f"{indent}\\{marker}"


def markdown_cell(text: str) -> str:
    """Text for a cell of a GFM table: like `markdown_text`, and never empty."""
    return markdown_text(text) if text.strip() else " "


def markdown_code(text: str, *, in_table: bool = True) -> str:
    """Text as an inline code span for identifiers, types and paths.

    The fence is one backtick longer than the longest run inside. In a table `|` is escaped,
    because GFM splits table cells on it even inside code spans (and drops the backslash).
    """
    flat = " ".join(_NEWLINES.split(text))
    if in_table:
        flat = flat.replace("|", "\\|")
    if not flat.strip():
        return " "
    longest = max((len(run) for run in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def dot_label(text: str) -> str:
    """Text for the inside of a quoted DOT string (an escString) that Graphviz shows literally.

    Backslashes are doubled (so `\\N` or `\\l` are not Graphviz escapes), `&` becomes `&amp;`
    (Graphviz decodes entities even in plain labels), quotes are escaped and line breaks become
    centred `\\n` breaks. The caller still has to stop the graphviz package from treating a
    `<...>` label as HTML-like (see `rendering.diagram`).
    """
    escaped = text.replace("\\", "\\\\").replace("&", "&amp;").replace('"', '\\"')
    return "\\n".join(_NEWLINES.split(escaped))
