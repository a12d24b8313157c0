"""`sketch capacity`: what one node of each kind and technology is assumed to take, and why."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from sketch.cli.application import command
from sketch.errors import ExitCode


class OutputFormat(StrEnum):
    text = "text"
    markdown = "markdown"


@command
def capacity(
    output_format: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", help="text for people, markdown for docs/capacity.md."),
    ] = OutputFormat.text,
) -> ExitCode:
    """The capacity defaults: requests, writes, storage, memory and connections per node.

    Each figure names its source (the guide, a vendor's benchmark or documented limit, or a
    rule of thumb). Override per component with `capacity=NodeCapacity(...)`, or per kind or
    technology in \\[tool.sketch.capacity.<name>] of pyproject.toml.
    """
    from sketch.rendering.capacity import capacity_markdown, capacity_text

    text = capacity_markdown() if output_format is OutputFormat.markdown else capacity_text()
    typer.echo(text, nl=False)
    return ExitCode.OK
