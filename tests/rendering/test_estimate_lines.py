"""Estimate lines: the staleness bound said once, exact figures without float noise."""

from __future__ import annotations

import pytest

from sketch import Consistency
from sketch.rendering.estimates import consistency_line


@pytest.mark.parametrize(
    ("staleness", "said"),
    [
        ("a few seconds", "eventual for feed (stale by up to a few seconds)"),
        ("up to one crawl cycle", "eventual for feed (stale by up to one crawl cycle)"),
        ("Up to a minute", "eventual for feed (stale by Up to a minute)"),
        ("at most 5 s", "eventual for feed (stale by at most 5 s)"),
        (None, "eventual for feed"),
    ],
)
def test_the_bound_is_said_once(staleness: str | None, said: str) -> None:
    rule = Consistency(level="eventual", applies_to="feed", staleness=staleness)
    assert consistency_line(rule) == said


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (100_500_000_000_000.016, "100,500,000,000,000"),  # float noise, not a fraction
        (13_888.888_888_9, "13,888.889"),
        (0.000_115_741, "0.000115741"),
    ],
)
def test_exact_figures_show_no_float_noise(value: float, shown: str) -> None:
    from sketch.rendering.estimates import exact_text

    assert exact_text(value) == shown
