"""Step 3, the simple first design (D3xx): each rule's bad and good design, as in
src/sketch/linting/rules/high_level.py.
"""

from __future__ import annotations

from collections.abc import Callable

from sketch import Bottleneck, Component, Design, Flow, Link, Step
from tests.helpers.factories import clean_design, components, flows, requirements, scale

#: code -> (a design the rule flags, a design it passes).
EXAMPLES: dict[str, tuple[Callable[[], Design], Callable[[], Design]]] = {
    "D301": (lambda: clean_design(bottlenecks=[]), clean_design),
    "D302": (
        lambda: clean_design(bottlenecks=[Bottleneck(title="Feed", problem="slow")]),
        clean_design,
    ),
    "D303": (
        lambda: clean_design(components=components(db=Component(name="db", kind="database"))),
        lambda: clean_design(
            requirements=requirements(availability=99.0),
            components=components(db=Component(name="db", kind="database")),
        ),
    ),
    "D304": (
        lambda: clean_design(components=components(cache=False), flows=flows(cache=False)),
        lambda: clean_design(
            requirements=requirements(scale=scale(read_write_ratio=2)),
            components=components(cache=False),
            flows=flows(cache=False),
        ),
    ),
    "D305": (lambda: clean_design(flows=flows()[1:]), clean_design),
    "D306": (
        lambda: clean_design(
            flows=flows(
                True,
                Flow(name="Ping", steps=[Step(from_="client", to="app", action="GET /health")]),
            )
        ),
        clean_design,
    ),
    "D307": (
        lambda: clean_design(components=components(Component(name="search", kind="search_index"))),
        lambda: clean_design(
            components=components(Component(name="search", kind="search_index")),
            links=[Link(from_="app", to="search", label="index posts")],
        ),
    ),
    "D309": (
        lambda: clean_design(components=components(Component(name="q", kind="queue", instances=2))),
        lambda: clean_design(
            requirements=requirements(scale=scale(dau=100_000_000)),
            components=components(Component(name="q", kind="queue", instances=2)),
        ),
    ),
    "D310": (
        lambda: clean_design(bottlenecks=[_fanout("Pre-compute feeds (fanout on write)")]),
        lambda: clean_design(bottlenecks=[_fanout("Fanout on write; pull celebrities' posts")]),
    ),
    "D311": (
        lambda: clean_design(
            components=components(db=Component(name="db", kind="database", replicas=1))
        ),
        clean_design,
    ),
}


def busy_design(replicas: int, technology: str = "PostgreSQL") -> Design:
    """Twitter's load on one database node (PostgreSQL unless told), no cache."""
    busy = scale(dau=200_000_000, writes_per_user_per_day=2, read_write_ratio=100)
    db = Component(name="db", kind="database", technology=technology, replicas=replicas)
    return clean_design(
        requirements=requirements(scale=busy),
        components=components(db=db, cache=False),
        flows=flows(cache=False),
    )


def _fanout(solution: str) -> Bottleneck:
    return Bottleneck(title="Feed reads", problem="slow", components=["db"], solution=solution)
