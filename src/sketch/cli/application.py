"""The typer app, its global options, and the one place errors become exit codes.

Commands are plain functions decorated with `@command`: it runs the body under `guarded()`
and exits with the `ExitCode` the body returns. `sketch.cli` registers them on `app`, one by
one, in the order `sketch --help` lists them. Command modules import heavy libraries inside
their bodies, so `sketch check` and `sketch lint` start fast.
"""

from __future__ import annotations

import functools
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, NoReturn, ParamSpec

import typer

from sketch.cli.conventions import ConventionalGroup
from sketch.cli.output import error
from sketch.errors import ExitCode, SketchError
from sketch.version import __version__

P = ParamSpec("P")

app = typer.Typer(
    name="sketch",
    help="Diagram-as-code for system-design sketches: check, lint, estimate and render designs.",
    no_args_is_help=True,
    cls=ConventionalGroup,
    # Plain click help (no rich boxes): conventional, and `[tool.sketch.lint]` in a
    # docstring stays text instead of being read as rich markup.
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class _State:
    debug = False


state = _State()


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


def show_traceback(exc: BaseException) -> None:
    """The full traceback on stderr, with --debug only."""
    if state.debug:
        typer.echo("".join(traceback.format_exception(exc)), err=True)


def _fail(code: ExitCode, message: str, help: str | None, exc: BaseException) -> NoReturn:
    error(message, help)
    show_traceback(exc)
    raise typer.Exit(code)


@contextmanager
def guarded() -> Iterator[None]:
    """Turn known failures into one-screen messages and exit codes; tracebacks only with --debug."""
    try:
        yield
    except (typer.Exit, typer.Abort, KeyboardInterrupt, BrokenPipeError):
        # A closed pipe (`sketch rules | head`) is not an error to report: click quiets it.
        raise
    except SketchError as exc:  # each error knows its exit code, as click's do
        _fail(exc.exit_code, str(exc), None, exc)
    except OSError as exc:  # the guarded writer names the user's path, never a temp file
        where = f" {exc.filename}" if exc.filename else ""
        _fail(
            ExitCode.USAGE,
            f"cannot write or read{where}: {exc.strerror or exc}",
            _os_hint(exc),
            exc,
        )
    except Exception as exc:
        _fail(
            ExitCode.INTERNAL,
            f"internal error: {type(exc).__name__}: {exc}",
            "this is a bug in sketch; rerun with --debug and report the traceback",
            exc,
        )


def _os_hint(exc: OSError) -> str:
    import errno

    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk (or your quota) is full: free some space and rerun; nothing was replaced"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "check the permissions of that path and its folder"
    return "check that the path exists and its folder is writable"


def command(body: Callable[P, ExitCode]) -> Callable[P, None]:
    """A command's body, run under `guarded()`; the process exits with the code it returns.

    `functools.wraps` keeps the body's signature and annotations, which typer reads.
    """

    @functools.wraps(body)
    def run(*args: P.args, **kwargs: P.kwargs) -> None:
        from sketch.loading.inputs import forget_inputs

        forget_inputs()  # each command protects its own inputs (the CLI runs in-process in tests)
        with guarded():
            code = body(*args, **kwargs)
        raise typer.Exit(int(code))

    return run
