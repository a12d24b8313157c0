"""Step 2, core entities and APIs (A2xx): keys, indexes, coverage and REST shape."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from sketch.linting.context import Context
from sketch.linting.registry import FrameworkStep, Hit, rule
from sketch.model import DATA_STORE_KINDS, Api, Entity

STEP = FrameworkStep.entities_apis

#: CRUD verbs that belong in the HTTP method, not the path. Domain actions such as `follow` or
#: `like` are legitimate sub-resources (the guide's own `POST /tweets/{id}/like`).
CRUD_VERBS = frozenset(
    {
        "get",
        "fetch",
        "retrieve",
        "list",
        "query",
        "create",
        "add",
        "insert",
        "new",
        "make",
        "save",
        "update",
        "modify",
        "edit",
        "set",
        "delete",
        "remove",
        "destroy",
    }
)
#: Nouns whose plural is the singular: `/media/{media_id}` is already a collection.
UNCOUNTABLE = frozenset(
    {"media", "news", "data", "metadata", "feedback", "inventory", "equipment", "info", "staff"}
)
PAGINATION_PARAMS = frozenset({"page", "limit", "cursor", "offset", "page_size", "page_token"})
_VERSION = re.compile(r"^v\d+(\.\d+)?$")
_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


@rule(
    "A201",
    "entity-without-primary-key",
    "error",
    STEP,
    fix="mark the key: `Field(..., primary_key=True)` or `Entity(primary_key=[...])`",
)
def entity_without_primary_key(ctx: Context) -> Iterator[Hit]:
    """An entity has no primary key.

    What it checks:
        An `Entity` with neither a field marked `primary_key=True` nor `primary_key=(...)`.
    Why it matters:
        The guide gives every entity a key ("tweet_id (PK)", "Composite PK: follower_id +
        followee_id"); without one, rows cannot be addressed, cached or sharded.
    Bad:
        Entity(name="Like", fields=[Field(name="user_id", type="BIGINT"),
                                    Field(name="tweet_id", type="BIGINT")])
    Fix:
        Entity(name="Like", primary_key=["user_id", "tweet_id"], fields=[...])
    Known false positives:
        Append-only event streams keyed by offset are not rows with a key: model them as
        a stream component, not an entity.
    """
    for i, entity in enumerate(ctx.design.entities):
        if not entity.key_fields:
            yield Hit(f"entities[{i}]", f"entity {entity.name} has no primary key")


def _leads_an_index(entity: Entity, name: str) -> bool:
    """A B-tree index serves lookups by its leading column only."""
    leading = [entity.key_fields[:1], *(ix.fields[:1] for ix in entity.indexes)]
    return any(cols == (name,) for cols in leading)


@rule(
    "A202",
    "foreign-key-without-index",
    "warning",
    STEP,
    fix="index the column: `Field(..., indexed=True)` or `Index(fields=[...])` leading with it",
)
def foreign_key_without_index(ctx: Context) -> Iterator[Hit]:
    """A foreign key column is not indexed.

    What it checks:
        A field with `references=` that is not `indexed`, not `unique`, and does not lead the
        primary key or any index (an index only serves lookups by its first column).
    Why it matters:
        "Mention indexes! Shows you think about query performance." Joins and reverse lookups
        on an unindexed foreign key scan the whole table (the guide indexes `followee_id`
        "for reverse lookup").
    Bad:
        Field(name="user_id", type="BIGINT", references="User.user_id")
    Fix:
        Field(name="user_id", type="BIGINT", references="User.user_id", indexed=True)
    Known false positives:
        A foreign key only ever written, never queried by (an audit column), needs no
        index: suppress with that reason.
    """
    for i, entity in enumerate(ctx.design.entities):
        for j, field in enumerate(entity.fields):
            if field.references and not (
                field.indexed or field.unique or _leads_an_index(entity, field.name)
            ):
                yield Hit(
                    f"entities[{i}].fields[{j}]",
                    f"foreign key {entity.name}.{field.name} -> {field.references} has no index",
                )


@rule(
    "A203",
    "feature-without-api",
    "warning",
    STEP,
    fix="add the endpoint that serves it, with `serves=['<feature key>']`",
)
def feature_without_api(ctx: Context) -> Iterator[Hit]:
    """An in-scope feature that no API serves.

    What it checks:
        A functional `Feature` with a `key` that no `Api(serves=...)` names. Non-functional
        scope items (`Feature(kind="non_functional")`, or inferred: a quality such as
        availability or latency with no one doing something) need no endpoint.
    Why it matters:
        "Shows you think about API contract first": every must-have feature needs an endpoint,
        or the design cannot deliver it.
    Bad:
        Feature(key="like", text="Users can like tweets")  # and no API serves "like"
    Fix:
        Api(method="POST", path="/api/v1/tweets/{tweet_id}/like", purpose="Like a tweet",
            serves=["like"])
    Known false positives:
        No longer: "The service has high availability" or "Reads under 200 ms" in scope.
        Still: a feature served by a background job or a push channel rather than an API
        (a nightly digest email): say `kind="non_functional"` is wrong there; suppress with
        the reason instead.
    """
    served = {key for api in ctx.design.apis for key in api.serves}
    for i, feature in enumerate(ctx.design.requirements.in_scope):
        if feature.key and feature.functional and feature.key not in served:
            yield Hit(
                f"requirements.in_scope[{i}]", f"no API serves in-scope feature '{feature.key}'"
            )


@rule(
    "A204",
    "feature-without-key",
    "info",
    STEP,
    fix="give it a key (`Feature(key=..., text=...)`) and name it in `Api(serves=...)`",
)
def feature_without_key(ctx: Context) -> Iterator[Hit]:
    """An in-scope feature has no key, so no API can say it serves it.

    What it checks:
        A functional `Feature` (or plain string in `in_scope`) without `key`; non-functional
        items ("High availability", "p99 under 200 ms"; see A203) need none.
    Why it matters:
        Without a key, lint cannot tell whether an API serves the feature (A203), so a
        forgotten endpoint goes unnoticed.
    Bad:
        Requirements(in_scope=["Users can like tweets"])
    Fix:
        Requirements(in_scope=[Feature(key="like", text="Users can like tweets")])
    Known false positives:
        No longer: quality items written in scope ("The system is highly available"). Still:
        a functional item the inference reads as a quality because it starts without an
        actor ("Fast search over posts"): write `Feature(kind="functional", ...)` or key it.
    """
    for i, feature in enumerate(ctx.design.requirements.in_scope):
        if not feature.key and feature.functional:
            yield Hit(f"requirements.in_scope[{i}]", f"feature '{feature.text}' has no key")


def _static_segments(path: str) -> list[str]:
    return [s for s in path.strip("/").split("/") if s and not s.startswith("{")]


@rule(
    "A205",
    "verb-in-path",
    "warning",
    STEP,
    fix="let the method carry the verb: `POST /api/v1/tweets`, not `/api/v1/createTweet`",
)
def verb_in_path(ctx: Context) -> Iterator[Hit]:
    """An API path names a CRUD verb.

    What it checks:
        A path segment whose first word is a CRUD verb (get, create, update, delete, ...).
        Domain actions such as `/follow` or `/like` are fine.
    Why it matters:
        "Mention REST conventions. Shows you know best practices." In REST the HTTP method
        is the verb and the path is a noun.
    Bad:
        Api(method="POST", path="/api/v1/createTweet", purpose="Create a tweet")
    Fix:
        Api(method="POST", path="/api/v1/tweets", purpose="Create a tweet")
    Known false positives:
        A verb that is a domain noun in the path (`/api/v1/sets/{id}`, `/api/v1/lists`)
        is read as a CRUD verb: suppress with the reason.
    """
    for i, api in enumerate(ctx.design.apis):
        for segment in _static_segments(api.path):
            words = _WORDS.findall(segment.replace("-", "_"))
            if words and words[0].lower() in CRUD_VERBS:
                yield Hit(f"apis[{i}].path", f"{api.key}: verb '{words[0]}' in the path")
                break


@rule(
    "A206", "get-with-body", "warning", STEP, fix="move the fields into the path or `query=[...]`"
)
def get_with_body(ctx: Context) -> Iterator[Hit]:
    """A GET endpoint takes a request body.

    What it checks:
        An `Api(method="GET")` with `request=` fields.
    Why it matters:
        GET bodies have no defined meaning in HTTP: proxies, caches and CDNs drop them, so
        the request cannot be cached by URL. Put inputs in the path or query string.
    Bad:
        Api(method="GET", path="/api/v1/tweets", purpose="List tweets", request=["user_id"])
    Fix:
        Api(method="GET", path="/api/v1/tweets", purpose="List tweets", query=["user_id"])
    Known false positives:
        Search endpoints that take a large structured query as a GET body (Elasticsearch
        style): prefer POST, or suppress with the reason.
    """
    for i, api in enumerate(ctx.design.apis):
        if api.method == "GET" and api.request:
            yield Hit(f"apis[{i}].request", f"{api.key} has a request body")


@rule("A207", "unversioned-path", "warning", STEP, fix="put the version in the path: `/api/v1/...`")
def unversioned_path(ctx: Context) -> Iterator[Hit]:
    """An API path has no version segment.

    What it checks:
        A path without a `v1`-style segment.
    Why it matters:
        Every endpoint in the guide is `/api/v1/...`: a version lets the contract change
        without breaking mobile clients that never update.
    Bad:
        Api(method="GET", path="/tweets/{tweet_id}", purpose="Get a tweet")
    Fix:
        Api(method="GET", path="/api/v1/tweets/{tweet_id}", purpose="Get a tweet")
    Known false positives:
        Endpoints versioned by header (`Accept: application/vnd.x.v2+json`) are not
        seen: suppress with that reason.
    """
    for i, api in enumerate(ctx.design.apis):
        if not any(_VERSION.match(s) for s in _static_segments(api.path)):
            yield Hit(f"apis[{i}].path", f"{api.key} has no version in its path")


@rule(
    "A208",
    "singular-collection",
    "warning",
    STEP,
    fix="name collections in the plural: `/api/v1/users/{user_id}`",
)
def singular_collection(ctx: Context) -> Iterator[Hit]:
    """A collection addressed by its own id is named in the singular.

    What it checks:
        A segment followed by its own id, such as `/user/{user_id}` or `/tweet/{id}`.
    Why it matters:
        REST convention (which the guide asks you to mention) names collections in the
        plural: `/users/{user_id}` reads as "the user with this id among users".
    Bad:
        Api(method="GET", path="/api/v1/user/{user_id}", purpose="Get a profile")
    Fix:
        Api(method="GET", path="/api/v1/users/{user_id}", purpose="Get a profile")
    Known false positives:
        No longer: uncountable nouns (`/api/v1/media/{media_id}`, `/api/v1/news/{id}`, data,
        metadata, inventory ...). Still: irregular plurals (`/api/v1/sheep/{sheep_id}`) are
        flagged: suppress with the reason.
    """
    for i, api in enumerate(ctx.design.apis):
        segments = api.path.strip("/").split("/")
        for name, nxt in pairwise(segments):
            param = nxt.strip("{}").lower()
            own_id = param in {"id", f"{name.lower()}_id", f"{name.lower()}id"}
            uncountable = name.lower() in UNCOUNTABLE
            if (
                nxt.startswith("{")
                and own_id
                and not name.lower().endswith("s")
                and not uncountable
            ):
                yield Hit(
                    f"apis[{i}].path",
                    f"{api.key}: collection '{name}' is singular",
                    help=f"name the collection in the plural: '{name}s/{nxt}'",
                )
                break


@rule(
    "A209",
    "list-without-pagination",
    "warning",
    STEP,
    fix="page it: `query=['cursor', 'limit']`, `paginated=True`",
)
def list_without_pagination(ctx: Context) -> Iterator[Hit]:
    """A list endpoint is not paginated.

    What it checks:
        A GET whose path ends in a collection name (not an `{id}`) that it returns (the name
        is a response field, or, with no response given, the name is plural), with neither
        `paginated=True` nor a page, limit, offset or cursor query parameter. Not a finding:
        a batch get by ids (an `ids`-style query or path parameter, `batch` in the path or
        purpose), a list its purpose bounds ("top 10", "up to 50", "latest 20", "at most 5",
        "bounded", "fixed set"), a count ("Count views") and a singleton named in the plural
        (`/preferences`, `/settings`, `/stats`).
    Why it matters:
        The guide's timeline takes "?page=1&limit=20": an unbounded list grows with the data
        and turns one request into a full scan and a huge response.
    Bad:
        Api(method="GET", path="/api/v1/users/{user_id}/tweets", purpose="A user's tweets")
    Fix:
        Api(method="GET", path="/api/v1/users/{user_id}/tweets", purpose="A user's tweets",
            query=["cursor", "limit"], paginated=True)
    Known false positives:
        No longer: `GET /api/v1/tweets?ids=1,2,3` (a batch get), "Top 10 trending
        hashtags", "Count views" and `GET /users/{id}/preferences`. Still: a small
        collection whose bound is known but not written (a user's two-factor devices): say
        so in the purpose ("up to 5 devices").
    """
    for i, api in enumerate(ctx.design.apis):
        last = api.path.rstrip("/").rsplit("/", 1)[-1]
        if api.method != "GET" or last.startswith("{") or not _returns_collection(api, last):
            continue
        if _batch_get(api) or _BOUNDED.search(api.purpose) or _COUNT.search(api.purpose):
            continue
        if not api.paginated and not PAGINATION_PARAMS & {q.lower() for q in api.query}:
            yield Hit(f"apis[{i}]", f"{api.key} lists a collection without pagination")


#: A purpose that bounds what the list returns.
_BOUNDED = re.compile(
    r"\b(top|first|latest|last|recent|up to|at most|max(imum)?( of)?)\s+\d+|\bbounded\b|"
    r"\bfixed (set|list|number)\b|\bcapped\b",
    re.IGNORECASE,
)
_IDS = re.compile(r"(^|_)ids$", re.IGNORECASE)
#: A purpose that returns a number, not a list: "Count views", "Number of likes".
_COUNT = re.compile(r"^\s*(count|number of|how many|total)\b", re.IGNORECASE)
#: Resources named in the plural that are one object: a user's preferences, a post's stats.
SINGLETON_PLURALS = frozenset(
    {"preferences", "settings", "stats", "statistics", "analytics", "details", "totals"}
)


def _batch_get(api: Api) -> bool:
    """A get of many by id: `?ids=`, `{ids}` in the path, `batch` in the path or purpose."""
    names = [*api.query, *api.path_params, *api.request]
    return (
        any(_IDS.search(name) for name in names)
        or "batch" in api.path.lower()
        or re.search(r"\bbatch\b", api.purpose, re.IGNORECASE) is not None
    )


def _returns_collection(api: Api, name: str) -> bool:
    """The endpoint returns the collection its path names: a response field of that name, or,
    with no response declared, a plural-looking name (`/posts`, not `/me` or `/status`)."""
    if name.lower() in SINGLETON_PLURALS:
        return False
    fields = {f.lower() for f in api.response}
    if fields:
        return name.lower() in fields
    return name.endswith("s") and not name.endswith(("ss", "us", "is"))


@rule(
    "A210",
    "destructive-without-auth",
    "error",
    STEP,
    fix="require authentication: `Api(..., auth=True)`",
)
def destructive_without_auth(ctx: Context) -> Iterator[Hit]:
    """An endpoint that changes or deletes data does not require authentication.

    What it checks:
        A DELETE, PUT or PATCH endpoint with `auth=False`.
    Why it matters:
        Anyone could delete or overwrite other users' data. The guide's delete endpoint takes
        "{user_id} (for auth)"; say so with `auth=True`.
    Bad:
        Api(method="DELETE", path="/api/v1/tweets/{tweet_id}", purpose="Delete a tweet")
    Fix:
        Api(method="DELETE", path="/api/v1/tweets/{tweet_id}", purpose="Delete a tweet",
            auth=True)
    Known false positives:
        An endpoint protected another way (a signed URL, a one-time token in the path):
        say `auth=True`, since it is authenticated.
    """
    for i, api in enumerate(ctx.design.apis):
        if api.method in {"DELETE", "PUT", "PATCH"} and not api.auth:
            yield Hit(f"apis[{i}].auth", f"{api.key} changes data without authentication")


@rule(
    "A211",
    "entity-not-stored",
    "info",
    STEP,
    fix="say which component holds it: `Entity(..., stored_in='db')`",
)
def entity_not_stored(ctx: Context) -> Iterator[Hit]:
    """An entity does not say which data store holds it.

    What it checks:
        An `Entity` without `stored_in` while the design has a data store.
    Why it matters:
        The schema of step 2 and the boxes of step 3 must meet: the guide's Timeline is
        "Materialized/Cached" while tweets live in SQL. Where each table lives decides what
        the cache and the sharding deep dive are about.
    Bad:
        Entity(name="Timeline", fields=[...])
    Fix:
        Entity(name="Timeline", fields=[...], stored_in="cache")
    Known false positives:
        An entity that lives only in the client or in a message on a queue: store it in
        that component, or suppress with the reason.
    """
    if not ctx.of_kind(*DATA_STORE_KINDS):
        return
    for i, entity in enumerate(ctx.design.entities):
        if entity.stored_in is None:
            yield Hit(f"entities[{i}]", f"entity {entity.name} is stored in no component")
