"""The one sanitizer for text sketch prints: user text can never drive the terminal.

A design's names, labels, notes, file names and exception messages reach the terminal inside
sketch's messages. An escape sequence among them could retitle the terminal, recolour or hide
text, or move the cursor; `\\r` or a backspace could overwrite an error line; a bidi override
could make a name read as another. `terminal_safe` shows every such character as a visible
escape (`\\x1b`, `\\r`, `\\u202e`), so what the user sees is what the text holds, and cuts
lines so long that one message would fill many screens.

Every printer of human-readable text goes through it: `error()`, `problem_text()`,
`display_path()`, the text and github lint reports, estimate text, embed diffs, progress lines,
and documents written to stdout when stdout is a terminal. Machine formats (JSON, SARIF) are
escaped by their own encoders and are not touched. Colour is added after sanitizing, so
sketch's own styling still works.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import TYPE_CHECKING

from sketch.errors import Location, Problem

if TYPE_CHECKING:
    from sketch.linting.run import DesignReport

#: A printed line longer than this is cut, saying how much was left out.
MAX_LINE_CHARS = 2_000

# C0 controls but tab and newline, DEL, C1 controls (8-bit CSI and friends), and the Unicode
# format characters that reorder or hide text: bidi embeddings, overrides and isolates, the
# directional marks, line/paragraph separators, and the BOM / zero-width no-break space.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]"
)
_NAMED = {"\r": "\\r", "\x1b": "\\x1b", "\x08": "\\b", "\x07": "\\a", "\x0c": "\\f", "\x0b": "\\v"}


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """`text` with every control or reordering character shown as an escape, long lines cut."""
    text = _UNSAFE.sub(_visible, text)
    if len(text) <= MAX_LINE_CHARS or all(len(line) <= MAX_LINE_CHARS for line in text.split("\n")):
        return text
    return "\n".join(_cut(line) for line in text.split("\n"))


def _cut(line: str) -> str:
    if len(line) <= MAX_LINE_CHARS:
        return line
    return f"{line[:MAX_LINE_CHARS]}... ({len(line) - MAX_LINE_CHARS:,} more characters)"


def terminal_problem(problem: Problem) -> Problem:
    """`problem` with every user-written part made terminal-safe, for reports styled later."""
    src = problem.source
    return dataclasses.replace(
        problem,
        message=terminal_safe(problem.message),
        path=terminal_safe(problem.path),
        help=terminal_safe(problem.help) if problem.help is not None else None,
        suppressed=terminal_safe(problem.suppressed) if problem.suppressed is not None else None,
        source=Location(terminal_safe(src.file), src.line, src.column) if src else None,
    )


def terminal_report(report: DesignReport) -> DesignReport:
    """A lint report whose design name, file and findings are terminal-safe."""
    return dataclasses.replace(
        report,
        file=Path(terminal_safe(str(report.file))),
        name=terminal_safe(report.name),
        findings=[terminal_problem(f) for f in report.findings],
    )
