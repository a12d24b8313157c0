"""Findings as text (ruff style: full with the source line, or concise), statistics, JSON and
GitHub workflow annotations. SARIF: `sarif.py`."""

from __future__ import annotations

import functools
import json
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from sketch.errors import Problem, Severity, relative_path
from sketch.linting.run import DesignReport

Style = Callable[..., str]
_COLOURS = {Severity.error: "red", Severity.warning: "yellow", Severity.info: "blue"}


def where(finding: Problem, report: DesignReport) -> tuple[str, int | None]:
    if finding.source is not None:
        return relative_path(finding.source.file), finding.source.line
    return relative_path(report.file), None


def _plain(text: str, **_: object) -> str:
    return text


def text(
    reports: Sequence[DesignReport],
    *,
    style: Style | None = None,
    show_suppressed: bool = False,
    show_source: bool = False,
    unloadable: int = 0,
    clean: Callable[[str], str] | None = None,
) -> str:
    """ruff-style text. `style` colours it (the CLI passes `typer.style` on a terminal);
    `show_source` adds the line each finding was declared on, with a caret under it;
    `unloadable` designs (their errors are on stderr) are counted in the summary line."""
    style = style or _plain
    lines: list[str] = []
    for report in reports:
        shown = report.findings if show_suppressed else report.active
        if not shown and not report.skipped_rules:
            continue
        lines.append(style(f"{relative_path(report.file)}: design '{report.name}'", bold=True))
        for finding in shown:
            lines += _finding_lines(finding, report, style)
            if show_source and finding.source is not None:
                lines += source_frame(
                    finding.source.file, finding.source.line, finding.source.column, style, clean
                )
        if report.skipped_rules:
            lines.append(style(f"  note: {report.skipped_rules}", fg="yellow"))
        lines.append("")
    lines.append(summary(reports, style, unloadable))
    return "\n".join(lines) + "\n"


def concise(
    reports: Sequence[DesignReport],
    *,
    style: Style | None = None,
    show_suppressed: bool = False,
    unloadable: int = 0,
) -> str:
    """One line per finding, `file:line:col: CODE [severity] message`, as editors' problem
    matchers read them (column 1 when only the line is known), then the summary."""
    style = style or _plain
    lines = []
    for report in reports:
        for finding in report.findings if show_suppressed else report.active:
            file, line = where(finding, report)
            place = f"{file}:{line or 1}:{_column(finding)}"
            severity = style(f"[{finding.severity.value}]", fg=_COLOURS[finding.severity])
            suppressed = " (suppressed)" if finding.suppressed is not None else ""
            lines.append(
                f"{style(place, bold=True)}: {style(finding.code, bold=True)} {severity} "
                f"{finding.message}{suppressed}"
            )
        if report.skipped_rules:
            lines.append(f"{relative_path(report.file)}:1:1: note: {report.skipped_rules}")
    lines.append(summary(reports, style, unloadable))
    return "\n".join(lines) + "\n"


def source_frame(
    file: str,
    line: int | None,
    column: int | None = None,
    style: Style | None = None,
    clean: Callable[[str], str] | None = None,
) -> list[str]:
    """The declaration's line with its number, and a caret under where it starts::

       |
    81 |     Component(name="lb", kind="load_balancer", label="Load Balancer", tier="Edge"),
       |     ^
    """
    style = style or _plain
    text = _source_line(file, line) if line else None
    if text is None or not line:
        return []
    start = (column - 1) if column else len(text) - len(text.lstrip())
    if clean is not None:  # the file's own text, shown, never obeyed by the terminal
        text = clean(text)
    gutter = " " * len(str(line))
    bar = style("|", fg="blue", bold=True)
    return [
        f"   {gutter} {bar}",
        f"   {style(str(line), fg='blue', bold=True)} {bar} {text}",
        f"   {gutter} {bar} {' ' * start}{style('^', fg='red', bold=True)}",
    ]


def _column(finding: Problem) -> int:
    """The 1-based column: the data file's, else where the declaring line's text starts."""
    src = finding.source
    if src is None or not src.line:
        return 1
    if src.column:
        return src.column
    text = _source_line(src.file, src.line)
    return len(text) - len(text.lstrip()) + 1 if text else 1


@functools.lru_cache(maxsize=64)
def _lines(file: str) -> tuple[str, ...] | None:
    try:
        return tuple(Path(file).read_text(encoding="utf-8").splitlines())
    except (OSError, UnicodeDecodeError):
        return None


def _source_line(file: str, line: int) -> str | None:
    lines = _lines(file)
    if lines is None or not 0 < line <= len(lines):
        return None
    return lines[line - 1].expandtabs(4).rstrip()


