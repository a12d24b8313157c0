"""Many designs rendered with a progress display: a rich bar on a terminal, plain lines in a log."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from sketch.cli.output import colour_for, problem_text
from sketch.cli.terminal import terminal_safe
from sketch.errors import ExitCode, plural
from sketch.rendering.batch import DesignOutcome, Progress, Status, render_many
from sketch.rendering.options import DEFAULT_OPTIONS, RenderOptions


def report_many(
    paths: Sequence[Path],
    out_dir: Path,
    formats: Iterable[str] = (),
    jobs: int | None = None,
    stream: IO[str] | None = None,
    options: RenderOptions = DEFAULT_OPTIONS,
) -> ExitCode:
    """`render_many` with a progress display, every problem printed, a summary line; exit code."""
    out = stream or sys.stdout
    with progress_display(len(paths), out) as progress:
        result = render_many(paths, out_dir, formats, jobs=jobs, progress=progress, options=options)
    print(result.summary(), file=out, flush=True)
    return result.exit_code


@contextmanager
def progress_display(total: int, stream: IO[str]) -> Iterator[Progress]:
    """A rich progress bar when `stream` is a terminal, one plain line per design otherwise."""
    if not stream.isatty():
        yield _plain_lines(stream)
        return
    from rich.console import Console  # only terminals pay for rich
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    colour = colour_for(stream)  # the policy every command follows (NO_COLOR, FORCE_COLOR)
    console = Console(file=stream, highlight=False, no_color=not colour, force_terminal=True)
    columns = ("{task.description}", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    # auto_refresh=False: no refresh thread, so the pool can still fork cheaply.
    with Progress(*columns, console=console, transient=True, auto_refresh=False) as bar:
        task = bar.add_task("rendering", total=total)

        def advance(done: int, total: int, outcome: DesignOutcome) -> None:
            for message in messages(outcome):
                bar.console.print(message, markup=False, style="red")
            bar.update(task, completed=done, description=terminal_safe(outcome.path.name))
            bar.refresh()

        yield advance


def _plain_lines(stream: IO[str]) -> Progress:
    def line(done: int, total: int, outcome: DesignOutcome) -> None:
        width = len(str(total))
        if outcome.status is Status.draft:
            text = (
                f"rendered {outcome.name} as a draft ({plural(len(outcome.files), 'file')}, "
                f"{plural(len(outcome.problems), 'problem')})"
            )
        elif outcome.ok:
            text = f"rendered {outcome.name} ({plural(len(outcome.files), 'file')})"
        else:
            text = outcome.status.value
        line = f"[{done:>{width}}/{total}] {outcome.path}: {text}"
        print(terminal_safe(line), file=stream, flush=True)
        for message in messages(outcome):
            print(message, file=stream, flush=True)

    return line


def messages(outcome: DesignOutcome) -> list[str]:
    """What to print for one design: the error that stopped it, or each of its problems."""
    shown = [terminal_safe(outcome.error)] if outcome.error else []
    return shown + [problem_text(p, outcome.path) for p in outcome.problems]
