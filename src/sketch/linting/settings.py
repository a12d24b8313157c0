"""`[tool.sketch.lint]`: which rules run, at what severity, with which thresholds.

```toml
[tool.sketch.lint]
select = ["ALL"]             # codes, prefixes (D3) or rule names; default: every rule
ignore = ["X408"]
severity = { D307 = "info" }
thresholds = { over_provisioned_factor = 8 }
```
Unknown keys, codes or thresholds are errors (exit 2), so a typo never silently does nothing.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

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
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = Field(default_factory=dict)
    thresholds: Thresholds = Field(default_factory=Thresholds)


def parse_settings(raw: dict[str, Any], source: str | None, registry: Registry) -> LintSettings:
    """Validate the raw table from pyproject.toml; unknown keys or codes raise ConfigError."""
    where = f"{source}: " if source else ""
    try:
        settings = LintSettings(**raw)
    except ValidationError as exc:
        raise settings_error(exc, "lint", LintSettings, source) from exc
    try:
        for selector in (*settings.select, *settings.ignore):
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
