"""Good examples drawn from realistic designs: every rule must leave them clean.

`newsfeed()` is written the way reviewers' designs are, not the way the rules are: scope items
that are qualities ("highly available"), a batch get by ids and a bounded "top 10" list,
availability in words, numbers in words in a deep dive, fanout written as "write it to every
follower's feed" with hot keys handled as "hot partitions", a managed load balancer and object
store drawn once, and a single worker behind a queue and a nightly batch job off the request
path. Each is a false positive some rule used to raise (tests/linting/test_precision.py names
them one by one). The gallery designs (designs/*.py) are realistic too.
"""

from __future__ import annotations

import runpy
from collections.abc import Callable
from pathlib import Path

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
)
from sketch.linting import REGISTRY
from tests.helpers.paths import REPO_ROOT

V1 = "/api/v1"


def newsfeed() -> Design:
    requirements = Requirements(
        in_scope=[
            Feature(key="post", text="Users can share a post with a photo"),
            Feature(key="feed", text="Users see a feed of posts from people they follow"),
            Feature(key="trends", text="Anyone can see the top 10 trending hashtags"),
            "The service is highly available",
            "Feeds load fast (p99 under 300 ms)",
        ],
        out_of_scope=["Direct messages", "Ads"],
        scale=Scale(
            dau=50_000_000,
            writes_per_user_per_day=0.5,
            read_write_ratio=60,
            peak_factor=3,
            item_sizes=[ItemSize(name="post row", bytes=400)],
        ),
        latency=[
            LatencyTarget(operation="feed page", flows=["Read the feed"], ms=300, percentile="p99")
        ],
        consistency=[Consistency(level="eventual", applies_to="feeds", staleness="seconds")],
        availability="high",
    )
    entities = [
        Entity(
            name="User",
            stored_in="db",
            fields=[
                Field(name="user_id", type="BIGINT", primary_key=True),
                Field(name="handle", type="VARCHAR(30)", unique=True),
            ],
        ),
        Entity(
            name="Post",
            stored_in="db",
            fields=[
                Field(name="post_id", type="BIGINT", primary_key=True),
                Field(name="author_id", type="BIGINT", references="User.user_id"),
                Field(name="created_at", type="TIMESTAMP"),
                Field(name="photo_key", type="VARCHAR(200)"),
            ],
            indexes=[Index(fields=["author_id", "created_at"])],
        ),
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
    apis = [
        Api(
            method="POST",
            path=f"{V1}/posts",
            purpose="Share a post",
            request=["caption"],
            response=["post_id"],
            auth=True,
            serves=["post"],
        ),
        Api(
            method="GET",
            path=f"{V1}/feeds/{{user_id}}",
            purpose="Read a feed page",
            query=["cursor", "limit"],
            response=["posts"],
            paginated=True,
            auth=True,
            serves=["feed"],
        ),
        Api(
            method="GET",
            path=f"{V1}/posts",
            purpose="Fetch the posts a feed page lists",
            query=["ids"],
            response=["posts"],
        ),
        Api(
            method="GET",
            path=f"{V1}/trends",
            purpose="Top 10 trending hashtags",
            response=["trends"],
            serves=["trends"],
        ),
        Api(
            method="DELETE",
            path=f"{V1}/posts/{{post_id}}",
            purpose="Delete a post",
            auth=True,
            serves=["post"],
        ),
    ]
    components = [
        Component(name="client", kind="client"),
        Component(name="lb", kind="load_balancer", technology="AWS ALB"),
        # 17K feed reads/s x 3 at peak: ~52K requests/s at ~1K per app server.
        Component(name="app", kind="service", instances=64),
        Component(name="cache", kind="cache", technology="Redis", instances=3, replicas=3),
        Component(name="db", kind="database", technology="PostgreSQL", replicas=2),
        Component(name="media", kind="object_store", technology="Amazon S3"),
        Component(name="queue", kind="queue", technology="Amazon SQS"),
        Component(name="worker", kind="worker", notes="one fanout worker; SQS keeps the backlog"),
        Component(name="nightly", kind="scheduler", notes="nightly trends job"),
    ]
    flows = [
        Flow(
            name="Share a post",
            steps=[
                Step(
                    from_="client", to="lb", action="POST /api/v1/posts", api="POST /api/v1/posts"
                ),
                Step(from_="lb", to="app", action="route"),
                Step(from_="app", to="media", action="PUT the photo", latency_ms=60),
                Step(from_="app", to="db", action="INSERT INTO posts", latency_ms=10),
                Step(
                    from_="app",
                    to="queue",
                    action="enqueue the new post id (buffered and retried locally)",
                    asynchronous=True,
                ),
                Step(from_="queue", to="worker", action="take the post id"),
                Step(from_="worker", to="cache", action="write it to every follower's feed"),
            ],
        ),
        Flow(
            name="Read the feed",
            steps=[
                Step(
                    from_="client",
                    to="lb",
                    action="GET a feed page",
                    api="GET /api/v1/feeds/{user_id}",
                ),
                Step(from_="lb", to="app", action="route", latency_ms=2),
                Step(
                    from_="app",
                    to="cache",
                    action="LRANGE feed:{user_id}",
                    latency_ms=5,
                    condition="cache hit",
                    hit_ratio=0.9,
                ),
                Step(
                    from_="app",
                    to="db",
                    action="SELECT recent posts of followees",
                    latency_ms=120,
                    condition="cache miss",
                ),
                Step(from_="app", to="client", action="the page", latency_ms=30),
            ],
        ),
        Flow(
            name="Nightly trends",
            steps=[Step(from_="nightly", to="db", action="count hashtags of the last day")],
        ),
    ]
    bottlenecks = [
        Bottleneck(
            title="Hot partitions",
            problem="Accounts with millions of followers turn one post into millions of writes",
            components=["worker", "cache"],
            solution="Skip the fanout for them and pull their posts at read time",
        ),
    ]
    dives = [
        DeepDive(
            topic="Feed delivery",
            problem="A post by an account with ten million followers means ten million writes",
            components=["worker", "cache"],
            approaches=[
                Approach(
                    name="Write to every follower's feed",
                    pros=["cheap reads"],
                    cons=["millions of writes for big accounts"],
                ),
                Approach(
                    name="Read followees' posts at read time",
                    pros=["cheap writes"],
                    cons=["slow reads"],
                ),
            ],
            decision="Write to every follower's feed, except for accounts over a million",
            justification="Most reads then hit the cache; big accounts are pulled and merged",
        ),
        DeepDive(
            topic="Post storage",
            problem="Half a billion post rows a year outgrow one primary's disk",
            components=["db"],
            approaches=[
                Approach(
                    name="Shard by author",
                    pros=["one shard per profile"],
                    cons=["feeds read many shards"],
                ),
                Approach(
                    name="Shard by post id",
                    pros=["even spread"],
                    cons=["profile pages read many shards"],
                ),
            ],
            decision="shard by author",
            justification="Profile pages are a single shard; feeds come from the cache",
        ),
    ]
    return Design(
        name="newsfeed",
        requirements=requirements,
        entities=entities,
        apis=apis,
        components=components,
        flows=flows,
        bottlenecks=bottlenecks,
        deep_dives=dives,
    )


def gallery() -> list[Callable[[], Design]]:
    def loader(path: Path) -> Callable[[], Design]:
        return lambda: runpy.run_path(str(path))["design"]

    return [loader(p) for p in sorted((REPO_ROOT / "designs").glob("*.py"))]


#: code -> realistic designs the rule must leave clean (beyond its good example).
REALISTIC: dict[str, list[Callable[[], Design]]] = {
    rule.code: [newsfeed, *gallery()] for rule in REGISTRY
}
