"""What `sketch check FILE...` does and prints, without the CLI framework: the typer command
and the fast path (`sketch.cli.fast`, which skips typer's import) both call it, so the two
cannot say different things."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sketch.cli.output import console, error, problem_text
from sketch.errors import ExitCode, plural


def check_files(
    files: list[Path], on_load_error: Callable[[BaseException], None] | None = None
) -> ExitCode:
    """Check every design under `files`; print each problem and a summary line."""
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
            if on_load_error is not None:
                on_load_error(exc)
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
