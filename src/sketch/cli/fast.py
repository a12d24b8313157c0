"""`sketch check PATH...` without the CLI framework: the command people run most, and on every
save in editors and pre-commit hooks.

typer (0.29) costs more to import and to set a command up (it builds a pydantic adapter per
parameter) than checking a design does: with it `sketch check` took 1.35x the time of
importing the model, without it about 1.1x. `main` comes here first when the command line is
`check` and paths only; anything else (an option, `--help`, no path) goes to typer as before.
The output is the typer command's, line for line (tests/cli/test_fast_path.py runs both);
an error that stops the run goes through the same `guarded()`, importing typer only then.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TextIO


def handles(argv: list[str]) -> bool:
    """Whether `argv` (after `sketch`) is `check` with one or more paths and nothing else."""
    return len(argv) >= 2 and argv[0] == "check" and not any(a.startswith("-") for a in argv[1:])


def run(argv: list[str]) -> int:
    """Run `sketch check` on the paths in `argv[1:]`; returns the exit code."""
    try:
        return _check([Path(word) for word in argv[1:]])
    except KeyboardInterrupt:
        print("Aborted!", file=sys.stderr)
        return 1
    except Exception as exc:
        return _through_guarded(exc)


def _check(files: list[Path]) -> int:
    # The same steps and words as sketch.cli.commands.check.check.
    from sketch.checking import load_checked
    from sketch.cli.output import error, problem_text
    from sketch.errors import ExitCode
    from sketch.loading import LoadError
    from sketch.loading.discover import design_files

    total, unloadable = 0, 0
    paths = design_files(files)
    for path in paths:
        try:
            checked = load_checked(path)
        except LoadError as exc:  # reported, and the other files are still checked
            error(str(exc))
            unloadable += 1
            continue
        total += len(checked.problems)
        for problem in checked.problems:
            print(problem_text(problem, path))
    noun = "design" if len(paths) == 1 else "designs"
    if unloadable:
        _say(
            f"{unloadable} of {len(paths)} {noun} could not be loaded; "
            f"{total} problem(s) in the others",
            "31",
        )
        return ExitCode.USAGE
    if total:
        _say(f"{total} problem(s) in {len(paths)} {noun}", "31")
        return ExitCode.PROBLEMS
    _say(f"{len(paths)} {noun} checked: no problems", "32")
    return ExitCode.OK


def _say(text: str, colour: str, stream: TextIO | None = None) -> None:
    """A summary line, in colour on a terminal (as click does) unless NO_COLOR is set."""
    out = stream or sys.stdout
    if out.isatty() and not os.environ.get("NO_COLOR"):
        text = f"\x1b[{colour}m{text}\x1b[0m"
    print(text, file=out)


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
