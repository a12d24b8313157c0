"""The capacity adapter: lint's load figures are the estimate's, declared ones included."""

from __future__ import annotations

from pathlib import Path

import pytest

from sketch.linting.capacity import load_of
from sketch.loading import load_design
from tests.helpers.factories import clean_design, requirements, scale


def test_uses_the_estimates(repo_root: Path) -> None:
    twitter = load_design(repo_root / "designs" / "twitter.py").design
    load = load_of(twitter)
    # the guide's numbers: ~4,630 tweets/s, 14K at peak, 100 reads per tweet
    assert load.writes == pytest.approx(400e6 / 86_400)
    assert load.peak_writes == pytest.approx(3 * 400e6 / 86_400)
    assert load.peak_reads == pytest.approx(300 * 400e6 / 86_400)
    assert load.read_write_ratio == pytest.approx(100)


def test_declared_numbers_stand_in_when_nothing_derives_them() -> None:
    # The estimate takes a declared rate as given when the scale has no inputs to derive it
    # from (no DAU, no read:write ratio); there is no fallback path of lint's own any more.
    declared = scale(
        dau=None,
        writes_per_user_per_day=None,
        writes_per_second=20_000,
        read_write_ratio=None,
        reads_per_second=2_000,
        peak_factor=2,
    )
    busy = clean_design(requirements=requirements(scale=declared))
    load = load_of(busy)
    assert (load.writes, load.reads, load.peak_writes, load.peak_reads) == (
        20_000,
        2_000,
        40_000,
        4_000,
    )
    assert load.peak_total == 44_000
    assert load_of(clean_design(requirements=requirements(scale=None))).peak_total is None
