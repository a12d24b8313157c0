"""Design Twitter: the worked example of the framework guide, step by step."""

from sketch import (
    Api,
    Approach,
    Bottleneck,
    Capacity,
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
    Link,
    Requirements,
    Scale,
    Step,
    Workload,
)

# Step 1: clarify requirements ---------------------------------------------------------------

requirements = Requirements(
    in_scope=[
        Feature(key="post", text="Users can post tweets (280 chars)"),
        Feature(key="follow", text="Users can follow others"),
        Feature(key="timeline", text="Users see home timeline (tweets from people they follow)"),
        Feature(key="like", text="Users can like and retweet"),
    ],
    nice_to_have=["Media (images and videos) in tweets"],
    out_of_scope=["Direct messaging", "Search", "Trending topics", "Notifications"],
    clarifications=[
        Clarification(question="How many users are we targeting?", answer="200M DAU",
                      decides="the scale: 200M DAU"),
        Clarification(question="What's the ratio of reads to writes?",
                      answer="Users read way more than they post: 100:1",
                      decides="a read-heavy design: cache the timeline"),
        Clarification(question="What's the average number of people a user follows?",
                      answer="200", decides="the fanout per tweet"),
        Clarification(question="What latency are we targeting for the timeline?",
                      answer="Under 200ms for p99", decides="timeline reads served from cache"),
        Clarification(
            question="For timeline consistency, is it okay if a tweet appears with a few "
            "seconds delay?",
            answer="Yes, eventual consistency is fine",
            decides="eventual consistency for the timeline",
        ),
    ],
    assumptions=["The average user posts 2 tweets a day", "Peak traffic is 3x the average"],
    scale=Scale(
        dau=200_000_000,
        write_name="tweet",
        writes_per_user_per_day=2,
        read_write_ratio=100,
        peak_factor=3,
        item_sizes=[
            ItemSize(name="text", chars=280, bytes_per_char=2),
            ItemSize(name="metadata (user_id, timestamp, counters)", bytes=190),
        ],
        read_response_bytes=20 * 750,  # a timeline page: 20 tweets with their metadata
        retention_years=5,
        replication_factor=3,
        capacity=Capacity(qps_per_database=10_000),  # the guide's figure for one SQL node
        workloads=[
            Workload(
                name="post tweet",
                kind="write",
                per_user_per_day=2,  # 200M DAU x 2 = 400M tweets/day, ~4,630/s
                items=[
                    ItemSize(name="text", chars=280, bytes_per_char=2),
                    ItemSize(name="metadata (user_id, timestamp, counters)", bytes=190),
                ],
                fanout=200,  # the average follower count: ~926K timeline writes/s
            ),
            Workload(
                name="home timeline",
                ratio=100,  # "Users read way more than they post. Let's say 100:1"
                ratio_of="post tweet",
                response_bytes=20 * 750,
            ),
        ],
    ),
    latency=[
        LatencyTarget(operation="timeline read", flows=["Get timeline"], ms=200, percentile="p99")
    ],
    consistency=[
        Consistency(level="eventual", applies_to="timeline", staleness="a few seconds"),
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
        Field(name="username", type="VARCHAR(32)", unique=True),
        Field(name="email", type="VARCHAR(255)", unique=True),
        Field(name="password_hash", type="VARCHAR(255)"),
        Field(name="created_at", type="TIMESTAMP"),
        Field(name="follower_count", type="INT"),
        Field(name="following_count", type="INT"),
    ],
)

tweet = Entity(
    name="Tweet",
    table="tweets",
    stored_in="db",
    fields=[
        Field(name="tweet_id", type="BIGINT", primary_key=True, note="Snowflake id"),
        Field(name="user_id", type="BIGINT", references="User.user_id"),
        Field(name="content", type="VARCHAR(280)"),
        Field(name="created_at", type="TIMESTAMP"),
        Field(name="like_count", type="INT"),
        Field(name="retweet_count", type="INT"),
    ],
    indexes=[Index(fields=["user_id", "created_at"])],
)

follow = Entity(
    name="Follow",
    table="follows",
    stored_in="db",
    primary_key=["follower_id", "followee_id"],
    fields=[
        Field(name="follower_id", type="BIGINT", references="User.user_id"),
        Field(name="followee_id", type="BIGINT", references="User.user_id", indexed=True,
              note="reverse lookup: who follows me"),
        Field(name="created_at", type="TIMESTAMP"),
    ],
)

like = Entity(
    name="Like",
    table="likes",
    stored_in="db",
    primary_key=["user_id", "tweet_id"],
    fields=[
        Field(name="user_id", type="BIGINT", references="User.user_id"),
        Field(name="tweet_id", type="BIGINT", references="Tweet.tweet_id", indexed=True),
        Field(name="created_at", type="TIMESTAMP"),
    ],
)

