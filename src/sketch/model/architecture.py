"""Step 3 of the framework: the components and the request flows between them."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import Field

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
    kind: Kind
    label: str | None = None
    technology: str | None = Field(default=None, description="e.g. Redis, PostgreSQL, Kafka.")
    instances: PositiveCount = 1
    replicas: NonNegativeCount = Field(default=0, description="Standby or read replicas.")
    shards: PositiveCount | None = None
    replica_of: str | None = Field(default=None, description="For read replicas: the primary.")
    tier: str | None = Field(default=None, description="Group drawn as a cluster.")
    notes: str | None = None
    capacity: NodeCapacity | None = Field(
        default=None, description="What one instance takes; overrides the kind's default."
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
    to: str = Field(min_length=1)
    action: str = Field(min_length=1)
    api: str | None = Field(default=None, description="The endpoint called: `POST /api/v1/tweets`.")
    latency_ms: PositiveAmount | None = None
    condition: str | None = Field(default=None, description="e.g. `cache miss`.")
    asynchronous: bool = False
    operation: Literal["read", "write"] | None = Field(
        default=None,
        description="Whether the call reads or writes its target; inferred from the action "
        "(SELECT, GET ... read; INSERT, SET, append ... write) and the workload when unset.",
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
        "`fanout` (deliveries per write).",
    )


class Flow(Declared):
    """A named request flow, walked through as ordered steps."""

    name: str = Field(min_length=1)
    steps: tuple[Step, ...] = Field(min_length=1)
    description: str | None = None
    workload: str | None = Field(
        default=None,
        description="The workload (scale.workloads) whose requests this flow carries.",
    )


class Link(Model):
    """An architecture edge that no flow walks, e.g. replication from database to replica."""

    from_: str = Field(alias="from", min_length=1)
    to: str = Field(min_length=1)
    label: str | None = None
