"""Linting design files: load, `sketch check`, then the selected rules, one report per file.

`sketch check` runs first and its problems are reported as error findings (codes C1xx-C3xx).
When a cross-reference is broken (C2xx/C3xx), the rules do not run on that design: they
would reason about components or fields that do not exist. The report says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sketch.checking import Checked, broken_references, check, load_checked
from sketch.errors import Problem
from sketch.linting.capacity import catalogue_for, conventions_for
from sketch.linting.engine import check_suppressions, from_problem, lint_design
from sketch.linting.findings import Findings
from sketch.linting.registry import REGISTRY, Registry, Rule
from sketch.linting.settings import LintSettings, active_rules, parse_settings
from sketch.loading.settings import Config, load_config

if TYPE_CHECKING:
    from sketch.estimating import Conventions
    from sketch.estimating.catalogue import Catalogue
    from sketch.model import Design


@dataclass(frozen=True)
class Options:
    """Command-line choices; None means "as configured"."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()


@dataclass
class DesignReport:
    file: Path
    name: str
    findings: list[Problem] = field(default_factory=list)
    skipped_rules: str | None = None  # why the rules did not run, when they did not

    @property
    def active(self) -> list[Problem]:
        return [f for f in self.findings if f.suppressed is None]

    @property
    def suppressed(self) -> list[Problem]:
        return [f for f in self.findings if f.suppressed is not None]


@dataclass(frozen=True)
class Project:
    """The settings that apply to designs in one folder (from the nearest pyproject.toml)."""

    config: Config
    lint: LintSettings
    conventions: Conventions  # from [tool.sketch.estimate]
    catalogue: Catalogue  # from [tool.sketch.capacity]


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
                config,
                parse_settings(config.lint, config.source, self.registry),
                conventions_for(config.estimate, config.source),
                catalogue_for(config.capacity, config.source),
            )
        return self._projects[folder]

    def rules(self, settings: LintSettings, relative: str = "") -> list[Rule]:
        """Command-line `--select` replaces the configured selection; `--extend-select`,
        `extend-select`, `--ignore`, `extend-ignore` and the file's `per-file-ignores` add."""
        select = (
            *(self.options.select or settings.select),
            *settings.extend_select,
            *self.options.extend_select,
        )
        ignore = (*settings.ignored_for(relative), *self.options.ignore)
        return active_rules(self.registry, select, ignore)

    def lint_file(self, path: Path) -> DesignReport:
        checked = load_checked(path, lambda p: self.project(p.resolve().parent).config)
        return self.lint_checked(checked, path)

    def lint_checked(self, checked: Checked, path: Path) -> DesignReport:
        """Lint a design already loaded and checked (`sketch watch` has it in hand)."""
        design, project = checked.design, self.project(path.resolve().parent)
        relative = _relative_to_project(path, project.config.source)
        check_suppressions(design, (r.code for r in self.registry))
        report = DesignReport(path, design.name)
        report.findings += [from_problem(p) for p in checked.problems]
        broken = sorted({p.code for p in checked.broken_references})
        if broken:
            report.skipped_rules = (
                f"lint rules not run: fix the broken references first ({', '.join(broken)})"
            )
        else:
            settings = project.lint
            report.findings += lint_design(
                design,
                self.rules(settings, relative),
                settings.thresholds,
                settings.severity,
                project.conventions,
                project.catalogue,
            )
        report.findings.sort(key=lambda f: f.sort_key)
        return report


def _relative_to_project(path: Path, pyproject: str | None) -> str:
    """The design's path from its pyproject.toml's folder, `/`-separated (per-file-ignores)."""
    resolved = path.resolve()
    if pyproject is None:
        return resolved.name
    try:
        return resolved.relative_to(Path(pyproject).resolve().parent).as_posix()
    except ValueError:
        return resolved.name


def lint_file(
    path: Path, options: Options | None = None, registry: Registry = REGISTRY
) -> DesignReport:
    """Lint one design file (a `Linter` lints many, reading each pyproject.toml once)."""
    return Linter(options or Options(), registry).lint_file(path)


def lint(
    design: Design,
    select: tuple[str, ...] = ("ALL",),
    ignore: tuple[str, ...] = (),
    registry: Registry = REGISTRY,
) -> Findings:
    """What `sketch lint` reports for `design`, with the default thresholds and conventions:
    its check problems as errors, then every finding of the selected rules (none when a
    reference is broken, as the rules would reason about things that do not exist).
    """
    check_suppressions(design, (r.code for r in registry))
    problems = check(design)
    findings = [from_problem(p) for p in problems]
    if not broken_references(problems):
        findings += lint_design(design, active_rules(registry, select, ignore))
    return Findings(sorted(findings, key=lambda f: f.sort_key))