timeline = Entity(
    name="Timeline",
    description="Materialized home timeline, kept in the cache (fanout on write).",
    stored_in="cache",
    rows_per_user=1,  # one timeline per daily user: inactive users' are rebuilt on a miss
    row_bytes=800 * 8 + 16,  # 800 tweet ids and a timestamp
    fields=[
        Field(name="user_id", type="BIGINT", primary_key=True, references="User.user_id"),
        Field(name="tweet_ids", type="LIST<BIGINT>", note="newest first, capped at 800"),
        Field(name="last_updated", type="TIMESTAMP"),
    ],
)

V1 = "/api/v1"
apis = [
    Api(method="POST", path=f"{V1}/tweets", purpose="Create a new tweet",
        request=["user_id", "content", "media_urls"], response=["tweet_id", "created_at"],
        auth=True, serves=["post"]),
    Api(method="GET", path=f"{V1}/timeline/{{user_id}}", purpose="Get home timeline for user",
        query=["page", "limit"], response=["tweets"], auth=True, paginated=True,
        serves=["timeline"]),
    Api(method="POST", path=f"{V1}/follow", purpose="Follow a user",
        request=["follower_id", "followee_id"], response=["success"], auth=True,
        serves=["follow"]),
    Api(method="DELETE", path=f"{V1}/follow", purpose="Unfollow a user",
        request=["follower_id", "followee_id"], response=["success"], auth=True,
        serves=["follow"]),
    Api(method="POST", path=f"{V1}/tweets/{{tweet_id}}/like", purpose="Like a tweet",
        request=["user_id"], response=["success", "new_like_count"], auth=True,
        serves=["like"]),
    Api(method="GET", path=f"{V1}/users/{{user_id}}", purpose="Get user profile",
        response=["user_id", "username", "follower_count", "following_count"]),
    Api(method="GET", path=f"{V1}/tweets/{{tweet_id}}", purpose="Get a specific tweet",
        response=["tweet_id", "user_id", "content", "created_at", "like_count"]),
    Api(method="DELETE", path=f"{V1}/tweets/{{tweet_id}}", purpose="Delete a tweet",
        request=["user_id"], response=["success"], auth=True, serves=["post"]),
]

# Step 3: the simple first design ------------------------------------------------------------

components = [
    Component(name="client", kind="client", label="Client (Web/Mobile)", tier="Clients"),
    Component(name="cdn", kind="cdn", label="CDN (static assets)", technology="CloudFront",
              instances=2, tier="Edge"),
    Component(name="lb", kind="load_balancer", label="Load Balancers", technology="Nginx",
              instances=40, tier="Edge", notes="1.4M requests/s at peak, ~50K/s per node"),
    Component(name="app", kind="service", label="App Servers", instances=2_000, tier="Service",
              notes="stateless, horizontally scalable; ~1K requests/s each"),
    Component(name="queue", kind="stream", label="Fanout Queue", technology="Kafka",
              instances=3, tier="Service", notes="smooths tweet bursts; feeds the fanout"),
    Component(name="fanout", kind="worker", label="Fanout Workers", instances=16,
              tier="Service", notes="append each tweet to ~200 followers' timelines"),
    Component(name="cache", kind="cache", label="Timeline Cache", technology="Redis",
              shards=48, replicas=48, tier="Data", notes="sharded by user_id"),
    Component(name="db", kind="database", label="Tweet Store", technology="PostgreSQL",
              shards=32, replicas=32, tier="Data", notes="sharded by tweet_id"),
]

post_tweet = Flow(
    name="Post a tweet",
    workload="post tweet",
    steps=[
        Step(from_="client", to="lb", action="POST /api/v1/tweets", api="POST /api/v1/tweets"),
        Step(from_="lb", to="app", action="route to an available app server"),
        Step(from_="app", to="app", action="validate auth, length, content; generate Snowflake id"),
        Step(from_="app", to="db", action="INSERT INTO tweets", latency_ms=20),
        Step(from_="app", to="cache", action="invalidate the author's cached tweets"),
        Step(from_="app", to="queue", action="publish the tweet for fanout"),
        Step(from_="app", to="client", action="return tweet_id", latency_ms=100),
        Step(from_="fanout", to="queue", action="consume the tweet"),
        Step(from_="fanout", to="cache", action="LPUSH timeline:{follower_id} for each follower",
             fanout=True),
    ],
)

