"""Conventions: defaults, validation of [tool.sketch.estimate], and what they change."""

# ruff: noqa: RUF001, RUF003  (the expected derivations use the multiplication sign)

from __future__ import annotations

from typing import Any

import pytest

from sketch.errors import ConfigError
from sketch.estimating import Conventions, FigureName, conventions_from_settings, estimate
from tests.helpers.factories import design_with_scale


def test_the_defaults_are_the_guides() -> None:
    conventions = Conventions()
    assert conventions.seconds_per_day == 86_400
    assert conventions.seconds_per_month == 30 * 86_400
    assert not conventions.binary
    assert conventions.describe() == (
        "86,400 s/day; month = 30 days; year = 365 days; decimal units (1 GB = 10^9 B)"
    )


def test_settings_are_validated() -> None:
    conventions = conventions_from_settings({"month": "2.5Ms", "units": "binary"})
    assert conventions.seconds_per_month == 2_500_000
    assert conventions.binary


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ({"mnth": "30d"}, "estimate.mnth]: unknown setting (did you mean 'month'?)"),
        (
            {"units": "metric"},
            "estimate.units]: Input should be 'decimal' or 'binary' (got 'metric')",
        ),
        ({"seconds_per_day": 0}, "estimate.seconds_per_day]: Input should be greater than 0"),
    ],
)
def test_bad_settings_name_the_key_and_the_fix(settings: dict[str, Any], expected: str) -> None:
    with pytest.raises(ConfigError) as caught:
        conventions_from_settings(settings, "pyproject.toml")
    assert str(caught.value).startswith("pyproject.toml: invalid [tool.sketch.estimate] settings")
    assert expected in str(caught.value)


def test_a_month_of_2_5m_seconds_differs_from_30_days() -> None:
    design = design_with_scale(
        dau=1_000_000, writes_per_user_per_day=1, item_sizes=[{"name": "row", "bytes": 1_000}]
    )
    thirty = estimate(design).figure(FigureName.storage_per_month)
    seconds = estimate(design, Conventions(month="2.5Ms")).figure(FigureName.storage_per_month)
    assert thirty is not None and seconds is not None
    assert thirty.value == 30e9  # 1 GB/day × 30 days
    assert seconds.value == pytest.approx(1e9 / 86_400 * 2.5e6)  # 28.9 GB
    assert (thirty.text, seconds.text) == ("30 GB/month", "29 GB/month")
    assert seconds.steps[-1] == "per month: 1 GB/day ÷ 86,400 s × 2.5M s ≈ 29 GB/month"


def test_binary_units_change_the_words_not_the_values() -> None:
    design = design_with_scale(
        dau=1_000_000, writes_per_user_per_day=1, item_sizes=[{"name": "row", "bytes": 2**40 / 1e6}]
    )
    decimal = estimate(design).figure(FigureName.storage_per_day)
    binary = estimate(design, Conventions(units="binary")).figure(FigureName.storage_per_day)
    assert decimal is not None and binary is not None
    assert decimal.value == binary.value
    assert (decimal.text, binary.text) == ("1.1 TB/day", "1 TiB/day")
