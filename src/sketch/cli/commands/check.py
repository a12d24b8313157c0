"""`sketch check FILE...`: framework limits and cross-references."""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import Annotated

import typer

from sketch.cli.app import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    app,
    display_path,
    error,
    run,
    state,
)
from sketch.errors import Problem


def format_problem(problem: Problem, file: str) -> str:
    where = (
        display_path(problem.source.file) + f":{problem.source.line}" if problem.source else file
    )
    text = f"{where}: {problem.code} {problem.message}"
    if problem.path:
        text += f"\n  at: {problem.path}"
    if problem.hint:
        text += f"\n  help: {problem.hint}"
    return text


@app.command()
def check(
    files: Annotated[list[Path], typer.Argument(help="Design files or folders of designs.")],
) -> None:
    """Check designs against the framework's limits and their own cross-references.

    Reports every problem at once. Exit code 1 when any problem is found.
    """

    def body() -> int:
        from sketch.check import check as check_design
        from sketch.load import LoadError, load_design
        from sketch.load.settings import load_config

        total, unloadable = 0, 0
        from sketch.load.discover import design_files

        paths = design_files(files)
        for path in paths:
            try:
                loaded = load_design(path)
            except LoadError as exc:  # reported, and the other files are still checked
                error(str(exc))
                if state.debug:
                    typer.echo("".join(traceback.format_exception(exc)), err=True)
                unloadable += 1
                continue
            problems = check_design(loaded.design, load_config(path).limits)
            total += len(problems)
            for problem in problems:
                typer.echo(format_problem(problem, display_path(path)))
        noun = "design" if len(paths) == 1 else "designs"
        if unloadable:
            typer.secho(
                f"{unloadable} of {len(paths)} {noun} could not be loaded; "
                f"{total} problem(s) in the others",
                fg=typer.colors.RED,
            )
            return EXIT_USAGE
        if total:
            typer.secho(f"{total} problem(s) in {len(paths)} {noun}", fg=typer.colors.RED)
            return EXIT_PROBLEMS
        typer.secho(f"{len(paths)} {noun} checked: no problems", fg=typer.colors.GREEN)
        return EXIT_OK

    run(body)
