"""What commands print: errors on stderr, problems, and paths as short as they can be."""

from __future__ import annotations

import sys
from pathlib import Path

from sketch.cli.terminal import terminal_safe
from sketch.errors import Problem, relative_path


def error(message: str, help: str | None = None) -> None:
    """Print an error to stderr, in red on a terminal."""
    import typer  # here: `sketch check` imports this module without the CLI framework

    typer.secho(terminal_safe(f"error: {message}"), fg=typer.colors.RED, err=True)
    if help:
        typer.echo(terminal_safe(f"help: {help}"), err=True)


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
