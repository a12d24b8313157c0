"""Step 3 of the framework: the components and the request flows between them."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, field_validator

from sketch.model.base import Declared, Model
from sketch.model.numbers import Fraction, NonNegativeCount, PositiveAmount, PositiveCount, Share
from sketch.model.workload import NodeCapacity


class Kind(StrEnum):
    """Provider-neutral component kinds; icons and lint rules key off these."""

    client = "client"
    dns = "dns"
    cdn = "cdn"
    load_balancer = "load_balancer"
    api_gateway = "api_gateway"
    service = "service"
    worker = "worker"
    cache = "cache"
    database = "database"
    read_replica = "read_replica"
    queue = "queue"
    stream = "stream"
    object_store = "object_store"
    search_index = "search_index"
    websocket_gateway = "websocket_gateway"
    scheduler = "scheduler"
    monitoring = "monitoring"
    external = "external"


#: Kinds that hold data: one instance with no replica is a single point of failure.
STATEFUL_KINDS = frozenset(
    {
        Kind.cache,
        Kind.database,
        Kind.read_replica,
        Kind.queue,
        Kind.stream,
        Kind.object_store,
        Kind.search_index,
    }
)
#: Kinds a request can end at with its data persisted or served.
DATA_STORE_KINDS = frozenset(
    {Kind.cache, Kind.database, Kind.read_replica, Kind.object_store, Kind.search_index}
)


class Component(Declared):
    """A box in the diagram. `name` is the id flows use; `label` is what the box says."""

    name: str = Field(pattern=r"^[A-Za-z_][A-Za-z0-9_\-]*$")
    """Id used by flows, links and entities: letters, digits, `_`, `-`."""
    kind: Kind
    """What it is; picks the default icon and what lint expects of it (see Kinds)."""
    label: str | None = None
    """What the box says; defaults to `name`."""
    technology: str | None = Field(default=None, description="e.g. Redis, PostgreSQL, Kafka.")
    instances: PositiveCount = 1
    """How many run, in all, and at least one a shard: `shards=16` alone is 16 primaries,
    `instances=10, shards=10` is 10 (a single stateful one is a SPOF at high availability,
    D303)."""
    replicas: NonNegativeCount = Field(
        default=0,
        description="Standby or read replicas on top of the instances, in all: with shards, "
        "across every shard (shards=16, replicas=32 is two a shard, 48 nodes).",
    )
    shards: PositiveCount | None = None
    """Number of shards (partitions); the key goes in `notes`."""
    replica_of: str | None = Field(default=None, description="For read replicas: the primary.")
    tier: str | None = Field(default=None, description="Group drawn as a cluster.")
    icon: str | None = Field(
        default=None,
        description="The icon, instead of the one `technology` or `kind` picks: a technology "
        "of the catalogue (`route53`), a kind (`queue`) or a `diagrams` class "
        "(`diagrams.aws.network.Route53`).",
    )
    notes: str | None = None
    """Free text: shard key, eviction policy, ..."""
    capacity: NodeCapacity | None = Field(
        default=None, description="What one instance takes; overrides the kind's default."
    )
    availability: Annotated[float, Field(gt=0, le=100, allow_inf_nan=False)] | None = Field(
        default=None,
        description="Uptime of one instance (or, for a managed service, of the service) in "
        "percent; overrides the kind's and technology's default (sketch.estimating.uptime).",
    )
    managed: bool | None = Field(
        default=None,
        description="A service the provider scales (S3, CloudFront, SQS): no capacity finding "
        "unless a documented limit is passed. Unset: decided by kind and technology.",
    )

    @property
    def display_name(self) -> str:
        return self.label or self.name


class Step(Model):
    """One hop of a flow: `from` calls `to` to do `action`."""

    from_: str = Field(alias="from", min_length=1)
    """The caller (a component name); written `from_=` in Python, `from:` in YAML."""
    to: str = Field(min_length=1)
    """The component called."""
    action: str = Field(min_length=1)
    """What happens: `INSERT INTO tweets`, `GET timeline:{id}`."""
    api: str | None = Field(default=None, description="The endpoint called: `POST /api/v1/tweets`.")
    latency_ms: PositiveAmount | None = None
    """How long the hop takes, in milliseconds."""
    condition: str | None = Field(default=None, description="e.g. `cache miss`.")
    asynchronous: bool = False
    """Fire and forget (drawn dotted): a queue publish, a push."""
    operation: Literal["read", "write"] | None = Field(
        default=None,
        description="Whether the call reads or writes its target; inferred when unset from the "
        "action's first verb, read inside identifiers too (SELECT, GET, GetItem, consume ... "
        "read; INSERT, SET, put_object, append ... write), else the workload's kind, which the "
        "derivation then says.",
    )
    hit_ratio: Share | None = Field(
        default=None,
        description="On a step to a cache: the share of requests it serves. Later steps whose "
        "condition says `miss` carry the rest; `hit`, this share.",
    )
    share: Fraction | None = Field(
        default=None,
        description="Share of the flow's requests that take this step; by default 1, or what "
        "its `hit`/`miss` condition implies.",
    )
    fanout: bool | PositiveAmount | None = Field(
        default=None,
        description="Calls per request at this step: a number, or True for the workload's "
        "`fanout` (deliveries per write). With `parallel=N` too, these are the calls, made N "
        "at a time.",
    )
    parallel: int | str | None = Field(
        default=None,
        description="Calls made at once: a number N >= 2 (scatter-gather over N shards: N "
        "calls per request, the step costs the slowest of N; with `fanout`, the fanout's calls "
        "go N at a time and `parallel` adds none: fanout=3, parallel=3 is 3 calls, not 9), or "
        "a group name shared by the steps that run side by side (the group costs its slowest "
        "member).",
    )

    @field_validator("parallel", mode="before")
    @classmethod
    def _not_a_flag(cls, value: object) -> object:
        if isinstance(value, bool):  # True would pass as 1 call
            raise ValueError("give `parallel` a number of calls (16) or a group name")
        return value

    @field_validator("parallel")
    @classmethod
    def _a_group(cls, value: int | str | None) -> int | str | None:
        if isinstance(value, int) and value < 2:
            raise ValueError(
                f"a parallel group of {value} member(s): `parallel=N` needs N >= 2 calls at "
                "once; drop it for a single call"
            )
        if isinstance(value, str) and not value.strip():
            raise ValueError("a parallel group name cannot be empty")
        return value


class Flow(Declared):
    """A named request flow, walked through as ordered steps."""

    name: str = Field(min_length=1)
    """The flow's name: `Post a tweet`."""
    steps: tuple[Step, ...] = Field(min_length=1)
    """The hops, in order."""
    description: str | None = None
    """What the flow does."""
    workload: str | None = Field(
        default=None,
        description="The workload (scale.workloads) whose requests this flow carries.",
    )


class Link(Model):
    """An architecture edge that no flow walks, e.g. replication from database to replica."""

    from_: str = Field(alias="from", min_length=1)
    """Source component; `from_=` in Python, `from:` in YAML."""
    to: str = Field(min_length=1)
    """Target component."""
    label: str | None = None
    """Text on the edge: `replication`."""
