"""Findings as SARIF 2.1.0, the format GitHub code scanning uploads (`--format sarif`).

Every rule of the catalogue is a `reportingDescriptor` (so `ruleIndex` is stable); a
suppressed finding carries an `inSource` suppression with its reason; the path inside the
design is a logical location. URIs are relative to the working folder (`%SRCROOT%`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from sketch.errors import Problem, Severity, relative_path
from sketch.linting.docs import rule_markdown
from sketch.linting.registry import Registry, Rule
from sketch.linting.report import where
from sketch.linting.run import DesignReport
from sketch.version import __version__

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note"}


def _descriptor(rule: Rule) -> dict[str, object]:
    sections = rule.sections()
    full = "\n\n".join(f"{title}:\n{body}" for title, body in sections.items())
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": sections.get("What it checks", rule.summary)},
        "help": {"text": full or rule.summary, "markdown": rule_markdown(rule)},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"tags": [rule.step.value]},
    }


def _result(finding: Problem, report: DesignReport, index: dict[str, int]) -> dict[str, object]:
    file, line = where(finding, report)
    physical: dict[str, object] = {
        "artifactLocation": {"uri": file, "uriBaseId": "%SRCROOT%"},
    }
    if line:
        physical["region"] = {"startLine": line}
    result: dict[str, object] = {
        "ruleId": finding.code,
        "level": _LEVEL[finding.severity],
        "message": {
            "text": f"{finding.message}" + (f"\nhelp: {finding.help}" if finding.help else "")
        },
        "locations": [
            {
                "physicalLocation": physical,
                "logicalLocations": [
                    {
                        "fullyQualifiedName": f"{report.name}.{finding.path}"
                        if finding.path
                        else report.name,
                        "kind": "member",
                    }
                ],
            }
        ],
    }
    # Stable across edits that move lines, so code scanning keeps tracking the same alert.
    identity = f"{report.name}|{finding.code}|{finding.path}"
    result["partialFingerprints"] = {
        "sketchFinding/v1": hashlib.sha256(identity.encode()).hexdigest()[:32]
    }
    if finding.code in index:
        result["ruleIndex"] = index[finding.code]
    if finding.suppressed is not None:
        result["suppressions"] = [{"kind": "inSource", "justification": finding.suppressed}]
    return result


def as_sarif(reports: Sequence[DesignReport], registry: Registry) -> str:
    rules = list(registry)
    index = {rule.code: i for i, rule in enumerate(rules)}
    results = [_result(f, r, index) for r in reports for f in r.findings]
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "sketch",
                        "version": __version__,
                        "rules": [_descriptor(rule) for rule in rules],
                    }
                },
                "originalUriBaseIds": {
                    "%SRCROOT%": {"description": {"text": "The folder sketch lint ran in."}}
                },
                "invocations": [_invocation(reports)],
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2) + "\n"


def _invocation(reports: Sequence[DesignReport]) -> dict[str, object]:
    """Designs whose rules did not run (broken references) are said so, never silently."""
    notes = [
        {
            "level": "warning",
            "message": {"text": f"{report.name}: {report.skipped_rules}"},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {
                            "uri": relative_path(report.file),
                            "uriBaseId": "%SRCROOT%",
                        }
                    }
                }
            ],
        }
        for report in reports
        if report.skipped_rules
    ]
    invocation: dict[str, object] = {"executionSuccessful": True}
    if notes:
        invocation["toolExecutionNotifications"] = notes
    return invocation
