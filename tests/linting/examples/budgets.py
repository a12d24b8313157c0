"""The budgets along the flows (D312-D313): each rule's bad and good design, as in
src/sketch/linting/rules/budgets.py.
"""

from __future__ import annotations

from collections.abc import Callable

from sketch import Component, Design, Flow, Step
from tests.helpers.factories import clean_design, components, requirements


def _feed(*steps: Step) -> list[Flow]:
    """The photo design's flows with the feed read walked through `steps` after the LB."""
    post = Flow(
        name="Post a photo",
        steps=[
            Step(from_="client", to="lb", action="POST /api/v1/posts", api="POST /api/v1/posts"),
            Step(from_="lb", to="app", action="route"),
            Step(from_="app", to="db", action="INSERT INTO posts"),
        ],
    )
    feed = Flow(
        name="Read the feed",
        steps=[
            Step(from_="client", to="lb", action="GET feed"),
            Step(from_="lb", to="app", action="route", latency_ms=5),
            *steps,
        ],
    )
    return [post, feed]


def _scatter(shards: int) -> Design:
    """The guide's example: each shard call 50 ms + 10 ms network, over `shards` at once."""
    return clean_design(
        flows=_feed(
            Step(from_="app", to="db", action="query each shard", latency_ms=60, parallel=shards)
        )
    )


def _cached(hit_ratio: float, miss_ms: float) -> Design:
    return clean_design(
        flows=_feed(
            Step(
                from_="app",
                to="cache",
                action="GET feed:{user_id}",
                latency_ms=10,
                condition="cache hit",
                hit_ratio=hit_ratio,
            ),
            Step(
                from_="app",
                to="db",
                action="SELECT posts",
                latency_ms=miss_ms,
                condition="cache miss",
            ),
        )
    )


#: code -> (a design the rule flags, a design it passes).
EXAMPLES: dict[str, tuple[Callable[[], Design], Callable[[], Design]]] = {
    # 5 ms + 60 ms x H16 (3.38) = 208 ms > 200 ms p99; one shard at a time is 65 ms.
    "D312": (lambda: _scatter(16), lambda: _scatter(2)),
    # One database at 99.5% caps the flows at 99.5%; with a standby, 1 - 0.005^2 = 99.9975%.
    "D313": (
        lambda: clean_design(
            requirements=requirements(availability=99.99),
            components=components(
                db=Component(name="db", kind="database", technology="PostgreSQL")
            ),
        ),
        lambda: clean_design(requirements=requirements(availability=99.99)),
    ),
}

#: With 5% misses the p99 request is a 400 ms miss (D312 flags it); with 0.5% misses the
#: p99 request is a hit, 15 ms, and a miss is slower than the p99 target allows only for the
#: slowest 0.5%, which the target does not govern.
CACHED = (lambda: _cached(0.95, 400), lambda: _cached(0.995, 400))
