"""Linting design files: load, `sketch check`, then the selected rules, one report per file.

`sketch check` runs first and its problems are reported as error findings (codes C1xx-C3xx).
When a cross-reference is broken (C2xx/C3xx), the rules do not run on that design: they
would reason about components or fields that do not exist. The report says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sketch.lint.capacity import conventions_for
from sketch.lint.engine import Finding, check_suppressions, from_problem, lint_design
from sketch.lint.registry import REGISTRY, Registry, Rule
from sketch.lint.settings import LintSettings, active_rules, parse_settings
from sketch.load.settings import load_config
from sketch.model import Limits

if TYPE_CHECKING:
    from sketch.estimate import Conventions


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


@dataclass(frozen=True)
class Project:
    """The settings that apply to designs in one folder (from the nearest pyproject.toml)."""

    lint: LintSettings
    limits: Limits
    conventions: Conventions  # from [tool.sketch.estimate]


class Linter:
    """Lints design files; reads each folder's pyproject.toml once per run."""

    def __init__(self, options: Options, registry: Registry = REGISTRY) -> None:
        self.options = options
        self.registry = registry
        self._projects: dict[Path, Project] = {}

    def project(self, folder: Path) -> Project:
        if folder not in self._projects:
            config = load_config(folder)
            self._projects[folder] = Project(
                parse_settings(config.lint, config.source, self.registry),
                config.limits,
                conventions_for(config.estimate, config.source),
            )
        return self._projects[folder]

    def rules(self, settings: LintSettings) -> list[Rule]:
        """Command-line `--select` replaces the configured selection; `--ignore` adds to it."""
        select = self.options.select or settings.select
        return active_rules(self.registry, select, (*settings.ignore, *self.options.ignore))

    def lint_file(self, path: Path) -> DesignReport:
        from sketch.check import check
        from sketch.load import load_design

        design = load_design(path).design
        project = self.project(path.resolve().parent)
        check_suppressions(design, (r.code for r in self.registry))
        report = DesignReport(path, design.name)
        problems = check(design, project.limits)
        report.findings += [from_problem(p) for p in problems]
        broken = sorted({p.code for p in problems if not p.code.startswith("C1")})
        if broken:
            report.skipped_rules = (
                f"lint rules not run: fix the broken references first ({', '.join(broken)})"
            )
        else:
            settings = project.lint
            report.findings += lint_design(
                design,
                self.rules(settings),
                settings.thresholds,
                settings.severity,
                project.conventions,
            )
        report.findings.sort(key=lambda f: f.sort_key)
        return report


def lint_file(
    path: Path, options: Options | None = None, registry: Registry = REGISTRY
) -> DesignReport:
    """Lint one design file (a `Linter` lints many, reading each pyproject.toml once)."""
    return Linter(options or Options(), registry).lint_file(path)
