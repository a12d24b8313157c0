"""The conventions behind every estimate, stated and configurable: seconds per day, the
length of a month, and decimal (GB) or binary (GiB) units.

Set them in `[tool.sketch.estimate]` of pyproject.toml or with `sketch estimate` flags::

    [tool.sketch.estimate]
    month = "2.5Ms"        # or "30d" (the default)
    year = "12 months"     # or "365 days"; by default 12 months under a 2.5Ms month
    units = "binary"       # or "decimal" (the default)
    seconds_per_day = 100000   # the "~100K seconds a day" shortcut; 86400 by default
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from sketch.loading.messages import settings_error
from sketch.model.numbers import PositiveCount

MonthConvention = Literal["30d", "2.5Ms"]
YearConvention = Literal["365 days", "12 months"]
UnitConvention = Literal["decimal", "binary"]


class Conventions(BaseModel):
    """How figures are derived and said. The defaults are the framework guide's."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    seconds_per_day: PositiveCount = Field(
        default=86_400, description="86,400, or 100,000 rounded."
    )
    days_per_year: PositiveCount = 365
    month: MonthConvention = Field(default="30d", description="30 days, or 2.5 million seconds.")
    year: YearConvention | None = Field(
        default=None,
        description="365 days, or 12 months; unset: 12 months under a 2.5Ms month (a design "
        "stated in monthly totals), else 365 days.",
    )
    units: UnitConvention = Field(default="decimal", description="GB (10^9) or GiB (2^30).")

    @property
    def binary(self) -> bool:
        return self.units == "binary"

    @property
    def seconds_per_month(self) -> float:
        return 2_500_000.0 if self.month == "2.5Ms" else 30.0 * self.seconds_per_day

    @property
    def year_in_months(self) -> bool:
        """Whether a year is 12 months of the month convention (else `days_per_year` days)."""
        if self.year is not None:
            return self.year == "12 months"
        return self.month == "2.5Ms"

    @property
    def seconds_per_year(self) -> float:
        if self.year_in_months:
            return 12 * self.seconds_per_month
        return float(self.days_per_year * self.seconds_per_day)

    def describe(self) -> str:
        """One line for reports: which conventions these figures assume."""
        month = "2.5M seconds" if self.month == "2.5Ms" else "30 days"
        unit = "binary units (1 GiB = 2^30 B)" if self.binary else "decimal units (1 GB = 10^9 B)"
        year = "12 months" if self.year_in_months else f"{self.days_per_year} days"
        return f"{self.seconds_per_day:,} s/day; month = {month}; year = {year}; {unit}"


def conventions_from_settings(
    settings: Mapping[str, Any], source: str | None = None
) -> Conventions:
    """Validate `[tool.sketch.estimate]`; unknown keys and bad values raise ConfigError."""
    try:
        return Conventions.model_validate(dict(settings))
    except ValidationError as exc:
        raise settings_error(exc, "estimate", Conventions, source) from exc
