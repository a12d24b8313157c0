"""`sketch check PATH...` without the CLI framework: the command editors and pre-commit hooks
run on every save.

typer (0.29) costs more to import and to set a command up (it builds a pydantic adapter per
parameter) than checking a design does: with it `sketch check` took 1.35x the time of
importing the model, without it about 1.1x. `main` comes here first when the command line is
`check` and paths only; anything else goes to typer. Both run the same body
(`sketch.cli.check_files`), so they print the same lines (tests/cli/test_fast_path.py runs
both); an error that stops the run goes through the same `guarded()`, importing typer only
then. `lint` and `render` used to have fast paths too: each kept its own copy of the
command's words, and those drifted as soon as the commands grew formats and drafts.
"""

from __future__ import annotations

import sys
from pathlib import Path


def handles(argv: list[str]) -> bool:
    """Whether `argv` (after `sketch`) is `check` with paths and nothing else. (`lint` and
    `render` take the typer path: their formats, footers, drafts and options live there.)"""
    if len(argv) < 2 or any(a.startswith("-") for a in argv[1:]):
        return False
    return argv[0] == "check"


def run(argv: list[str]) -> int:
    """Run the command in `argv` (one that `handles`); returns the exit code."""
    from sketch.loading.inputs import forget_inputs

    paths = [Path(word) for word in argv[1:]]
    commands = {"check": _check}
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
