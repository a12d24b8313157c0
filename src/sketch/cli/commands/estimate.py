"""`sketch estimate FILE`: the requirements template filled in with back-of-the-envelope figures."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from sketch.cli.application import command
from sketch.cli.output import console
from sketch.cli.terminal import terminal_safe
from sketch.errors import ExitCode


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


class Month(StrEnum):
    days = "30d"
    seconds = "2.5Ms"


class Units(StrEnum):
    decimal = "decimal"
    binary = "binary"


@command
def estimate(
    file: Annotated[Path, typer.Argument(help="A design file.")],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="text for people, json for tools.")
    ] = OutputFormat.text,
    month: Annotated[
        Month | None, typer.Option(help="A month as 30 days or as 2.5M seconds.")
    ] = None,
    units: Annotated[
        Units | None, typer.Option(help="decimal (GB = 10^9 B) or binary (GiB = 2^30 B).")
    ] = None,
) -> ExitCode:
    """Back-of-the-envelope estimates from the design's requirements, with their derivation.

    Fills in the guide's requirements template: scope, scale, latency, consistency, availability.

    Defaults come from \\[tool.sketch.estimate] in pyproject.toml; flags win.

    Missing inputs are named, never guessed.
    """
    import json

    from sketch.checking import load_checked
    from sketch.estimating import conventions_from_settings
    from sketch.estimating import estimate as estimate_design
    from sketch.rendering.estimates import estimates_data, requirements_text

    # The estimates need no reference to hold, so check problems do not stop them.
    checked = load_checked(file)
    design, config = checked.design, checked.settings
    conventions = conventions_from_settings(config.estimate, config.source)
    overrides = {"month": month, "units": units}
    conventions = conventions.model_copy(
        update={key: str(value) for key, value in overrides.items() if value is not None}
    )
    estimates = estimate_design(design, conventions)
    if output_format is OutputFormat.json:
        data = estimates_data(design, estimates)
        console.print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        console.print(terminal_safe(requirements_text(design, estimates)), nl=False)
    return ExitCode.OK
