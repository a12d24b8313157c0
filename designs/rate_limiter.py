"""Design a distributed rate limiter: the framework's token-bucket deep dive.

An API gateway asks a rate-limit service, before forwarding each request, whether the
caller still has budget. Budgets are token buckets kept in a sharded Redis cluster and
updated atomically by a Lua script, so every gateway node sees one shared limit per key.
Rules change rarely and are read from a small relational store into memory.
"""

from sketch import (
    Api,
    Approach,
    Bottleneck,
    Clarification,
    Component,
    Consistency,
    DeepDive,
    Design,
    Entity,
    Feature,
    Field,
    Flow,
    ItemSize,
    LatencyTarget,
    NodeCapacity,
    Requirements,
    Scale,
    Step,
    Workload,
)

# Step 1: clarify requirements ---------------------------------------------------------------

requirements = Requirements(
    in_scope=[
        Feature(key="limit", text="Limit each API key (or IP for anonymous calls) to N "
                "requests per window per endpoint group, allowing short bursts"),
        Feature(key="reject", text="Throttled callers get 429 with Retry-After and "
                "X-RateLimit-Remaining headers"),
        Feature(key="rules", text="Operators create and change rules per plan tier without "
                "a deploy; changes apply within 10 s"),
        Feature(key="usage", text="Callers can read their current usage"),
    ],
    out_of_scope=["Billing by usage", "Bot detection and DDoS scrubbing (done at the CDN)",
                  "Per-region quotas"],
    clarifications=[
        Clarification(
            question="How much traffic goes through the limiter?",
            answer="10M clients, ~1,000 API calls each a day",
            decides="the scale: ~116K checks/s",
        ),
        Clarification(
            question="How much latency may a check add?",
            answer="Under 5 ms at p99",
            decides="in-memory counters next to the gateway",
        ),
        Clarification(
            question="May a client briefly exceed its limit?",
            answer="Not on one key; rule changes may take seconds",
            decides="atomic buckets per key, eventual rules",
        ),
    ],
    scale=Scale(
        dau=10_000_000,
        write_name="rate-limit check",
        writes_per_user_per_day=1_000,  # 10B API calls/day, ~116K checks/s
        read_write_ratio=1,  # every check reads and updates its bucket once
        peak_factor=3,
        item_sizes=[
            # Checks update a bucket in place; only a key's first check creates one:
            # ~10M keys x 3 rules = 30M buckets a day out of 10B checks.
            ItemSize(name="bucket state (key, tokens, last_refill_ms)", bytes=100,
                     fraction=0.003),
        ],
        read_response_bytes=100,
        retention_years=1 / 365,  # idle buckets expire within a day: a ~3 GB live set
        replication_factor=2,
        workloads=[
            # Each check refills and takes from its bucket: a write. ~2% are denied.
            Workload(name="allowed check", kind="write", per_user_per_day=980),
            Workload(name="throttled check", kind="write", per_user_per_day=20),
            Workload(name="rule change", kind="write", per_day=200),
        ],
    ),
    latency=[
        LatencyTarget(operation="rate-limit check added to a request",
                      flows=["Allowed request", "Throttled request"], ms=5, percentile="p99"),
    ],
    consistency=[
        Consistency(level="strong", applies_to="one key's bucket (atomic on its Redis shard)"),
        Consistency(level="eventual", applies_to="rule changes", staleness="10 seconds"),
    ],
    availability=99.99,
)

# Step 2: core entities and APIs -------------------------------------------------------------

api_client = Entity(
    name="ApiClient",
    table="api_clients",
    stored_in="db",
    fields=[
        Field(name="client_id", type="BIGINT", primary_key=True),
        Field(name="api_key_hash", type="CHAR(64)", unique=True),
        Field(name="tier", type="VARCHAR(16)", note="free | pro | enterprise"),
        Field(name="created_at", type="TIMESTAMP"),
    ],
)

rule = Entity(
    name="Rule",
    table="rules",
    stored_in="db",
    description="A limit for one plan tier and endpoint group; cached in every limiter.",
    fields=[
        Field(name="rule_id", type="INT", primary_key=True),
        Field(name="tier", type="VARCHAR(16)", indexed=True),
        Field(name="endpoint_group", type="VARCHAR(64)", note="e.g. `search`, `writes`"),
        Field(name="capacity", type="INT", note="bucket size: the largest burst"),
        Field(name="refill_per_second", type="DOUBLE", note="sustained rate"),
        Field(name="updated_at", type="TIMESTAMP"),
    ],
)

