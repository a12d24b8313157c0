"""D309 and D310 on designs that are not a social network: the load a queue carries along the
flows, and fanout that is not a delivery to every recipient."""

from __future__ import annotations

import pytest

from sketch import Bottleneck, Component, Flow, Step
from sketch.errors import Problem
from sketch.linting import REGISTRY, lint_design
from sketch.model import Design
from tests.helpers.factories import clean_design, components, flows


def findings(design: Design, code: str) -> list[Problem]:
    rule = REGISTRY.get(code)
    assert rule is not None
    return lint_design(design, [rule])


# D309: a queue is judged by what it carries, not by the design's top-level peak.


def _with_queue(fanout: float | None) -> Design:
    """The photo design (~730 requests/s at peak) with a queue fed once per post, or `fanout`
    times per post."""
    queue = Component(name="q", kind="queue", technology="Kafka", instances=3)
    worker = Component(name="worker", kind="worker", instances=2)
    post, feed = flows()
    publish = Step(from_="app", to="q", action="publish new post", asynchronous=True, fanout=fanout)
    post = post.model_copy(update={"steps": (*post.steps, publish)})
    drain = Flow(name="Index", steps=[Step(from_="worker", to="q", action="consume new post")])
    return clean_design(components=components(queue, worker), flows=[post, feed, drain])


def test_a_queue_carrying_thousands_a_second_is_not_over_engineering() -> None:
    # The design's own peak is under 1K/s; the queue takes 200 messages per post: ~7K/s.
    assert findings(_with_queue(fanout=200), "D309") == []


def test_a_queue_at_low_load_is_flagged_at_the_load_it_carries() -> None:
    [finding] = findings(_with_queue(fanout=None), "D309")
    assert finding.path == "components[4]"
    assert "queue 'q' carries 35 requests/s at peak along the flows" in finding.message


def test_a_queue_no_flow_reaches_is_judged_by_the_designs_peak() -> None:
    queue = Component(name="q", kind="queue", technology="Kafka", instances=2)
    [finding] = findings(clean_design(components=components(queue)), "D309")
    assert "no flow carries load through it" in finding.message


# D310: fanout on write to per-recipient keys, and handling in more than Twitter's words.


def _fanning(step: Step, *said: str) -> Design:
    post, feed = flows()
    post = post.model_copy(update={"steps": (*post.steps, step)})
    told = {"bottlenecks": [Bottleneck(title=t, problem=t, solution=t) for t in said]}
    return clean_design(flows=[post, feed], **(told if said else {}))


@pytest.mark.parametrize(
    "step",
    [
        Step(from_="app", to="cache", action="BF.MADD outlinks", fanout=50),
        Step(from_="app", to="db", action="write to the 3 replicas", fanout=3, parallel=3),
        Step(from_="app", to="db", action="transcode one rendition each", fanout=5),
    ],
)
def test_a_fanout_that_reaches_no_recipient_is_not_fanout_on_write(step: Step) -> None:
    assert findings(_fanning(step), "D310") == []


@pytest.mark.parametrize(
    "step",
    [
        Step(from_="app", to="cache", action="LPUSH feed:{follower_id}", fanout=200),
        Step(from_="app", to="cache", action="produce one message per user", fanout=True),
        Step(from_="app", to="cache", action="push to each subscribed device", fanout=10),
        Step(from_="app", to="inbox_cache", action="LPUSH {id}", fanout=10),
    ],
)
def test_a_fanout_to_per_recipient_keys_needs_hot_key_handling(step: Step) -> None:
    [finding] = findings(_fanning(step), "D310")
    assert finding.path == "flows[0].steps[3]"
    assert "celebrit" not in (finding.help or "").lower()


@pytest.mark.parametrize(
    "handling",
    [
        "Paced fan-out: chunks of 10K released per second",
        "Rate-limited release of the campaign",
        "Hot shared folders: coalesce notifications per namespace per second",
        "A few giant hosts would take months: split them by prefix",
        "Hot hosts are spread over several queues",
        "Key skew on large groups",
        "Devices pull the change list",
    ],
)
def test_burst_and_skew_handling_count_as_hot_key_handling(handling: str) -> None:
    fan = Step(from_="app", to="cache", action="push to each subscribed device", fanout=True)
    assert findings(_fanning(fan, handling), "D310") == []
