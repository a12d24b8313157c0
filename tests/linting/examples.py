"""A clean photo-sharing design, and for every rule a design that triggers it and one that
does not (usually the fix applied to the same change). One test runs them all."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sketch import (
    Api,
    Approach,
    Bottleneck,
    Component,
    Consistency,
    DeepDive,
    Design,
    Entity,
    Feature,
    Field,
    Flow,
    Index,
    ItemSize,
    LatencyTarget,
    Link,
    Requirements,
    Scale,
    Step,
)


def scale(**changes: Any) -> Scale:
    fields: dict[str, Any] = {
        "dau": 1_000_000,
        "writes_per_user_per_day": 1,
        "read_write_ratio": 20,
        "peak_factor": 3,
        "item_sizes": [ItemSize(name="caption", bytes=200)],
    }
    return Scale(**{**fields, **changes})


def requirements(**changes: Any) -> Requirements:
    fields: dict[str, Any] = {
        "in_scope": [
            Feature(key="post", text="Users post photos"),
            Feature(key="feed", text="Users see a feed of people they follow"),
        ],
        "out_of_scope": ["Search"],
        "scale": scale(),
        "latency": [LatencyTarget(operation="feed read", ms=200, percentile="p99")],
        "consistency": [Consistency(level="eventual", applies_to="feed")],
        "availability": 99.9,
    }
    return Requirements(**{**fields, **changes})


def post_entity(**changes: Any) -> Entity:
    fields: dict[str, Any] = {
        "name": "Post",
        "stored_in": "db",
        "fields": [
            Field(name="post_id", type="BIGINT", primary_key=True),
            Field(name="user_id", type="BIGINT", references="User.user_id"),
            Field(name="created_at", type="TIMESTAMP"),
        ],
        "indexes": [Index(fields=["user_id", "created_at"])],
    }
    return Entity(**{**fields, **changes})


def entities(post: Entity | None = None) -> list[Entity]:
    return [
        Entity(
            name="User",
            stored_in="db",
            fields=[Field(name="user_id", type="BIGINT", primary_key=True)],
        ),
        post or post_entity(),
        Entity(
            name="Follow",
            stored_in="db",
            primary_key=["follower_id", "followee_id"],
            fields=[
                Field(name="follower_id", type="BIGINT", references="User.user_id"),
                Field(name="followee_id", type="BIGINT", references="User.user_id", indexed=True),
            ],
        ),
    ]


V1 = "/api/v1"


def apis(*extra: Api) -> list[Api]:
    return [
        Api(
            method="POST",
            path=f"{V1}/posts",
            purpose="Post a photo",
            request=["caption"],
            auth=True,
            serves=["post"],
        ),
        Api(
            method="GET",
            path=f"{V1}/feed/{{user_id}}",
            purpose="Read the feed",
            query=["cursor", "limit"],
            paginated=True,
            auth=True,
            serves=["feed"],
        ),
        Api(method="GET", path=f"{V1}/posts/{{post_id}}", purpose="Get a post"),
        Api(method="DELETE", path=f"{V1}/posts/{{post_id}}", purpose="Delete a post", auth=True),
        Api(method="POST", path=f"{V1}/follows", purpose="Follow a user", auth=True),
        *extra,
    ]


def components(
    *extra: Component, db: Component | None = None, cache: bool = True
) -> list[Component]:
    found = [
        Component(name="client", kind="client"),
        Component(name="lb", kind="load_balancer", instances=2),
        Component(name="app", kind="service", instances=3),
        db or Component(name="db", kind="database", technology="PostgreSQL", replicas=1),
        *extra,
    ]
    return found + (
        [Component(name="cache", kind="cache", technology="Redis", instances=2)] if cache else []
    )


def flows(cache: bool = True, *extra: Flow) -> list[Flow]:
    read_from = "cache" if cache else "db"
    return [
        Flow(
            name="Post a photo",
            steps=[
                Step(
                    from_="client", to="lb", action="POST /api/v1/posts", api="POST /api/v1/posts"
                ),
                Step(from_="lb", to="app", action="route"),
                Step(from_="app", to="db", action="INSERT INTO posts"),
            ],
        ),
        Flow(
            name="Read the feed",
            steps=[
                Step(from_="client", to="lb", action="GET feed"),
                Step(from_="lb", to="app", action="route"),
                Step(from_="app", to=read_from, action="read feed:{user_id}"),
            ],
        ),
        *extra,
    ]


def approach(name: str, **changes: Any) -> Approach:
    fields: dict[str, Any] = {"name": name, "pros": ["simple"], "cons": ["costs twice the storage"]}
    return Approach(**{**fields, **changes})


def dive(topic: str = "Feed cache", **changes: Any) -> DeepDive:
    fields: dict[str, Any] = {
        "topic": topic,
        "problem": "700 feed reads/s at peak hit the database",
        "components": ["app", "db"],
        "approaches": [approach("Read-through"), approach("Precompute")],
        "decision": "Read-through with a 60 s TTL",
        "justification": "Simple; 95% hit rate",
    }
    return DeepDive(**{**fields, **changes})


BOTTLENECK = Bottleneck(
    title="Feed reads",
    problem="Feed queries at peak",
    components=["db"],
    solution="Cache feeds for 60 s",
)


def design(**changes: Any) -> Design:
    fields: dict[str, Any] = {
        "name": "photos",
        "requirements": requirements(),
        "entities": entities(),
        "apis": apis(),
        "components": components(),
        "flows": flows(),
        "bottlenecks": [BOTTLENECK],
        "deep_dives": [dive(), dive("Post ids")],
    }
    return Design(**{**fields, **changes})


Example = Callable[[], Design]
_GET = {"method": "GET", "purpose": "List"}

#: code -> (a design the rule flags, a design it passes).
EXAMPLES: dict[str, tuple[Example, Example]] = {
    "R101": (
        lambda: design(requirements=requirements(in_scope=[]), apis=_serving_nothing()),
        design,
    ),
    "R102": (lambda: design(requirements=requirements(out_of_scope=[])), design),
    "R103": (
        lambda: design(requirements=requirements(scale=None)),
        lambda: design(requirements=requirements(scale=Scale(dau=5_000))),
    ),
    "R104": (lambda: design(requirements=requirements(latency=[])), design),
    "R105": (
        lambda: design(
            requirements=requirements(latency=[LatencyTarget(operation="feed", ms=200)])
        ),
        design,
    ),
    "R106": (lambda: design(requirements=requirements(consistency=[])), design),
    "R107": (lambda: design(requirements=requirements(availability=None)), design),
    "R108": (lambda: design(requirements=requirements(scale=scale(item_sizes=[]))), design),
    "R109": (
        lambda: design(requirements=requirements(scale=scale(read_write_ratio=None))),
        lambda: design(
            requirements=requirements(scale=scale(read_write_ratio=None, reads_per_user_per_day=20))
        ),
    ),
    "R110": (lambda: design(requirements=requirements(scale=scale(peak_factor=None))), design),
    "R111": (
        lambda: design(requirements=requirements(scale=scale(writes_per_second=1_000))),
        lambda: design(requirements=requirements(scale=scale(writes_per_second=12))),
    ),
    "A201": (
        lambda: design(
            entities=entities(
                post_entity(fields=[Field(name="post_id", type="BIGINT")], indexes=[])
            )
        ),
        design,
    ),
    "A202": (
        lambda: design(
            entities=entities(post_entity(indexes=[Index(fields=["created_at", "user_id"])]))
        ),
        lambda: design(entities=entities(post_entity(indexes=[Index(fields=["user_id"])]))),
    ),
    "A203": (
        lambda: design(
            requirements=requirements(
                in_scope=[
                    Feature(key="post", text="Post"),
                    Feature(key="feed", text="Feed"),
                    Feature(key="like", text="Like posts"),
                ]
            )
        ),
        design,
    ),
    "A204": (
        lambda: design(
            requirements=requirements(in_scope=["Users post photos"]), apis=_serving_nothing()
        ),
        design,
    ),
    "A205": (
        lambda: design(apis=apis(Api(method="POST", path=f"{V1}/createPost", purpose="Create"))),
        lambda: design(
            apis=apis(
                Api(
                    method="POST",
                    path=f"{V1}/posts/{{post_id}}/like",
                    purpose="Like a post",
                    auth=True,
                )
            )
        ),
    ),
    "A206": (
        lambda: design(apis=apis(Api(path=f"{V1}/posts", request=["user_id"], **_GET))),
        lambda: design(apis=apis(Api(path=f"{V1}/posts", query=["user_id", "cursor"], **_GET))),
    ),
    "A207": (
        lambda: design(apis=apis(Api(path="/posts/{post_id}/comments", query=["page"], **_GET))),
        design,
    ),
    "A208": (
        lambda: design(
            apis=apis(Api(method="GET", path=f"{V1}/user/{{user_id}}", purpose="Profile"))
        ),
        lambda: design(
            apis=apis(Api(method="GET", path=f"{V1}/users/{{user_id}}", purpose="Profile"))
        ),
    ),
    "A209": (
        lambda: design(
            apis=apis(Api(path=f"{V1}/users/{{user_id}}/posts", response=["posts"], **_GET))
        ),
        lambda: design(
            apis=apis(
                Api(
                    path=f"{V1}/users/{{user_id}}/posts",
                    response=["posts"],
                    query=["cursor"],
                    **_GET,
                )
            )
        ),
    ),
    "A210": (
        lambda: design(
            apis=apis(Api(method="PUT", path=f"{V1}/posts/{{post_id}}", purpose="Edit"))
        ),
        lambda: design(
            apis=apis(Api(method="PUT", path=f"{V1}/posts/{{post_id}}", purpose="Edit", auth=True))
        ),
    ),
    "A211": (
        lambda: design(entities=entities(post_entity(stored_in=None))),
        lambda: design(entities=entities(post_entity(stored_in="cache"))),
    ),
    "D301": (lambda: design(bottlenecks=[]), design),
    "D302": (lambda: design(bottlenecks=[Bottleneck(title="Feed", problem="slow")]), design),
    "D303": (
        lambda: design(components=components(db=Component(name="db", kind="database"))),
        lambda: design(
            requirements=requirements(availability=99.0),
            components=components(db=Component(name="db", kind="database")),
        ),
    ),
    "D304": (
        lambda: design(components=components(cache=False), flows=flows(cache=False)),
        lambda: design(
            requirements=requirements(scale=scale(read_write_ratio=2)),
            components=components(cache=False),
            flows=flows(cache=False),
        ),
    ),
    "D305": (lambda: design(flows=flows()[:1]), design),
    "D306": (
        lambda: design(
            flows=flows(
                True,
                Flow(name="Ping", steps=[Step(from_="client", to="app", action="GET /health")]),
            )
        ),
        design,
    ),
    "D307": (
        lambda: design(components=components(Component(name="search", kind="search_index"))),
        lambda: design(
            components=components(Component(name="search", kind="search_index")),
            links=[Link(from_="app", to="search", label="index posts")],
        ),
    ),
    "D308": (lambda: busy_design(replicas=0), lambda: busy_design(replicas=2)),
    "D309": (
        lambda: design(components=components(Component(name="q", kind="queue", instances=2))),
        lambda: design(
            requirements=requirements(scale=scale(dau=100_000_000)),
            components=components(Component(name="q", kind="queue", instances=2)),
        ),
    ),
    "D310": (
        lambda: design(bottlenecks=[_fanout("Pre-compute feeds (fanout on write)")]),
        lambda: design(bottlenecks=[_fanout("Fanout on write; pull celebrities' posts")]),
    ),
    "D311": (
        lambda: design(components=components(db=Component(name="db", kind="database", replicas=1))),
        design,
    ),
    "X401": (lambda: design(deep_dives=[dive()]), design),
    "X402": (lambda: design(deep_dives=[dive(), dive("Ids"), dive("Rate limits")]), design),
    "X403": (
        lambda: design(deep_dives=[dive(approaches=[approach("Cache")]), dive("Ids")]),
        design,
    ),
    "X404": (
        lambda: design(
            deep_dives=[dive(approaches=[approach("A", cons=[]), approach("B")]), dive("Ids")]
        ),
        design,
    ),
    "X405": (lambda: design(deep_dives=[dive(decision=None), dive("Ids")]), design),
    "X406": (lambda: design(deep_dives=[dive(justification=None), dive("Ids")]), design),
    "X407": (lambda: design(deep_dives=[dive(components=[]), dive("Ids")]), design),
    "X408": (
        lambda: design(
            deep_dives=[
                dive(
                    problem="Reads hit the database",
                    decision="Read-through",
                    justification="Simple",
                ),
                dive("Ids"),
            ]
        ),
        design,
    ),
}


def busy_design(replicas: int, technology: str = "PostgreSQL") -> Design:
    """Twitter's load on one database node (PostgreSQL unless told), no cache."""
    busy = scale(dau=200_000_000, writes_per_user_per_day=2, read_write_ratio=100)
    db = Component(name="db", kind="database", technology=technology, replicas=replicas)
    return design(
        requirements=requirements(scale=busy),
        components=components(db=db, cache=False),
        flows=flows(cache=False),
    )


def _fanout(solution: str) -> Bottleneck:
    return Bottleneck(title="Feed reads", problem="slow", components=["db"], solution=solution)


def _serving_nothing() -> list[Api]:
    return [api.model_copy(update={"serves": ()}) for api in apis()]
