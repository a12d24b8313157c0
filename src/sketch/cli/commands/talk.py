"""`sketch talk FILE`: what to say at each step, in the guide's voice, with the design's numbers."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sketch.cli.application import command
from sketch.cli.terminal import terminal_safe
from sketch.errors import ExitCode


@command
def talk(file: Annotated[Path, typer.Argument(help="A design file.")]) -> ExitCode:
    """A talk track for the design: scope, numbers, trade-offs, flows, bottlenecks, decisions.

    Each line is one of the guide's sentences filled in from the design and its estimates:
    "With 200M DAU and 1.4M reads/s at peak, a single PostgreSQL instance can handle ~10K
    QPS, so we'd need read replicas or sharding." The HTML page carries it as speaker notes.
    """
    from sketch.checking import load_checked
    from sketch.estimating import estimate
    from sketch.estimating.project import project_estimating
    from sketch.practice.talk import as_text, talk_track

    checked = load_checked(file)
    project = project_estimating(checked.settings)  # [tool.sketch.estimate] and .capacity
    design = checked.design
    parts = talk_track(design, estimate(design, project.conventions), project.catalogue)
    typer.echo(terminal_safe(as_text(parts, design.display_title)), nl=False)
    return ExitCode.OK
