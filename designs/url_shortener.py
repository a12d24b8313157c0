"""Design a URL shortener: read-heavy redirects, short-key generation, click analytics.

The classic warm-up problem. Writes are rare (a few thousand new links per second at peak),
reads dominate (100 redirects per link created), so the design is a cache in front of a
key-value store, plus a way to hand out unique 7-character keys without a coordination
round trip on every create.
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
    Index,
    ItemSize,
    LatencyTarget,
    NodeCapacity,
    Requirements,
    Scale,
    Step,
    Suppression,
    Workload,
)

# Step 1: clarify requirements ---------------------------------------------------------------

requirements = Requirements(
    in_scope=[
        Feature(key="shorten", text="Users turn a long URL into a short link, optionally "
                "with a custom alias and an expiry date"),
        Feature(key="redirect", text="Opening a short link redirects to the long URL"),
        Feature(key="manage", text="Users list and delete the links they created"),
        Feature(key="analytics", text="Users see click counts per link per day"),
    ],
    out_of_scope=["Link previews and QR codes", "Spam and malware scanning",
                  "Editing the target of an existing link", "Billing and plans"],
    clarifications=[
        Clarification(
            question="How many links are created a day?",
            answer="About 100M, one per user of 100M DAU",
            decides="the scale: ~1.2K creates/s",
        ),
        Clarification(
            question="How often is a link followed?",
            answer="About 100 times for each one created",
            decides="a read-heavy design: cache the redirects",
        ),
        Clarification(
            question="Do click counts need to be exact and live?",
            answer="A few minutes late is fine",
            decides="eventual click analytics",
        ),
    ],
    scale=Scale(
        dau=100_000_000,
        write_name="short link",
        writes_per_user_per_day=1,  # 100M new links/day, ~1.2K/s
        read_write_ratio=100,  # ~116K redirects/s on average
        peak_factor=3,
        item_sizes=[
            ItemSize(name="long URL", bytes=500),
            ItemSize(name="metadata (code, user_id, created_at, expires_at)", bytes=100),
        ],
        read_response_bytes=500,  # a 302 with the Location header
        retention_years=5,
        replication_factor=3,
        workloads=[
            Workload(name="create link", kind="write", per_user_per_day=1,
                     items=[ItemSize(name="long URL", bytes=500),
                            ItemSize(name="metadata (code, user_id, created_at, expires_at)",
                                     bytes=100)]),
            Workload(name="redirect", ratio=100, ratio_of="create link", response_bytes=500),
            Workload(name="click stats", per_user_per_day=0.1),  # owners checking their links
        ],
    ),
    latency=[
        LatencyTarget(operation="redirect", flows=["Follow a short link"], ms=50, percentile="p99"),
        LatencyTarget(operation="create short link",
                      flows=["Create a short link"], ms=200, percentile="p99"),
    ],
    consistency=[
        Consistency(level="strong", applies_to="short code uniqueness"),
        Consistency(level="eventual", applies_to="click analytics", staleness="a few minutes"),
    ],
    availability=99.99,
)

# Step 2: core entities and APIs -------------------------------------------------------------

user = Entity(
    name="User",
    table="users",
    stored_in="db",
    fields=[
        Field(name="user_id", type="BIGINT", primary_key=True),
        Field(name="email", type="VARCHAR(255)", unique=True),
        Field(name="api_key_hash", type="CHAR(64)", unique=True),
        Field(name="created_at", type="TIMESTAMP"),
    ],
)

short_url = Entity(
    name="ShortUrl",
    table="short_urls",
    stored_in="db",
    description="One row per short link; the redirect is a single-key lookup by code.",
    fields=[
        Field(name="code", type="VARCHAR(16)", primary_key=True,
              note="7 base62 chars (3.5 trillion keys) or a custom alias"),
        Field(name="long_url", type="VARCHAR(2048)"),
        Field(name="user_id", type="BIGINT", references="User.user_id"),
        Field(name="created_at", type="TIMESTAMP"),
        Field(name="expires_at", type="TIMESTAMP", nullable=True),
    ],
    indexes=[Index(fields=["user_id", "created_at"])],
)

click_stat = Entity(
    name="ClickStat",
    table="click_stats",
    stored_in="db",
    description="Clicks aggregated per link per day by the analytics worker.",
    primary_key=["code", "day"],
    fields=[
        Field(name="code", type="VARCHAR(16)", references="ShortUrl.code"),
        Field(name="day", type="DATE"),
        Field(name="clicks", type="BIGINT", note="counter column"),
    ],
)

key_range = Entity(
    name="KeyRange",
    table="key_ranges",
    stored_in="db",
    description="Blocks of counter values handed to app servers, so creates need no lock.",
    fields=[
        Field(name="range_start", type="BIGINT", primary_key=True),
        Field(name="range_end", type="BIGINT"),
        Field(name="leased_to", type="VARCHAR(64)", note="app server id"),
        Field(name="leased_at", type="TIMESTAMP"),
    ],
)

V1 = "/api/v1"
apis = [
    Api(method="POST", path=f"{V1}/urls", purpose="Create a short link",
        request=["long_url", "custom_alias", "expires_at"], response=["code", "short_url"],
        auth=True, serves=["shorten"]),
    Api(method="GET", path="/{code}", purpose="Redirect to the long URL (302)",
        response=["Location header"], serves=["redirect"],
        suppress=[Suppression(code="A207", reason="the short link itself: it lives at the "
                              "root of the short domain (sho.rt/aB3xK9q), where a version "
                              "segment would defeat the product; the management API is "
                              "versioned")]),
    Api(method="GET", path=f"{V1}/urls/{{code}}", purpose="Get a short link's details",
        response=["code", "long_url", "created_at", "expires_at"], auth=True,
        serves=["manage"]),
    Api(method="GET", path=f"{V1}/users/{{user_id}}/urls", purpose="List a user's links",
        query=["cursor", "limit"], response=["urls", "next_cursor"], auth=True,
        paginated=True, serves=["manage"]),
    Api(method="DELETE", path=f"{V1}/urls/{{code}}", purpose="Delete a short link",
        response=["success"], auth=True, serves=["manage"]),
    Api(method="GET", path=f"{V1}/urls/{{code}}/stats", purpose="Clicks per day for a link",
        query=["from", "to"], response=["days", "total_clicks"], auth=True,
        serves=["analytics"]),
]

# Step 3: the simple first design ------------------------------------------------------------

components = [
    Component(name="client", kind="client", label="Browser / API client", tier="Clients"),
    Component(name="lb", kind="load_balancer", label="Load Balancer", technology="Nginx",
              instances=10, tier="Edge"),
    Component(name="app", kind="service", label="Shortener Service", instances=96,
              tier="Service", notes="stateless; redirects and the management API",
              capacity=NodeCapacity(requests_per_second=5_000, reference="estimate: a "
                                    "redirect is one cache GET (a store read on 1 in 10) and "
                                    "a 302, ~5x an app server's ~1K requests/s")),
    Component(name="cache", kind="cache", label="URL Cache", technology="Redis",
              instances=24, replicas=24, tier="Data",
              notes="code -> long_url, LRU; ~1 TB hot set in 24 shards of ~57 GB"),
    Component(name="db", kind="database", label="URL Store", technology="Cassandra",
              instances=72, replicas=144, tier="Data",
              notes="partitioned by code; RF 3 across zones; ~1.5 TB a node"),
    Component(name="clicks", kind="stream", label="Click Events", technology="Kafka",
              instances=3, tier="Analytics"),
    Component(name="aggregator", kind="worker", label="Click Aggregator", instances=2,
              tier="Analytics", notes="counts per (code, day) in 1-minute batches"),
]

create_link = Flow(
    name="Create a short link",
    workload="create link",
    steps=[
        Step(from_="client", to="lb", action="POST /api/v1/urls", api="POST /api/v1/urls"),
        Step(from_="lb", to="app", action="route to an app server"),
        Step(from_="app", to="app", action="validate URL; take the next counter from the "
             "leased key range; base62-encode to a 7-char code"),
        Step(from_="app", to="db", action="lease a new key range when the current one runs out",
             condition="range exhausted (1 in 100K creates)", share=1e-5, operation="write"),
        Step(from_="app", to="db", action="INSERT short_urls IF NOT EXISTS", latency_ms=15),
        Step(from_="app", to="client", action="return the short URL", latency_ms=50),
    ],
)

redirect = Flow(
    name="Follow a short link",
    workload="redirect",
    steps=[
        Step(from_="client", to="lb", action="GET /{code}", api="GET /{code}"),
        Step(from_="lb", to="app", action="route to an app server"),
        Step(from_="app", to="cache", action="GET url:{code}", latency_ms=2,
             condition="cache hit", hit_ratio=0.9),
        Step(from_="app", to="db", action="SELECT long_url WHERE code = ?", latency_ms=10,
             condition="cache miss"),
        Step(from_="app", to="cache", action="SET url:{code} with 24 h TTL",
             condition="cache miss"),
        Step(from_="app", to="clicks", action="publish click event", asynchronous=True),
        Step(from_="app", to="client", action="302 Found, Location: long_url", latency_ms=20),
    ],
)

aggregate_clicks = Flow(
    name="Aggregate click events",
    workload="redirect",
    steps=[
        Step(from_="aggregator", to="clicks", action="consume click events in batches",
             share=0.001),  # ~1,000 events per fetch
        Step(from_="aggregator", to="db", action="UPDATE click_stats SET clicks = clicks + n",
             share=0.01),  # one update per (code, minute): clicks repeat within a minute
    ],
)

read_stats = Flow(
    name="Read click stats",
    workload="click stats",
    steps=[
        Step(from_="client", to="lb", action="GET /api/v1/urls/{code}/stats",
             api="GET /api/v1/urls/{code}/stats"),
        Step(from_="lb", to="app", action="route to an app server"),
        Step(from_="app", to="db", action="SELECT day, clicks WHERE code = ? AND day IN range"),
    ],
)

bottlenecks = [
    Bottleneck(
        title="Redirect read load",
        problem="~350K redirects/s at peak; a database round trip on each would need dozens "
        "of nodes just for reads and blow the 50 ms p99",
        components=["db"],
        solution="Cache-aside Redis in front of the store: 20% of a day's redirects "
        "(10B x 500 B x 20% = ~1 TB) cover ~80% of clicks, and popular links repeat, so the "
        "hit rate stays above 90%",
    ),
    Bottleneck(
        title="Viral links become hot keys",
        problem="A link shared in a big campaign sends 50K+ clicks/s to one cache shard",
        components=["cache", "app"],
        solution="A small in-process LRU (1-5 s TTL) on app servers for the hottest codes",
    ),
    Bottleneck(
        title="Unique key generation",
        problem="A single global counter or a uniqueness check per create is a bottleneck "
        "and a single point of failure",
        components=["app", "db"],
        solution="Lease ranges of 100K counter values per app server (see deep dive)",
    ),
    Bottleneck(
        title="Click counting",
        problem="Incrementing a counter row per redirect is 350K writes/s on a few hot rows",
        components=["db"],
        solution="Publish click events to Kafka; a worker aggregates per minute before writing",
    ),
]

# Step 4: deep dives -------------------------------------------------------------------------

key_generation = DeepDive(
    topic="Short key generation",
    problem="Every create needs a unique 7-char code; 100M/day for 5 years is ~180 billion "
    "codes, and no create should wait on a global lock",
    components=["app", "db"],
    approaches=[
        Approach(
            name="Hash the long URL",
            how=["MD5/SHA-256 the long URL", "base62-encode, keep the first 7 chars",
                 "on collision, append a salt and retry"],
            pros=["no coordination", "the same URL can map to the same code"],
            cons=["collisions grow with the table (birthday bound)",
                  "every create must check the store before writing"],
            when_to_use=["small tables", "deduplication of identical URLs matters"],
        ),
        Approach(
            name="Global counter",
            how=["INCR a single counter in Redis or a sequence", "base62-encode the value"],
            pros=["never collides", "simple"],
            cons=["one round trip to one node per create: a bottleneck and a SPOF",
                  "codes are guessable in order"],
        ),
        Approach(
            name="Leased counter ranges",
            how=["each app server leases a block of 100K values from key_ranges",
                 "hands out codes from memory", "leases a new block when it runs out"],
            pros=["no collisions and no per-create coordination",
                  "a lease is 1 write per 100K creates"],
            cons=["a crashed server wastes the rest of its block",
                  "codes are sequential within a block (shuffle the bits to hide it)"],
            when_to_use=["many writers, uniqueness required"],
        ),
    ],
    decision="Leased counter ranges, with the counter bits permuted before base62 encoding",
    justification="Creates stay local and collision-free; wasting a few blocks costs nothing "
    "against 3.5 trillion 7-char codes; custom aliases use INSERT IF NOT EXISTS instead",
)

redirect_caching = DeepDive(
    topic="Redirect status and caching",
    problem="Redirects are 99% of traffic and must stay under 50 ms p99 while still counting "
    "clicks for analytics",
    components=["app", "cache"],
    approaches=[
        Approach(
            name="301 Moved Permanently",
            how=["browsers and proxies cache the redirect forever"],
            pros=["repeat clicks never reach us", "lowest load"],
            cons=["repeat clicks are invisible to analytics",
                  "deleting or expiring a link does not take effect in cached browsers"],
        ),
        Approach(
            name="302 Found with a server-side cache",
            how=["every click reaches an app server", "Redis cache-aside, 24 h TTL",
                 "delete invalidates the key"],
            pros=["every click is counted", "deletes and expiries apply at once"],
            cons=["all traffic hits our servers", "cache must be sized for the hot set"],
        ),
        Approach(
            name="302 served from CDN edge workers",
            how=["an edge worker looks up the code in an edge key-value store"],
            pros=["lowest latency worldwide"],
            cons=["edge KV is eventually consistent: deletes lag by up to a minute",
                  "analytics needs log shipping from the CDN"],
        ),
    ],
    decision="302 Found with a server-side cache",
    justification="Redis cache-aside in front of Cassandra. Analytics is in scope, so clicks "
    "must reach us; at ~350K/s a 6-shard Redis "
    "cluster serves the ~1 TB hot set with room to spare, and the CDN option can come later "
    "if global latency becomes the issue",
)

design = Design(
    name="url_shortener",
    title="Design a URL Shortener",
    description="Short links with custom aliases, expiry, fast redirects and click counts.",
    requirements=requirements,
    entities=[user, short_url, click_stat, key_range],
    apis=apis,
    components=components,
    flows=[create_link, redirect, aggregate_clicks, read_stats],
    bottlenecks=bottlenecks,
    deep_dives=[key_generation, redirect_caching],
)
