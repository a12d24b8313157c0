"""Worked examples computed by hand, one per kind of system; every number is in the comment."""

# ruff: noqa: RUF001, RUF003  (the expected derivations use the multiplication sign)

from __future__ import annotations

import pytest

from sketch import Capacity, ItemSize
from sketch.estimating import Conventions, Estimates, Figure, FigureName, estimate
from tests.helpers.factories import design_with_scale


def _text(estimates: Estimates, name: str) -> str:
    figure = estimates.figure(FigureName[name])
    assert figure is not None, f"{name} missing: {estimates.missing}"
    return figure.text


def _value(estimates: Estimates, name: str) -> float:
    figure = estimates.figure(FigureName[name])
    assert isinstance(figure, Figure), f"{name} missing: {estimates.missing}"
    return figure.value


def test_url_shortener() -> None:
    estimates = estimate(
        design_with_scale(
            dau=10_000_000,
            write_name="short URL",
            writes_per_user_per_day=1,
            read_write_ratio=100,
            peak_factor=2,
            item_sizes=[ItemSize(name="record", bytes=500)],
            read_response_bytes=500,
            retention_years=10,
            replication_factor=3,
            capacity=Capacity(
                qps_per_server=1_000, qps_per_database=10_000, storage_per_shard_bytes=1e12
            ),
        )
    )
    expected = {
        "writes_per_day": "10M/day",  # 10M users × 1
        "writes_per_second": "116/s",  # 10M ÷ 86,400 = 115.74
        "peak_writes_per_second": "231/s",  # × 2 = 231.48
        "reads_per_second": "12K/s",  # × 100 = 11,574
        "peak_reads_per_second": "23K/s",  # 23,148
        "storage_per_day": "5 GB/day",  # 10M × 500 B
        "storage_per_month": "150 GB/month",  # × 30
        "storage_per_year": "1.8 TB/year",  # × 365 = 1.825 TB
        "storage_total": "55 TB",  # × 10 years × 3 copies = 54.75 TB
        "ingress_bandwidth": "58 KB/s",  # 115.74 × 500 B = 57,870 B/s
        "egress_bandwidth": "5.8 MB/s",  # 11,574 × 500 B = 5.787 MB/s
        "cache_size": "100 GB",  # 1B reads/day × 500 B × 20%
        "servers": "24 servers",  # (23,148 + 231.5) ÷ 1,000 = 23.4 -> 24
        "database_nodes": "3 database nodes",  # 23,380 ÷ 10,000 = 2.3 -> 3
        "shards": "55 shards",  # 54.75 TB ÷ 1 TB -> 55
    }
    assert {name: _text(estimates, name) for name in expected} == expected
    assert estimates.missing == []
    assert _value(estimates, "cache_size") == pytest.approx(1e11)
    assert estimates.figure(FigureName.writes_per_day) is not None
    assert estimates[FigureName.writes_per_day].steps == (
        "10M users × 1 short URL/day = 10M short URLs/day",
    )
    assert estimates.figure(FigureName.servers) is not None
    assert estimates[FigureName.servers].steps[-2:] == (
        "peak load: 23K reads/s + 231 short URLs/s ≈ 23K requests/s",
        "23K requests/s ÷ 1,000 requests/s per server ≈ 23.4 → 24 servers",
    )
    assert estimates.figure(FigureName.shards) is not None
    assert estimates[FigureName.shards].steps[-1] == "55 TB ÷ 1 TB per shard ≈ 54.8 → 55 shards"


