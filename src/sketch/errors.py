"""One vocabulary for what goes wrong: exit codes, located problems, and the errors that stop work.

Every layer reports through these, and only `sketch.cli` prints them and exits. An error
carries its exit code, as click's exceptions do, so the CLI needs one `except SketchError`::

    SketchError (exit 2)       bad input the user can fix: message, help, where, details
     ├── LoadError             a design file that cannot be loaded (file:line, excerpt)
     ├── DataError             YAML/JSON text a reader cannot parse (line:column, no file yet)
     ├── ConfigError           `[tool.sketch]` settings that cannot be read or are invalid
     ├── UsageError            a command line, name or path that cannot be used
     ├── RenderError           a design that cannot be drawn, or a renderer that failed
     │    ├── DotError         Graphviz `dot` missing or failing
     │    └── UndrawableDesign a design whose broken references leave nothing to draw
     ├── SectionError          a `sketch embed` section that cannot be produced for a marker
     ├── EmbedError            notes that cannot be embedded: every `Problem` in them
     └── InternalError (exit 3)  a bug in sketch
          └── RuleCrashed      a lint rule raised: named, never silently skipped

A `Problem` is one thing wrong with a design or a note that does not stop the run: a check
problem, a lint finding, a marker problem. It says what (code, message), where (the path in
the design and file:line), how bad (severity) and how to fix it (help).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import IntEnum, StrEnum
from pathlib import Path
from typing import ClassVar


class ExitCode(IntEnum):
    """The process exit codes, as documented in the README (pytest's `ExitCode` in spirit)."""

    OK = 0
    PROBLEMS = 1  # the design (or note) has problems: check, lint errors, a stale note
    USAGE = 2  # bad command line, a file that does not load, bad settings
    INTERNAL = 3  # a bug in sketch


class Severity(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


@dataclass(frozen=True, slots=True)
class Location:
    """Where something was written: `twitter.py:42`, or a whole file when the line is unknown.

    `column` (1-based) is known for data files; messages show it where it helps.
    """

    file: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


@dataclass(frozen=True)
class Problem:
    """One located problem: a `sketch check` problem, a lint finding, or a note's problem.

    `code` is the catalogue entry (`C301`, `D303`; `sketch rule CODE` explains it), empty for
    note problems, which have none. `rule` is the lint rule's name (`check` for check
    problems seen by lint). `suppressed` holds a suppression's reason when one applies.
    """

    code: str
    message: str
    path: str = ""
    help: str | None = None
    severity: Severity = Severity.error
    source: Location | None = None
    rule: str = ""
    suppressed: str | None = None

    @property
    def sort_key(self) -> tuple[str, int, str, str]:
        src = self.source
        return (src.file if src else "", (src.line or 0) if src else 0, self.code, self.path)

    def report(self, where: str | None = None) -> str:
        """`file:line: CODE message`, then `at:` the path in the design and `help:`, indented.

        `where` replaces the place shown (a shorter path, or the file for a problem that has
        no line)."""
        if where is None:
            where = str(self.source) if self.source else ""
        code = f"{self.code} " if self.code else ""
        text = f"{where}: {code}{self.message}"
        if self.path:
            text += f"\n  at: {self.path}"
        if self.help:
            text += f"\n  help: {self.help}"
        return text


class SketchError(Exception):
    """Bad input that is the user's to fix. `str()` is the one-screen message."""

    exit_code: ClassVar[ExitCode] = ExitCode.USAGE

    def __init__(
        self,
        message: str,
        help: str | None = None,
        *,
        at: Location | None = None,
        details: Sequence[str] = (),
    ) -> None:
        super().__init__(message)
        self.message = message
        self.help = help
        self.at = at
        self.details = list(details)

    def __str__(self) -> str:
        headline = f"{self.at}: {self.message}" if self.at else self.message
        lines = [headline, *(f"  {d}" for d in self.details)]
        if self.help:
            lines.append(f"help: {self.help}")
        return "\n".join(lines)


class LoadError(SketchError):
    """Why a design file could not be loaded: file:line, what, an excerpt, and the fix."""

    def __init__(
        self,
        file: str,
        line: int | None,
        what: str,
        details: Sequence[str] = (),
        help: str | None = None,
    ) -> None:
        super().__init__(what, help, at=Location(file, line), details=details)

    @property
    def line(self) -> int | None:
        return self.at.line if self.at else None


class DataError(SketchError):
    """YAML or JSON text that cannot be read into nodes: what is wrong, at line:column.

    Readers know no file name; the data-file loader turns this into a `LoadError`.
    """

    def __init__(
        self,
        message: str,
        line: int | None = None,
        column: int | None = None,
        help: str | None = None,
    ) -> None:
        super().__init__(message, help)
        self.line = line
        self.column = column

    def __str__(self) -> str:
        # The data-file loader words the place (file:line:column, an excerpt) and the help.
        return self.message


class ConfigError(SketchError):
    """A pyproject.toml that cannot be read, or `[tool.sketch]` settings that are invalid."""


class UsageError(SketchError):
    """A command line, name or path that cannot be used as given."""


class RenderError(SketchError):
    """A design that cannot be rendered, or a renderer that failed."""


class DotError(RenderError):
    """Graphviz `dot` is missing or failed."""


class UndrawableDesign(RenderError):
    """A design with broken references (an unknown component, a dangling foreign key)."""


class SectionError(SketchError):
    """A section of a note that cannot be produced for its marker."""


class EmbedError(SketchError):
    """Problems that stop notes from being embedded; the notes are left untouched."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(p.report() for p in self.problems))

    def __str__(self) -> str:
        return self.message


class InternalError(SketchError):
    """A bug in sketch (exit 3): reported with what failed, never silently skipped."""

    exit_code = ExitCode.INTERNAL


def relative_path(path: Path | str) -> str:
    """`path` as messages and reports show it: relative to the working folder when inside it,
    `/`-separated, so no output carries an absolute path that differs between machines."""
    p = Path(path)
    try:
        return p.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return p.as_posix()


def did_you_mean(name: str, candidates: Iterable[str]) -> str:
    """`did you mean 'user_id'?`, or the known names when none is close, for messages."""
    import difflib  # only messages about typos pay for it, not every command's start-up

    names = sorted(set(candidates))
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    if not names:
        return "none are declared"
    shown = ", ".join(f"'{n}'" for n in names[:8])
    return f"known: {shown}{', ...' if len(names) > 8 else ''}"


def plural(count: int, noun: str, many: str | None = None) -> str:
    """`1 problem`, `2 problems`, `0 entities` (pass `many` when adding `s` is wrong)."""
    if count == 1:
        return f"{count} {noun}"
    return f"{count} {many or (noun[:-1] + 'ies' if noun.endswith('y') else noun + 's')}"
