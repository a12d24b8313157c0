"""Missing inputs are named for the figure that needs them; declared figures are checked."""

# ruff: noqa: RUF001  (the expected derivations use the multiplication sign)

from __future__ import annotations

from sketch import Design, ItemSize, Requirements
from sketch.errors import Severity
from sketch.estimating import FigureName, estimate
from sketch.linting import REGISTRY, lint_design
from tests.helpers import factories
from tests.helpers.factories import design_with_scale


def test_a_design_without_scale_gets_one_message_and_no_figure() -> None:
    estimates = estimate(Design(name="empty", requirements=Requirements()))
    assert list(estimates.figures()) == []
    assert all(estimates.figure(name) is None for name in FigureName)
    [message] = estimates.missing
    assert message.startswith("every figure: needs requirements.scale")


def test_each_missing_figure_names_the_input_it_needs() -> None:
    estimates = estimate(design_with_scale(dau=1_000_000, writes_per_user_per_day=3))
    assert estimates.figure(FigureName.writes_per_second) is not None
    assert estimates.figure(FigureName.peak_writes_per_second) is None
    assert estimates.missing == [
        "peak writes per second: needs scale.peak_factor (peak ÷ average, e.g. 3)",
        "reads per second: needs scale.read_write_ratio (with the writes), scale.dau and "
        "scale.reads_per_user_per_day, scale.reads_per_day, scale.reads_per_month or "
        "scale.reads_per_second",
        "storage per day: needs scale.item_sizes (bytes stored per write, "
        "e.g. ItemSize(name='text', chars=280, bytes_per_char=2))",
        "storage per month: needs storage per day (see above)",
        "storage per year: needs storage per day (see above)",
        "storage over retention: needs storage per day (see above)",
        "ingress bandwidth: needs writes per second and scale.item_sizes",
        "egress bandwidth: needs reads per second and scale.read_response_bytes "
        "(bytes returned per read)",
        "cache size: needs reads per second and scale.read_response_bytes "
        "(bytes returned per read)",
        "app servers: needs scale.capacity.qps_per_server (requests/s one app server handles)",
        "database nodes: needs scale.capacity.qps_per_database "
        "(queries/s one database node handles; the guide uses ~10K)",
        "shards: needs scale.capacity.storage_per_shard_bytes (bytes one shard holds)",
    ]


def test_mau_alone_is_not_turned_into_dau() -> None:
    estimates = estimate(design_with_scale(mau=300_000_000, writes_per_user_per_day=2))
    assert estimates.figure(FigureName.writes_per_second) is None
    assert estimates.missing[0].startswith("writes per day: needs scale.dau")


def test_declared_figures_within_2x_are_fine() -> None:
    estimates = estimate(
        design_with_scale(
            dau=200_000_000,
            writes_per_user_per_day=2,
            writes_per_second=9_000,
            read_write_ratio=100,
            reads_per_second=250_000,
        )
    )
    assert estimates.mismatches == []  # 9,000 vs 4,630 (1.9x); 250K vs 463K (1.85x)


def test_declared_figures_more_than_2x_off_become_r111_warnings_with_both_numbers() -> None:
    # Lint's R111 (declared-figure-disagrees) reports the estimate's mismatches; it replaced
    # the C401 problems of `sketch.estimating.findings`, which nothing ran.
    design = design_with_scale(
        dau=200_000_000,
        writes_per_user_per_day=2,
        writes_per_second=100_000,
        read_write_ratio=100,
        reads_per_second=100_000,
        item_sizes=[ItemSize(name="t", bytes=1)],
    )
    rule = REGISTRY.get("R111")
    assert rule is not None
    findings = {f.path: f for f in lint_design(design, [rule])}
    assert [f.code for f in findings.values()] == ["R111", "R111"]
    assert {f.severity for f in findings.values()} == {Severity.warning}
    writes = findings["requirements.scale.writes_per_second"]
    reads = findings["requirements.scale.reads_per_second"]
    assert writes.path == "requirements.scale.writes_per_second"
    assert writes.message == (
        "declared writes per second 100K/s is 21.6x higher than the derived 4.6K/s "
        "(scale.dau × writes_per_user_per_day)"
    )
    assert reads.path == "requirements.scale.reads_per_second"
    assert reads.message == (
        "declared reads per second 100K/s is 4.6x lower than the derived 463K/s "
        "(writes per second × read_write_ratio)"
    )
    [declared_writes, _] = estimate(design).mismatches
    assert declared_writes.declared == 100_000
    assert writes.source is not None and writes.source.file == factories.__file__


def test_reads_per_user_are_checked_against_the_read_write_ratio() -> None:
    estimates = estimate(
        design_with_scale(
            dau=1_000_000,
            writes_per_user_per_day=1,
            read_write_ratio=10,
            reads_per_user_per_day=100,
        )
    )
    [mismatch] = estimates.mismatches
    assert mismatch.path == "requirements.scale.reads_per_user_per_day"
    assert mismatch.ratio == 10
