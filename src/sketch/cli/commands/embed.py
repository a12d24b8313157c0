"""`sketch embed NOTE...`: regenerate the `<!-- sketch: ... -->` regions of Markdown notes."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sketch.cli.application import command
from sketch.cli.output import console, display_path, error
from sketch.cli.terminal import terminal_safe
from sketch.errors import ExitCode


@command
def embed(
    notes: Annotated[list[Path], typer.Argument(help="Markdown notes, or folders of notes.")],
    check: Annotated[
        bool,
        typer.Option(
            "--check", help="Write nothing; exit 1 with a diff when a note is out of date."
        ),
    ] = False,
    keep_images: Annotated[
        bool,
        typer.Option(
            "--keep-images",
            help="Treat existing images as current (draw only missing ones); for machines "
            "whose Graphviz draws different bytes.",
        ),
    ] = False,
    allow_outside_project: Annotated[
        bool,
        typer.Option(
            "--allow-outside-project",
            help="Let markers name designs outside the note's project (the nearest folder "
            "with .git or pyproject.toml). Embedding runs .py designs: allow only for "
            "notes you trust.",
        ),
    ] = False,
) -> ExitCode:
    """Regenerate what lies between `<!-- sketch: DESIGN SECTION -->` and `<!-- /sketch -->`.

    DESIGN is relative to the note's folder and must lie inside the note's project.
    Text outside the markers is never changed.

    Sections: architecture (add png for PNG), mermaid-architecture,
    mermaid-flows, mermaid-er, requirements, estimates, schema, apis,
    flows, bottlenecks, deep-dives, design.

    Exit codes: 0 up to date, 1 out of date (with --check),
    2 bad marker or design.
    """
    from sketch.embedding.plan import Designs, plan_note
    from sketch.errors import EmbedError
    from sketch.loading.discover import note_files

    designs = Designs(allow_outside=allow_outside_project)
    plans, failed = [], False
    for path in note_files(notes):
        try:
            plan = plan_note(path, display_path(path), designs)
            plan.compare_images = not keep_images
            plans.append(plan)
        except EmbedError as exc:
            failed = True
            for problem in exc.problems:
                error(problem.report().replace("\n  help: ", "\nhelp: ", 1))
    if failed:
        console.print("no note was changed", err=True)
        return ExitCode.USAGE
    stale = [plan for plan in plans if plan.stale]
    if check:
        for plan in stale:
            console.print(terminal_safe(plan.diff()), nl=False)
        _summary(len(plans), len(stale), "out of date" if stale else "up to date")
        return ExitCode.PROBLEMS if stale else ExitCode.OK
    for plan in stale:
        for written in plan.apply():
            console.print(f"wrote {display_path(written)}")
    _summary(len(plans), len(stale), "updated" if stale else "up to date")
    return ExitCode.OK


def _summary(total: int, stale: int, state: str) -> None:
    noun = "note" if total == 1 else "notes"
    console.print(
        f"{stale} of {total} {noun} {state}" if stale else f"{total} {noun} {state}", err=True
    )
