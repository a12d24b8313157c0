"""`sketch check FILE...`: framework limits and cross-references."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sketch.cli.application import command, show_traceback
from sketch.cli.output import console, error, problem_text
from sketch.errors import ExitCode, plural


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
        # By place in the file, as ruff sorts: not by which check found the problem.
        for problem in sorted(checked.problems, key=lambda p: p.sort_key):
            console.print(problem_text(problem, path))
    designs = plural(len(paths), "design")
    if unloadable:
        console.failure(
            f"{unloadable} of {designs} could not be loaded; "
            f"{plural(total, 'problem')} in the others"
        )
        return ExitCode.USAGE
    if total:
        console.failure(f"{plural(total, 'problem')} in {designs}")
        return ExitCode.PROBLEMS
    console.success(f"{designs} checked: no problems")
    return ExitCode.OK
