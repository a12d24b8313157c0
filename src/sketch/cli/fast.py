"""`sketch check|lint|render PATH...` without the CLI framework: the commands editors,
pre-commit hooks and `sketch render designs/x.py` run most, with nothing but paths.

typer (0.29) costs more to import and to set a command up (it builds a pydantic adapter per
parameter) than checking a design does: 30-45 ms of the 330-540 ms `sketch lint` takes on
twitter. `main` comes here first when the command line is one of these commands and paths
only; anything else (an option, `--help`, `--debug`) goes to typer. Both run the same body
(`sketch.cli.check_files`, `lint_files`, `render_files`) with the same defaults, so they
print and write the same (tests/cli/test_fast_path.py runs both, and compares the typer
options' defaults with the bodies'); an error that stops the run goes through the same
`guarded()`, importing typer only then. (Fast paths with their own copy of a command's
words drifted once before, as the commands grew formats and drafts: hence one body.)
"""

from __future__ import annotations

import sys
from pathlib import Path

#: The commands the fast path runs, given paths only.
COMMANDS = ("check", "lint", "render")


def handles(argv: list[str]) -> bool:
    """Whether `argv` (after `sketch`) is one of `COMMANDS` with paths and nothing else."""
    if len(argv) < 2 or any(a.startswith("-") for a in argv[1:]):
        return False
    return argv[0] in COMMANDS


def run(argv: list[str]) -> int:
    """Run the command in `argv` (one that `handles`); returns the exit code."""
    from sketch.loading.inputs import forget_inputs

    paths = [Path(word) for word in argv[1:]]
    commands = {"check": _check, "lint": _lint, "render": _render}
    forget_inputs()  # as the typer commands do before their body
    try:
        return commands[argv[0]](paths)
    except KeyboardInterrupt:
        print("Aborted!", file=sys.stderr)
        return 1
    except Exception as exc:
        return _through_guarded(exc)


def _check(files: list[Path]) -> int:
    from sketch.cli.check_files import check_files

    return int(check_files(files))


def _lint(files: list[Path]) -> int:
    from sketch.cli.lint_files import lint_files

    return int(lint_files(files))


def _render(files: list[Path]) -> int:
    from sketch.cli.render_files import render_files

    return int(render_files(files))


def _through_guarded(exc: Exception) -> int:
    """What the typer command would have said and returned for an error that stops the run."""
    import typer

    from sketch.cli.application import guarded

    try:
        with guarded():
            raise exc
    except typer.Exit as stop:
        return int(stop.exit_code)
    raise AssertionError("guarded() lets no exception through")  # pragma: no cover
