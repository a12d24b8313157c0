"""The checklist's "Asked about scale (DAU, RPS, storage)?": any request rate the estimate
derives answers it, with or without users; a KV store or a crawler is never told to invent a DAU."""

from __future__ import annotations

from typing import Any

from sketch import ItemSize, Scale, Workload
from sketch.practice.checklist import Status, checklist
from tests.helpers.factories import clean_design, requirements

PAGE = ItemSize(name="page", bytes=100_000)


def _scale_item(**given: Any) -> tuple[Status, str, str | None]:
    design = clean_design(requirements=requirements(scale=Scale(**given)))
    item = checklist(design).item("scale")
    return item.status, item.why, item.fix


def test_a_kv_store_s_workloads_answer_the_scale_question() -> None:
    put = Workload(name="put", kind="write", per_second=100_000, items=(PAGE,))
    get = Workload(name="get", per_second=300_000)
    status, why, fix = _scale_item(workloads=[put, get], write_name="put")
    assert status is Status.ticked, why
    assert why == "100K puts/s, 864 TB/day"
    assert fix is None


def test_a_crawler_s_monthly_total_answers_it_without_users() -> None:
    status, why, _ = _scale_item(writes_per_month=1e9, item_sizes=[PAGE], write_name="page")
    assert status is Status.ticked, why
    assert why.startswith("386 pages/s, ")


def test_users_are_still_quoted_when_given() -> None:
    status, why, _ = _scale_item(dau=1_000_000, writes_per_user_per_day=1, item_sizes=[PAGE])
    assert status is Status.ticked
    assert why.startswith("1M DAU, 12 writes/s, ")


def test_a_rate_without_sizes_asks_for_the_sizes_only() -> None:
    status, why, fix = _scale_item(writes_per_second=50)
    assert status is Status.unticked
    assert why == "the scale gives no storage"
    assert fix is not None and "item_sizes" in fix and "dau" not in fix


def test_users_without_a_rate_ask_for_actions_per_user() -> None:
    status, why, fix = _scale_item(dau=1_000_000, item_sizes=[PAGE])
    assert status is Status.unticked
    assert why == "the scale gives no requests/s or storage"
    assert fix is not None and "writes_per_user_per_day" in fix


def test_no_users_and_no_rate_offer_either() -> None:
    status, why, fix = _scale_item(peak_factor=3)
    assert status is Status.unticked
    assert why == "the scale gives no users or requests/s, and no storage"
    assert fix is not None and "dau" in fix and "writes_per_day" in fix and "workloads" in fix
