"""What a store accumulates: new rows grow it, rewriting the rows it holds does not."""

from __future__ import annotations

import pytest

from sketch import (
    Component,
    Design,
    Entity,
    Field,
    Flow,
    ItemSize,
    Requirements,
    Scale,
    Step,
    Workload,
)
from sketch.estimating import route_load


def _design(action: str, *, store: str | None = None, rows: int | None = None) -> Design:
    return Design(
        name="stored",
        requirements=Requirements(
            scale=Scale(
                retention_months=12,
                workloads=[
                    Workload(
                        name="crawl",
                        kind="write",
                        per_second=100,
                        items=[ItemSize(name="row", bytes=1_000, store=store)],
                    )
                ],
            )
        ),
        entities=[
            Entity(
                name="Url",
                fields=[Field(name="id", type="BIGINT"), Field(name="url", type="TEXT")],
                stored_in="db",
                rows=rows,
                row_bytes=100,
            )
        ],
        components=[
            Component(name="worker", kind="worker"),
            Component(name="db", kind="database", technology="PostgreSQL"),
        ],
        flows=[
            Flow(
                name="Crawl",
                workload="crawl",
                steps=[Step(from_="worker", to="db", action=action)],
            )
        ],
    )


def _db(design: Design) -> tuple[float, tuple[str, ...]]:
    db = route_load(design).component("db")
    assert db is not None
    return db.stored_bytes, db.why


YEAR = 100 * 1_000 * 12 * 30 * 86_400  # 100/s x 1 KB over 12 months of 30 days


@pytest.mark.parametrize("action", ["INSERT INTO urls", "write the page's row"])
def test_new_rows_grow_the_store(action: str) -> None:
    assert _db(_design(action))[0] == pytest.approx(YEAR)


@pytest.mark.parametrize("action", ["UPDATE urls SET status", "upsert the url row", "DELETE old"])
def test_rewriting_rows_adds_no_bytes(action: str) -> None:
    assert _db(_design(action))[0] == 0


def test_an_item_sent_to_a_sized_dataset_only_by_rewrites_adds_nothing_and_says_so() -> None:
    stored, why = _db(_design("UPSERT urls row", store="db", rows=1_000_000))
    assert stored == pytest.approx(1_000_000 * 100)  # the dataset the entity declares
    assert any("row of 'crawl' adds no bytes" in line and "UPSERT urls row" in line for line in why)


def test_an_item_sent_to_a_store_the_design_sizes_no_other_way_still_counts() -> None:
    assert _db(_design("UPSERT urls row", store="db"))[0] == pytest.approx(YEAR)
