"""`sketch checklist FILE`: the guide's Final Interview Checklist, ticked from the design."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from sketch.cli.application import command
from sketch.cli.output import stdout_is_terminal
from sketch.cli.terminal import terminal_safe
from sketch.errors import ExitCode


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


@command
def checklist(
    file: Annotated[Path, typer.Argument(help="A design file.")],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="text, json or markdown.")
    ] = OutputFormat.text,
) -> ExitCode:
    """Tick the guide's Final Interview Checklist from the design, step by step.

    Each unticked item says why and how to fix it. Items a file cannot show (thinking out
    loud, hints, time) are not judged here: `sketch drill` judges hints and time.

    Exit code 1 when an item is unticked.
    """
    from sketch.checking import load_checked
    from sketch.estimating import conventions_from_settings, estimate
    from sketch.linting.run import lint_file
    from sketch.practice.checklist import as_data, as_text
    from sketch.practice.checklist import checklist as judge
    from sketch.rendering.practice import checklist_markdown

    checked = load_checked(file)
    settings = checked.settings
    conventions = conventions_from_settings(settings.estimate, settings.source)
    findings = lint_file(file).findings  # with the project's lint settings and suppressions
    design = checked.design
    result = judge(design, findings, estimate(design, conventions), settings.limits)
    if output_format is OutputFormat.json:
        typer.echo(json.dumps(as_data(result), indent=2, ensure_ascii=False))
    elif output_format is OutputFormat.markdown:
        text = checklist_markdown(result)  # a document: shown, never obeyed, on a terminal
        typer.echo(terminal_safe(text) if stdout_is_terminal() else text, nl=False)
    else:
        typer.echo(terminal_safe(as_text(result, design.display_title)), nl=False)
    return ExitCode.PROBLEMS if result.unticked else ExitCode.OK
