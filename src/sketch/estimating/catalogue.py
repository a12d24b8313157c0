"""What one node of each kind and technology takes, and where that figure comes from.

Every figure here is a default, overridable three ways, the nearest winning: on the component
(`Component(capacity=NodeCapacity(requests_per_second=...))`), for a technology or a kind in
`[tool.sketch.capacity.<Technology or kind>]` of pyproject.toml, and for app servers and
databases in `Scale(capacity=Capacity(qps_per_server=..., qps_per_database=...))`.

A figure is either a vendor's published number (a benchmark or a documented limit), the
guide's own (`../shared/framework.md`), or a rule of thumb that says it is one: capacity
depends on the work per request, and the point of a default is an order of magnitude to
argue with, not a promise.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from sketch.errors import ConfigError
from sketch.loading.messages import setting_location, settings_error
from sketch.model import Component, Kind, NodeCapacity
from sketch.model.numbers import PositiveAmount
from sketch.model.technology import technology_key

GB = 1e9
TB = 1e12
TIB = 2.0**40
GIB = 2.0**30


@dataclass(frozen=True)
class NodeFigures:
    """What one node takes; None where no figure applies (a CDN has no row limit)."""

    requests_per_second: float | None = None
    writes_per_second: float | None = None
    storage_bytes: float | None = None
    memory_bytes: float | None = None
    connections: float | None = None
    #: Scaled by the provider: no capacity finding unless a documented limit (above) is passed.
    managed: bool = False
    #: Writes go to every node (Cassandra, DynamoDB), not to one primary per shard.
    distributed_writes: bool = False
    #: No primary at all (Cassandra, ScyllaDB: Dynamo-style): any copy of a key takes its
    #: reads and writes, so nothing fails over. CockroachDB and Spanner spread writes too,
    #: but each range has a Raft leader that does fail over.
    leaderless: bool = False
    source: str = ""


# Sources, named once so the docs and the figures cannot drift apart.
GUIDE_QPS = (
    "the guide: 'a single PostgreSQL instance can handle ~10K QPS' (framework.md, Mistake 3)"
)
WRITES_RULE = (
    "rule of thumb: ~1K durable writes/s on one relational primary (a commit, WAL flush and "
    "index updates per write on SSD); override with capacity.writes_per_second"
)
RDS_STORAGE = "Amazon RDS documentation: 64 TiB maximum storage for a PostgreSQL/MySQL instance"
APP_RULE = (
    "rule of thumb: ~1K requests/s per app server doing I/O-bound work (a few queries and a "
    "cache call per request); override per component"
)
REDIS_BENCH = (
    "redis.io 'Redis benchmark' page: ~100K GET/SET requests/s per node without pipelining; "
    "memory: an AWS ElastiCache cache.r6g.2xlarge node has 52.82 GiB"
)
MEMCACHED_BENCH = "rule of thumb, as Redis: ~100K requests/s per node (memcached is multi-threaded)"
KAFKA_BENCH = (
    "LinkedIn engineering, 'Benchmarking Apache Kafka: 2 Million Writes Per Second (On Three "
    "Cheap Machines)' (2014): ~600K small messages/s per broker, taken conservatively"
)
RABBIT_RULE = "rule of thumb: ~50K messages/s per RabbitMQ node (a classic queue, small messages)"
SQS_LIMITS = (
    "Amazon SQS documentation: standard queues have nearly unlimited throughput; FIFO queues "
    "300 messages/s per API action without batching"
)
KINESIS_LIMITS = "Amazon Kinesis documentation: 1,000 records/s or 1 MB/s of writes per shard"
CASSANDRA_BENCH = (
    "Netflix tech blog, 'Benchmarking Cassandra Scalability on AWS - Over a million writes per "
    "second' (2011): 1.1M writes/s on 288 nodes, ~3.8K client writes/s per node"
)
CASSANDRA_DENSITY = (
    "DataStax docs, 'Capacity planning and hardware selection for Apache Cassandra', node "
    "density: up to 2 TB of data per node, with free disk for compaction"
)
DYNAMO_LIMITS = (
    "Amazon DynamoDB documentation: on-demand tables scale automatically; 3,000 read and 1,000 "
    "write units/s per partition"
)
SEARCH_RULE = (
    "rule of thumb: ~1K queries/s per search node; Elastic publishes no per-node figure and "
    "advises benchmarking with Rally"
)
LB_RULE = (
    "HAProxy Technologies blog (2021): over 2 million HTTP requests/s on one AWS Graviton2 "
    "instance; ~50K requests/s per node taken as a conservative default"
)
MANAGED_LB = "AWS Elastic Load Balancing documentation: scales automatically with traffic"
GATEWAY_LIMITS = (
    "Amazon API Gateway documentation: 10,000 requests/s per account and region (a quota that "
    "can be raised), for the whole service"
)
GATEWAY_NODE = (
    "Tencent Cloud, 'Cloud Native API Gateway (Kong): performance assessment': 3 nodes of 4 "
    "cores forward 13,000-14,000 requests/s at the recommended 30% CPU (~4,500 a node); "
    "~10K requests/s per self-hosted gateway node taken at ~65% CPU"
)
WEBSOCKET_RULE = (
    "rule of thumb: ~100K concurrent connections per gateway node (WhatsApp reported 2M per "
    "server in 2012, 'The WhatsApp Architecture'; taken conservatively)"
)
S3_LIMITS = (
    "Amazon S3 documentation, 'Best practices design patterns: optimizing Amazon S3 "
    "performance': 3,500 writes and 5,500 reads/s per prefix, with no limit on prefixes"
)
CDN_MANAGED = "CDNs (CloudFront, Cloudflare, Akamai, Fastly) scale with traffic by design"
EXTERNAL = "a third-party service: its own provider's limits apply"
NO_LOAD = "off the request path: no request capacity"

_APP = NodeFigures(requests_per_second=1_000, source=APP_RULE)
_RELATIONAL = NodeFigures(
    requests_per_second=10_000,
    writes_per_second=1_000,
    storage_bytes=64 * TIB,
    source=f"{GUIDE_QPS}; writes: {WRITES_RULE}; storage: {RDS_STORAGE}",
)
_REDIS = NodeFigures(requests_per_second=100_000, memory_bytes=52.82 * GIB, source=REDIS_BENCH)

KIND_DEFAULTS: dict[Kind, NodeFigures] = {
    Kind.client: NodeFigures(source="the users' devices"),
    Kind.dns: NodeFigures(managed=True, source="DNS is served by a provider's anycast network"),
    Kind.cdn: NodeFigures(managed=True, source=CDN_MANAGED),
    Kind.load_balancer: NodeFigures(requests_per_second=50_000, source=LB_RULE),
    Kind.api_gateway: NodeFigures(requests_per_second=10_000, source=GATEWAY_NODE),
    Kind.service: _APP,
    Kind.worker: _APP,
    Kind.cache: _REDIS,
    Kind.database: _RELATIONAL,
    Kind.read_replica: replace(_RELATIONAL, writes_per_second=None),
    Kind.queue: NodeFigures(requests_per_second=50_000, source=RABBIT_RULE),
    Kind.stream: NodeFigures(requests_per_second=600_000, source=KAFKA_BENCH),
    Kind.object_store: NodeFigures(managed=True, source=S3_LIMITS),
    Kind.search_index: NodeFigures(requests_per_second=1_000, source=SEARCH_RULE),
    Kind.websocket_gateway: NodeFigures(
        requests_per_second=10_000, connections=100_000, source=WEBSOCKET_RULE
    ),
    Kind.scheduler: NodeFigures(source=NO_LOAD),
    Kind.monitoring: NodeFigures(source=NO_LOAD),
    Kind.external: NodeFigures(managed=True, source=EXTERNAL),
}

_CASSANDRA = NodeFigures(
    requests_per_second=10_000,
    writes_per_second=3_800,
    storage_bytes=2e12,
    distributed_writes=True,
    leaderless=True,
    source=f"{CASSANDRA_BENCH}; storage: {CASSANDRA_DENSITY}",
)
# ScyllaDB publishes the same shape of benchmark but much denser nodes; no storage figure
# is claimed for it here (give one with `capacity=NodeCapacity(storage_bytes=...)`).
_SCYLLA = replace(_CASSANDRA, storage_bytes=None, source=CASSANDRA_BENCH)
_DYNAMO = NodeFigures(managed=True, distributed_writes=True, source=DYNAMO_LIMITS)
_MANAGED_LB = NodeFigures(managed=True, source=MANAGED_LB)

#: By `technology_key` (lower case, letters and digits: "Amazon S3" -> "s3").
TECHNOLOGY_DEFAULTS: dict[str, NodeFigures] = {
    "redis": _REDIS,
    "valkey": _REDIS,
    "elasticache": _REDIS,
    "memcached": NodeFigures(
        requests_per_second=100_000, memory_bytes=52.82 * GIB, source=MEMCACHED_BENCH
    ),
    "kafka": NodeFigures(requests_per_second=600_000, source=KAFKA_BENCH),
    "msk": NodeFigures(requests_per_second=600_000, source=KAFKA_BENCH),
    "rabbitmq": NodeFigures(requests_per_second=50_000, source=RABBIT_RULE),
    "sqs": NodeFigures(managed=True, source=SQS_LIMITS),
    "sqsfifo": NodeFigures(requests_per_second=300, managed=True, source=SQS_LIMITS),
    "kinesis": NodeFigures(requests_per_second=1_000, managed=True, source=KINESIS_LIMITS),
    "pubsub": NodeFigures(managed=True, source="Google Cloud Pub/Sub scales automatically"),
    "sns": NodeFigures(managed=True, source="Amazon SNS scales automatically"),
    "cassandra": _CASSANDRA,
    "scylla": _SCYLLA,
    "scylladb": _SCYLLA,
    "dynamodb": _DYNAMO,
    "dynamo": _DYNAMO,
    "bigtable": NodeFigures(
        requests_per_second=10_000,
        distributed_writes=True,
        source="Google Cloud Bigtable documentation: ~10K reads or writes/s per node",
    ),
    "spanner": NodeFigures(managed=True, distributed_writes=True, source="Cloud Spanner scales"),
    "cockroachdb": replace(_RELATIONAL, distributed_writes=True, storage_bytes=None),
    "elasticsearch": NodeFigures(requests_per_second=1_000, source=SEARCH_RULE),
    "opensearch": NodeFigures(requests_per_second=1_000, source=SEARCH_RULE),
    "s3": NodeFigures(managed=True, source=S3_LIMITS),
    "gcs": NodeFigures(managed=True, source="Google Cloud Storage scales automatically"),
    # Every Elastic Load Balancing type, as its uptime SLA (sketch.estimating.uptime.ELB) has
    "elb": _MANAGED_LB,
    "alb": _MANAGED_LB,
    "nlb": _MANAGED_LB,
    "clb": _MANAGED_LB,
    "gwlb": _MANAGED_LB,
    "elasticloadbalancing": _MANAGED_LB,
    "applicationloadbalancer": _MANAGED_LB,
    "networkloadbalancer": _MANAGED_LB,
    "gatewayloadbalancer": _MANAGED_LB,
    "classicloadbalancer": _MANAGED_LB,
    "apigateway": NodeFigures(requests_per_second=10_000, managed=True, source=GATEWAY_LIMITS),
    "cloudfront": NodeFigures(managed=True, source=CDN_MANAGED),
    "cloudflare": NodeFigures(managed=True, source=CDN_MANAGED),
    "akamai": NodeFigures(managed=True, source=CDN_MANAGED),
    "fastly": NodeFigures(managed=True, source=CDN_MANAGED),
    "route53": NodeFigures(managed=True, source="Amazon Route 53 (a 100% availability SLA)"),
    "apns": NodeFigures(managed=True, source="Apple Push Notification service"),
    "fcm": NodeFigures(managed=True, source="Firebase Cloud Messaging"),
    "stripe": NodeFigures(managed=True, source=EXTERNAL),
    "lambda": NodeFigures(managed=True, source="AWS Lambda scales with concurrency quotas"),
}


class _Override(BaseModel):
    """One `[tool.sketch.capacity.<name>]` table: the NodeCapacity fields, checked (every
    figure positive and finite, as on a component)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    requests_per_second: PositiveAmount | None = None
    writes_per_second: PositiveAmount | None = None
    storage_bytes: PositiveAmount | None = None
    memory_bytes: PositiveAmount | None = None
    connections: PositiveAmount | None = None
    managed: bool | None = None
    distributed_writes: bool | None = None
    reference: str | None = None


