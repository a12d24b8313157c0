"""Numbers said as a person says them: rounding, unit boundaries, zero, huge, binary."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sketch.estimating.spoken import count, count_in_steps, period, plural, relation, size


@pytest.mark.parametrize(
    ("value", "text", "exact"),
    [
        (0, "0", True),
        (0.023148, "0.023", False),
        (1, "1", True),
        (4_629.63, "4.6K", False),
        (13_888.9, "14K", False),
        (462_963, "463K", False),
        (1_388_889, "1.4M", False),
        (400_000_000, "400M", True),
        (40_000_000_000, "40B", True),
        (2_000, "2K", True),
        (9_960, "10K", False),  # 9.96K rounds to 10K, not "10.0K"
        (99_960, "100K", False),
        (999_499, "999K", False),
        (999_960, "1M", False),  # never "1000K"
        (999.6, "1K", False),
        (999_960_000_000, "1T", False),
        (1e15, "1,000T", True),  # past the last unit: digits grouped, not a new suffix
        (1.234e18, "1,234,000T", True),
    ],
)
def test_counts(value: float, text: str, exact: bool) -> None:
    said = count(value)
    assert (said.text, said.exact) == (text, exact)


@pytest.mark.parametrize(
    ("value", "binary", "text"),
    [
        (0, False, "0 B"),
        (0.5, False, "0.5 B"),
        (750, False, "750 B"),
        (224e9, False, "224 GB"),
        (300e9, False, "300 GB"),
        (109.5e12, False, "110 TB"),
        (999_999_999_999, False, "1 TB"),
        (1e30, False, "1,000,000 YB"),
        (1023, True, "1 KiB"),  # 1023 B is within rounding of 1 KiB
        (1024, True, "1 KiB"),
        (1536, True, "1.5 KiB"),
        (300e9, True, "279 GiB"),
        (2**50, True, "1 PiB"),
        (1000, True, "0.98 KiB"),  # past three digits: the next unit up
    ],
)
def test_sizes(value: float, binary: bool, text: str) -> None:
    assert size(value, binary=binary).text == text


def test_steps_keep_three_digits_between_one_and_ten_thousand() -> None:
    assert count_in_steps(4_629.63).text == "4,630"
    assert count_in_steps(1_157.4).text == "1,160"
    assert count_in_steps(86_400).text == "86K"
    assert count_in_steps(116).text == "116"


def test_relation_is_approximate_as_soon_as_one_number_is_rounded() -> None:
    assert relation(count(400e6), count(2)) == "="
    assert relation(count(400e6), count(4_629.63)) == "≈"


@pytest.mark.parametrize(
    ("noun", "plural_form"),
    [
        ("tweet", "tweets"),
        ("reply", "replies"),
        ("day", "days"),
        ("match", "matches"),
        ("status", "statuses"),
        ("location update", "location updates"),
        ("", ""),
    ],
)
def test_plural(noun: str, plural_form: str) -> None:
    assert plural(noun) == plural_form
    assert plural(noun, 1) == noun


_MULTIPLIERS = {"": 1.0, "K": 1e3, "M": 1e6, "B": 1e9, "T": 1e12}


@given(st.floats(min_value=1e-3, max_value=1e14, allow_nan=False, allow_infinity=False))
def test_every_count_reads_back_within_five_percent_and_below_a_thousand(value: float) -> None:
    text = count(value).text
    match = re.fullmatch(r"([\d,.]+)([KMBT]?)", text)
    assert match, text
    mantissa = float(match.group(1).replace(",", ""))
    assert mantissa < 1000 or match.group(2) == "T"
    assert mantissa * _MULTIPLIERS[match.group(2)] == pytest.approx(value, rel=0.05)


@pytest.mark.parametrize(
    ("years", "said"),
    [(5, "5 years"), (1, "1 year"), (2.5, "2.5 years"), (1 / 365, "1 day"), (30 / 365, "30 days")],
)
def test_retention_is_said_in_days_below_a_year(years: float, said: str) -> None:
    assert period(years) == said
