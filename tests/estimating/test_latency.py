"""Latency along the flows: each composition rule worked by hand, and its properties."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sketch import Component, Design, Flow, LatencyTarget, Step
from sketch.estimating.latency import (
    flow_latencies,
    flow_latency,
    harmonic,
    judged_latencies,
    slowest_of,
    slowest_steps,
    tail_share,
)
from sketch.estimating.spoken import X
from tests.helpers.factories import background_pipeline, clean_design
from tests.helpers.paths import REPO_ROOT

PARTS = [
    Component(name="client", kind="client"),
    Component(name="app", kind="service", instances=2),
    Component(name="cache", kind="cache", instances=2),
    Component(name="db", kind="database", replicas=1),
    Component(name="queue", kind="queue", instances=2),
    Component(name="worker", kind="worker", instances=2),
]


def design_of(*steps: Step, target: LatencyTarget | None = None) -> Design:
    return Design(
        name="t",
        components=PARTS,
        flows=[Flow(name="Read", steps=steps)],
        requirements={"latency": [target] if target else []},
    )


def step(to: str, ms: float | None = None, **more: object) -> Step:
    return Step(from_="app", to=to, action=f"call {to}", latency_ms=ms, **more)


P99 = LatencyTarget(flows=["Read"], ms=200, percentile="p99")


def test_serial_steps_add_up() -> None:
    design = design_of(
        Step(from_="client", to="app", action="GET", latency_ms=5),
        step("cache", 10),
        step("db", 20),
        Step(from_="app", to="client", action="respond", latency_ms=15),
    )
    [path] = flow_latency(design, 0).paths
    assert path.ms == 50
    assert path.sum_text() == "5 ms + 10 ms + 20 ms + 15 ms = 50 ms"


def test_a_step_without_latency_counts_zero_and_is_named() -> None:
    design = design_of(Step(from_="client", to="app", action="GET"), step("db", 20))
    latency = flow_latency(design, 0)
    assert latency.worst.ms == 20
    assert "  no latency_ms on step(s) 1: counted 0 ms" in latency.lines()


def test_the_guides_scatter_gather_over_16_shards() -> None:
    # 50 ms per shard + 10 ms network = 60 ms a call; the slowest of 16 is 60 ms x H16.
    assert harmonic(16) == pytest.approx(3.3807, abs=1e-4)
    design = design_of(step("db", 60, parallel=16), target=P99)
    latency = flow_latency(design, 0, P99)
    assert latency.worst.ms == pytest.approx(202.84, abs=0.01)
    assert latency.over_target
    assert f"the slowest of 16 ≈ 60 ms {X} H16 (3.38) ≈ 203 ms" in latency.lines()[1]
    assert tail_share(16) == pytest.approx(0.1485, abs=1e-4)  # 15% wait on someone's p99


def test_a_named_group_costs_its_expected_slowest_member() -> None:
    # Exponential calls of means 10 and 20: E[max] = 10 + 20 - 1/(1/10 + 1/20) = 23.33 ms.
    assert slowest_of([10, 20]) == pytest.approx(23.333, abs=1e-3)
    design = design_of(step("cache", 10, parallel="fetch"), step("db", 20, parallel="fetch"))
    [path] = flow_latency(design, 0).paths
    assert path.ms == pytest.approx(23.333, abs=1e-3) and len(path.legs) == 1


def test_slowest_of_agrees_with_a_seeded_simulation() -> None:
    rng = random.Random(12)
    means = [10.0, 20.0, 35.0]
    draws = [max(rng.expovariate(1 / m) for m in means) for _ in range(200_000)]
    assert sum(draws) / len(draws) == pytest.approx(slowest_of(means), rel=0.01)


def test_hit_and_miss_give_the_expected_and_the_worst_path() -> None:
    # The guide's timeline: a hit in ~10 ms, a miss in ~150 ms; 95% hits.
    design = design_of(
        step("cache", 10, condition="cache hit", hit_ratio=0.95),
        step("db", 150, condition="cache miss"),
        target=P99,
    )
    latency = flow_latency(design, 0, P99)
    # A miss makes the cache lookup too: 10 ms + 150 ms.
    assert latency.expected_ms == pytest.approx(0.95 * 10 + 0.05 * 160)  # 17.5 ms
    assert latency.worst.name == "cache miss" and latency.worst.ms == 160
    # At p99, 5% misses are more than the 1% the target leaves out: the miss path governs.
    assert latency.governed is latency.worst and latency.judged_ms == 160
    assert f"expected: 95% {X} 10 ms + 5% {X} 160 ms ≈ 18 ms" in latency.lines()


def test_the_cache_lookup_is_on_the_miss_path_too() -> None:
    """The step that gives `hit_ratio` is the probe every request makes, written with
    `condition="cache hit"` as designs/url_shortener.py does: a miss waits for it as well."""
    design = design_of(
        Step(from_="client", to="app", action="GET /{code}"),
        step("cache", 2, condition="cache hit", hit_ratio=0.9),
        step("db", 10, condition="cache miss"),
        Step(from_="app", to="client", action="302", latency_ms=20),
    )
    latency = flow_latency(design, 0)
    hit, miss = latency.paths
    assert (hit.name, hit.ms) == ("cache hit", 22)
    assert (miss.name, miss.ms) == ("cache miss", 32)
    assert miss.sum_text() == "2 ms + 10 ms + 20 ms = 32 ms"
    assert latency.expected_ms == pytest.approx(0.9 * 22 + 0.1 * 32)
    # A step on the hit branch that does not give the ratio is still the hit's alone.
    serve = step("cache", 1, condition="cache hit: decode the cached page")
    only_hit = design_of(*design.flows[0].steps[:2], serve, *design.flows[0].steps[2:])
    hit, miss = flow_latency(only_hit, 0).paths
    assert (hit.ms, miss.ms) == (23, 32)


def test_the_percentile_decides_which_path_the_target_governs() -> None:
    hit, miss = (
        step("cache", 10, condition="cache hit", hit_ratio=0.995),
        step("db", 400, condition="cache miss"),
    )
    p99 = flow_latency(design_of(hit, miss), 0, P99)
    assert p99.governed is not None and p99.governed.name == "cache hit"  # 0.5% < 1%
    assert not p99.over_target
    p999 = LatencyTarget(flows=["Read"], ms=200, percentile="p999")
    assert flow_latency(design_of(hit, miss), 0, p999).over_target  # 0.5% > 0.1%
    average = LatencyTarget(flows=["Read"], ms=200)
    # 99.5% x 10 ms + 0.5% x (10 ms + 400 ms): the miss makes the lookup too
    assert flow_latency(design_of(hit, miss), 0, average).judged_ms == pytest.approx(12.0)


def test_without_a_hit_ratio_the_slowest_path_governs() -> None:
    design = design_of(step("cache", 10, condition="hit"), step("db", 250, condition="miss"))
    latency = flow_latency(design, 0, P99)
    assert latency.expected_ms is None and latency.judged_ms == 250
    assert "expected: needs the cache's hit ratio, `Step(hit_ratio=0.95)`" in latency.lines()


def test_asynchronous_steps_and_queue_consumers_are_not_waited_for() -> None:
    design = design_of(
        step("db", 20),
        step("queue", 2),
        Step(from_="queue", to="worker", action="consume", latency_ms=500),
        Step(from_="worker", to="db", action="fan out", latency_ms=900),
        step("cache", 700, asynchronous=True),
    )
    latency = flow_latency(design, 0)
    assert latency.worst.ms == 22 and latency.left_out == (2, 3, 4)


def test_requests_in_turn_are_timed_one_by_one() -> None:
    design = design_of(
        Step(from_="client", to="app", action="POST hold", latency_ms=15),
        Step(from_="app", to="client", action="201"),
        Step(from_="client", to="app", action="POST pay", latency_ms=800),
    )
    [path] = flow_latency(design, 0).paths
    assert path.ms == 800
    assert path.sum_text() == "request 1: 15 ms; request 2: 800 ms; the slowest takes 800 ms"


def test_every_target_is_judged_on_each_of_its_flows() -> None:
    design = clean_design()
    tight = LatencyTarget(flows=["Read the feed", "Post a photo"], ms=1, percentile="p99")
    judged = judged_latencies(
        design.model_copy(
            update={"requirements": design.requirements.model_copy(update={"latency": (tight,)})}
        )
    )
    assert [j.flow for j in judged] == ["Read the feed", "Post a photo"]


def test_twitter_against_the_guides_200_ms_p99() -> None:
    import runpy

    twitter = runpy.run_path(str(REPO_ROOT / "designs" / "twitter.py"))["design"]
    post, timeline = flow_latencies(twitter)
    assert (post.expected_ms, post.worst.ms) == (120, 120) and post.target is None
    assert timeline.expected_ms == pytest.approx(17) and timeline.worst.ms == 150
    assert timeline.judged_ms == 150 and not timeline.over_target
    [(flow, slowest), *_] = slowest_steps(flow_latencies(twitter))
    assert (flow, slowest.ms) == ("Get timeline", 140)  # the query, after the lookup


LATENCIES = st.one_of(st.none(), st.floats(min_value=0.1, max_value=5_000))


@st.composite
def steps(draw: st.DrawFn) -> Step:
    return Step(
        from_="app",
        to=draw(st.sampled_from(["cache", "db", "app"])),
        action="call",
        latency_ms=draw(LATENCIES),
        condition=draw(st.sampled_from([None, "cache hit", "cache miss", "if new"])),
        parallel=draw(st.one_of(st.none(), st.integers(2, 64), st.sampled_from(["g", "h"]))),
        asynchronous=draw(st.booleans()),
    )


@settings(max_examples=150, deadline=None)
@given(st.lists(steps(), min_size=1, max_size=6), steps(), st.integers(0, 6))
def test_adding_a_step_never_lowers_latency(before: list[Step], extra: Step, at: int) -> None:
    # Named groups must keep two members: give the new step a group of its own if needed.
    old = design_of(Step(from_="client", to="app", action="GET"), *before)
    at = min(at, len(before))
    new = design_of(Step(from_="client", to="app", action="GET"), *before[:at], extra, *before[at:])
    was, now = flow_latency(old, 0), flow_latency(new, 0)
    assert now.worst.ms >= was.worst.ms - 1e-9
    for path in was.paths:
        same = next((p for p in now.paths if p.name == path.name), None)
        if same is not None:
            assert same.ms >= path.ms - 1e-9


def test_a_background_flow_says_its_latency_is_not_timed() -> None:
    """Its latency_ms is off the request path: said so, never 'no step gives latency_ms', and
    a target on it is not judged (not 'within the target' at 0 ms)."""
    target = LatencyTarget(flows=["Fetch"], ms=30_000, percentile="p99")
    latency = flow_latency(background_pipeline(target), 0, target)
    assert not latency.timed and latency.off_path_latency == (2,)
    assert latency.judged_ms is None and not latency.over_target
    lines = latency.lines()
    assert "background work (no client waits for it): off the request path, not timed" in lines
    assert "latency_ms on step(s) 3: not timed" in lines
    assert lines[-1] == (
        "p99 target 30000 ms: cannot be judged, no step on a request path is timed"
    )


def test_a_target_on_untimed_steps_is_not_met_at_zero_ms() -> None:
    target = LatencyTarget(flows=["Read"], ms=100, percentile="p99")
    latency = flow_latency(design_of(Step(from_="client", to="app", action="GET")), 0, target)
    assert latency.judged_ms is None
    assert latency.lines()[0].startswith("no step on its request path gives latency_ms")
    assert latency.lines()[-1].endswith("cannot be judged, no step on a request path is timed")
