"""`sketch lint FILE...`, `sketch rules` and `sketch rule CODE`: the design review."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from sketch.cli.application import command, show_traceback
from sketch.cli.lint_files import OutputFormat, lint_files
from sketch.cli.output import console
from sketch.errors import ExitCode, UsageError


class ListFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


SelectOption = Annotated[
    list[str] | None,
    typer.Option(
        "--select",
        help="Only these rules: codes, prefixes (D3) or names; "
        "comma-separated or repeated. Replaces the configured selection.",
    ),
]
IgnoreOption = Annotated[
    list[str] | None,
    typer.Option("--ignore", help="Skip these rules (codes, prefixes or names)."),
]
ExtendSelectOption = Annotated[
    list[str] | None,
    typer.Option(
        "--extend-select", help="Add these rules to the selection (configured or --select)."
    ),
]


@command
def lint(
    files: Annotated[list[Path], typer.Argument(help="Design files or folders of designs.")],
    select: SelectOption = None,
    extend_select: ExtendSelectOption = None,
    ignore: IgnoreOption = None,
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--output-format",
            "--format",
            "-f",
            help="text, full (with the source line), concise (one line each), json, "
            "sarif (2.1.0) or github.",
        ),
    ] = OutputFormat.text,
    show_source: Annotated[
        bool, typer.Option("--show-source", help="Show each finding's source line (as full).")
    ] = False,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Count the findings per rule instead.")
    ] = False,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when errors are found.")
    ] = False,
    show_suppressed: Annotated[
        bool, typer.Option("--show-suppressed", help="List suppressed findings and reasons.")
    ] = False,
) -> ExitCode:
    """Review designs the way a demanding interviewer would.

    `sketch rules` lists the rules; `sketch rule CODE` explains one. `sketch check` runs first.

    Settings live in pyproject.toml under [tool.sketch.lint] (the nearest one above the
    design): select, extend-select, ignore, extend-ignore, per-file-ignores (glob ->
    codes), severity (code -> error, warning or info) and thresholds (`sketch rule CODE`
    names those a rule reads). A typo in them is an error with the line and the closest key.

    Exit: 0 clean, 1 an error-severity finding remains, 2 usage error, 3 a rule crashed.
    """
    return lint_files(
        files,
        select=select,
        extend_select=extend_select,
        ignore=ignore,
        output_format=output_format,
        show_source=show_source,
        statistics=statistics,
        exit_zero=exit_zero,
        show_suppressed=show_suppressed,
        on_crash=show_traceback,
    )


@command
def rules(
    output_format: Annotated[
        ListFormat,
        typer.Option("--format", "-f", help="text, json or markdown (the full docs)."),
    ] = ListFormat.text,
) -> ExitCode:
    """List every lint rule: code, name, severity, framework step and summary."""

    from sketch.linting import REGISTRY
    from sketch.linting.docs import catalogue_markdown, catalogue_text, rule_json

    if output_format is ListFormat.markdown:
        console.print(catalogue_markdown(REGISTRY), nl=False)
    elif output_format is ListFormat.json:
        console.print(json.dumps([rule_json(r) for r in REGISTRY], indent=2))
    else:
        console.print(catalogue_text(REGISTRY), nl=False)
    return ExitCode.OK


@command
def rule_doc(
    code: Annotated[
        str, typer.Argument(help="A rule code (D301), a check code (C301) or a rule name.")
    ],
) -> ExitCode:
    """Explain one rule or check code: what it checks, why it matters, a bad example, the fix."""

    from sketch.checking.codes import CHECK_CODES, check_code
    from sketch.errors import did_you_mean
    from sketch.linting import REGISTRY
    from sketch.linting.docs import check_code_text, rule_text

    found = REGISTRY.get(code)
    if found is not None:
        console.print(rule_text(found), nl=False)
        return ExitCode.OK
    entry = check_code(code)
    if entry is None:
        known = [r.code for r in REGISTRY] + [r.name for r in REGISTRY]
        known += [c.code for c in CHECK_CODES] + [c.name for c in CHECK_CODES]
        raise UsageError(
            f"no rule '{code}' ({did_you_mean(code, known)})", "`sketch rules` lists every rule"
        )
    console.print(check_code_text(entry), nl=False)
    return ExitCode.OK