def test_chat_system() -> None:
    estimates = estimate(
        design_with_scale(
            dau=50_000_000,
            write_name="message",
            writes_per_user_per_day=40,
            read_write_ratio=2,
            peak_factor=5,
            retention_years=1,
            item_sizes=[
                ItemSize(name="text", chars=100, bytes_per_char=2),
                ItemSize(name="metadata", bytes=100),
            ],
        )
    )
    expected = {
        "writes_per_day": "2B/day",  # 50M × 40
        "writes_per_second": "23K/s",  # 2B ÷ 86,400 = 23,148
        "peak_writes_per_second": "116K/s",  # × 5 = 115,741
        "reads_per_second": "46K/s",  # × 2 = 46,296
        "peak_reads_per_second": "231K/s",  # 231,481
        "storage_per_day": "600 GB/day",  # 2B × (200 B + 100 B)
        "storage_per_year": "219 TB/year",  # × 365
        "storage_total": "219 TB",  # 1 year, one copy
        "ingress_bandwidth": "6.9 MB/s",  # 23,148 × 300 B
    }
    assert {name: _text(estimates, name) for name in expected} == expected
    assert [name for name, _ in estimates.storage_by_item] == ["text", "metadata"]
    assert [f.text for _, f in estimates.storage_by_item] == ["400 GB/day", "200 GB/day"]
    assert estimates.figure(FigureName.storage_total) is not None
    assert (
        "one copy: scale.replication_factor is not given"
        in estimates[FigureName.storage_total].steps
    )
    # No bytes per read: egress and cache are named as missing, not guessed.
    assert (
        estimates.figure(FigureName.egress_bandwidth) is None
        and estimates.figure(FigureName.cache_size) is None
    )
    assert any(
        m.startswith("egress bandwidth: needs scale.read_response_bytes") for m in estimates.missing
    )


def test_photo_service_reads_per_user() -> None:
    estimates = estimate(
        design_with_scale(
            dau=500_000_000,
            write_name="photo",
            writes_per_user_per_day=0.2,
            reads_per_user_per_day=50,
            peak_factor=2,
            read_response_bytes=200_000,
            retention_years=10,
            replication_factor=3,
            item_sizes=[
                ItemSize(name="photo", bytes=2_000_000),
                ItemSize(name="metadata", bytes=1_000),
            ],
        )
    )
    expected = {
        "writes_per_day": "100M/day",  # 500M × 0.2
        "writes_per_second": "1.2K/s",  # 1,157
        "peak_writes_per_second": "2.3K/s",  # 2,315
        "reads_per_second": "289K/s",  # 500M × 50 = 25B/day ÷ 86,400 = 289,352
        "peak_reads_per_second": "579K/s",  # 578,704
        "storage_per_day": "200 TB/day",  # 100M × 2.001 MB = 200.1 TB
        "storage_per_year": "73 PB/year",  # × 365 = 73.04 PB
        "storage_total": "2.2 EB",  # × 10 × 3 = 2.19 EB
        "egress_bandwidth": "58 GB/s",  # 289,352 × 200 KB = 57.9 GB/s
        "cache_size": "1 PB",  # 25B reads/day × 200 KB × 20%
    }
    assert {name: _text(estimates, name) for name in expected} == expected
    assert estimates.figure(FigureName.writes_per_second) is not None
    assert (
        "100M photos/day ÷ 86,400 s ≈ 1,160 photos/s"
        in estimates[FigureName.writes_per_second].steps
    )
    assert estimates.figure(FigureName.reads_per_second) is not None
    assert estimates[FigureName.reads_per_second].steps == (
        "500M users × 50 reads/day = 25B reads/day",
        "25B reads/day ÷ 86,400 s ≈ 289K reads/s",
    )