bucket = Entity(
    name="Bucket",
    description="Token-bucket state per caller and rule, in Redis with an idle TTL.",
    stored_in="counters",
    primary_key=["client_id", "rule_id"],
    fields=[
        Field(name="client_id", type="BIGINT", references="ApiClient.client_id",
              note="or a hashed IP for anonymous calls"),
        Field(name="rule_id", type="INT", references="Rule.rule_id", indexed=True),
        Field(name="tokens", type="DOUBLE"),
        Field(name="last_refill_ms", type="BIGINT"),
    ],
)

V1 = "/api/v1"
apis = [
    Api(method="POST", path=f"{V1}/checks", purpose="Take tokens for a request: allowed or "
        "not, remaining, retry-after (the gateway calls this over gRPC)",
        request=["client_id", "endpoint_group", "cost"],
        response=["allowed", "remaining", "retry_after_ms"], auth=True,
        serves=["limit", "reject"]),
    Api(method="GET", path=f"{V1}/clients/{{client_id}}/usage", purpose="Remaining tokens "
        "per endpoint group", response=["buckets"], auth=True, serves=["usage"]),
    Api(method="GET", path=f"{V1}/rules", purpose="List rules", query=["tier", "cursor",
        "limit"], response=["rules", "next_cursor"], auth=True, paginated=True,
        serves=["rules"]),
    Api(method="POST", path=f"{V1}/rules", purpose="Create a rule",
        request=["tier", "endpoint_group", "capacity", "refill_per_second"],
        response=["rule_id"], auth=True, serves=["rules"]),
    Api(method="PUT", path=f"{V1}/rules/{{rule_id}}", purpose="Change a rule's limits",
        request=["capacity", "refill_per_second"], response=["rule_id", "updated_at"],
        auth=True, serves=["rules"]),
    Api(method="DELETE", path=f"{V1}/rules/{{rule_id}}", purpose="Delete a rule",
        response=["success"], auth=True, serves=["rules"]),
]

# Step 3: the simple first design ------------------------------------------------------------

components = [
    Component(name="client", kind="client", label="API callers", tier="Clients"),
    Component(name="gateway", kind="api_gateway", label="API Gateway", technology="Envoy",
              instances=48, tier="Edge", notes="calls the limiter before routing"),
    Component(name="limiter", kind="service", label="Rate-Limit Service", instances=48,
              tier="Limiter", notes="rules cached in memory, refreshed every 10 s",
              capacity=NodeCapacity(requests_per_second=10_000, reference="estimate: a check "
                                    "is one Redis round trip and no other I/O, so ~10x an app "
                                    "server's ~1K requests/s; measure before sizing")),
    Component(name="counters", kind="cache", label="Bucket Store", technology="Redis",
              replicas=6, shards=6, tier="Limiter",
              notes="Redis Cluster; keys hashed by client_id; atomic Lua script"),
    Component(name="db", kind="database", label="Rules DB", technology="PostgreSQL",
              replicas=1, tier="Limiter", notes="a few thousand rules"),
    Component(name="backend", kind="service", label="Protected APIs", instances=450,
              tier="Backend"),
]

allowed = Flow(
    name="Allowed request",
    workload="allowed check",
    steps=[
        Step(from_="client", to="gateway", action="any API request with its API key"),
        Step(from_="gateway", to="limiter", action="check(client_id, endpoint_group, cost=1)",
             api="POST /api/v1/checks", latency_ms=1),
        Step(from_="limiter", to="counters", action="EVALSHA token_bucket key capacity rate "
             "now cost: refill, take, PEXPIRE", latency_ms=1, operation="write"),
        Step(from_="limiter", to="gateway", action="allowed, remaining=41"),
        Step(from_="gateway", to="backend", action="forward with X-RateLimit-Remaining"),
        Step(from_="backend", to="client", action="200 response"),
    ],
)

throttled = Flow(
    name="Throttled request",
    workload="throttled check",
    steps=[
        Step(from_="client", to="gateway", action="request over the limit"),
        Step(from_="gateway", to="limiter", action="check", api="POST /api/v1/checks"),
        Step(from_="limiter", to="counters", action="EVALSHA token_bucket: 0 tokens, "
             "retry_after_ms=350", operation="write"),
        Step(from_="limiter", to="gateway", action="denied"),
        Step(from_="gateway", to="client", action="429 Too Many Requests, Retry-After: 1"),
    ],
)

change_rule = Flow(
    name="Change a rule",
    workload="rule change",
    steps=[
        Step(from_="client", to="gateway", action="PUT /api/v1/rules/{rule_id} (operator)",
             api="PUT /api/v1/rules/{rule_id}"),
        Step(from_="gateway", to="limiter", action="route to the admin API"),
        Step(from_="limiter", to="db", action="UPDATE rules SET capacity, refill_per_second"),
        Step(from_="limiter", to="db", action="every 10 s: SELECT rules WHERE updated_at > "
             "last_load", asynchronous=True),
    ],
)

