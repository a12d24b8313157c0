"""`sketch lint FILE...`, `sketch rules` and `sketch rule CODE`: the design review."""

from __future__ import annotations

import json
import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from sketch.cli.application import command, show_traceback
from sketch.cli.output import error, stdout_is_terminal
from sketch.cli.terminal import terminal_report, terminal_safe
from sketch.errors import ExitCode, UsageError


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"


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


@command
def lint(
    files: Annotated[list[Path], typer.Argument(help="Design files or folders of designs.")],
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="text, json, sarif (2.1.0) or github.")
    ] = OutputFormat.text,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when errors are found.")
    ] = False,
    show_suppressed: Annotated[
        bool, typer.Option("--show-suppressed", help="List suppressed findings and reasons.")
    ] = False,
) -> ExitCode:
    """Review designs the way a demanding interviewer would.

    `sketch rules` lists the rules; `sketch rule CODE` explains one. `sketch check` runs first.

    Exit: 0 clean, 1 an error-severity finding remains, 2 usage error, 3 a rule crashed.
    """
    from sketch.linting import REGISTRY, RuleCrashed
    from sketch.linting.run import Linter, Options
    from sketch.linting.settings import UnknownCode, active_rules, split_selectors
    from sketch.loading import LoadError
    from sketch.loading.discover import design_files

    options = Options(split_selectors(select) or None, split_selectors(ignore))
    try:  # validate the command line before loading anything
        chosen = active_rules(REGISTRY, options.select or ("ALL",), options.ignore)
    except UnknownCode as exc:
        raise UsageError(
            str(exc), "pass codes such as D301, prefixes such as D3, or rule names"
        ) from exc
    if not chosen and (options.select or options.ignore):  # "All clear" would be a lie
        raise UsageError(
            "--select and --ignore leave no rule to run",
            "ignore fewer rules, or select more (`sketch rules` lists them)",
        )
    linter = Linter(options)
    reports, unloadable = [], 0
    for path in design_files(files):
        try:
            reports.append(linter.lint_file(path))
        except LoadError as exc:  # on stderr, so json/sarif on stdout stay valid
            error(str(exc))
            unloadable += 1
        except RuleCrashed as exc:
            return _crashed(exc, path)
    typer.echo(_render(reports, output_format, show_suppressed), nl=False)
    if unloadable:  # a design that does not load is a load error, whatever --exit-zero says
        error(f"{unloadable} design(s) could not be loaded; the others are reported above")
        return ExitCode.USAGE
    errors = any(f.severity == "error" for r in reports for f in r.active)
    return ExitCode.PROBLEMS if errors and not exit_zero else ExitCode.OK


def _render(reports: list, output_format: OutputFormat, show_suppressed: bool) -> str:  # type: ignore[type-arg]
    from sketch.linting import REGISTRY, report, sarif

    if output_format is OutputFormat.json:
        return report.as_json(reports)
    if output_format is OutputFormat.sarif:
        return sarif.as_sarif(reports, REGISTRY)
    if output_format is OutputFormat.github:
        return terminal_safe(report.github(reports))
    # Colour on a terminal only, and never when NO_COLOR is set (https://no-color.org).
    style = typer.style if stdout_is_terminal() and not os.environ.get("NO_COLOR") else None
    shown = [terminal_report(r) for r in reports]  # user text made safe before it is styled
    return report.text(shown, style=style, show_suppressed=show_suppressed)


def _crashed(exc: Exception, path: Path) -> ExitCode:
    from sketch.errors import relative_path

    error(
        f"internal error: {exc} (while linting {relative_path(path)})",
        "this is a bug in the rule; rerun with --debug for the traceback and report it, "
        "or --ignore the rule meanwhile",
    )
    show_traceback(exc)
    return ExitCode.INTERNAL


@command
def rules(
    output_format: Annotated[
        ListFormat, typer.Option("--format", help="text, json or markdown (the full docs).")
    ] = ListFormat.text,
) -> ExitCode:
    """List every lint rule: code, name, severity, framework step and summary."""

    from sketch.linting import REGISTRY
    from sketch.linting.docs import catalogue_markdown, catalogue_text, rule_json

    if output_format is ListFormat.markdown:
        typer.echo(catalogue_markdown(REGISTRY), nl=False)
    elif output_format is ListFormat.json:
        typer.echo(json.dumps([rule_json(r) for r in REGISTRY], indent=2))
    else:
        typer.echo(catalogue_text(REGISTRY), nl=False)
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
        typer.echo(rule_text(found), nl=False)
        return ExitCode.OK
    entry = check_code(code)
    if entry is None:
        known = [r.code for r in REGISTRY] + [r.name for r in REGISTRY]
        known += [c.code for c in CHECK_CODES] + [c.name for c in CHECK_CODES]
        raise UsageError(
            f"no rule '{code}' ({did_you_mean(code, known)})", "`sketch rules` lists every rule"
        )
    typer.echo(check_code_text(entry), nl=False)
    return ExitCode.OK
