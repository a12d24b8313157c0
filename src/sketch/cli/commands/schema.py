"""`sketch schema [-o FILE]`: the JSON Schema of design data files, for editors and CI."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sketch.cli.application import command
from sketch.errors import ExitCode


@command
def schema(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write; stdout when omitted.")
    ] = None,
) -> ExitCode:
    """Write the JSON Schema of YAML/JSON designs (same version of sketch, same bytes).

    Save it as _sketch.schema.json beside your YAML designs: their first line,
    `# yaml-language-server: $schema=_sketch.schema.json`, lets editors complete and check
    them (the `_` keeps `sketch check FOLDER` from reading it as a design).
    """
    from sketch.cli.commands.convert import emit
    from sketch.rendering.schema import schema_text

    emit(schema_text(), output)
    return ExitCode.OK
