"""How a step is read: read or write, a consumer's pull, and the calls a step makes."""

from __future__ import annotations

import pytest

from sketch import Component, Design, Flow, ItemSize, Requirements, Scale, Step, Workload
from sketch.estimating import route_load
from sketch.estimating.latency import flow_latency
from sketch.estimating.routing import operation_of


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        ("GetItem preferences", "read"),
        ("BatchGetItem profiles", "read"),
        ("PutItem preferences", "write"),
        ("UpdateItem counter", "write"),
        ("get_item by id", "read"),
        ("put-object into the bucket", "write"),
        ("HGETALL user:{id}", "read"),
        ("BF.MADD outlinks", "write"),
        ("BF.MEXISTS outlinks", "read"),
        ("Query orders by user", "read"),
        ("gets the user's profile", "read"),
        ("writes the audit row", "write"),
        ("accept if still offered (conditional UPDATEs)", "write"),
        ("GEOSEARCH the pickup's region", "read"),
        ("HTTPGet the page", "read"),
    ],
)
def test_verbs_are_found_inside_camel_snake_and_kebab_words(action: str, expected: str) -> None:
    step = Step(from_="app", to="db", action=action)
    other = "write" if expected == "read" else "read"
    assert operation_of(step, other) == expected


@pytest.mark.parametrize(
    "action", ["route to the matching partition", "forward to the listing service"]
)
def test_a_read_verb_used_as_an_adjective_is_no_verb(action: str) -> None:
    assert operation_of(Step(from_="lb", to="app", action=action), "write") == "write"


@pytest.mark.parametrize(
    ("action", "expected"),
    [("lists the orders", "read"), ("matches the rider", "read")],
)
def test_a_read_noun_with_its_s_is_a_verb(action: str, expected: str) -> None:
    assert operation_of(Step(from_="app", to="db", action=action), "write") == expected


def _notify(action: str) -> Design:
    """A write workload whose flow looks preferences up on a cache miss."""
    send = Workload(
        name="send",
        kind="write",
        per_second=1_000,
        items=[ItemSize(name="log row", bytes=500)],
    )
    return Design(
        name="notify",
        requirements=Requirements(scale=Scale(workloads=[send], retention_months=3)),
        components=[
            Component(name="client", kind="client"),
            Component(name="api", kind="service", instances=2),
            Component(name="cache", kind="cache", technology="Redis", instances=2),
            Component(name="prefs", kind="database", technology="DynamoDB"),
            Component(name="log", kind="database", technology="DynamoDB"),
        ],
        flows=[
            Flow(
                name="Send",
                workload="send",
                steps=[
                    Step(from_="client", to="api", action="POST /v1/notifications"),
                    Step(from_="api", to="cache", action="GET prefs:{user}", hit_ratio=0.9),
                    Step(from_="api", to="prefs", action=action, condition="cache miss"),
                    Step(from_="api", to="log", action="PutItem log row"),
                ],
            )
        ],
    )


def test_a_cache_miss_getitem_is_a_read_and_stores_nothing() -> None:
    prefs = route_load(_notify("GetItem preferences")).component("prefs")
    assert prefs is not None
    assert prefs.reads == pytest.approx(100) and prefs.writes == 0
    assert prefs.stored_bytes == 0, "the log rows are stored where the flow writes them"


def test_falling_back_to_the_workloads_kind_is_said_in_the_derivation() -> None:
    prefs = route_load(_notify("frobnicate preferences")).component("prefs")
    assert prefs is not None and prefs.writes == pytest.approx(100)
    [line] = [w for w in prefs.why if "frobnicate" in w]
    assert "no read or write verb in 'frobnicate preferences'" in line
    assert "the workload's kind" in line and "operation=" in line
    log = route_load(_notify("GetItem preferences")).component("log")
    assert log and not any("no read or write verb" in w for w in log.why)


