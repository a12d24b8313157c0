"""R103, R108 and R109 read the scale as `sketch estimate` derives it: a design that states its
load as totals per day or month, or as named workloads, and has no users at all (a crawler, a
key-value store) has scale numbers, a read load and item sizes."""

from __future__ import annotations

from typing import Any

import pytest

from sketch import Design, ItemSize, Scale, Workload
from sketch.estimating import FigureName, estimate
from sketch.linting import REGISTRY, lint_design
from tests.helpers.factories import clean_design, requirements

RULES = [rule for rule in REGISTRY if rule.code in ("R103", "R108", "R109")]


def _codes(**given: Any) -> list[str]:
    design = clean_design(requirements=requirements(scale=Scale(**given)))
    return sorted(f.code for f in lint_design(design, RULES))


def _fires(design: Design) -> list[str]:
    return sorted(f.code for f in lint_design(design, RULES))


PAGE = ItemSize(name="page", bytes=100_000)


@pytest.mark.parametrize(
    "given",
    [
        {"writes_per_month": 1e9, "reads_per_day": 1e6, "item_sizes": [PAGE]},
        {"writes_per_day": 5e6, "reads_per_month": 1e8, "item_sizes": [PAGE]},
        {"writes_per_second": 50, "reads_per_second": 500, "item_sizes": [PAGE]},
    ],
    ids=["per-month-writes", "per-day-writes", "declared-rates"],
)
def test_totals_without_users_are_scale_numbers_and_a_read_load(given: dict[str, Any]) -> None:
    assert _codes(**given) == []


def test_a_crawler_stated_as_workloads_passes_all_three() -> None:
    fetch = Workload(name="fetch", kind="write", per_month=1e9, items=(PAGE,))
    links = Workload(name="links", kind="write", ratio=1, ratio_of="fetch")
    status = Workload(name="status lookup", per_day=10_000)
    assert _codes(workloads=[fetch, links, status], peak_factor=2) == []


def test_a_kv_store_with_per_second_workloads_has_scale_and_reads() -> None:
    put = Workload(name="put", kind="write", per_second=100_000, items=(PAGE,))
    get = Workload(name="get", per_second=300_000)
    assert _codes(workloads=[put, get]) == []


def test_reads_per_day_is_a_read_load() -> None:
    # typeahead: 10B searches a day, no ratio
    assert _codes(dau=500_000_000, writes_per_user_per_day=1, reads_per_day=1e10) == ["R108"]


def test_items_on_a_per_user_write_workload_are_item_sizes() -> None:
    upload = Workload(name="upload", kind="write", per_user_per_day=2, items=(PAGE,))
    download = Workload(name="download", per_user_per_day=6)
    design = clean_design(
        requirements=requirements(scale=Scale(dau=50_000_000, workloads=[upload, download]))
    )
    assert estimate(design).figure(FigureName.storage_per_day) is not None
    assert _fires(design) == []


# The rules still fire when the design truly lacks what they ask for.


def test_no_scale_at_all_is_r103() -> None:
    assert _fires(clean_design(requirements=requirements(scale=None))) == ["R103", "R108"]


def test_a_scale_without_users_or_rates_is_r103() -> None:
    # a peak factor and item sizes are no scale: nothing says how much traffic there is
    assert _codes(peak_factor=3, item_sizes=[PAGE]) == ["R103", "R109"]


def test_a_per_user_workload_without_users_gives_no_scale() -> None:
    upload = Workload(name="upload", kind="write", per_user_per_day=2, items=(PAGE,))
    get = Workload(name="get", per_user_per_day=20)
    assert _codes(workloads=[upload, get]) == ["R103"]


def test_users_alone_are_scale_numbers() -> None:
    assert "R103" not in _codes(dau=5_000)
    assert "R103" not in _codes(mau=5_000)
    assert "R103" not in _codes(total_users=5_000)


def test_write_only_workloads_have_no_read_load() -> None:
    ingest = Workload(name="ingest", kind="write", per_second=10_000, items=(PAGE,))
    assert _codes(workloads=[ingest]) == ["R109"]


def test_writes_without_a_read_figure_have_no_read_load() -> None:
    assert _codes(writes_per_day=1e6, item_sizes=[PAGE]) == ["R109"]


def test_a_ratio_waiting_for_the_writes_is_still_a_read_load() -> None:
    # the read question was asked (100:1); what is missing is the writes, which estimate says
    assert _codes(dau=1_000, read_write_ratio=100, item_sizes=[PAGE]) == []


def test_write_workloads_without_items_store_nothing_estimable() -> None:
    put = Workload(name="put", kind="write", per_second=100)
    get = Workload(name="get", per_second=1_000)
    assert _codes(workloads=[put, get]) == ["R108"]


def test_items_on_a_read_workload_size_no_storage() -> None:
    # estimate stores only what writes carry: an item on a read stores nothing
    put = Workload(name="put", kind="write", per_second=100)
    get = Workload(name="get", per_second=1_000, items=(PAGE,))
    assert _codes(workloads=[put, get]) == ["R108"]
