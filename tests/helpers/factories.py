"""The designs tests build on, made from one set of part builders.

- `small_design()`: "shop", three entities, five APIs, three components and one flow: within
  the framework's limits, every reference good, so `sketch check` finds nothing.
- `clean_design()`: "photos", a photo-sharing design complete through the four steps, so
  `sketch lint` finds nothing either. The lint examples vary it one rule at a time.
- `design_with_scale()`: only a name and the requirements' scale, what an estimate reads.

Each takes keyword overrides of Design's fields; the part builders take overrides of theirs.
"""

from __future__ import annotations

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
    Requirements,
    Scale,
    Step,
    Workload,
)

V1 = "/api/v1"

# --- Part builders ---------------------------------------------------------------------------


def entity(name: str, *extra: Field, key: str = "id", **kwargs: Any) -> Entity:
    """An entity keyed by one BIGINT field `key`, then the `extra` fields."""
    return Entity(
        name=name, fields=[Field(name=key, type="BIGINT", primary_key=True), *extra], **kwargs
    )


def api(method: str, path: str, purpose: str | None = None, **kwargs: Any) -> Api:
    """An API; its purpose defaults to its method and path."""
    return Api(method=method, path=path, purpose=purpose or f"{method} {path}", **kwargs)


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
        "latency": [
            LatencyTarget(operation="feed read", flows=["Read the feed"], ms=200, percentile="p99")
        ],
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
    """The photo design's User, Post (or `post`) and Follow."""
    return [
        entity("User", key="user_id", stored_in="db"),
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


def apis(*extra: Api, serving: bool = True) -> list[Api]:
    """The photo design's five APIs, then `extra`; without `serving`, none serves a feature."""
    found = [
        api(
            "POST",
            f"{V1}/posts",
            "Post a photo",
            request=["caption"],
            auth=True,
            serves=["post"],
        ),
        api(
            "GET",
            f"{V1}/feed/{{user_id}}",
            "Read the feed",
            query=["cursor", "limit"],
            paginated=True,
            auth=True,
            serves=["feed"],
        ),
        api("GET", f"{V1}/posts/{{post_id}}", "Get a post"),
        api("DELETE", f"{V1}/posts/{{post_id}}", "Delete a post", auth=True),
        api("POST", f"{V1}/follows", "Follow a user", auth=True),
        *extra,
    ]
    return found if serving else [a.model_copy(update={"serves": ()}) for a in found]


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
    fields: dict[str, Any] = {"name": name, "pros": ["simple"], "cons": ["costs more storage"]}
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

# --- Designs ---------------------------------------------------------------------------------


def small_design(**overrides: Any) -> Design:
    """Three entities, five APIs, three components and one flow: `sketch check` finds nothing."""
    fields: dict[str, Any] = dict(
        name="shop",
        requirements=Requirements(in_scope=[Feature(key="order", text="Users place orders")]),
        entities=[
            entity("User"),
            entity("Item"),
            entity("Order", Field(name="user_id", type="BIGINT", references="User.id")),
        ],
        apis=[
            api("POST", "/api/v1/orders", serves=["order"]),
            api("GET", "/api/v1/orders/{id}"),
            api("GET", "/api/v1/items"),
            api("GET", "/api/v1/users/{id}"),
            api("DELETE", "/api/v1/orders/{id}"),
        ],
        components=[
            Component(name="client", kind="client"),
            Component(name="app", kind="service"),
            Component(name="db", kind="database", technology="PostgreSQL"),
        ],
        flows=[
            Flow(
                name="Place order",
                steps=[
                    Step(from_="client", to="app", action="place order", api="POST /api/v1/orders"),
                    Step(from_="app", to="db", action="INSERT INTO orders"),
                ],
            ),
        ],
    )
    fields.update(overrides)
    return Design(**fields)


def clean_design(**changes: Any) -> Design:
    """The photo-sharing design: `sketch check` and every lint rule pass it."""
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


def design_with_scale(**given: Any) -> Design:
    """A design that carries only what an estimate reads: a name and the requirements' scale."""
    return Design(name="estimate-test", requirements=Requirements(scale=Scale(**given)))


def _to_store(action: str) -> Step:
    return Step(from_="client", to="store", action=action)


def one_store_design(*components: Component) -> Design:
    """A client and the components given, a write workload of 1,000/s and ten reads per
    write, each a single step from the client to the component named `store`."""
    return Design(
        name="nodes",
        requirements=Requirements(
            scale=Scale(
                workloads=[
                    Workload(name="put", kind="write", per_second=1_000),
                    Workload(name="get", ratio=10, ratio_of="put"),
                ]
            )
        ),
        components=[Component(name="client", kind="client"), *components],
        flows=[
            Flow(
                name="Put", workload="put", steps=[Step(from_="client", to="store", action="PUT")]
            ),
            Flow(
                name="Get", workload="get", steps=[Step(from_="client", to="store", action="GET")]
            ),
        ],
    )


def background_pipeline(target: LatencyTarget | None = None) -> Design:
    """A background pipeline: a scheduler queues work, a worker takes it and fetches a page
    (1 s). No client waits, so nothing is on a request path."""
    return Design(
        name="crawl",
        components=[
            Component(name="scheduler", kind="scheduler"),
            Component(name="queue", kind="queue"),
            Component(name="fetcher", kind="worker", instances=4),
            Component(name="web", kind="external"),
        ],
        flows=[
            Flow(
                name="Fetch",
                steps=[
                    Step(from_="scheduler", to="queue", action="enqueue due URLs"),
                    Step(from_="fetcher", to="queue", action="take a URL"),
                    Step(from_="fetcher", to="web", action="GET page", latency_ms=1000),
                ],
            )
        ],
        requirements={"latency": [target] if target else []},
    )
