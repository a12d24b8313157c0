"""The load along the flows: hand-worked figures, the guide's numbers, and its properties."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sketch import (
    Component,
    Design,
    Entity,
    Field,
    Flow,
    ItemSize,
    NodeCapacity,
    Requirements,
    Scale,
    Step,
    Workload,
)
from sketch.estimating import Conventions, route_load
from sketch.estimating.catalogue import Catalogue, catalogue_from_settings, is_managed
from sketch.loading import load

GUIDE_READ_NODES = 140  # "1.4M reads/sec ... ~10K QPS" per node


def _components(**db: Any) -> list[Component]:
    return [
        Component(name="client", kind="client"),
        Component(name="app", kind="service", instances=4),
        Component(name="cache", kind="cache", technology="Redis", instances=2),
        Component(name="db", kind="database", technology="PostgreSQL", **db),
        Component(name="media", kind="object_store", technology="S3"),
    ]


def _read_flow(hit_ratio: float | None = 0.9) -> Flow:
    return Flow(
        name="Read",
        workload="read",
        steps=[
            Step(from_="client", to="app", action="GET /items/{id}"),
            Step(from_="app", to="cache", action="GET item", hit_ratio=hit_ratio),
            Step(from_="app", to="db", action="SELECT item", condition="cache miss"),
            Step(from_="app", to="client", action="return the item"),
        ],
    )


def _write_flow() -> Flow:
    return Flow(
        name="Write",
        workload="write",
        steps=[
            Step(from_="client", to="app", action="POST /items"),
            Step(from_="app", to="db", action="INSERT INTO items"),
            Step(from_="app", to="media", action="PUT the photo"),
        ],
    )


def _design(
    *, workloads: list[Workload] | None = None, flows: list[Flow] | None = None, **scale: Any
) -> Design:
    workloads = workloads or [
        Workload(
            name="write",
            kind="write",
            per_second=100,
            items=[
                ItemSize(name="row", bytes=1_000),
                ItemSize(name="photo", bytes=100_000, fraction=0.05, store="media"),
            ],
        ),
        Workload(name="read", ratio=50, ratio_of="write", response_bytes=2_000),
    ]
    return Design(
        name="items",
        requirements=Requirements(scale=Scale(workloads=workloads, **scale)),
        components=_components(replicas=1),
        flows=flows or [_read_flow(), _write_flow()],
    )


def test_each_component_carries_what_its_steps_deliver() -> None:
    model = route_load(_design())
    app, cache, db = (model.component(n) for n in ("app", "cache", "db"))
    assert app and cache and db
    assert (app.reads, app.writes) == (5_000, 100)
    assert cache.reads == 5_000
    # 10% of 5,000 reads miss the cache; the 100 writes go to the primary.
    assert db.reads == pytest.approx(500)
    assert db.writes == 100
    assert not model.peak_known and not db.judged_at_peak
    assert "judged at the average: no peak factor is given" in db.why


def test_where_the_bytes_go_and_what_accumulates() -> None:
    model = route_load(_design(retention_months=12), Conventions(month="2.5Ms"))
    db, media = model.component("db"), model.component("media")
    assert db and media
    year = 12 * 2_500_000
    assert db.stored_bytes == pytest.approx(100 * 1_000 * year)
    assert media.stored_bytes == pytest.approx(100 * 100_000 * 0.05 * year)
    app = model.component("app")
    assert app and app.bytes_out == pytest.approx(5_000 * 2_000)
    assert not media.dimensions, "a managed object store takes its load without a finding"


def test_the_peak_factor_sizes_every_component() -> None:
    model = route_load(_design(peak_factor=3))
    db = model.component("db")
    assert db and db.judged_at_peak
    assert db.peak_requests == pytest.approx(3 * 600)
    writes = next(d for d in db.dimensions if d.name == "writes")
    assert writes.load == pytest.approx(300) and writes.capacity == 1_000


def test_no_hit_ratio_means_every_read_misses_and_the_derivation_says_so() -> None:
    model = route_load(_design(flows=[_read_flow(hit_ratio=None), _write_flow()]))
    db = model.component("db")
    assert db and db.reads == pytest.approx(5_000)
    assert any("every request assumed to miss" in line for line in db.why)


def test_guide_twitter_database_needs_about_140_nodes() -> None:
    twitter = load(Path(__file__).parents[2] / "designs" / "twitter.py")
    stripped = twitter.model_copy(
        update={"components": [c for c in twitter.components if c.kind.value != "read_replica"]}
    )
    model = route_load(stripped)
    peak_reads = sum(w.peak or 0 for w in model.workloads if w.kind == "read")
    assert peak_reads == pytest.approx(1_388_889, rel=1e-3)  # "Peak ≈ 1.4M reads/sec"
    assert math.ceil(peak_reads / 10_000) in (GUIDE_READ_NODES - 1, GUIDE_READ_NODES)


def test_fanout_of_400m_tweets_a_day_to_200_followers_is_926k_writes_a_second() -> None:
    post = Workload(name="post tweet", kind="write", per_day=400_000_000, fanout=200)
    flow = Flow(
        name="Fanout",
        workload="post tweet",
        steps=[
            Step(from_="client", to="app", action="POST /tweets"),
            Step(
                from_="app",
                to="cache",
                action="append tweet_id to each follower's timeline",
                fanout=True,
            ),
        ],
    )
    design = _design(workloads=[post], flows=[flow])
    cache = route_load(design).component("cache")
    assert cache and cache.writes == pytest.approx(925_926, rel=1e-6)


@pytest.mark.parametrize(("month", "per_second"), [("2.5Ms", 4.0), ("30d", 10_000_000 / 2_592_000)])
def test_monthly_totals_follow_the_month_convention(month: str, per_second: float) -> None:
    write = Workload(name="write", kind="write", per_month=10_000_000)
    design = _design(workloads=[write], flows=[_write_flow()])
    (rate,) = route_load(design, Conventions(month=month)).workloads
    assert rate.average == pytest.approx(per_second, rel=1e-12)


def test_weekly_refresh_and_per_user_rates() -> None:
    crawl = Workload(name="write", kind="write", per_week=1_000_000_000)
    (rate,) = route_load(_design(workloads=[crawl], flows=[_write_flow()])).workloads
    assert rate.average * 30 * 86_400 == pytest.approx(1e9 * 30 / 7)  # ~4.3B/month
    users = Workload(name="write", kind="write", per_user_per_day=2, users="mau")
    (rate,) = route_load(_design(workloads=[users], flows=[_write_flow()], mau=43_200)).workloads
    assert rate.average == pytest.approx(1.0)


def test_datasets_fill_their_store_and_connections_their_gateway() -> None:
    edges = Entity(
        name="Friend",
        stored_in="db",
        rows_per_user=50,
        fields=[Field(name="a", type="BIGINT"), Field(name="b", type="BIGINT")],
    )
    design = _design(total_users=100_000_000, dau=10_000_000, online_fraction=0.1)
    design = design.model_copy(
        update={
            "entities": [edges],
            "components": [
                *design.components,
                Component(name="ws", kind="websocket_gateway", instances=5),
            ],
        }
    )
    model = route_load(design)
    db, ws = model.component("db"), model.component("ws")
    assert db and db.stored_bytes == pytest.approx(5e9 * 16)  # 100M users x 50 friends x 16 B
    assert ws and ws.connections == pytest.approx(1_000_000)
    (dimension,) = ws.dimensions
    assert (dimension.name, dimension.nodes_needed) == ("connections", 10)


def test_saturation_ranks_components_and_scales_with_traffic() -> None:
    design = _design(peak_factor=2)
    one, ten = route_load(design), route_load(design, scale=10)
    first = one.breaks_first
    assert first is not None and ten.breaks_first is not None
    assert ten.breaks_first.name == first.name
    assert (ten.breaks_first.saturates_at or 0) == pytest.approx((first.saturates_at or 0) / 10)
    line = one.saturation_line()
    assert line and line.startswith(f"{first.name} saturates at ")
    assert line.endswith("multiples of today's traffic, at the peak")


def test_capacity_overrides_nearest_wins() -> None:
    design = _design()
    db = design.component("db")
    assert db
    defaults = Catalogue().figures(db)
    assert defaults.requests_per_second == 10_000 and "the guide" in defaults.source
    project = catalogue_from_settings({"PostgreSQL": {"requests_per_second": 20_000}})
    assert project.figures(db).requests_per_second == 20_000
    mine = db.model_copy(update={"capacity": NodeCapacity(requests_per_second=5_000)})
    assert project.figures(mine).requests_per_second == 5_000
    assert is_managed(Component(name="s3", kind="object_store"))
    assert not is_managed(db)


def test_unrouted_flows_and_idle_workloads_are_reported() -> None:
    flow = _read_flow().model_copy(update={"workload": None})
    model = route_load(_design(flows=[flow, _write_flow()]))
    assert [u.name for u in model.unrouted] == ["Read"]
    assert model.idle_workloads == (("requirements.scale.workloads[1]", "read"),)


def test_a_bad_scale_factor_is_refused() -> None:
    for bad in (0, -1, math.inf, math.nan):
        with pytest.raises(ValueError, match="positive finite"):
            route_load(_design(), scale=bad)


# --- Properties ------------------------------------------------------------------------------

_loads = st.floats(min_value=0.01, max_value=1e7, allow_nan=False, allow_infinity=False)


@settings(max_examples=40, deadline=None)
@given(rate=_loads, k=st.floats(min_value=0.01, max_value=1e3))
def test_scaling_traffic_by_k_scales_every_component_by_k(rate: float, k: float) -> None:
    workloads = [
        Workload(
            name="write", kind="write", per_second=rate, items=[ItemSize(name="row", bytes=100)]
        ),
        Workload(name="read", ratio=10, ratio_of="write"),
    ]
    design = _design(workloads=workloads, retention_years=1)
    one, scaled = route_load(design), route_load(design, scale=k)
    for a in one.components:
        b = scaled.component(a.name)
        assert b is not None
        assert b.requests == pytest.approx(a.requests * k, rel=1e-9)
        assert b.stored_bytes == pytest.approx(a.stored_bytes * k, rel=1e-9)


@settings(max_examples=40, deadline=None)
@given(hit=st.floats(min_value=0, max_value=1))
def test_a_cache_with_hit_ratio_h_leaves_1_minus_h_of_the_reads(hit: float) -> None:
    db = route_load(_design(flows=[_read_flow(hit_ratio=hit), _write_flow()])).component("db")
    assert db is not None
    assert db.reads == pytest.approx(5_000 * (1 - hit), abs=1e-9)


@settings(max_examples=30, deadline=None)
@given(replicas=st.integers(min_value=0, max_value=5), extra=st.integers(min_value=1, max_value=4))
def test_adding_a_replica_never_raises_the_primarys_load(replicas: int, extra: int) -> None:
    def primary_load(n: int) -> float:
        design = _design().model_copy(update={"components": _components(replicas=n)})
        db = route_load(design).component("db")
        assert db is not None
        return db.requests

    assert primary_load(replicas + extra) <= primary_load(replicas)


@pytest.mark.parametrize(
    ("month", "writes", "per_month", "over_36_months"),
    [
        ("2.5Ms", 4.0, 12.71e9, 457.56e9),
        ("30d", 10_000_000 / 2_592_000, 12.71e9, 457.56e9),
    ],
)
def test_a_design_in_monthly_totals_reproduces_its_own_arithmetic(
    month: str, writes: float, per_month: float, over_36_months: float
) -> None:
    """10M pastes/month of 1,271 B each, kept 36 months: 4 writes/s under a 2.5M-second
    month, 12.71 GB/month and 457.56 GB under either convention."""
    from sketch.estimating import FigureName, estimate

    scale = Scale(
        writes_per_month=10_000_000,
        item_sizes=[ItemSize(name="paste", bytes=1_271)],
        retention_months=36,
    )
    figures = estimate(
        Design(name="paste", requirements=Requirements(scale=scale)), Conventions(month=month)
    )
    assert figures[FigureName.writes_per_second].value == pytest.approx(writes, rel=1e-12)
    assert figures[FigureName.storage_per_month].value == pytest.approx(per_month, rel=1e-12)
    assert figures[FigureName.storage_total].value == pytest.approx(over_36_months, rel=1e-12)


def test_a_year_is_twelve_months_under_the_25m_second_month() -> None:
    from sketch.estimating import FigureName, estimate

    scale = Scale(
        writes_per_month=10_000_000,
        item_sizes=[ItemSize(name="paste", bytes=1_271)],
        retention_years=3,
    )
    design = Design(name="paste", requirements=Requirements(scale=scale))
    monthly = estimate(design, Conventions(month="2.5Ms"))
    assert monthly[FigureName.storage_per_year].value == pytest.approx(12 * 12.71e9)
    assert monthly[FigureName.storage_total].value == pytest.approx(457.56e9)
    daily = estimate(design, Conventions(month="30d"))
    assert daily[FigureName.storage_per_year].value == pytest.approx(12.71e9 / 30 * 365)


def test_a_design_without_workloads_ties_its_writes_and_reads_to_one_flow_each() -> None:
    """The scale states one write rate: the flow about the scale's writes carries it, once;
    other writing flows are left to be tied (lint asks) rather than counted twice."""
    scale = Scale(
        dau=1_000_000, writes_per_user_per_day=10, read_write_ratio=2, write_name="location ping"
    )
    flows = [
        Flow(
            name="Book",
            steps=[
                Step(from_="client", to="app", action="POST /trips"),
                Step(from_="app", to="db", action="INSERT trip"),
            ],
        ),
        Flow(
            name="Ping",
            steps=[
                Step(from_="client", to="app", action="PUT /location"),
                Step(from_="app", to="cache", action="GEOADD the location"),
            ],
        ),
        Flow(
            name="Track",
            steps=[
                Step(from_="client", to="app", action="GET /trips/{id}"),
                Step(from_="app", to="db", action="SELECT trip"),
            ],
        ),
    ]
    design = Design(
        name="rides", requirements=Requirements(scale=scale), components=_components(), flows=flows
    )
    model = route_load(design)
    cache, db = model.component("cache"), model.component("db")
    assert cache and db
    assert cache.writes == pytest.approx(10_000_000 / 86_400)
    assert db.writes == 0
    assert db.reads == pytest.approx(2 * 10_000_000 / 86_400)
    assert [u.name for u in model.unrouted] == ["Book"]


def test_a_design_stated_in_workloads_only_gets_the_guides_whiteboard_figures() -> None:
    from sketch.estimating import FigureName, estimate

    scale = Scale(
        dau=200_000_000,
        peak_factor=3,
        workloads=[
            Workload(
                name="post tweet",
                kind="write",
                per_user_per_day=2,
                fanout=200,
                items=[ItemSize(name="text", chars=280), ItemSize(name="meta", bytes=190)],
            ),
            Workload(name="home timeline", ratio=100, ratio_of="post tweet"),
            Workload(name="search", per_second=1_000),
        ],
    )
    figures = estimate(Design(name="t", requirements=Requirements(scale=scale)))
    assert figures[FigureName.writes_per_second].value == pytest.approx(4_629.6, rel=1e-4)
    assert figures[FigureName.peak_reads_per_second].value == pytest.approx(
        3 * (462_963 + 1_000), rel=1e-5
    )
    assert figures[FigureName.storage_per_day].value == pytest.approx(300e9)
    steps = figures[FigureName.reads_per_second].steps
    assert steps[-1] == "reads: home timeline 463K/s + search 1,000/s ≈ 464K reads/s"


def test_a_scatter_gather_makes_n_calls_per_request() -> None:
    flow = Flow(
        name="Read",
        workload="read",
        steps=[
            Step(from_="client", to="app", action="GET /search"),
            Step(from_="app", to="db", action="SELECT matches from every shard", parallel=16),
        ],
    )
    design = _design(flows=[flow, _write_flow()])
    design = design.model_copy(update={"components": _components(shards=16)})
    db = route_load(design).component("db")
    assert db and db.reads == pytest.approx(16 * 5_000)
    requests = next(d for d in db.dimensions if d.name == "requests")
    assert requests.capacity == 16 * 10_000  # each shard takes every query


def test_a_flow_a_scheduler_starts_is_a_periodic_job_not_an_untied_flow() -> None:
    design = _design()
    nightly = Flow(
        name="Nightly report",
        steps=[Step(from_="cron", to="db", action="SELECT the day's items")],
    )
    design = design.model_copy(
        update={
            "components": [*design.components, Component(name="cron", kind="scheduler")],
            "flows": [*design.flows, nightly],
        }
    )
    (job,) = route_load(design).unrouted
    assert job.periodic and "its rate is its schedule" in job.why
