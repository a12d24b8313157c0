"""Findings as text (ruff style), JSON and GitHub workflow annotations. SARIF: `sarif.py`."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence

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
    reports: Sequence[DesignReport], *, style: Style | None = None, show_suppressed: bool = False
) -> str:
    """ruff-style text. `style` colours it (the CLI passes `typer.style` on a terminal)."""
    style = style or _plain
    lines: list[str] = []
    for report in reports:
        shown = report.findings if show_suppressed else report.active
        if not shown and not report.skipped_rules:
            continue
        lines.append(style(f"{relative_path(report.file)}: design '{report.name}'", bold=True))
        for finding in shown:
            lines += _finding_lines(finding, report, style)
        if report.skipped_rules:
            lines.append(style(f"  note: {report.skipped_rules}", fg="yellow"))
        lines.append("")
    lines.append(summary(reports, style))
    return "\n".join(lines) + "\n"


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


def summary(reports: Sequence[DesignReport], style: Style = _plain) -> str:
    tally = counts(reports)
    designs = f"{len(reports)} design{'s' if len(reports) != 1 else ''}"
    total = sum(tally[s.value] for s in Severity)
    parts = [
        f"{tally[s.value]} {s.value}{'s' if tally[s.value] != 1 and s.value != 'info' else ''}"
        for s in Severity
        if tally[s.value]
    ]
    head = (
        f"Found {total} finding{'s' if total != 1 else ''} in {designs}: {', '.join(parts)}"
        if total
        else f"All clear: {designs} linted, no findings"
    )
    if tally["suppressed"]:
        head += f"; {tally['suppressed']} suppressed (--show-suppressed lists them)"
    colour = "red" if tally["error"] else ("yellow" if total else "green")
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