def statistics(reports: Sequence[DesignReport]) -> str:
    """Findings counted per rule, most frequent first (ruff's `--statistics`)."""
    tally: Counter[tuple[str, str, str]] = Counter(
        (f.code, f.rule, f.severity.value) for r in reports for f in r.active
    )
    rows = sorted(tally.items(), key=lambda item: (-item[1], item[0][0]))
    width = max((len(str(n)) for _, n in rows), default=1)
    lines = [f"{n:>{width}}  {code:<5} {sev:<7} {name}" for (code, name, sev), n in rows]
    return "\n".join(lines) + ("\n" if lines else "")


def _finding_lines(finding: Problem, report: DesignReport, style: Style) -> list[str]:
    file, line = where(finding, report)
    place = f"{file}:{line}" if line else file
    severity = style(f"[{finding.severity.value}]", fg=_COLOURS[finding.severity], bold=True)
    head = (
        f"{style(place, bold=True)}: {style(finding.code, bold=True)} {severity} {finding.message}"
    )
    out = [head, f"  at: {finding.path or '(the design)'}"]
    if finding.suppressed is not None:
        out.append(style(f"  suppressed: {finding.suppressed}", dim=True))
    elif finding.help:
        out.append(style(f"  help: {finding.help}", fg="cyan"))
    return out


def counts(reports: Sequence[DesignReport]) -> Counter[str]:
    tally: Counter[str] = Counter(f.severity.value for r in reports for f in r.active)
    tally["suppressed"] = sum(len(r.suppressed) for r in reports)
    return tally


def summary(reports: Sequence[DesignReport], style: Style = _plain, unloadable: int = 0) -> str:
    """The last line: what was found, in how many designs; a design that did not load is
    never "all clear" (nothing was linted in it)."""
    tally = counts(reports)
    designs = f"{len(reports)} design{'s' if len(reports) != 1 else ''}"
    total = sum(tally[s.value] for s in Severity)
    parts = [
        f"{tally[s.value]} {s.value}{'s' if tally[s.value] != 1 and s.value != 'info' else ''}"
        for s in Severity
        if tally[s.value]
    ]
    if total:
        head = f"Found {total} finding{'s' if total != 1 else ''} in {designs}: {', '.join(parts)}"
    elif unloadable and not reports:
        head = "Nothing linted"
    elif unloadable:
        head = f"No findings in {designs} linted"
    else:
        head = f"All clear: {designs} linted, no findings"
    if tally["suppressed"]:
        head += f"; {tally['suppressed']} suppressed (--show-suppressed lists them)"
    if unloadable:
        failed = f"{unloadable} design{'s' if unloadable != 1 else ''}"
        head += f"; {failed} could not be loaded (the error is above)"
    colour = "red" if tally["error"] or unloadable else ("yellow" if total else "green")
    return style(head + ".", fg=colour)


def as_json(reports: Sequence[DesignReport]) -> str:
    findings = []
    for report in reports:
        for f in report.findings:
            file, line = where(f, report)
            findings.append(
                {
                    "design": report.name,
                    "design_file": relative_path(report.file),
                    "code": f.code,
                    "name": f.rule,
                    "severity": f.severity.value,
                    "message": f.message,
                    "help": f.help,
                    "path": f.path,
                    "file": file,
                    "line": line,
                    "suppressed": f.suppressed is not None,
                    "suppression_reason": f.suppressed,
                }
            )
    tally = counts(reports)
    document = {
        "version": 1,
        "designs": [
            {"file": relative_path(r.file), "design": r.name, "rules_skipped": r.skipped_rules}
            for r in reports
        ],
        "findings": findings,
        "summary": {
            "designs": len(reports),
            **{s.value: tally[s.value] for s in Severity},
            "suppressed": tally["suppressed"],
        },
    }
    return json.dumps(document, indent=2, sort_keys=False) + "\n"


def escape_data(value: str) -> str:
    """GitHub's escaping for an annotation's message."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """GitHub's escaping for annotation properties (file, title): also `:` and `,`."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


_GITHUB_LEVEL = {Severity.error: "error", Severity.warning: "warning", Severity.info: "notice"}


def github(reports: Sequence[DesignReport]) -> str:
    """`::error file=...,line=...,title=...::message` lines; suppressed findings are left out."""
    lines = []
    for report in reports:
        for f in report.active:
            file, line = where(f, report)
            props = [f"file={escape_property(file)}"]
            if line:
                props.append(f"line={line}")
            props.append(f"title={escape_property(f'{f.code} {f.rule}')}")
            message = f"{f.message} (at {f.path or 'the design'})"
            if f.help:
                message += f"\nhelp: {f.help}"
            lines.append(f"::{_GITHUB_LEVEL[f.severity]} {','.join(props)}::{escape_data(message)}")
        if report.skipped_rules:
            where_ = f"file={escape_property(relative_path(report.file))},title=sketch lint"
            lines.append(f"::warning {where_}::{escape_data(report.skipped_rules)}")
    return "".join(line + "\n" for line in lines)
