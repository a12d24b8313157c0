"""`sketch check FILE...`: framework limits and cross-references."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sketch.cli.application import command, show_traceback
from sketch.cli.output import error, problem_text
from sketch.errors import ExitCode


@command
def check(
    files: Annotated[list[Path], typer.Argument(help="Design files or folders of designs.")],
) -> ExitCode:
    """Check designs against the framework's limits and their own cross-references.

    Reports every problem at once. Exit code 1 when any problem is found.
    """
    from sketch.checking import load_checked
    from sketch.loading import LoadError
    from sketch.loading.discover import design_files

    total, unloadable = 0, 0
    paths = design_files(files)
    for path in paths:
        try:
            checked = load_checked(path)
        except LoadError as exc:  # reported, and the other files are still checked
            error(str(exc))
            show_traceback(exc)
            unloadable += 1
            continue
        total += len(checked.problems)
        for problem in checked.problems:
            typer.echo(problem_text(problem, path))
    noun = "design" if len(paths) == 1 else "designs"
    if unloadable:
        typer.secho(
            f"{unloadable} of {len(paths)} {noun} could not be loaded; "
            f"{total} problem(s) in the others",
            fg=typer.colors.RED,
        )
        return ExitCode.USAGE
    if total:
        typer.secho(f"{total} problem(s) in {len(paths)} {noun}", fg=typer.colors.RED)
        return ExitCode.PROBLEMS
    typer.secho(f"{len(paths)} {noun} checked: no problems", fg=typer.colors.GREEN)
    return ExitCode.OK
