"""What `sketch lint FILE...` does and prints, without the CLI framework: the typer command
and the fast path (`sketch.cli.fast`, which skips typer's import) both call `lint_files`, so
the two cannot say different things; the command's options are its keyword arguments, with
the same defaults (tests/cli/test_fast_path.py compares them)."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

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


def lint_files(
    files: list[Path],
    *,
    select: list[str] | None = None,
    extend_select: list[str] | None = None,
    ignore: list[str] | None = None,
    output_format: OutputFormat = OutputFormat.text,
    show_source: bool = False,
    statistics: bool = False,
    exit_zero: bool = False,
    show_suppressed: bool = False,
    on_crash: Callable[[BaseException], None] | None = None,
) -> ExitCode:
    """Lint every design under `files` and print the report; `on_crash` hears of a rule
    that raised (the typer command shows its traceback under --debug)."""
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
            return _crashed(exc, path, on_crash)
    # A design that does not load is said (on stderr) before the summary line, which counts
    # it; machine formats keep stdout parseable and say it on stderr after.
    not_loaded = (
        f"{plural(unloadable, 'design')} could not be loaded (the error is above)"
        if unloadable
        else None
    )
    if statistics:
        from sketch.linting.report import statistics as count_per_rule

        console.print(count_per_rule(reports), nl=False)
        if not_loaded:
            error(not_loaded)
    else:
        shown = (
            OutputFormat.full
            if show_source and output_format is OutputFormat.text
            else output_format
        )
        console.print(_render(reports, shown, show_suppressed, unloadable), nl=False)
        if not_loaded and shown not in _TEXT_FORMATS:
            error(not_loaded)
    if unloadable:  # a design that does not load is a load error, whatever --exit-zero says
        return ExitCode.USAGE
    errors = any(f.severity == "error" for r in reports for f in r.active)
    return ExitCode.PROBLEMS if errors and not exit_zero else ExitCode.OK


_TEXT_FORMATS = (OutputFormat.text, OutputFormat.full, OutputFormat.concise)


def _render(
    reports: list,  # type: ignore[type-arg]
    output_format: OutputFormat,
    show_suppressed: bool,
    unloadable: int = 0,
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
        return report.concise(
            shown, style=style, show_suppressed=show_suppressed, unloadable=unloadable
        )
    return report.text(
        shown,
        style=style,
        show_suppressed=show_suppressed,
        show_source=output_format is OutputFormat.full,
        unloadable=unloadable,
        clean=terminal_safe,
    )


def _crashed(
    exc: Exception, path: Path, on_crash: Callable[[BaseException], None] | None
) -> ExitCode:
    from sketch.errors import relative_path

    error(
        f"internal error: {exc} (while linting {relative_path(path)})",
        "this is a bug in the rule; rerun with --debug for the traceback and report it, "
        "or --ignore the rule meanwhile",
    )
    if on_crash is not None:
        on_crash(exc)
    return ExitCode.INTERNAL
