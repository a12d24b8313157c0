"""The typer app, its global options, and the one place errors become exit codes.

Exit codes: 0 ok, 1 problems found, 2 usage or load error, 3 internal error.
Command modules in `sketch.cli.commands` register on `app`; they import heavy libraries inside
their functions so `sketch check` and `sketch lint` start fast.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from sketch import __version__

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3

app = typer.Typer(
    name="sketch",
    help="Diagram-as-code for system-design sketches: check, lint, estimate and render designs.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class _State:
    debug = False


state = _State()


class UsageProblem(Exception):
    """Bad input that is the user's to fix (exit 2): a message and an optional hint."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


def _version(value: bool) -> None:
    if value:
        typer.echo(f"sketch {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    state.debug = debug


def error(message: str, hint: str | None = None) -> None:
    """Print an error to stderr, in red on a terminal."""
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    if hint:
        typer.echo(f"help: {hint}", err=True)


def _fail(code: int, message: str, hint: str | None, exc: BaseException) -> NoReturn:
    error(message, hint)
    if state.debug:
        typer.echo("".join(traceback.format_exception(exc)), err=True)
    raise typer.Exit(code)


@contextmanager
def guarded() -> Iterator[None]:
    """Turn known failures into one-screen messages and exit codes; tracebacks only with --debug."""
    from sketch.load import LoadError
    from sketch.load.settings import ConfigError

    try:
        yield
    except (typer.Exit, typer.Abort, KeyboardInterrupt, BrokenPipeError):
        # A closed pipe (`sketch rules | head`) is not an error to report: click quiets it.
        raise
    except LoadError as exc:
        _fail(EXIT_USAGE, str(exc), None, exc)
    except (ConfigError, UsageProblem) as exc:
        _fail(EXIT_USAGE, str(exc), getattr(exc, "hint", None), exc)
    except OSError as exc:
        where = f" {exc.filename}" if exc.filename else ""
        _fail(
            EXIT_USAGE,
            f"cannot write or read{where}: {exc.strerror or exc}",
            "check the path exists and is writable (or pass another --output)",
            exc,
        )
    except Exception as exc:
        _fail(
            EXIT_INTERNAL,
            f"internal error: {type(exc).__name__}: {exc}",
            "this is a bug in sketch; rerun with --debug and report the traceback",
            exc,
        )


def display_path(path: Path | str) -> str:
    """A path as short as possible for messages: relative to the working folder when inside it."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(p)


def run(command: Callable[[], int]) -> None:
    """Run a command body under `guarded` and exit with the code it returns."""
    with guarded():
        code = command()
    raise typer.Exit(code)


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()