@dataclass(frozen=True)
class Catalogue:
    """The defaults above with a project's `[tool.sketch.capacity]` tables applied."""

    overrides: Mapping[str, NodeCapacity | _Override] = field(default_factory=dict)

    def figures(self, component: Component, design_capacity: Any = None) -> NodeFigures:
        """What one node of `component` takes, the nearest override winning."""
        figures = KIND_DEFAULTS[component.kind]
        key = technology_key(component.technology) if component.technology else ""
        if key in TECHNOLOGY_DEFAULTS:
            figures = TECHNOLOGY_DEFAULTS[key]
        elif key and component.kind == Kind.queue and "fifo" in key and "sqs" in key:
            figures = TECHNOLOGY_DEFAULTS["sqsfifo"]
        elif key and figures.source and key not in re.sub(r"[^a-z0-9]", "", figures.source.lower()):
            # The kind's figure stands in for a technology the catalogue does not know and its
            # source does not name: say so, or "Unbound" reads as sized by the Redis benchmark.
            figures = replace(
                figures,
                source=f"the {component.kind.value} default (no figure for "
                f"{component.technology}): {figures.source}",
            )
        if design_capacity is not None:
            if component.kind in (Kind.service, Kind.worker) and design_capacity.qps_per_server:
                figures = _with(figures, design_capacity.qps_per_server, "scale.capacity")
            if component.kind in (Kind.database, Kind.read_replica) and (
                design_capacity.qps_per_database
            ):
                figures = _with(figures, design_capacity.qps_per_database, "scale.capacity")
        for name in (component.kind.value, key):
            override = self.overrides.get(name) if name else None
            if override is not None:
                figures = _apply(figures, override, f"[tool.sketch.capacity.{name}]")
        if component.capacity is not None:
            figures = _apply(figures, component.capacity, f"components.{component.name}.capacity")
        if component.managed is not None:
            figures = replace(figures, managed=component.managed)
        return figures


