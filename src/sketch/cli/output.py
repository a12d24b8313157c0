"""What commands print, through one console: results on stdout, errors on stderr.

Colour follows one policy for every command, the one ruff, pytest and rich follow:
`NO_COLOR` (https://no-color.org, any non-empty value) turns it off, `FORCE_COLOR` (any
non-empty value) turns it on even in a pipe (CI logs, `| less -R`), and otherwise only a
terminal gets it. The styles are click's ANSI codes (typer already imports click), so the
console costs no start-up time; the progress bar, which needs rich, asks `colour_for` too.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO, Any

from sketch.cli.terminal import terminal_safe
from sketch.errors import Problem, relative_path


def colour_for(stream: IO[str]) -> bool:
    """Whether to colour what goes to `stream`: NO_COLOR, then FORCE_COLOR, then a terminal."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class Console:
    """Lines to stdout (`print`) or stderr (`err=True`), styled only where colour is wanted."""

    def style(self, text: str, *, err: bool = False, **styles: Any) -> str:
        """`text` with click styles (`fg="red"`, `bold=True`) when the stream gets colour."""
        stream = sys.stderr if err else sys.stdout
        if not (styles and colour_for(stream)):
            return text
        import click  # here: `sketch check` imports this module without the CLI framework

        return click.style(text, **styles)

    def print(self, text: str = "", *, err: bool = False, nl: bool = True, **styles: Any) -> None:
        # The colour policy was applied above: write the text as it is, to the live stream
        # (tests and embedders swap sys.stdout).
        stream = sys.stderr if err else sys.stdout
        stream.write(self.style(text, err=err, **styles) + ("\n" if nl else ""))
        stream.flush()

    def success(self, text: str) -> None:
        self.print(text, fg="green")

    def failure(self, text: str) -> None:
        """A summary line saying something is wrong (problems found), on stdout."""
        self.print(text, fg="red")

    def warn(self, text: str) -> None:
        self.print(text, fg="yellow")


console = Console()


def error(message: str, help: str | None = None) -> None:
    """Print an error to stderr, in red where colour is wanted; user text made safe first."""
    console.print(terminal_safe(f"error: {message}"), err=True, fg="red")
    if help:
        console.print(terminal_safe(f"help: {help}"), err=True)


def display_path(path: Path | str) -> str:
    """A path as short as possible for messages: relative to the working folder when inside it."""
    return terminal_safe(relative_path(path))


def problem_text(problem: Problem, file: Path | str) -> str:
    """A problem as `file:line: CODE message`, with `at:` and `help:` lines below; `file` is
    the design's, for problems that know no line."""
    src = problem.source
    where = f"{display_path(src.file)}:{src.line}" if src else display_path(file)
    return terminal_safe(problem.report(where))


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()
