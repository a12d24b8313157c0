"""`sketch convert FILE [-o OUT]`: a design (Python, YAML or JSON) as a YAML or JSON data file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sketch.cli.application import command
from sketch.cli.output import console, display_path, stdout_is_terminal
from sketch.cli.terminal import terminal_safe
from sketch.errors import ExitCode, UsageError

FORMATS = ("yaml", "json")


def output_format(output: Path | None, asked: str | None) -> str:
    """The asked format; else the output's suffix; else YAML."""
    if asked is not None:
        if asked.lower() not in FORMATS:
            raise UsageError(f"unknown format '{asked}'", "use --format yaml or --format json")
        return asked.lower()
    if output is not None and output.suffix.lower() == ".json":
        return "json"
    return "yaml"


def emit(text: str, output: Path | None) -> None:
    """Write `text` to `output` atomically, or to stdout when no output is given."""
    if output is None:  # a document on a terminal is shown, never obeyed
        console.print(terminal_safe(text) if stdout_is_terminal() else text, nl=False)
        return
    from sketch.rendering.files import write_text_atomic

    if output.is_dir():
        raise UsageError(f"{display_path(output)} is a folder", "give a file name for -o")
    write_text_atomic(output, text)
    console.print(f"wrote {display_path(output)}", err=True)


@command
def convert(
    file: Annotated[Path, typer.Argument(help="A design file: .py, .yaml, .yml or .json.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write; stdout when omitted.")
    ] = None,
    format: Annotated[
        str | None, typer.Option("--format", "-f", help="yaml or json; default from -o, else yaml.")
    ] = None,
) -> ExitCode:
    """Convert a design to a YAML (or JSON) data file that loads back into the same design.

    Keys follow the model's order; fields left at their defaults are omitted.
    """
    from sketch.loading import load_design
    from sketch.rendering.data_file import to_json, to_yaml

    kind = output_format(output, format)
    design = load_design(file).design
    text = to_json(design) if kind == "json" else to_yaml(design, file.name)
    emit(text, output)
    return ExitCode.OK