def _with(figures: NodeFigures, requests: float, where: str) -> NodeFigures:
    source = _sourced(figures, f"{where} (the design)", ["requests_per_second"])
    return replace(figures, requests_per_second=requests, source=source)


_FIGURES = (
    "requests_per_second",
    "writes_per_second",
    "storage_bytes",
    "memory_bytes",
    "connections",
)


def _sourced(figures: NodeFigures, where: str, given: list[str]) -> str:
    """`where`, and the earlier source for the figures an override leaves as they were, so a
    table that sets only writes/s does not lose where the requests/s figure came from."""
    kept = [name for name in _FIGURES if name not in given and getattr(figures, name) is not None]
    if not given or not kept or not figures.source:
        return where
    return f"{where} ({', '.join(given)}); {', '.join(kept)}: {figures.source}"


def _apply(figures: NodeFigures, override: NodeCapacity | _Override, where: str) -> NodeFigures:
    given = {
        name: value
        for name in (
            "requests_per_second",
            "writes_per_second",
            "storage_bytes",
            "memory_bytes",
            "connections",
        )
        if (value := getattr(override, name)) is not None
    }
    managed = getattr(override, "managed", None)
    distributed = override.distributed_writes
    if not given and managed is None and distributed is None:
        return figures
    reference = override.reference
    source = _sourced(figures, f"{where}" + (f": {reference}" if reference else ""), list(given))
    return replace(
        figures,
        **given,
        managed=figures.managed if managed is None else managed,
        distributed_writes=figures.distributed_writes if distributed is None else distributed,
        source=source if given or managed is not None else figures.source,
    )


