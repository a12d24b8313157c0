"""`sketch export FILE --format openapi|sql`: the design's API and tables for other tools."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sketch.cli.app import EXIT_OK, EXIT_PROBLEMS, UsageProblem, app, display_path, run

EXPORTS = ("openapi", "sql")


@app.command()
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
) -> None:
    """Export the design as an OpenAPI 3.1 document or as SQL DDL (CREATE TABLE, INDEX).

    The design is checked first; when it has problems they are printed, nothing is written
    and the exit code is 1.
    """

    def body() -> int:
        from sketch.cli.commands.convert import emit
        from sketch.render.sql import DIALECTS

        kind = format.lower()
        if kind not in EXPORTS:
            raise UsageProblem(f"unknown export format '{format}'", "use --format openapi or sql")
        if dialect.lower() not in DIALECTS:
            raise UsageProblem(
                f"unknown SQL dialect '{dialect}'", f"use --dialect {' or '.join(DIALECTS)}"
            )
        design = _checked(file)
        if design is None:
            return EXIT_PROBLEMS
        emit(export_text(design, kind, dialect.lower(), output), output)
        return EXIT_OK

    run(body)


def export_text(design: object, kind: str, dialect: str, output: Path | None) -> str:
    import json

    from sketch.model import Design
    from sketch.render.data_file import dump_yaml
    from sketch.render.openapi import openapi_document
    from sketch.render.sql import sql_ddl

    assert isinstance(design, Design)
    if kind == "sql":
        return sql_ddl(design, dialect)
    document = openapi_document(design)
    if output is not None and output.suffix.lower() in (".yaml", ".yml"):
        return dump_yaml(document)
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _checked(file: Path) -> object | None:
    from sketch.check import check as check_design
    from sketch.cli.commands.check import format_problem
    from sketch.load import load_design
    from sketch.load.settings import load_config

    design = load_design(file).design
    problems = check_design(design, load_config(file).limits)
    for problem in problems:
        typer.echo(format_problem(problem, display_path(file)), err=True)
    if problems:
        typer.secho(
            f"{len(problems)} problem(s): nothing exported; fix them and rerun",
            fg=typer.colors.RED,
            err=True,
        )
        return None
    return design
