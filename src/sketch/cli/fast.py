"""`sketch check PATH...`, `sketch lint PATH...` and `sketch render FILE` without the CLI
framework: the commands people run most, on every save in editors and pre-commit hooks.

typer (0.29) costs more to import and to set a command up (it builds a pydantic adapter per
parameter) than checking a design does: with it `sketch check` took 1.35x the time of
importing the model, without it about 1.1x. `main` comes here first when the command line is
`check` or `lint` and paths only, or `render` and one file; anything else (an option,
`--help`, no path, a folder to render) goes to typer as before. The output is the typer
command's, line for line (tests/cli/test_fast_path.py runs both); an error that stops the
run goes through the same `guarded()`, importing typer only then.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TextIO

_COLOURS = {"red": 31, "green": 32, "yellow": 33, "blue": 34, "magenta": 35, "cyan": 36}


def handles(argv: list[str]) -> bool:
    """Whether `argv` (after `sketch`) is `check` or `lint` with paths and nothing else.
    (`render` takes the typer path: its drafts, banner and options live in one place.)"""
    if len(argv) < 2 or any(a.startswith("-") for a in argv[1:]):
        return False
    return argv[0] in ("check", "lint")


def run(argv: list[str]) -> int:
    """Run the command in `argv` (one that `handles`); returns the exit code."""
    from sketch.loading.inputs import forget_inputs

    paths = [Path(word) for word in argv[1:]]
    commands = {"check": _check, "lint": _lint}
    forget_inputs()  # as the typer commands do before their body
    try:
        return commands[argv[0]](paths)
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


def _lint(files: list[Path]) -> int:
    # The same steps and words as sketch.cli.commands.lint.lint with no options.
    from sketch.cli.output import error
    from sketch.cli.terminal import terminal_report
    from sketch.errors import ExitCode
    from sketch.linting import RuleCrashed
    from sketch.linting.report import text
    from sketch.linting.run import Linter, Options
    from sketch.loading import LoadError
    from sketch.loading.discover import design_files

    linter = Linter(Options())
    reports, unloadable = [], 0
    for path in design_files(files):
        try:
            reports.append(linter.lint_file(path))
        except LoadError as exc:  # on stderr, as the command does
            error(str(exc))
            unloadable += 1
        except RuleCrashed as exc:
            return _through_typer_body("_crashed", exc, path)
    styled = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    shown = [terminal_report(r) for r in reports]  # user text made safe before it is styled
    sys.stdout.write(text(shown, style=_style if styled else None, show_suppressed=False))
    if unloadable:
        error(f"{unloadable} design(s) could not be loaded; the others are reported above")
        return ExitCode.USAGE
    errors = any(f.severity == "error" for r in reports for f in r.active)
    return ExitCode.PROBLEMS if errors else ExitCode.OK


def _style(text: str, fg: str | None = None, bold: bool = False, dim: bool = False) -> str:
    """ANSI styles as click.style writes them, for the keywords the lint report uses."""
    codes = [str(_COLOURS[fg])] if fg else []
    codes += ["1"] if bold else []
    codes += ["2"] if dim else []
    return f"\x1b[{';'.join(codes)}m{text}\x1b[0m" if codes else text


def _through_typer_body(helper: str, exc: Exception, path: Path) -> int:
    """A crashed rule is reported by the lint command's own helper."""
    from sketch.cli.commands import lint

    return int(getattr(lint, helper)(exc, path))


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
