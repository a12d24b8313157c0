"""Finding `<!-- sketch: DESIGN SECTION [OPTION...] -->` ... `<!-- /sketch -->` regions in a note.

Only the lines between a pair are ever replaced; the marker lines themselves and everything
outside them are kept byte for byte, whatever the line endings. Markers inside fenced code
blocks outside a region are examples (a README showing how to write a note), not regions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sketch.errors import Location, Problem

_OPEN = re.compile(r"^[ ]{0,3}<!--\s*sketch:\s*(?P<args>.*?)\s*-->\s*$")
_CLOSE = re.compile(r"^[ ]{0,3}<!--\s*/sketch\s*-->\s*$")
# Anything that looks like it was meant as a marker but is not one of the two forms above.
_LOOKS_LIKE_MARKER = re.compile(r"<!--\s*/?\s*sketch\b", re.IGNORECASE)
_WORD = re.compile(r'"([^"]*)"|(\S+)')
_LINE = re.compile(r"[^\n]*\n|[^\n]+\Z")
_FENCE = re.compile(r"^[ ]{0,3}(?P<fence>`{3,}|~{3,})(?P<info>.*)$")

OPEN_EXAMPLE = "<!-- sketch: designs/twitter.py architecture -->"
CLOSE_EXAMPLE = "<!-- /sketch -->"


@dataclass(frozen=True)
class Region:
    """A marker pair: `open_index` and `close_index` are 0-based indexes into the note's lines."""

    open_index: int
    close_index: int
    design: str
    section: str
    options: tuple[str, ...]
    newline: str

    @property
    def line(self) -> int:
        """The 1-based line of the opening marker, for messages."""
        return self.open_index + 1


@dataclass(frozen=True)
class Parsed:
    lines: list[str]  # with their line endings, so joining them gives the note back exactly
    regions: list[Region]
    errors: list[Problem]


def marker_problem(file: str, line: int, message: str, help: str) -> Problem:
    """A problem with the markers of note `file`, at a 1-based line."""
    return Problem("", message, help=help, source=Location(file, line))


def parse(note: str, file: str = "") -> Parsed:
    """Every region of the note, or every marker problem found (regions are then unreliable)."""
    scan = _Scan(split_lines(note), file)
    for index, line in enumerate(scan.lines):
        body = line.rstrip("\r\n")
        scan.feed(index, body.lstrip("\ufeff") if index == 0 else body)
    if scan.opened is not None:
        scan.error(
            scan.opened[0],
            "opening marker is never closed",
            f"add `{CLOSE_EXAMPLE}` on its own line after the generated part",
        )
    return Parsed(scan.lines, scan.regions, scan.errors)


class _Scan:
    """The state of one pass over a note: the region being read and the fence we are in."""

    def __init__(self, lines: list[str], file: str) -> None:
        self.lines = lines
        self.file = file
        self.regions: list[Region] = []
        self.errors: list[Problem] = []
        self.opened: tuple[int, str] | None = None  # (index, args) of the region being read
        self.fence: str | None = None

    def error(self, index: int, what: str, help: str) -> None:
        self.errors.append(marker_problem(self.file, index + 1, what, help))

    def feed(self, index: int, body: str) -> None:
        if self.opened is None and self.fence is not None:
            if _closes_fence(body, self.fence):
                self.fence = None
        elif self.opened is None and (match := _FENCE.match(body)):
            self.fence = match.group("fence")
        elif (open_match := _OPEN.match(body)) is not None:
            if self.opened is not None:
                self.error(
                    index,
                    f"marker opened inside the region opened at line {self.opened[0] + 1}",
                    "regions cannot nest: close the first with "
                    f"`{CLOSE_EXAMPLE}` before opening another",
                )
            else:
                self.opened = (index, open_match.group("args"))
        elif _CLOSE.match(body):
            self._close(index)
        elif _LOOKS_LIKE_MARKER.search(body) and (
            self.opened is None or body.lstrip(" ").startswith("<!--")
        ):
            # Inside a region only a line that starts like a comment is a typo'd marker:
            # generated text may quote `<!-- sketch` escaped, and that is content.
            self.error(
                index,
                f"unrecognised sketch marker: {body.strip()}",
                f"write markers on their own line as `{OPEN_EXAMPLE}` and `{CLOSE_EXAMPLE}`",
            )

    def _close(self, index: int) -> None:
        if self.opened is None:
            self.error(
                index,
                "closing marker without an opening marker",
                f"add `{OPEN_EXAMPLE}` above it, or delete it",
            )
            return
        region = _region(self.opened, index, self.lines, self.errors, self.file)
        if region:
            self.regions.append(region)
        self.opened = None


def split_lines(text: str) -> list[str]:
    """Lines with their endings, split on `\n` only (`\r\n` stays whole).

    Unlike `str.splitlines`, form feeds, `\u2028` and the like stay inside their line, as
    Markdown sees them.
    """
    return _LINE.findall(text)


def _closes_fence(body: str, fence: str) -> bool:
    stripped = body.strip()
    return (
        len(body) - len(body.lstrip(" ")) <= 3
        and stripped.startswith(fence)
        and set(stripped) == {fence[0]}
    )


def _region(
    opened: tuple[int, str], close: int, lines: list[str], errors: list[Problem], file: str
) -> Region | None:
    index, args = opened
    # A path with spaces can be quoted: `<!-- sketch: "my designs/x.py" schema -->`.
    words = [quoted or bare for quoted, bare in _WORD.findall(args)]
    if len(words) < 2:
        errors.append(
            marker_problem(
                file,
                index + 1,
                "marker needs a design file and a section",
                f"e.g. `{OPEN_EXAMPLE}`",
            )
        )
        return None
    design, section, *options = words
    return Region(index, close, design, section.lower(), tuple(options), _newline_of(lines[index]))


def _newline_of(line: str) -> str:
    return "\r\n" if line.endswith("\r\n") else "\n"


def splice(parsed: Parsed, bodies: list[str]) -> str:
    """The note with each region's inside replaced by its body (given with `\\n` line ends)."""
    out: list[str] = []
    cursor = 0
    for region, body in zip(parsed.regions, bodies, strict=True):
        out += parsed.lines[cursor : region.open_index]
        opening = parsed.lines[region.open_index]
        if not opening.endswith("\n"):  # cannot happen before a closing line; be safe
            opening += region.newline
        out.append(opening)
        out.append(_with_newlines(body, region.newline))
        cursor = region.close_index
    out += parsed.lines[cursor:]
    return "".join(out)


def _with_newlines(body: str, newline: str) -> str:
    """Blank lines around the body keep Markdown blocks apart from the marker comments."""
    text = "\n" + body.strip("\n") + "\n\n" if body.strip() else "\n"
    return text.replace("\n", newline)