def test_video_uploads_in_binary_units_and_a_month_of_2_5m_seconds() -> None:
    conventions = Conventions(units="binary", month="2.5Ms")
    estimates = estimate(
        design_with_scale(
            write_name="video",
            writes_per_second=500,
            peak_factor=1.5,
            item_sizes=[
                ItemSize(name="original", bytes=50e6),
                ItemSize(name="transcodes", bytes=100e6, fraction=0.5),
            ],
        ),
        conventions,
    )
    expected = {
        "writes_per_day": "43M/day",  # 500/s × 86,400 = 43.2M
        "writes_per_second": "500/s",  # declared
        "peak_writes_per_second": "750/s",
        "storage_per_day": "3.8 PiB/day",  # 43.2M × (50 MB + 50% × 100 MB) = 4.32e15 B
        "storage_per_month": "111 PiB/month",  # 5e10 B/s × 2.5M s = 1.25e17 B = 111.02 PiB
        "ingress_bandwidth": "47 GiB/s",  # 500 × 100 MB = 5e10 B/s = 46.57 GiB/s
    }
    assert {name: _text(estimates, name) for name in expected} == expected
    assert [f.text for _, f in estimates.storage_by_item] == ["1.9 PiB/day", "1.9 PiB/day"]
    assert estimates.figure(FigureName.storage_per_day) is not None
    assert "transcodes: 43M videos/day × 50% of videos × 95 MiB ≈ 1.9 PiB/day" in (
        estimates[FigureName.storage_per_day].steps
    )
    assert (
        estimates.figure(FigureName.reads_per_second) is None
    )  # no ratio, per-user reads or declared reads
    assert estimates.figure(FigureName.storage_total) is None
    assert any(m.startswith("reads per second: needs") for m in estimates.missing)
    assert any("scale.retention_years" in m for m in estimates.missing)


def test_ride_sharing_location_updates_with_a_declared_figure_that_disagrees() -> None:
    estimates = estimate(
        design_with_scale(
            dau=1_000_000,
            write_name="location update",
            writes_per_user_per_day=960,
            writes_per_second=1_000,
            reads_per_second=50_000,
            peak_factor=3,
            item_sizes=[ItemSize(name="location", bytes=100)],
            retention_years=0.5,
            replication_factor=2,
            capacity=Capacity(qps_per_server=5_000),
        )
    )
    expected = {
        "writes_per_day": "960M/day",  # 1M drivers × 960 (every 30 s for 8 h)
        "writes_per_second": "11K/s",  # 11,111: the derived figure wins over the declared
        "peak_writes_per_second": "33K/s",
        "reads_per_second": "50K/s",  # declared
        "peak_reads_per_second": "150K/s",
        "storage_per_day": "96 GB/day",  # 960M × 100 B
        "storage_per_year": "35 TB/year",  # 35.04 TB
        "storage_total": "35 TB",  # × 0.5 years × 2 copies
        "servers": "37 servers",  # (150,000 + 33,333) ÷ 5,000 = 36.7 -> 37
    }
    assert {name: _text(estimates, name) for name in expected} == expected
    [mismatch] = estimates.mismatches
    assert mismatch.figure == "writes_per_second"
    assert (mismatch.declared, mismatch.derived) == (1_000, pytest.approx(11_111.11, abs=0.01))  # type: ignore[comparison-overlap]
    assert mismatch.ratio == pytest.approx(11.1111, abs=1e-3)
    assert "1K/s" in mismatch.message and "11K/s" in mismatch.message


def test_a_tiny_service_says_rates_below_one_per_second() -> None:
    estimates = estimate(design_with_scale(dau=1_000, writes_per_user_per_day=2, peak_factor=1))
    assert _text(estimates, "writes_per_second") == "0.023/s"  # 2,000 ÷ 86,400
    assert _text(estimates, "peak_writes_per_second") == "0.023/s"
    assert estimates.figure(FigureName.writes_per_second) is not None
    assert (
        estimates[FigureName.writes_per_second].steps[-1]
        == "2K writes/day ÷ 86,400 s ≈ 0.023 writes/s"
    )


def test_a_hundred_thousand_seconds_a_day_is_a_convention_too() -> None:
    estimates = estimate(
        design_with_scale(dau=200_000_000, writes_per_user_per_day=2),
        Conventions(seconds_per_day=100_000),
    )
    assert _text(estimates, "writes_per_second") == "4K/s"
    assert estimates.figure(FigureName.writes_per_second) is not None
    assert (
        estimates[FigureName.writes_per_second].steps[-1]
        == "400M writes/day ÷ 100,000 s = 4,000 writes/s"
    )