get_timeline = Flow(
    name="Get timeline",
    workload="home timeline",
    steps=[
        Step(from_="client", to="lb", action="GET /api/v1/timeline/{user_id}",
             api="GET /api/v1/timeline/{user_id}"),
        Step(from_="lb", to="app", action="route to an app server"),
        Step(from_="app", to="cache", action="GET timeline:{user_id}", latency_ms=10,
             condition="cache hit", hit_ratio=0.95),  # 60 s TTL on a read-heavy feed
        # after the 10 ms lookup: the guide's "uncached response: ~150ms" in all
        Step(from_="app", to="db", action="SELECT tweets JOIN follows ... LIMIT 20",
             latency_ms=140, condition="cache miss"),
        Step(from_="app", to="cache", action="SET timeline:{user_id} with 60 s TTL",
             condition="cache miss"),
        Step(from_="app", to="client", action="return the timeline page"),
    ],
)

links = [Link(from_="client", to="cdn", label="static assets")]

bottlenecks = [
    Bottleneck(
        title="Timeline query",
        problem="Joining tweets and follows for a large follow count is slow",
        components=["db"],
        solution="Pre-compute timelines (fanout on write) into the cache",
    ),
    Bottleneck(
        title="Database is a single point of failure",
        problem="One primary serves every read and write",
        components=["db"],
        solution="Add read replicas for timeline queries, with failover",
    ),
    Bottleneck(
        title="Celebrity tweets fanout",
        problem="A user with 10M followers causes 10M timeline writes",
        components=["app", "cache"],
        solution="Hybrid: fanout for normal users, pull for celebrities",
    ),
    Bottleneck(
        title="Write-heavy peaks",
        problem="Tweet bursts at peak (3x average) overload the write path",
        components=["app", "db"],
        solution="A message queue to smooth writes and fanout",
    ),
]

# Step 4: deep dives -------------------------------------------------------------------------

fanout = DeepDive(
    topic="Timeline generation (fanout)",
    problem="When a user posts, every follower's timeline needs the tweet; "
    "with 10M followers that is 10M updates per tweet",
    components=["app", "cache"],
    approaches=[
        Approach(
            name="Fanout on write (push)",
            how=["look up the author's followers", "append tweet_id to each timeline:{id}",
                 "timeline read is a single cache read"],
            pros=["fast reads", "predictable read latency"],
            cons=["slow writes for users with many followers",
                  "wasted work for inactive followers", "celebrity problem (10M writes)"],
            when_to_use=["normal users (< 10K followers)", "read-heavy systems"],
        ),
        Approach(
            name="Fanout on read (pull)",
            how=["fetch the followees", "query each followee's recent tweets",
                 "merge, sort by time, return the top N"],
            pros=["fast writes", "no wasted work", "works for celebrities"],
            cons=["slow reads", "database load spikes on timeline requests"],
            when_to_use=["massive follower counts", "low read frequency"],
        ),
        Approach(
            name="Hybrid",
            how=["push for users under 10K followers", "pull for celebrities at read time",
                 "merge the precomputed timeline with celebrity tweets; cache 60 s"],
            pros=["balanced read and write cost", "handles celebrities"],
            cons=["more complex", "needs a celebrity threshold"],
            when_to_use=["social feeds with a long tail of follower counts"],
        ),
    ],
    decision="Hybrid with a 10K-follower threshold",
    justification="Fast reads for 99% of users without celebrity fanout storms; "
    "the threshold is tuned from monitoring",
)

sharding = DeepDive(
    topic="Sharding strategy",
    problem="One database cannot take 14K tweets/s at peak, 1.4M timeline reads/s "
    "and ~110 TB/year of growth",
    components=["db", "cache"],
    approaches=[
        Approach(
            name="Shard by tweet_id",
            how=["hash(tweet_id) % shards"],
            pros=["even distribution", "simple"],
            cons=["timeline queries scatter-gather across all shards"],
        ),
        Approach(
            name="Shard by user_id",
            how=["hash(user_id) % shards: a user's tweets live together"],
            pros=["user's tweets co-located", "fast per-user queries"],
            cons=["timelines still span shards", "celebrities make hot shards"],
        ),
        Approach(
            name="Separate tweet and timeline storage",
            how=["tweets sharded by tweet_id", "timelines sharded by user_id",
                 "read: one timeline shard, then cached tweet lookups"],
            pros=["single-shard timeline reads", "even tweet distribution",
                  "separates read and write paths"],
            cons=["more complex", "two storage systems to run"],
        ),
    ],
    decision="Separate tweet and timeline storage",
    justification="Tweets by tweet_id, timelines by user_id: optimizes both read and write "
    "paths; the complexity pays off at this scale",
)

design = Design(
    name="twitter",
    title="Design Twitter",
    description="Post tweets, follow users, read a home timeline: the framework guide's example.",
    requirements=requirements,
    entities=[user, tweet, follow, like, timeline],
    deferred_entities=["Retweet", "Mention"],
    apis=apis,
    components=components,
    flows=[post_tweet, get_timeline],
    links=links,
    bottlenecks=bottlenecks,
    deep_dives=[fanout, sharding],
)
