"""Step 3, the numbers (D32x): each load rule's bad and good design, as in
src/sketch/linting/rules/load.py. Each is `loaded()`, a shop with a post and a feed workload,
changed on one figure: the bad design just over the line, the good one just under it.

`loaded()` at its defaults, at peak (peak factor 3): 100 posts/s and 2,000 feed reads/s, so
6,300 requests/s through lb and app; the feed asks the cache (90% hits) and its misses, 600/s,
go to db with the 300 writes/s.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sketch import Component, Design, Flow, ItemSize, Step, Workload
from tests.helpers.factories import clean_design, requirements, scale

_A_POST = ItemSize(name="post", bytes=1_000)
_HALF_A_POST = ItemSize(name="post", bytes=1_000, fraction=0.5)


def loaded(
    *,
    post: float = 100,
    feed: float = 2_000,
    peak: float | None = 3,
    app: int = 7,
    lb: int = 2,
    cache: int = 2,
    db: dict[str, Any] | None = None,
    hit: float = 0.9,
    fanout: float | None = None,
    fan_step: bool = False,
    items: tuple[ItemSize, ...] = (),
    scale_items: tuple[ItemSize, ...] = (),
    retention_years: float | None = None,
    extra_workloads: tuple[Workload, ...] = (),
    extra_flows: tuple[Flow, ...] = (),
) -> Design:
    """The shop at these figures (see the module's docstring)."""
    workloads = (
        Workload(name="post", kind="write", per_second=post, fanout=fanout, items=items),
        Workload(name="feed", per_second=feed),
        *extra_workloads,
    )
    load = scale(
        dau=None,
        writes_per_user_per_day=None,
        read_write_ratio=None,
        peak_factor=peak,
        item_sizes=list(scale_items),
        workloads=workloads,
        retention_years=retention_years,
    )
    post_steps = [
        Step(from_="client", to="lb", action="POST /api/v1/posts", api="POST /api/v1/posts"),
        Step(from_="lb", to="app", action="route"),
        Step(from_="app", to="db", action="INSERT INTO posts"),
    ]
    if fan_step:
        post_steps.append(
            Step(from_="app", to="cache", action="LPUSH feed:{follower}", fanout=True)
        )
    flows = [
        Flow(name="Post a photo", workload="post", steps=post_steps),
        Flow(
            name="Read the feed",
            workload="feed",
            steps=[
                Step(from_="client", to="lb", action="GET feed"),
                Step(from_="lb", to="app", action="route"),
                Step(from_="app", to="cache", action="GET feed:{user_id}", hit_ratio=hit),
                Step(from_="app", to="db", action="SELECT posts", condition="cache miss"),
            ],
        ),
        *extra_flows,
    ]
    database = {"technology": "PostgreSQL", "replicas": 1, **(db or {})}
    return clean_design(
        requirements=requirements(scale=load),
        components=[
            Component(name="client", kind="client"),
            Component(name="lb", kind="load_balancer", instances=lb),
            Component(name="app", kind="service", instances=app),
            Component(name="db", kind="database", **database),
            Component(name="cache", kind="cache", technology="Redis", instances=cache),
        ],
        flows=flows,
    )


_PING = Flow(
    name="Health check",
    steps=[
        Step(from_="client", to="lb", action="ping"),
        Step(from_="lb", to="app", action="check"),
        Step(from_="app", to="db", action="SELECT 1"),
    ],
)
_SEARCH = Workload(name="search", per_second=50)
_TEXT = (ItemSize(name="body", bytes=10_000),)

#: code -> (a design the rule flags, a design it passes).
EXAMPLES: dict[str, tuple[Callable[[], Design], Callable[[], Design]]] = {
    # 6,300 requests/s at peak: 6 app nodes take 6,000 (105%), 7 take 7,000 (90%).
    "D320": (lambda: loaded(app=6), loaded),
    # 1,200 writes/s at peak on one primary (1K/s); two shards take 600/s each.
    "D321": (lambda: loaded(post=400), lambda: loaded(post=400, db={"shards": 2})),
    # 100K reads/s, 90% hits: 30K/s of misses at peak on 2 nodes (20K/s); 4 nodes take 40K/s.
    "D322": (lambda: loaded(feed=100_000), lambda: loaded(feed=100_000, db={"replicas": 3})),
    # 60,300 requests/s at peak on 3 app nodes: needs 61, more than 10x 3.
    "D323": (lambda: loaded(feed=20_000, app=3), lambda: loaded(feed=20_000, app=61)),
    # 69 requests/s at peak (3 posts and 20 feed reads/s x 3) on 20 app servers.
    "D324": (lambda: loaded(post=3, feed=20, app=20), lambda: loaded(post=3, feed=20, app=2)),
    # 500 posts/s x 200 followers x 3 = 300K writes/s on 2 Redis nodes (200K/s); 4 take them.
    "D325": (
        lambda: loaded(post=500, fanout=200, fan_step=True),
        lambda: loaded(post=500, fanout=200, fan_step=True, cache=4),
    ),
    # 100 posts/s x 10 KB x 5 years = 158 TB against one 64 TiB node; 4 shards hold it.
    "D326": (
        lambda: loaded(items=_TEXT, retention_years=5),
        lambda: loaded(items=_TEXT, retention_years=5, db={"shards": 4}),
    ),
    "D327": (
        lambda: loaded(extra_flows=(_PING,)),
        lambda: loaded(extra_flows=(_PING.model_copy(update={"workload": "feed"}),)),
    ),
    "D328": (lambda: loaded(extra_workloads=(_SEARCH,)), loaded),
    "D329": (lambda: loaded(fanout=20), lambda: loaded(fanout=20, fan_step=True)),
    # No peak: 2,100 requests/s on 3 app nodes (70%) saturates at 1.4x; on 7 (30%) at 3.3x.
    "D330": (lambda: loaded(peak=None, app=3), lambda: loaded(peak=None, app=7)),
    # The scale says 1 KB a post, the post workload half of it; agreeing, they are quiet.
    "D331": (
        lambda: loaded(items=(_HALF_A_POST,), scale_items=(_A_POST,)),
        lambda: loaded(items=(_A_POST,), scale_items=(_A_POST,)),
    ),
}
