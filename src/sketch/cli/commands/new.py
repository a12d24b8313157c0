"""`sketch new NAME`: scaffold a design file from the framework's template."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sketch.cli.application import command
from sketch.cli.output import console, display_path
from sketch.errors import ExitCode, UsageError


@command
def new(
    name: Annotated[str, typer.Argument(help="Design name, e.g. url-shortener.")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Folder for the new design file.")
    ] = Path("designs"),
    yaml: Annotated[
        bool, typer.Option("--yaml", help="Write NAME.yaml, a data file editors can complete.")
    ] = False,
) -> ExitCode:
    """Create OUTPUT/NAME.py (or .yaml) laid out as the four steps, with TODO placeholders.

    It renders at once (`sketch render`, `sketch watch --serve`); `sketch lint` lists the
    TODOs left to fill in, each with its line. --yaml also writes _sketch.schema.json.

    An existing file is never overwritten (exit 2).
    """
    from sketch.rendering.files import write_text_atomic
    from sketch.rendering.skeleton import scaffold, yaml_skeleton

    target = output / f"{name}.{'yaml' if yaml else 'py'}"
    shown = display_path(target)
    # A name unfit for a design is a UsageError, before anything is written.
    text = yaml_skeleton(name) if yaml else scaffold(name, Path(shown))
    if target.exists():
        raise UsageError(
            f"{shown} already exists; it was left as it is",
            "pick another NAME or --output folder, or delete the file first",
        )
    if output.exists() and not output.is_dir():
        raise UsageError(
            f"{display_path(output)} is a file, not a folder", "pass a folder with --output"
        )
    write_text_atomic(target, text)
    console.print(f"wrote {shown}")
    if yaml:  # the modeline points editors at the schema: write it when it is not there yet
        from sketch.rendering.data_file import SCHEMA_FILE
        from sketch.rendering.schema import schema_text

        schema = output / SCHEMA_FILE
        if not schema.exists():
            write_text_atomic(schema, schema_text())
            console.print(f"wrote {display_path(schema)} (editors complete the YAML with it)")
    console.print(
        f"next: `sketch render {shown}` draws it now; replace the TODOs that "
        f"`sketch lint {shown}` lists"
    )
    return ExitCode.OK
