"""`sketch lint FILE...`, `sketch rules` and `sketch rule CODE`: the design review."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from sketch.cli.application import command, show_traceback
from sketch.cli.output import console, error
from sketch.cli.terminal import terminal_report, terminal_safe
from sketch.errors import ExitCode, UsageError, plural


class OutputFormat(StrEnum):
    text = "text"  # three lines a finding: place, `at:` and `help:`
    full = "full"  # text with the source line and a caret (as `--show-source`)
    concise = "concise"  # one line a finding: `file:line:col: CODE [severity] message`
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
    from sketch.linting import REGISTRY, RuleCrashed
    from sketch.linting.run import Linter, Options
    from sketch.linting.settings import UnknownCode, active_rules, split_selectors
    from sketch.loading import LoadError
    from sketch.loading.discover import design_files

    options = Options(
        split_selectors(select) or None, split_selectors(ignore), split_selectors(extend_select)
    )
    try:  # validate the command line before loading anything
        chosen = active_rules(
            REGISTRY, (*(options.select or ("ALL",)), *options.extend_select), options.ignore
        )
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
    # A design that does not load is said before the summary line, which stays the last.
    footer = (
        f"{plural(unloadable, 'design')} could not be loaded (the error is above); "
        "the others are reported here"
        if unloadable
        else None
    )
    if statistics:
        from sketch.linting.report import statistics as count_per_rule

        console.print(count_per_rule(reports), nl=False)
        if footer:
            error(footer)
    else:
        shown = (
            OutputFormat.full
            if show_source and output_format is OutputFormat.text
            else (output_format)
        )
        console.print(_render(reports, shown, show_suppressed, footer), nl=False)
        if footer and shown not in _TEXT_FORMATS:  # machine formats keep stdout parseable
            error(footer)
    if unloadable:  # a design that does not load is a load error, whatever --exit-zero says
        return ExitCode.USAGE
    errors = any(f.severity == "error" for r in reports for f in r.active)
    return ExitCode.PROBLEMS if errors and not exit_zero else ExitCode.OK


_TEXT_FORMATS = (OutputFormat.text, OutputFormat.full, OutputFormat.concise)


def _render(
    reports: list,  # type: ignore[type-arg]
    output_format: OutputFormat,
    show_suppressed: bool,
    footer: str | None = None,
) -> str:
    from sketch.linting import REGISTRY, report, sarif

    if output_format is OutputFormat.json:
        return report.as_json(reports)
    if output_format is OutputFormat.sarif:
        return sarif.as_sarif(reports, REGISTRY)
    if output_format is OutputFormat.github:
        return terminal_safe(report.github(reports))
    style = console.style  # colour as every command does: NO_COLOR, FORCE_COLOR, a terminal
    shown = [terminal_report(r) for r in reports]  # user text made safe before it is styled
    if output_format is OutputFormat.concise:
        return report.concise(shown, style=style, show_suppressed=show_suppressed, footer=footer)
    return report.text(
        shown,
        style=style,
        show_suppressed=show_suppressed,
        show_source=output_format is OutputFormat.full,
        footer=footer,
        clean=terminal_safe,
    )


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
