"""Running rules over a design: findings located, suppressions applied, crashes surfaced."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from sketch.errors import InternalError, Problem, Severity, UsageError
from sketch.linting.context import Context
from sketch.linting.registry import Hit, Rule
from sketch.linting.settings import Thresholds
from sketch.linting.suppressions import suppressing
from sketch.model import Declared, Design
from sketch.model.paths import locate

if TYPE_CHECKING:
    from sketch.estimating import Conventions
    from sketch.estimating.catalogue import Catalogue


class RuleCrashed(InternalError):
    """A rule raised: an internal error (exit 3) naming the rule, never a silent skip."""

    def __init__(self, rule: Rule, error: Exception) -> None:
        super().__init__(f"rule {rule.code} ({rule.name}) crashed: {type(error).__name__}: {error}")
        self.rule = rule
        self.error = error


class UnknownSuppression(UsageError):
    """A `Suppression(code=...)` that names no rule: a typo that would silence nothing."""


def lint_design(
    design: Design,
    rules: Iterable[Rule],
    thresholds: Thresholds | None = None,
    severities: dict[str, Severity] | None = None,
    conventions: Conventions | None = None,
    catalogue: Catalogue | None = None,
) -> list[Problem]:
    """Every finding of `rules` on `design`, sorted by place, suppressed ones marked.
    `conventions` are the estimate conventions the load rules compute load with, and
    `catalogue` what one node of each kind takes (`[tool.sketch.capacity]`)."""
    ctx = Context(design, thresholds, conventions, catalogue)
    chosen = list(rules)
    ctx.ran = frozenset(r.code for r in chosen)
    findings: list[Problem] = []
    # Rules about findings (an unused suppression) run last, over the others' findings.
    for rule in sorted(chosen, key=lambda r: r.after_others):
        if rule.after_others:
            ctx.findings = tuple(findings)
        severity = (severities or {}).get(rule.code, rule.severity)
        try:  # a rule that raises, or yields garbage, is named: never silently skipped
            findings += [_finding(design, rule, severity, hit) for hit in rule.check(ctx)]
        except Exception as exc:
            raise RuleCrashed(rule, exc) from exc
    return sorted(findings, key=lambda f: f.sort_key)


def _finding(design: Design, rule: Rule, severity: Severity, hit: object) -> Problem:
    if not isinstance(hit, Hit):
        raise TypeError(f"yielded a {type(hit).__name__}, not a Hit")
    return Problem(
        rule.code,
        hit.message,
        hit.path,
        help=hit.help or rule.fix,
        severity=severity,
        source=locate(design, hit.path),
        rule=rule.name,
        suppressed=suppression_for(design, hit.path, rule.code),
    )


def from_problem(problem: Problem) -> Problem:
    """A `sketch check` problem, reported by lint as an error finding of the rule `check`."""
    return replace(problem, severity=Severity.error, rule="check")


def suppression_for(design: Design, path: str, code: str) -> str | None:
    """The reason of the nearest suppression covering `code` on the way from the design down
    to the object at `path`; None when the finding stands."""
    site = suppressing(design, path, code)
    return site.suppression.reason if site else None


def check_suppressions(design: Design, known_codes: Iterable[str]) -> None:
    """Raise UnknownSuppression for a suppression whose code matches no rule."""
    from sketch.errors import did_you_mean
    from sketch.model.paths import walk

    codes = list(known_codes)
    for path, obj in walk(design):
        if not isinstance(obj, Declared):
            continue
        for k, s in enumerate(obj.suppress):
            if not any(c.startswith(s.code.upper()) for c in codes):
                at = f"{path}.suppress[{k}]" if path else f"suppress[{k}]"
                where = f"{obj.source}: " if obj.source else ""
                raise UnknownSuppression(
                    f"{where}suppression of unknown rule '{s.code}' at {at} "
                    f"({did_you_mean(s.code, codes)})",
                    "use a code from `sketch rules`",
                )
