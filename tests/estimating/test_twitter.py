"""The framework guide's Twitter whiteboard, reproduced from designs/twitter.py."""

# ruff: noqa: RUF001, RUF003  (the expected derivations use the multiplication sign)

from __future__ import annotations

from pathlib import Path

import pytest

from sketch.estimating import Estimates, FigureName, estimate
from sketch.loading import load_design


@pytest.fixture(scope="module")
def twitter(repo_root: Path) -> Estimates:
    return estimate(load_design(repo_root / "designs" / "twitter.py").design)


def test_writes(twitter: Estimates) -> None:
    assert twitter.figure(FigureName.writes_per_day) is not None
    assert twitter[FigureName.writes_per_day].value == 400_000_000
    assert twitter[FigureName.writes_per_day].text == "400M/day"
    assert twitter.figure(FigureName.writes_per_second) is not None
    assert twitter[FigureName.writes_per_second].value == pytest.approx(4_629.63, abs=0.01)
    assert twitter[FigureName.writes_per_second].text == "4.6K/s"
    assert twitter.figure(FigureName.peak_writes_per_second) is not None
    assert twitter[FigureName.peak_writes_per_second].text == "14K/s"


def test_the_derivation_reads_like_the_whiteboard(twitter: Estimates) -> None:
    assert twitter.figure(FigureName.peak_writes_per_second) is not None
    assert twitter[FigureName.peak_writes_per_second].steps == (
        "200M users × 2 tweets/day = 400M tweets/day",
        "400M tweets/day ÷ 86,400 s ≈ 4,630 tweets/s",
        "peak (3× average) ≈ 14K tweets/s",
    )
    assert twitter.figure(FigureName.peak_reads_per_second) is not None
    assert twitter[FigureName.peak_reads_per_second].steps[-2:] == (
        "4,630 tweets/s × 100 reads per tweet ≈ 463K reads/s",
        "peak (3× average) ≈ 1.4M reads/s",
    )


def test_reads(twitter: Estimates) -> None:
    assert twitter.figure(FigureName.reads_per_second) is not None
    assert twitter[FigureName.reads_per_second].value == pytest.approx(462_963, abs=1)
    assert twitter[FigureName.reads_per_second].text == "463K/s"
    assert twitter.figure(FigureName.peak_reads_per_second) is not None
    assert twitter[FigureName.peak_reads_per_second].text == "1.4M/s"


def test_storage(twitter: Estimates) -> None:
    by_item = dict(twitter.storage_by_item)
    assert by_item["text"].value == 224e9  # 400M tweets × 280 chars × 2 bytes
    assert by_item["text"].text == "224 GB/day"
    assert "text: 400M tweets/day × 280 chars × 2 B = 224 GB/day" in by_item["text"].steps
    assert twitter.figure(FigureName.storage_per_day) is not None
    assert (
        twitter[FigureName.storage_per_day].value == 300e9
    )  # with 190 B of metadata: 750 B a tweet
    assert twitter[FigureName.storage_per_day].text == "300 GB/day"
    assert twitter.figure(FigureName.storage_per_year) is not None
    assert twitter[FigureName.storage_per_year].value == 109.5e12
    assert twitter[FigureName.storage_per_year].text == "110 TB/year"
    assert twitter.figure(FigureName.storage_total) is not None  # 5 years, 3 copies
    assert twitter[FigureName.storage_total].value == 109.5e12 * 5 * 3
    assert twitter[FigureName.storage_total].text == "1.6 PB"


def test_nothing_disagrees_and_only_capacity_is_missing(twitter: Estimates) -> None:
    assert twitter.mismatches == []
    assert [m.split(":")[0] for m in twitter.missing] == ["app servers", "shards"]


def test_database_nodes_at_the_guides_10k_qps_per_node(twitter: Estimates) -> None:
    # peak 1.39M reads/s + 13.9K writes/s at ~10K QPS a node (the guide's figure)
    assert twitter.figure(FigureName.database_nodes) is not None
    assert twitter[FigureName.database_nodes].value == 141
