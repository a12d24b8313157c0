"""The load rules (D320-D330) on the guide's numbers, on published-style designs nobody here
wrote, and at the boundaries: just under a capacity is clean, just over is a finding."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sketch import Component, Design, Flow, NodeCapacity, Step
from sketch.errors import Problem
from sketch.estimating import Conventions, route_load
from sketch.estimating.spoken import X
from sketch.linting import REGISTRY, lint_design
from sketch.linting.settings import Thresholds
from sketch.loading import load_design
from tests.helpers.factories import one_store_design
from tests.helpers.paths import REPO_ROOT
from tests.linting.examples.load import loaded

LOAD_RULES = [r for r in REGISTRY if r.check.__module__ == "sketch.linting.rules.load"]
PUBLISHED = Path(__file__).parent / "data" / "published"
MONTHLY = Conventions(month="2.5Ms")


def findings(design: Design, **kwargs: Any) -> list[Problem]:
    return lint_design(design, LOAD_RULES, **kwargs)


def codes(design: Design, **kwargs: Any) -> list[tuple[str, str]]:
    """(code, component or path) of each load finding."""
    return sorted((f.code, f.path) for f in findings(design, **kwargs))


def twitter() -> Design:
    return load_design(REPO_ROOT / "designs" / "twitter.py").design


def with_dau(design: Design, dau: int) -> Design:
    scale = design.requirements.scale
    assert scale is not None
    requirements = design.requirements.model_copy(
        update={"scale": scale.model_copy(update={"dau": dau})}
    )
    return design.model_copy(update={"requirements": requirements})


def guides_first_design() -> Design:
    """Twitter as the guide first draws it: 2 load balancers, "App Servers x 20", a cache of
    3 nodes (+3 replicas) and one PostgreSQL primary with 2 replicas; no hit ratio stated."""
    design = twitter()
    sized: dict[str, dict[str, Any]] = {
        "lb": {"instances": 2},
        "app": {"instances": 20},
        "cache": {"instances": 3, "replicas": 3, "shards": None},
        "db": {"replicas": 2, "shards": None},
    }
    components = [c.model_copy(update=sized.get(c.name, {})) for c in design.components]
    flows = [
        f.model_copy(update={"steps": [s.model_copy(update={"hit_ratio": None}) for s in f.steps]})
        for f in design.flows
    ]
    return design.model_copy(update={"components": components, "flows": flows})


# --- The guide's Twitter -----------------------------------------------------------------


def test_the_gallery_twitter_fits_its_load_and_says_what_breaks_first() -> None:
    design = twitter()
    assert findings(design) == []
    model = route_load(design)
    fanout = next(w for w in model.workloads if w.name == "post tweet")
    assert fanout.average == pytest.approx(400e6 / 86_400)  # 4,630 tweets/s
    cache = model.component("cache")
    assert cache is not None
    deliveries = sum(c.average for c in cache.contributions if c.step_index == 8)
    assert deliveries == pytest.approx(400e6 / 86_400 * 200)  # ~926K timeline writes/s
    first = model.breaks_first
    assert first is not None and first.name == "app"
    assert first.saturates_at == pytest.approx(2_000_000 / (3 * 467_592.6), rel=1e-3)  # 1.4x


def test_the_guides_first_design_is_an_order_of_magnitude_short() -> None:
    # 1.4M reads/s at peak against the guide's ~10K QPS per node: 141 database nodes for 3.
    found = {f.code + " " + f.path: f.message for f in findings(guides_first_design())}
    assert set(found) == {
        "D323 components[2]",  # lb: 2 nodes, needs 29
        "D323 components[3]",  # app: 20 servers, needs 1,403
        "D320 components[6]",  # every read misses and sets: 2.8M requests/s on 6 Redis nodes
        "D326 components[6]",  # 200M timelines (1.3 TB) in 3 x 52.8 GiB
        "D321 components[7]",  # 14K tweets/s at peak on one primary
        "D322 components[7]",  # the cache misses on 3 nodes
        "D326 components[7]",  # 547 TB over 5 years on one node
    }
    assert "declares 20 nodes and needs 1,403 at peak" in found["D323 components[3]"]
    db = found["D322 components[7]"]
    assert f"1.4M requests/s against 3 nodes {X} 10K/s = 30K/s" in db
    assert "needs 141" in db
    assert "no hit_ratio is given, so every read is assumed to miss" in db
    assert f"writes: 14K/s against 1 node {X} 1,000/s" in found["D321 components[7]"]
    assert "at peak" in found["D321 components[7]"]


def test_twitter_at_ten_times_the_users_breaks_everywhere() -> None:
    # 2B DAU on today's nodes: lint no longer says "All clear".
    found = codes(with_dau(twitter(), 2_000_000_000))
    assert found == [
        ("D320", "components[2]"),  # lb: 14M requests/s on 40 nodes
        ("D320", "components[3]"),  # app: needs 14,028
        ("D320", "components[5]"),  # fanout workers
        ("D321", "components[7]"),  # 139K writes/s on 32 primaries
        ("D322", "components[7]"),  # 833K misses/s on 64 nodes
        ("D325", "components[6]"),  # 9.3M deliveries/s dominate the timeline cache
        ("D326", "components[6]"),  # 13 TB of timelines
        ("D326", "components[7]"),  # 5.5 PB of tweets
    ]
    # The same answer as the what-if of today's design at 10x.
    model = route_load(twitter(), scale=10)
    assert [c.name for c in model.ranked[:2]] == ["app", "lb"]
    still_fits = [c.name for c in model.ranked if (c.saturates_at or 0) >= 1]
    assert still_fits == ["queue"]  # Kafka: 139K messages/s on 3 brokers


def test_ten_thousand_users_on_twenty_app_servers_is_over_provisioned() -> None:
    small = with_dau(guides_first_design(), 10_000)
    found = {f.path: f.message for f in findings(small) if f.code == "D324"}
    assert "components[3]" in found  # app
    assert found["components[3]"].startswith("service 'app' runs 20 nodes where 2 would do")
    assert "requests: 70/s against 20 nodes" in found["components[3]"]
    # Two replicas of a small database are redundancy, not over-provisioning.
    assert "components[7]" not in found


def test_sixteen_shards_at_seventy_requests_a_second() -> None:
    design = loaded(post=3, feed=20, app=2, db={"shards": 16, "replicas": 0})
    [finding] = findings(design)
    assert finding.code == "D324" and finding.path == "components[3]"
    assert "runs 16 nodes where 2 would do at peak" in finding.message


# --- Published-style designs given as monthly totals --------------------------------------


def published(name: str) -> Design:
    return load_design(PUBLISHED / f"{name}.py").design


def test_pastebin_reproduces_its_own_arithmetic_and_raises_nothing() -> None:
    design = published("pastebin")
    model = route_load(design, MONTHLY)
    db = model.component("db")
    assert db is not None
    assert db.writes == pytest.approx(4.0)  # 10M / 2.5M s
    assert db.stored_bytes == pytest.approx(1_271 * 10e6 * 36)  # 457.6 GB
    assert findings(design, conventions=MONTHLY) == []


def test_sales_rank_replicas_behind_a_cache_and_a_primary_with_no_headroom() -> None:
    design = published("sales_rank")
    found = {f.code: f for f in findings(design, conventions=MONTHLY)}
    assert set(found) == {"D322", "D330"}
    d322 = found["D322"]
    assert d322.path == "components[4]"  # reported once, at the primary
    assert "database 'db' and its replicas ('replica')" in d322.message
    assert "at the average (no peak factor given)" in d322.message
    assert f"40K requests/s against 3 nodes {X} 10K/s = 30K/s" in d322.message
    headroom = [f for f in findings(design, conventions=MONTHLY) if f.code == "D330"]
    db = next(f for f in headroom if f.path == "components[4]")
    assert "saturates at 2.5x today's average writes" in db.message  # 400 of 1,000 writes/s


def test_mint_one_primary_and_three_years_of_transactions() -> None:
    found = {f.code: f.message for f in findings(published("mint"), conventions=MONTHLY)}
    assert set(found) == {"D321", "D326"}
    assert f"writes: 2,000/s against 1 node {X} 1,000/s = 1,000/s (200%); needs 2" in found["D321"]
    assert "over 36 months" in found["D326"] and "needs 13" in found["D326"]
    # Behind the queue the extractors are sized for the average: no headroom warning.


def test_a_fanout_of_sixty_thousand_deliveries_overwhelms_its_store() -> None:
    [finding] = findings(published("fanout_timeline"), conventions=MONTHLY)
    assert finding.code == "D325" and finding.path == "components[4]"
    assert f"writes: 60K/s against 1 node {X} 1,000/s" in finding.message
    assert "also over: requests" in finding.message  # one finding, not one per dimension


def test_a_thirty_day_month_gives_other_rates() -> None:
    # 10M a month is 3.9 writes/s over 30 days, 4 over 2.5M seconds.
    db = route_load(published("pastebin")).component("db")
    assert db is not None and db.writes == pytest.approx(10e6 / (30 * 86_400))


# --- Boundaries ---------------------------------------------------------------------------


@pytest.mark.parametrize(("per_node", "flagged"), [(900, False), (899, True)])
def test_exactly_at_capacity_is_clean_and_one_below_is_not(per_node: int, flagged: bool) -> None:
    # 6,300 requests/s at peak on 7 app nodes: 7 x 900 = 6,300 fits; 7 x 899 does not.
    design = loaded()
    components = [
        c.model_copy(update={"capacity": NodeCapacity(requests_per_second=per_node)})
        if c.name == "app"
        else c
        for c in design.components
    ]
    found = codes(design.model_copy(update={"components": components}))
    assert (("D320", "components[2]") in found) is flagged


def test_the_message_quotes_the_load_the_nodes_and_the_source() -> None:
    [finding] = findings(loaded(app=6))
    assert finding.message == (
        f"service 'app' is over capacity at peak: requests: 6,300/s against 6 nodes {X} 1,000/s "
        "= 6,000/s (105%); needs 7 (per node: rule of thumb: ~1K requests/s per app server "
        "doing I/O-bound work (a few queries and a cache call per request))"
    )


def test_without_a_peak_the_average_is_judged_and_said_so() -> None:
    # 2,100 requests/s on 2 app nodes: over at the average, and the message says so.
    [finding] = [f for f in findings(loaded(peak=None, app=2)) if f.code == "D320"]
    assert "over capacity at the average (no peak factor given)" in finding.message


@pytest.mark.parametrize(("app", "flagged"), [(40, True), (32, False)])
def test_over_provisioning_threshold(app: int, flagged: bool) -> None:
    # 6,300 requests/s at peak needs 7 app nodes: more than 4 x 7 = 28 is over-provisioning.
    # 32 is under 4 x 8 only with the threshold raised.
    thresholds = Thresholds(over_provisioned_factor=4 if flagged else 5)
    found = codes(loaded(app=app), thresholds=thresholds)
    assert (("D324", "components[2]") in found) is flagged


def test_far_under_provisioned_boundary() -> None:
    # 60,300 requests/s at peak needs 61 app nodes: 7 nodes (8.7x short) is over capacity,
    # 6 nodes (10.2x short) is far under-provisioned.
    assert ("D320", "components[2]") in codes(loaded(feed=20_000, app=7))
    assert ("D323", "components[2]") in codes(loaded(feed=20_000, app=6))


# --- What never silences the rules, and what is not judged --------------------------------


def test_a_cache_changes_the_load_behind_it_and_never_silences_the_rules() -> None:
    # 100K reads/s: at a 90% hit ratio 30K/s miss at peak (over 2 nodes); at 95%, 15K/s fit.
    assert ("D322", "components[3]") in codes(loaded(feed=100_000, hit=0.9))
    assert ("D322", "components[3]") not in codes(loaded(feed=100_000, hit=0.95))


def test_managed_services_take_their_load_unless_a_documented_limit_is_passed() -> None:
    store = Component(name="media", kind="object_store", technology="S3")
    fifo = Component(name="jobs", kind="queue", technology="SQS FIFO")
    flow = Flow(
        name="Upload",
        workload="post",
        steps=[
            Step(from_="app", to="media", action="PUT the photo"),
            Step(from_="app", to="jobs", action="enqueue the resize"),
        ],
    )
    design = loaded(post=5_000, app=20, extra_flows=(flow,))
    design = design.model_copy(update={"components": [*design.components, store, fifo]})
    found = {f.path: f.message for f in findings(design)}
    assert "components[5]" not in found  # S3 at 15K writes/s: scaled by the provider
    assert f"requests: 15K/s against 1 node {X} 300/s" in found["components[6]"]  # FIFO's limit


def test_a_dataset_that_does_not_fit_a_caches_memory() -> None:
    from sketch import Entity, Field

    feeds = Entity(
        name="Feed",
        stored_in="cache",
        rows=100_000_000,
        row_bytes=2_000,  # 200 GB against 2 x 52.82 GiB
        fields=[Field(name="user_id", type="BIGINT", primary_key=True)],
    )
    design = loaded()
    design = design.model_copy(update={"entities": [*design.entities, feeds]})
    [finding] = findings(design)
    assert finding.code == "D326" and "does not fit its memory" in finding.message


def test_the_heavy_read_rule_defers_to_the_load_rules() -> None:
    d304 = REGISTRY.get("D304")
    assert d304 is not None
    without_cache = guides_first_design()
    components = [c for c in without_cache.components if c.name != "cache"]
    flows = [
        f.model_copy(update={"steps": [s for s in f.steps if s.to != "cache"]})
        for f in without_cache.flows
    ]
    busy = without_cache.model_copy(update={"components": components, "flows": flows})
    assert lint_design(busy, [d304]) == []  # D323 on the database says it, with numbers
    small = with_dau(busy, 10_000)
    assert [f.code for f in lint_design(small, [d304])] == ["D304"]


def test_an_untied_flow_in_a_design_without_workloads_is_told_to_declare_them() -> None:
    from sketch.checking import check
    from tests.helpers.factories import clean_design, flows

    ping = Flow(
        name="Ping",
        steps=[
            Step(from_="client", to="lb", action="ping"),
            Step(from_="lb", to="app", action="check"),
            Step(from_="app", to="db", action="SELECT 1"),
        ],
    )
    design = clean_design(flows=flows(True, ping))
    assert check(design) == []
    [finding] = findings(design)
    assert (finding.code, finding.path) == ("D327", "flows[2]")
    assert finding.help is not None and "Scale(workloads=[Workload(" in finding.help


def test_a_ring_of_an_unlisted_engine_is_told_how_to_say_every_node_takes_writes() -> None:
    def ring(**capacity: Any) -> Component:
        return Component(
            name="store",
            kind="database",
            technology="RocksDB",
            instances=30,
            capacity=NodeCapacity(writes_per_second=100, **capacity),
        )

    found = [f for f in findings(one_store_design(ring())) if f.code == "D321"]
    assert len(found) == 1 and found[0].help is not None
    assert "its other 29 instances as standbys" in found[0].help
    assert "distributed_writes=True" in found[0].help
    said_so = findings(one_store_design(ring(distributed_writes=True)))
    assert [f.code for f in said_so if f.code in ("D320", "D321")] == []


def test_a_consumer_behind_a_queue_is_judged_at_the_average_and_says_so() -> None:
    from sketch import Requirements, Scale, Workload

    design = Design(
        name="queued",
        requirements=Requirements(
            scale=Scale(
                peak_factor=3, workloads=[Workload(name="send", kind="write", per_second=5_000)]
            )
        ),
        components=[
            Component(name="client", kind="client"),
            Component(name="queue", kind="queue", technology="Kafka", instances=3),
            Component(name="worker", kind="worker", instances=2),
        ],
        flows=[
            Flow(
                name="Send",
                workload="send",
                steps=[
                    Step(from_="client", to="queue", action="publish", asynchronous=True),
                    Step(from_="queue", to="worker", action="deliver the message"),
                ],
            )
        ],
    )
    (over,) = [f for f in findings(design) if f.code == "D320"]
    assert "worker 'worker' is over capacity at the average (behind a queue" in over.message
    assert "5,000/s against 2 nodes" in over.message


@pytest.mark.parametrize(("fraction", "found"), [(0.71, True), (0.98, False), (None, False)])
def test_two_accounts_of_what_a_write_stores_must_agree(
    fraction: float | None, found: bool
) -> None:
    from sketch import ItemSize, Requirements, Scale, Workload

    items = [] if fraction is None else [ItemSize(name="page", bytes=100_000, fraction=fraction)]
    design = Design(
        name="pages",
        requirements=Requirements(
            scale=Scale(
                item_sizes=[ItemSize(name="page", bytes=100_000)],
                workloads=[Workload(name="fetch", kind="write", per_second=100, items=items)],
            )
        ),
    )
    hits = [f for f in findings(design) if f.code == "D331"]
    assert bool(hits) is found
    if found:
        assert "100 KB a write, the write workloads' items 71 KB" in hits[0].message
