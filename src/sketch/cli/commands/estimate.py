"""`sketch estimate FILE`: the requirements template filled in with back-of-the-envelope figures."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from sketch.cli.application import command
from sketch.cli.output import console
from sketch.cli.terminal import terminal_safe
from sketch.errors import ExitCode, UsageError


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
    scale: Annotated[
        str,
        typer.Option(
            "--scale",
            metavar="K",
            help="What if traffic were K times today's (any positive number, e.g. 10 or 0.5).",
        ),
    ] = "1",
) -> ExitCode:
    """Back-of-the-envelope estimates from the design's requirements, with their derivation,
    and the load each component carries along the flows: what it can carry, and at which
    multiple of today's traffic it saturates.

    Fills in the guide's requirements template: scope, scale, latency, consistency, availability.

    --scale 10 answers the guide's "what happens if traffic increases 10x?": everything is
    recomputed at 10 times the traffic, and the first component to saturate is named.

    Defaults come from \\[tool.sketch.estimate] and \\[tool.sketch.capacity.<kind or
    technology>] in pyproject.toml; flags win.

    Missing inputs are named, never guessed.
    """
    import json

    from sketch.checking import load_checked
    from sketch.estimating import estimate as estimate_design
    from sketch.estimating import route_load
    from sketch.estimating.project import project_estimating
    from sketch.estimating.whatif import scaled_design
    from sketch.rendering.estimates import derivation, estimates_data, requirements_text
    from sketch.rendering.load import load_data, load_sections, scale_said

    k = _scale(scale)
    # The estimates need no reference to hold, so check problems do not stop them.
    checked = load_checked(file)
    design, project = checked.design, project_estimating(checked.settings)
    overrides = {"month": month, "units": units}
    conventions = project.conventions.model_copy(
        update={key: str(value) for key, value in overrides.items() if value is not None}
    )
    # At --scale K the figures are those of the design with K times its users and rates.
    scaled = scaled_design(design, k)
    estimates = estimate_design(scaled, conventions)
    load = route_load(design, conventions, scale=k, catalogue=project.catalogue)
    if output_format is OutputFormat.json:
        data = {**estimates_data(scaled, estimates), "scale": k, "load": load_data(load)}
        console.print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        said = {step for _, steps in derivation(estimates) for step in steps}
        box = (f"LOAD ALONG THE FLOWS (at {scale_said(load)})", load_sections(load, said))
        if k != 1:
            console.print(
                f"What if: {scale_said(load)} (every user count and rate of the design "
                f"multiplied by {k:g}).\n"
            )
        console.print(terminal_safe(requirements_text(scaled, estimates, more=[box])), nl=False)
    return ExitCode.OK


def _scale(text: str) -> float:
    """`--scale`: a positive finite number; 10, 0.5, 1e3 and 10x are all understood."""
    from sketch.estimating.whatif import check_scale

    try:
        return check_scale(float(text.strip().removesuffix("x").removesuffix("X")))
    except ValueError:
        raise UsageError(
            f"--scale {text!r}: not a positive finite number",
            "give the multiple of today's traffic, e.g. --scale 10 or --scale 0.5",
        ) from None
