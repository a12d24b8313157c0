"""`sketch export FILE --format openapi|sql`: the design's API and tables for other tools."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sketch.cli.application import command
from sketch.cli.output import console, problem_text
from sketch.errors import ExitCode, UsageError, plural

if TYPE_CHECKING:
    from sketch.model import Design

EXPORTS = ("openapi", "sql")


@command
def export(
    file: Annotated[Path, typer.Argument(help="A design file: .py, .yaml, .yml or .json.")],
    format: Annotated[str, typer.Option("--format", "-f", help="openapi or sql.")] = "openapi",
    dialect: Annotated[
        str, typer.Option("--dialect", help="SQL dialect: postgresql or sqlite.")
    ] = "postgresql",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="File to write; stdout when omitted. OpenAPI is "
            "JSON, or YAML when the file ends in .yaml/.yml.",
        ),
    ] = None,
) -> ExitCode:
    """Export the design as an OpenAPI 3.1 document or as SQL DDL (CREATE TABLE, INDEX).

    The design is checked first; when it has problems they are printed, nothing is written
    and the exit code is 1.
    """
    from sketch.cli.commands.convert import emit
    from sketch.rendering.sql import DIALECTS

    kind = format.lower()
    if kind not in EXPORTS:
        raise UsageError(f"unknown export format '{format}'", "use --format openapi or sql")
    if dialect.lower() not in DIALECTS:
        raise UsageError(
            f"unknown SQL dialect '{dialect}'", f"use --dialect {' or '.join(DIALECTS)}"
        )
    design = _checked(file)
    if design is None:
        return ExitCode.PROBLEMS
    emit(export_text(design, kind, dialect.lower(), output), output)
    return ExitCode.OK


def export_text(design: Design, kind: str, dialect: str, output: Path | None) -> str:
    from sketch.rendering.data_file import dump_yaml
    from sketch.rendering.openapi import openapi_document, openapi_json
    from sketch.rendering.sql import sql_ddl

    if kind == "sql":
        return sql_ddl(design, dialect)
    if output is not None and output.suffix.lower() in (".yaml", ".yml"):
        return dump_yaml(openapi_document(design))
    return openapi_json(design)


def _checked(file: Path) -> Design | None:
    from sketch.checking import load_checked

    checked = load_checked(file)
    for problem in checked.problems:
        console.print(problem_text(problem, file), err=True)
    if checked.problems:
        console.print(
            f"{plural(len(checked.problems), 'problem')}: nothing exported; fix them and rerun",
            fg="red",
            err=True,
        )
        return None
    return checked.design