bottlenecks = [
    Bottleneck(
        title="Shared state on every request",
        problem="~350K checks/s at peak all need one consistent view of each key's budget",
        components=["counters"],
        solution="Shard buckets across a Redis Cluster by client_id; one key lives on one "
        "shard, so its update is atomic without cross-node locks",
    ),
    Bottleneck(
        title="Race between read and write",
        problem="GET tokens then SET tokens from two gateways lets both through",
        components=["limiter", "counters"],
        solution="Refill-and-take in one Lua script, executed atomically by Redis",
    ),
    Bottleneck(
        title="Limiter outage blocks all traffic",
        problem="If the bucket store is unreachable, every request waits on it",
        components=["limiter", "counters", "gateway"],
        solution="5 ms timeout and fail open (with a coarse per-node local limit) so an "
        "outage degrades limiting, not the API",
    ),
    Bottleneck(
        title="Hot keys",
        problem="One abusive key sends 50K requests/s to a single shard",
        components=["counters"],
        solution="Once a key is denied, gateways cache the denial locally until "
        "Retry-After",
    ),
]

# Step 4: deep dives -------------------------------------------------------------------------

algorithm = DeepDive(
    topic="Rate-limiting algorithm",
    problem="Enforce 'N requests per minute' per key with short bursts allowed, in O(1) "
    "memory per key and one round trip per request",
    components=["limiter", "counters"],
    approaches=[
        Approach(
            name="Fixed window counter",
            how=["INCR key:{minute}; EXPIRE 60", "deny when the count exceeds N"],
            pros=["one INCR", "tiny state"],
            cons=["2N requests can pass around a window boundary",
                  "bursty resets at every minute"],
        ),
        Approach(
            name="Sliding window log",
            how=["ZADD each request's timestamp", "ZREMRANGEBYSCORE older than the window",
                 "deny when ZCARD >= N"],
            pros=["exact"],
            cons=["memory grows with N per key (a 1K/min limit keeps 1K entries)",
                  "several commands per request"],
        ),
        Approach(
            name="Token bucket",
            how=["bucket holds up to `capacity` tokens, refilled at `rate` per second",
                 "each request takes `cost` tokens; refill computed lazily from "
                 "last_refill_ms", "refill-and-take in one Lua script"],
            pros=["allows bursts up to capacity, then a smooth rate", "two numbers per key",
                  "burst and rate tune independently"],
            cons=["two parameters to explain to customers", "clock source must be the "
                  "Redis server's, not the callers'"],
        ),
    ],
    decision="Token bucket in a Redis Lua script, using Redis TIME as the clock",
    justification="It gives the burst-then-steady behaviour API clients expect with constant "
    "memory and a single atomic round trip, which keeps the check under 5 ms p99",
)

distribution = DeepDive(
    topic="Enforcing limits across many gateway nodes",
    problem="20 gateway nodes serve the same callers; a limit must hold across all of them "
    "without adding more than a few milliseconds",
    components=["limiter", "counters", "gateway"],
    approaches=[
        Approach(
            name="Local buckets per node (limit / N)",
            how=["each node enforces capacity / 20 in memory"],
            pros=["no network hop", "no shared state to fail"],
            cons=["uneven load balancing makes limits wrong by up to 20x",
                  "scaling the fleet changes every limit"],
        ),
        Approach(
            name="Central store with atomic scripts",
            how=["every check runs the Lua script on the key's Redis shard"],
            pros=["exact global limit", "simple to reason about"],
            cons=["a ~1 ms hop per request", "the store's availability is on the request "
                  "path"],
        ),
        Approach(
            name="Local token leases synced to the central store",
            how=["nodes take batches of 10 tokens from Redis and spend them locally"],
            pros=["far fewer Redis calls for busy keys"],
            cons=["a node can over-admit its unspent batch", "complex leasing and "
                  "return logic"],
        ),
    ],
    decision="Central Redis Cluster with atomic Lua scripts, failing open to a coarse local "
    "limit",
    justification="350K checks/s is well within six Redis shards, so exactness costs only a "
    "millisecond; leasing can be added later for the few hottest keys",
)

design = Design(
    name="rate_limiter",
    title="Design a Distributed Rate Limiter",
    description="Token-bucket limits per API key, shared by every gateway node through Redis.",
    requirements=requirements,
    entities=[api_client, rule, bucket],
    apis=apis,
    components=components,
    flows=[allowed, throttled, change_rule],
    bottlenecks=bottlenecks,
    deep_dives=[algorithm, distribution],
)
