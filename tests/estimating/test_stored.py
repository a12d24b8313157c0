"""What a store accumulates (new rows grow it, rewriting rows does not) and what a cache holds."""

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
from sketch.estimating.spoken import X


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


def _two_caches(feed_bytes: float | None) -> Design:
    workloads = [
        Workload(name="post", kind="write", per_second=10),
        Workload(name="feed", ratio=100, ratio_of="post", response_bytes=feed_bytes),
        Workload(name="profile", ratio=10, ratio_of="post", response_bytes=1_000),
    ]

    def read(name: str, cache: str) -> Flow:
        return Flow(
            name=name,
            workload=name,
            steps=[Step(from_="app", to=cache, action=f"GET {name}", hit_ratio=0.9)],
        )

    return Design(
        name="caches",
        requirements=Requirements(scale=Scale(workloads=workloads, read_response_bytes=50_000)),
        components=[
            Component(name="app", kind="service"),
            Component(name="feeds", kind="cache", technology="Redis"),
            Component(name="profiles", kind="cache", technology="Redis"),
        ],
        flows=[read("feed", "feeds"), read("profile", "profiles")],
    )


def test_each_cache_holds_the_hot_set_of_the_reads_that_reach_it() -> None:
    model = route_load(_two_caches(feed_bytes=10_000))
    feeds, profiles = model.component("feeds"), model.component("profiles")
    assert feeds is not None and profiles is not None
    day = 86_400 * 0.2
    assert feeds.memory_bytes == pytest.approx(1_000 * 10_000 * day)
    assert profiles.memory_bytes == pytest.approx(100 * 1_000 * day)
    assert any("reads that reach it" in line for line in feeds.why)


def test_without_a_response_size_the_caches_share_the_estimate() -> None:
    model = route_load(_two_caches(feed_bytes=None))
    feeds = model.component("feeds")
    assert feeds is not None
    assert any("cache size estimate" in line for line in feeds.why)


@pytest.mark.parametrize(
    ("workloads", "noun"),
    [
        ([Workload(name="commit", kind="write", per_second=10)], "file commits/s"),
        (
            [
                Workload(name="upload", kind="write", per_second=10),
                Workload(name="commit", kind="write", per_second=10),
            ],
            "writes/s",  # two writes of one file commit, not two commits
        ),
    ],
)
def test_write_workloads_added_up_are_called_writes(workloads: list[Workload], noun: str) -> None:
    from sketch.estimating import FigureName, estimate

    design = Design(
        name="noun",
        requirements=Requirements(scale=Scale(write_name="file commit", workloads=workloads)),
    )
    per_day = estimate(design).figure(FigureName.writes_per_day)
    assert per_day is not None
    assert per_day.steps[-1].startswith(f"20 {noun}" if len(workloads) > 1 else f"10 {noun}")


def test_an_item_kept_for_a_day_holds_a_day_of_it_not_the_years() -> None:
    design = _design("INSERT INTO keys")
    scale = design.requirements.scale
    assert scale is not None
    (workload,) = scale.workloads
    kept = workload.model_copy(
        update={"items": [ItemSize(name="idempotency key", bytes=1_000, retention_days=1)]}
    )
    design = design.model_copy(
        update={
            "requirements": design.requirements.model_copy(
                update={"scale": scale.model_copy(update={"workloads": [kept]})}
            )
        }
    )
    stored, why = _db(design)
    assert stored == pytest.approx(100 * 1_000 * 86_400)
    assert any("idempotency key of 'crawl'" in line and f"{X} 1 day =" in line for line in why)