def _pipeline(*steps: Step) -> Design:
    crawl = Workload(name="crawl", kind="write", per_second=400)
    return Design(
        name="pipeline",
        requirements=Requirements(scale=Scale(workloads=[crawl], peak_factor=2)),
        components=[
            Component(name="fetcher", kind="worker", instances=4),
            Component(name="pages", kind="stream", technology="Kafka", instances=3),
            Component(name="parser", kind="worker", instances=4),
            Component(name="blobs", kind="object_store", technology="S3"),
        ],
        flows=[
            Flow(
                name="Parse",
                workload="crawl",
                steps=[Step(from_="fetcher", to="pages", action="publish page id"), *steps],
            )
        ],
    )


@pytest.mark.parametrize(
    "consume",
    [
        Step(from_="parser", to="pages", action="consume fetched page"),
        Step(from_="parser", to="pages", action="poll next batch"),
        Step(from_="pages", to="parser", action="deliver page id"),
    ],
)
def test_a_consume_is_a_read_of_the_queue_not_a_write_to_the_consumer(consume: Step) -> None:
    model = route_load(_pipeline(consume, Step(from_="parser", to="blobs", action="GET page")))
    pages, parser = model.component("pages"), model.component("parser")
    assert pages and parser
    assert pages.writes == pytest.approx(400)
    assert pages.reads == pytest.approx(400), "the consumer's fetches are reads of the queue"
    assert parser.writes == 0
    assert parser.requests == pytest.approx(400), "the consumer still handles every record"
    assert any("pulled from 'pages'" in w for w in parser.why)
    # Past the queue, the consumer pulls at the average: the queue absorbs the peak.
    assert pages.peak_reads == pytest.approx(400) and pages.peak_writes == pytest.approx(800)


def _replicated(**calls: int) -> Design:
    put = Workload(name="put", kind="write", per_second=1_000)
    return Design(
        name="kv",
        requirements=Requirements(scale=Scale(workloads=[put])),
        components=[
            Component(name="client", kind="client"),
            Component(name="coordinator", kind="service", instances=3),
            Component(name="storage", kind="database", technology="Cassandra", instances=6),
        ],
        flows=[
            Flow(
                name="Put",
                workload="put",
                steps=[
                    Step(from_="client", to="coordinator", action="PUT /keys/{k}"),
                    Step(
                        from_="coordinator",
                        to="storage",
                        action="write to the replicas",
                        latency_ms=5,
                        **calls,
                    ),
                ],
            )
        ],
    )


@pytest.mark.parametrize(
    ("calls", "writes"),
    [
        ({"fanout": 3}, 3_000),
        ({"parallel": 3}, 3_000),
        ({"fanout": 3, "parallel": 3}, 3_000),  # the same three calls, made at once
        ({"fanout": 6, "parallel": 3}, 6_000),  # six calls, three at a time
    ],
)
def test_fanout_counts_the_calls_and_parallel_says_how_many_at_once(
    calls: dict[str, int], writes: int
) -> None:
    storage = route_load(_replicated(**calls)).component("storage")
    assert storage and storage.writes == pytest.approx(writes)


def test_the_latency_of_fanout_with_parallel_is_waves_of_the_slowest() -> None:
    def ms(**calls: int) -> float:
        return flow_latency(_replicated(**calls), 0).worst.ms

    slowest_of_3 = 5 * (1 + 1 / 2 + 1 / 3)
    assert ms(parallel=3) == pytest.approx(slowest_of_3)
    assert ms(fanout=3, parallel=3) == pytest.approx(slowest_of_3)
    assert ms(fanout=6, parallel=3) == pytest.approx(2 * slowest_of_3)
    assert ms(fanout=2, parallel=3) == pytest.approx(5 * 1.5), "two calls: the slowest of 2"
    leg = flow_latency(_replicated(fanout=6, parallel=3), 0).worst.legs[-1]
    assert "6 calls, 3 at a time: 2 rounds" in leg.how
