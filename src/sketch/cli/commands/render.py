"""`sketch render FILE...`: the architecture diagram (PNG, SVG, DOT) and design.md per design."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sketch.cli.application import command
from sketch.cli.render_files import DEFAULT_FORMATS, DirectionChoice, ThemeChoice, render_files
from sketch.errors import ExitCode

DirectionOption = Annotated[
    DirectionChoice,
    typer.Option("--direction", "-d", help="Layout: LR (left to right) or TB (top to bottom)."),
]
ThemeOption = Annotated[
    ThemeChoice, typer.Option("--theme", help="Diagram colours: light or dark.")
]


@command
def render(
    files: Annotated[list[Path], typer.Argument(help="Design files or folders of designs.")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Folder to write <design name>/ into.")
    ] = Path("output"),
    formats: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="Comma-separated outputs: png, svg, dot, md (the default set), html, "
            "mermaid, openapi, sql; or `all`.",
            show_default="png,svg,dot,md",
        ),
    ] = DEFAULT_FORMATS,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs", "-j", min=1, help="Designs rendered at once (default: one per core)."
        ),
    ] = None,
    direction: DirectionOption = DirectionChoice.LR,
    theme: ThemeOption = ThemeChoice.light,
) -> ExitCode:
    """Render designs: architecture.png/.svg/.dot and design.md in OUTPUT/<name>/.

    Each design is checked first. A design with problems is still drawn, as a draft: the
    picture, design.md and design.html carry a "draft: N problems" banner, the problems
    are printed, and the exit code is 1. Several designs (a folder, or many files) render
    in parallel with a progress bar, and one broken design does not stop the others.
    """
    return render_files(
        files, output=output, formats=formats, jobs=jobs, direction=direction, theme=theme
    )
