"""Which `diagrams` icon a component gets: by technology first, else a generic one per kind.

Plain data (module path + class name) so the mapping can be read, tested and extended without
importing `diagrams`; only `rendering.diagram` turns an `IconRef` into a node class.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from sketch.model import Component, Kind
from sketch.model.technology import technology_key


class IconRef(NamedTuple):
    """A `diagrams` node class, e.g. `IconRef("diagrams.onprem.inmemory", "Redis")`."""

    module: str
    name: str

    @property
    def qualname(self) -> str:
        return f"{self.module}.{self.name}"


def _ref(dotted: str) -> IconRef:
    module, _, name = dotted.rpartition(".")
    return IconRef(module, name)


#: A generic, provider-neutral icon for every kind; used when the technology has no icon.
KIND_ICONS: dict[Kind, IconRef] = {
    Kind.client: _ref("diagrams.onprem.client.Users"),
    Kind.dns: _ref("diagrams.gcp.network.DNS"),
    Kind.cdn: _ref("diagrams.gcp.network.CDN"),
    Kind.load_balancer: _ref("diagrams.gcp.network.LoadBalancing"),
    Kind.api_gateway: _ref("diagrams.gcp.api.APIGateway"),
    Kind.service: _ref("diagrams.onprem.compute.Server"),
    Kind.worker: _ref("diagrams.gcp.compute.Functions"),
    Kind.cache: _ref("diagrams.gcp.database.Memorystore"),
    Kind.database: _ref("diagrams.generic.database.SQL"),
    Kind.read_replica: _ref("diagrams.generic.database.SQL"),
    Kind.queue: _ref("diagrams.gcp.analytics.Pubsub"),
    Kind.stream: _ref("diagrams.gcp.analytics.Dataflow"),
    Kind.object_store: _ref("diagrams.generic.storage.Storage"),
    Kind.search_index: _ref("diagrams.onprem.search.Solr"),
    Kind.websocket_gateway: _ref("diagrams.gcp.network.TrafficDirector"),
    Kind.scheduler: _ref("diagrams.gcp.devtools.Scheduler"),
    Kind.monitoring: _ref("diagrams.gcp.operations.Monitoring"),
    Kind.external: _ref("diagrams.onprem.network.Internet"),
}

#: Icons for well-known technologies, keyed by the normalised name (see `technology_key`).
TECHNOLOGY_ICONS: dict[str, IconRef] = {
    key: _ref(dotted)
    for key, dotted in {
        # caches and in-memory stores
        "redis": "diagrams.onprem.inmemory.Redis",
        "memcached": "diagrams.onprem.inmemory.Memcached",
        "hazelcast": "diagrams.onprem.inmemory.Hazelcast",
        "aerospike": "diagrams.onprem.inmemory.Aerospike",
        # databases
        "postgresql": "diagrams.onprem.database.Postgresql",
        "postgres": "diagrams.onprem.database.Postgresql",
        "mysql": "diagrams.onprem.database.Mysql",
        "mariadb": "diagrams.onprem.database.Mariadb",
        "cassandra": "diagrams.onprem.database.Cassandra",
        "scylla": "diagrams.onprem.database.Scylla",
        "scylladb": "diagrams.onprem.database.Scylla",
        "mongodb": "diagrams.onprem.database.Mongodb",
        "mongo": "diagrams.onprem.database.Mongodb",
        "cockroachdb": "diagrams.onprem.database.Cockroachdb",
        "couchbase": "diagrams.onprem.database.Couchbase",
        "couchdb": "diagrams.onprem.database.Couchdb",
        "clickhouse": "diagrams.onprem.database.Clickhouse",
        "hbase": "diagrams.onprem.database.Hbase",
        "influxdb": "diagrams.onprem.database.Influxdb",
        "neo4j": "diagrams.onprem.database.Neo4J",
        "oracle": "diagrams.onprem.database.Oracle",
        "sqlserver": "diagrams.onprem.database.Mssql",
        "mssql": "diagrams.onprem.database.Mssql",
        "dynamodb": "diagrams.aws.database.Dynamodb",
        "spanner": "diagrams.gcp.database.Spanner",
        "bigtable": "diagrams.gcp.database.Bigtable",
        # queues and streams
        "kafka": "diagrams.onprem.queue.Kafka",
        "rabbitmq": "diagrams.onprem.queue.Rabbitmq",
        "activemq": "diagrams.onprem.queue.Activemq",
        "nats": "diagrams.onprem.queue.Nats",
        "zeromq": "diagrams.onprem.queue.Zeromq",
        "celery": "diagrams.onprem.queue.Celery",
        "sqs": "diagrams.aws.integration.SQS",
        "kinesis": "diagrams.aws.analytics.Kinesis",
        "pubsub": "diagrams.gcp.analytics.Pubsub",
        # search
        "elasticsearch": "diagrams.elastic.elasticsearch.Elasticsearch",
        "opensearch": "diagrams.elastic.elasticsearch.Elasticsearch",
        "solr": "diagrams.onprem.search.Solr",
        # proxies, load balancers and gateways
        "nginx": "diagrams.onprem.network.Nginx",
        "haproxy": "diagrams.onprem.network.Haproxy",
        "envoy": "diagrams.onprem.network.Envoy",
        "traefik": "diagrams.onprem.network.Traefik",
        "kong": "diagrams.onprem.network.Kong",
        "istio": "diagrams.onprem.network.Istio",
        "elb": "diagrams.aws.network.ELB",
        "alb": "diagrams.aws.network.ALB",
        "apigateway": "diagrams.aws.network.APIGateway",
        # CDNs and DNS
        "cloudfront": "diagrams.aws.network.CloudFront",
        "cloudflare": "diagrams.saas.cdn.Cloudflare",
        "akamai": "diagrams.saas.cdn.Akamai",
        "fastly": "diagrams.saas.cdn.Fastly",
        "route53": "diagrams.aws.network.Route53",
        "coredns": "diagrams.onprem.dns.Coredns",
        # object stores
        "s3": "diagrams.aws.storage.S3",
        "gcs": "diagrams.gcp.storage.GCS",
        "ceph": "diagrams.onprem.storage.Ceph",
        "minio": "diagrams.generic.storage.Storage",
        # monitoring and scheduling
        "prometheus": "diagrams.onprem.monitoring.Prometheus",
        "grafana": "diagrams.onprem.monitoring.Grafana",
        "datadog": "diagrams.onprem.monitoring.Datadog",
        "airflow": "diagrams.onprem.workflow.Airflow",
        # compute
        "kubernetes": "diagrams.k8s.compute.Pod",
        "lambda": "diagrams.aws.compute.Lambda",
    }.items()
}


_DIAGRAMS_CLASS = re.compile(r"diagrams(\.[a-z][a-z0-9_]*)+\.[A-Z][A-Za-z0-9_]*")


def icon_named(name: str) -> IconRef:
    """`Component(icon=...)`: a catalogue technology, a kind, or a `diagrams` class path.

    Raises RenderError (with the closest catalogue name) for anything else; a class path
    that does not exist in the installed diagrams is refused when it is drawn.
    """
    if _DIAGRAMS_CLASS.fullmatch(name.strip()):
        return _ref(name.strip())
    # `Route 53` is a name, not version 53 of `Route`: try the whole name before the key
    # that drops a trailing version.
    whole = "".join(re.findall(r"[a-z0-9]+", name.lower()))
    found = TECHNOLOGY_ICONS.get(whole) or TECHNOLOGY_ICONS.get(technology_key(name))
    if found:
        return found
    if name.strip() in Kind.__members__:
        return KIND_ICONS[Kind(name.strip())]
    from sketch.errors import RenderError, did_you_mean

    known = [*TECHNOLOGY_ICONS, *Kind.__members__]
    raise RenderError(
        f"unknown icon '{name}' ({did_you_mean(technology_key(name), known)})",
        "use a technology of docs/reference.md's catalogue, a kind, or a diagrams class "
        "such as `diagrams.aws.network.Route53`",
    )


def icon_for(component: Component) -> IconRef:
    """The icon for a component: its own `icon` when set, else its technology's when known,
    else its kind's."""
    if component.icon:
        return icon_named(component.icon)
    if component.technology:
        found = TECHNOLOGY_ICONS.get(technology_key(component.technology))
        if found:
            return found
    return KIND_ICONS[component.kind]
