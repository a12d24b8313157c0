"""Linting design files: load, `sketch check`, then the selected rules, one report per file.

`sketch check` runs first and its problems are reported as error findings (codes C1xx-C3xx).
When a cross-reference is broken (C2xx/C3xx), the rules do not run on that design: they
would reason about components or fields that do not exist. The report says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from sketch.config import load_config
from sketch.lint.engine import Finding, check_suppressions, from_problem, lint_design
from sketch.lint.registry import REGISTRY, Registry, Rule
from sketch.lint.settings import LintSettings, active_rules, parse_settings


@dataclass(frozen=True)
class Options:
    """Command-line choices; None means "as configured"."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()


@dataclass
class DesignReport:
    file: Path
    name: str
    findings: list[Finding] = field(default_factory=list)
    skipped_rules: str | None = None  # why the rules did not run, when they did not

    @property
    def active(self) -> list[Finding]:
        return [f for f in self.findings if f.suppressed is None]

    @property
    def suppressed(self) -> list[Finding]:
        return [f for f in self.findings if f.suppressed is not None]


@lru_cache(maxsize=64)
def _settings_for(folder: Path, registry: Registry) -> tuple[LintSettings, object]:
    config = load_config(folder)
    return parse_settings(config.lint, config.source, registry), config.limits


def rules_for(settings: LintSettings, options: Options, registry: Registry) -> list[Rule]:
    """Command-line `--select` replaces the configured selection; `--ignore` adds to it."""
    select = options.select if options.select else settings.select
    return active_rules(registry, select, (*settings.ignore, *options.ignore))


def lint_file(path: Path, options: Options, registry: Registry = REGISTRY) -> DesignReport:
    from sketch.check import check
    from sketch.load import load_design

    loaded = load_design(path)
    settings, limits = _settings_for(path.resolve().parent, registry)
    design = loaded.design
    check_suppressions(design, (r.code for r in registry))
    report = DesignReport(path, design.name)
    problems = check(design, limits)  # type: ignore[arg-type]
    report.findings += [from_problem(p) for p in problems]
    broken = sorted({p.code for p in problems if not p.code.startswith("C1")})
    if broken:
        report.skipped_rules = (
            f"lint rules not run: fix the broken references first ({', '.join(broken)})"
        )
    else:
        rules = rules_for(settings, options, registry)
        report.findings += lint_design(design, rules, settings.thresholds, settings.severity)
    report.findings.sort(key=lambda f: f.sort_key)
    return report
