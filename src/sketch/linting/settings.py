"""`[tool.sketch.lint]`: which rules run, at what severity, with which thresholds.

```toml
[tool.sketch.lint]
select = ["ALL"]             # codes, prefixes (D3) or rule names; default: every rule
extend-select = ["H102"]     # added to `select` (as ruff's), also `--extend-select`
ignore = ["X408"]
extend-ignore = ["A207"]     # added to `ignore`
per-file-ignores = { "drafts/*" = ["H102", "X4"], "legacy.py" = ["ALL"] }
severity = { D307 = "info" }
thresholds = { over_provisioned_factor = 8 }
```
`per-file-ignores` patterns are globs relative to the pyproject.toml's folder; one without
a `/` also matches a file name anywhere below it. Keys may be written with `-` or `_`.
Unknown keys, codes or thresholds are errors (exit 2) naming the line and the closest key,
so a typo never silently does nothing.
"""

from __future__ import annotations

import fnmatch
from pathlib import PurePosixPath
from typing import Any

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, ValidationError

from sketch.errors import ConfigError, Severity, UsageError
from sketch.linting.registry import Registry, Rule
from sketch.loading.messages import settings_error
from sketch.model.numbers import PositiveAmount, PositiveCount


class Thresholds(BaseModel):
    """The numbers rules compare against; the defaults are the framework guide's."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    under_provisioned_factor: PositiveAmount = Field(
        default=10,
        description="A component over capacity that needs more than this many times its "
        "declared nodes is under-provisioned by an order of magnitude (D323) rather than "
        "just over capacity (D320): the numbers were never worked out.",
    )
    over_provisioned_factor: PositiveAmount = Field(
        default=4,
        description="Declared nodes above this many times what the peak load needs (counting "
        "at least `redundancy_floor`) are over-provisioning (guide: 'Treating Everything as "
        "Netflix Scale'). 4x leaves room for a 10x what-if to be argued, not bought.",
    )
    redundancy_floor: PositiveCount = Field(
        default=2,
        description="Nodes a component may run for redundancy alone, whatever its load "
        "(one to fail over to): never counted as over-provisioning.",
    )
    assumed_peak_factor: PositiveAmount = Field(
        default=3,
        description="The peak a design that gives no peak factor is measured against for "
        "headroom (D330) and over-provisioning (D324): the guide's Twitter uses "
        "'Peak: 3x average'.",
    )
    low_scale_peak_qps: PositiveAmount = Field(
        default=1_000,
        description="Below this peak load (reads + writes per second), sharding, queues and "
        "many services are over-engineering (guide: 'Treating Everything as Netflix Scale').",
    )
    max_services_at_low_scale: PositiveCount = Field(
        default=3, description="Services (kind service) a low-scale design may have."
    )
    read_heavy_ratio: PositiveAmount = Field(
        default=10, description="Reads per write from which a load counts as read-heavy."
    )
    min_flows: PositiveCount = Field(default=2, description="Request flows walked through.")
    deep_dives: PositiveCount = Field(default=2, description="Deep dives the guide asks for.")
    min_approaches: PositiveCount = Field(default=2, description="Approaches per deep dive.")


class LintSettings(BaseModel):
    """The validated `[tool.sketch.lint]` table."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    select: tuple[str, ...] = ("ALL",)
    extend_select: tuple[str, ...] = Field(
        default=(), validation_alias=AliasChoices("extend-select", "extend_select")
    )
    ignore: tuple[str, ...] = ()
    extend_ignore: tuple[str, ...] = Field(
        default=(), validation_alias=AliasChoices("extend-ignore", "extend_ignore")
    )
    per_file_ignores: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        validation_alias=AliasChoices("per-file-ignores", "per_file_ignores"),
    )
    severity: dict[str, Severity] = Field(default_factory=dict)
    thresholds: Thresholds = Field(default_factory=Thresholds)

    def ignored_for(self, relative: str) -> tuple[str, ...]:
        """`ignore` + `extend-ignore` + the `per-file-ignores` whose pattern matches the
        design file at `relative` (a `/` path from the pyproject.toml's folder)."""
        name = PurePosixPath(relative).name
        per_file = [
            code
            for pattern, codes in self.per_file_ignores.items()
            if fnmatch.fnmatchcase(relative, pattern)
            or ("/" not in pattern and fnmatch.fnmatchcase(name, pattern))
            for code in codes
        ]
        return (*self.ignore, *self.extend_ignore, *per_file)


#: The keys of `[tool.sketch.lint]` as written in pyproject.toml (for messages).
SETTING_KEYS = (
    "select",
    "extend-select",
    "ignore",
    "extend-ignore",
    "per-file-ignores",
    "severity",
    "thresholds",
)


def parse_settings(raw: dict[str, Any], source: str | None, registry: Registry) -> LintSettings:
    """Validate the raw table from pyproject.toml; unknown keys or codes raise ConfigError."""
    where = f"{source}: " if source else ""
    try:
        settings = LintSettings(**raw)
    except ValidationError as exc:
        raise settings_error(exc, "lint", LintSettings, source) from exc
    try:
        per_file = (code for codes in settings.per_file_ignores.values() for code in codes)
        for selector in (
            *settings.select,
            *settings.extend_select,
            *settings.ignore,
            *settings.extend_ignore,
            *per_file,
        ):
            resolve_selector(selector, registry)
        for code in settings.severity:
            if registry.get(code) is None:
                raise UnknownCode(code, registry)
    except UnknownCode as exc:
        raise ConfigError(f"{where}[tool.sketch.lint]: {exc}") from exc
    return settings


class UnknownCode(UsageError):
    def __init__(self, selector: str, registry: Registry) -> None:
        from sketch.errors import did_you_mean

        codes = [r.code for r in registry] + [r.name for r in registry]
        super().__init__(
            f"unknown rule code or prefix '{selector}' ({did_you_mean(selector, codes)}); "
            "`sketch rules` lists them"
        )


def resolve_selector(selector: str, registry: Registry) -> list[Rule]:
    rules = registry.matching(selector)
    if not rules:
        raise UnknownCode(selector, registry)
    return rules


def active_rules(
    registry: Registry, select: tuple[str, ...], ignore: tuple[str, ...]
) -> list[Rule]:
    """Selected minus ignored, in code order. Raises UnknownCode for a selector naming nothing."""
    chosen = {r.code for s in select for r in resolve_selector(s, registry)}
    dropped = {r.code for s in ignore for r in resolve_selector(s, registry)}
    return [r for r in registry if r.code in chosen - dropped]


def split_selectors(values: list[str] | None) -> tuple[str, ...]:
    """`--select D3,X4 --select R101` -> ("D3", "X4", "R101")."""
    return tuple(part.strip() for v in values or [] for part in v.split(",") if part.strip())