def is_managed(component: Component, catalogue: Catalogue | None = None) -> bool:
    """Whether the provider scales and replicates this component (S3, a CDN, SQS, a payment
    provider): no capacity finding and no single point of failure unless stated otherwise."""
    return (catalogue or Catalogue()).figures(component).managed


def catalogue_from_settings(settings: Mapping[str, Any], source: str | None = None) -> Catalogue:
    """`[tool.sketch.capacity]`: a table per kind or technology, e.g.
    `[tool.sketch.capacity.PostgreSQL] requests_per_second = 20000`.

    A bad table is a ConfigError at its pyproject.toml line: not a table, an unknown key, a
    figure that is not a positive finite number, or a name one letter off a kind.
    """
    overrides: dict[str, _Override] = {}
    for name, table in settings.items():
        where = f"[tool.sketch.capacity.{name}]"
        if not isinstance(table, Mapping):
            raise ConfigError(
                f"{setting_location(source, ('capacity', name))}: {where} must be a table",
                help=CAPACITY_HELP,
            )
        _refuse_kind_typo(name, where, source)
        try:
            override = _Override.model_validate(dict(table))
        except ValidationError as exc:
            raise settings_error(exc, f"capacity.{name}", _Override, source, CAPACITY_HELP) from exc
        key = name if name in Kind.__members__ else technology_key(name)
        overrides[key] = override
    return Catalogue(overrides)


CAPACITY_HELP = (
    "a table per kind or technology, e.g. [tool.sketch.capacity.PostgreSQL] "
    "requests_per_second = 20000; its keys: " + ", ".join(_Override.model_fields)
)


def _refuse_kind_typo(name: str, where: str, source: str | None) -> None:
    """`databse` is no technology anyone means: a name close to a kind and to no known
    technology would silently apply to nothing."""
    import difflib

    if name in Kind.__members__ or technology_key(name) in TECHNOLOGY_DEFAULTS:
        return
    close = difflib.get_close_matches(name.lower(), list(Kind.__members__), n=1, cutoff=0.8)
    if close:
        raise ConfigError(
            f"{setting_location(source, ('capacity', name))}: {where}: no kind is named "
            f"'{name}' (did you mean '{close[0]}'?)",
            help="name a kind (" + ", ".join(Kind.__members__) + ") or a technology",
        )
