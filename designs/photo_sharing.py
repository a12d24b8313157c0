"""Design a photo-sharing service (Instagram): object storage, CDN delivery and a home feed.

Photos are large and immutable, so they never touch the database: clients upload them
straight to object storage with a presigned URL, workers make the resized variants, and a
CDN serves them. The database keeps only metadata, and the home feed is precomputed into a
cache the way the Twitter design does it.
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
        Feature(key="upload", text="Users upload a photo with a caption"),
        Feature(key="view", text="Users view a photo in the size that fits their screen"),
        Feature(key="follow", text="Users follow other users"),
        Feature(key="feed", text="Users see a home feed of photos from people they follow"),
        Feature(key="like", text="Users like photos"),
    ],
    out_of_scope=["Video and stories", "Comments", "Search and explore", "Direct messages",
                  "Filters and editing (done on the device)"],
    clarifications=[
        Clarification(
            question="How many users are we targeting?",
            answer="500M DAU; 1 in 5 posts a photo a day",
            decides="the scale: 100M photos/day",
        ),
        Clarification(
            question="How much more is viewed than uploaded?",
            answer="About 100 views per upload",
            decides="a read-heavy design: CDN and feed cache",
        ),
        Clarification(
            question="Must uploaders see their own photo at once?",
            answer="Yes; others may see it a minute later",
            decides="read-your-writes for uploads, an eventual feed",
        ),
    ],
    scale=Scale(
        dau=500_000_000,
        write_name="photo upload",
        writes_per_user_per_day=0.2,  # 100M photos/day, ~1.2K/s
        read_write_ratio=100,  # feed pages and photo views per upload
        peak_factor=3,
        item_sizes=[
            ItemSize(name="original photo", bytes=2_000_000),
            ItemSize(name="resized variants (thumbnail, 640 px, 1080 px)", bytes=600_000),
            ItemSize(name="metadata (ids, caption, dimensions)", bytes=500),
        ],
        read_response_bytes=12_000,  # a feed page of 20 posts; images come from the CDN
        retention_years=10,
        replication_factor=3,
        workloads=[
            Workload(
                name="upload photo",
                kind="write",
                per_user_per_day=0.2,
                items=[
                    ItemSize(name="original photo", bytes=2_000_000, store="store"),
                    ItemSize(name="resized variants (thumbnail, 640 px, 1080 px)",
                             bytes=600_000, store="store"),
                    ItemSize(name="metadata (ids, caption, dimensions)", bytes=500),
                ],
                fanout=150,  # followers of an author under the 10K celebrity threshold
            ),
            Workload(name="home feed", ratio=100, ratio_of="upload photo",
                     response_bytes=12_000),
            Workload(name="view image", per_user_per_day=50,  # ~25B image views a day
                     response_bytes=200_000),
        ],
    ),
    latency=[
        LatencyTarget(operation="feed page",
                      flows=["Read the home feed"], ms=300, percentile="p99"),
        LatencyTarget(operation="image first byte from the CDN", ms=100, percentile="p95",
                      suppress=[Suppression(code="R112", reason="governs the CDN step of "
                                            "'Read the home feed' alone (30 ms), not the flow")]),
    ],
    consistency=[
        Consistency(level="eventual", applies_to="home feed", staleness="a minute"),
        Consistency(level="strong", applies_to="a user's own uploads (read-your-writes)"),
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
        Field(name="username", type="VARCHAR(30)", unique=True),
        Field(name="created_at", type="TIMESTAMP"),
        Field(name="follower_count", type="INT"),
    ],
)

photo = Entity(
    name="Photo",
    table="photos",
    stored_in="db",
    description="Metadata only; the bytes live in object storage under object_key.",
    fields=[
        Field(name="photo_id", type="BIGINT", primary_key=True, note="Snowflake id"),
        Field(name="user_id", type="BIGINT", references="User.user_id"),
        Field(name="object_key", type="VARCHAR(128)", note="s3://photos/{photo_id}/..."),
        Field(name="caption", type="VARCHAR(2200)", nullable=True),
        Field(name="width", type="INT"),
        Field(name="height", type="INT"),
        Field(name="status", type="VARCHAR(16)", note="uploading | processing | ready"),
        Field(name="like_count", type="INT"),
        Field(name="created_at", type="TIMESTAMP"),
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
        Field(name="followee_id", type="BIGINT", references="User.user_id", indexed=True),
        Field(name="created_at", type="TIMESTAMP"),
    ],
)

like = Entity(
    name="Like",
    table="likes",
    stored_in="db",
    primary_key=["photo_id", "user_id"],
    fields=[
        Field(name="photo_id", type="BIGINT", references="Photo.photo_id"),
        Field(name="user_id", type="BIGINT", references="User.user_id", indexed=True),
        Field(name="created_at", type="TIMESTAMP"),
    ],
)

feed = Entity(
    name="Feed",
    description="Precomputed home feed per user, kept in the cache.",
    stored_in="cache",
    rows_per_user=1,
    row_bytes=500 * 8 + 16,  # 500 photo ids and a timestamp: ~2 TB for 500M users
    fields=[
        Field(name="user_id", type="BIGINT", primary_key=True, references="User.user_id"),
        Field(name="photo_ids", type="LIST<BIGINT>", note="newest first, capped at 500"),
        Field(name="updated_at", type="TIMESTAMP"),
    ],
)

V1 = "/api/v1"
apis = [
    Api(method="POST", path=f"{V1}/photos", purpose="Start an upload: create the photo "
        "record and return a presigned PUT URL", request=["caption", "content_type", "bytes"],
        response=["photo_id", "upload_url"], auth=True, serves=["upload"]),
    Api(method="PATCH", path=f"{V1}/photos/{{photo_id}}", purpose="Mark the upload complete "
        "(status=uploaded) or edit the caption", request=["status", "caption"],
        response=["photo_id", "status"], auth=True, serves=["upload"]),
    Api(method="GET", path=f"{V1}/photos/{{photo_id}}", purpose="Get a photo's metadata and "
        "CDN URLs per size", response=["photo_id", "user_id", "caption", "urls", "like_count"],
        serves=["view"]),
    Api(method="GET", path=f"{V1}/feeds/{{user_id}}", purpose="Get the home feed",
        query=["cursor", "limit"], response=["photos", "next_cursor"], auth=True,
        paginated=True, serves=["feed"]),
    Api(method="POST", path=f"{V1}/follows", purpose="Follow a user",
        request=["followee_id"], response=["success"], auth=True, serves=["follow"]),
    Api(method="DELETE", path=f"{V1}/follows/{{followee_id}}", purpose="Unfollow a user",
        response=["success"], auth=True, serves=["follow"]),
    Api(method="POST", path=f"{V1}/photos/{{photo_id}}/likes", purpose="Like a photo",
        response=["like_count"], auth=True, serves=["like"]),
]

# Step 3: the simple first design ------------------------------------------------------------

components = [
    Component(name="client", kind="client", label="Mobile / Web app", tier="Clients"),
    Component(name="cdn", kind="cdn", label="Image CDN", technology="CloudFront",
              instances=2, tier="Edge", notes="immutable URLs, 1-year cache headers"),
    Component(name="lb", kind="load_balancer", label="Load Balancer", technology="AWS ALB",
              instances=2, tier="Edge"),
    Component(name="app", kind="service", label="API Servers", instances=450, tier="Service",
              notes="stateless; 354K requests/s at peak, ~1K/s each"),
    Component(name="queue", kind="queue", label="Upload Events", technology="SQS",
              instances=3, tier="Service"),
    Component(name="workers", kind="worker", label="Resize + Fanout Workers", instances=30,
              tier="Service", notes="libvips resize; push photo_id into followers' feeds",
              capacity=NodeCapacity(requests_per_second=50, reference="estimate: ~150 ms of "
                                    "CPU to decode a 2 MB JPEG and write three variants, on 8 "
                                    "cores; measure before sizing")),
    Component(name="store", kind="object_store", label="Photo Store", technology="S3",
              replicas=2, tier="Data", notes="3 copies across zones (S3 standard)"),
    Component(name="cache", kind="cache", label="Feed + Metadata Cache", technology="Redis",
              instances=48, replicas=48, tier="Data",
              notes="feeds: 500M users x 500 ids x 8 B = ~2 TB, plus hot photo metadata"),
    Component(name="db", kind="database", label="Metadata DB", technology="PostgreSQL",
              shards=16, replicas=32, tier="Data", notes="sharded by user_id; 2 replicas a shard"),
]

upload_photo = Flow(
    name="Upload a photo",
    workload="upload photo",
    suppress=[Suppression(code="D313", reason="99.9% is S3's SLA credit threshold; S3 "
                          "Standard is designed for 99.99%, and the client retries the upload")],
    steps=[
        Step(from_="client", to="lb", action="POST /api/v1/photos", api="POST /api/v1/photos"),
        Step(from_="lb", to="app", action="route to an API server"),
        Step(from_="app", to="db", action="INSERT photo (status=uploading)", latency_ms=10),
        Step(from_="app", to="client", action="return photo_id and a presigned PUT URL"),
        Step(from_="client", to="store", action="PUT the original straight to S3",
             latency_ms=1500),
        Step(from_="client", to="lb", action="PATCH /api/v1/photos/{photo_id} status=uploaded",
             api="PATCH /api/v1/photos/{photo_id}"),
        Step(from_="lb", to="app", action="route to an API server"),
        Step(from_="app", to="queue", action="enqueue photo.uploaded", asynchronous=True),
        Step(from_="workers", to="queue", action="receive the job (long poll)"),
        Step(from_="workers", to="store", action="write thumbnail, 640 px and 1080 px variants"),
        Step(from_="workers", to="db", action="UPDATE photo SET status = ready"),
        Step(from_="workers", to="cache", action="LPUSH photo_id to each follower's feed "
             "(authors under 10K followers)", fanout=True),
    ],
)

read_feed = Flow(
    name="Read the home feed",
    workload="home feed",
    steps=[
        Step(from_="client", to="lb", action="GET /api/v1/feeds/{user_id}",
             api="GET /api/v1/feeds/{user_id}"),
        Step(from_="lb", to="app", action="route to an API server"),
        Step(from_="app", to="cache", action="LRANGE feed:{user_id}; MGET photo metadata",
             latency_ms=5, condition="cache hit", hit_ratio=0.95),
        Step(from_="app", to="db", action="rebuild the feed: recent photos of followed "
             "accounts", latency_ms=40, condition="cache miss", operation="read"),
        Step(from_="app", to="client", action="return 20 posts with CDN URLs", latency_ms=80),
    ],
)

view_image = Flow(
    name="View an image",
    workload="view image",
    suppress=[Suppression(code="D313", reason="the feed API composes to 99.99%; the images "
                          "come from CloudFront and S3 at their 99.9% SLAs, retried by the app")],
    steps=[
        Step(from_="client", to="cdn", action="GET image variant for the screen size",
             latency_ms=30, hit_ratio=0.95),
        Step(from_="cdn", to="store", action="fetch from origin", condition="CDN miss"),
    ],
)

bottlenecks = [
    Bottleneck(
        title="Photo bytes through the API tier",
        problem="100M uploads/day x 2 MB is ~2.3 GB/s of uploads; proxying it would tie up "
        "API servers",
        components=["app"],
        solution="Presigned URLs: clients upload straight to S3",
    ),
    Bottleneck(
        title="Image egress",
        problem="Serving tens of billions of image views a day from origin is petabytes of "
        "egress and far-away users wait",
        components=["store"],
        solution="CDN in front of S3 with immutable URLs, so hit rates stay above 95%",
    ),
    Bottleneck(
        title="Storage growth",
        problem="~260 TB/day of originals and variants: close to 1 EB over 10 years",
        components=["store"],
        solution="Object storage with lifecycle rules: originals older than 90 days move to "
        "an infrequent-access tier",
    ),
    Bottleneck(
        title="Celebrity fanout",
        problem="An upload by an account with 100M followers would be 100M feed writes",
        components=["workers", "cache"],
        solution="Hybrid feed: push for normal accounts, pull celebrities' photos at read time",
    ),
    Bottleneck(
        title="Metadata database size and load",
        problem="36B photo rows a year and ~350K feed reads/s at peak exceed one PostgreSQL",
        components=["db"],
        solution="Cache in front, read replicas, and 16 shards by user_id",
    ),
]

# Step 4: deep dives -------------------------------------------------------------------------

upload_path = DeepDive(
    topic="Upload path and image variants",
    problem="2 MB originals at 3.5K uploads/s peak must be stored durably, resized for "
    "phones and the web, and visible in followers' feeds within a minute",
    components=["app", "store", "workers", "queue"],
    approaches=[
        Approach(
            name="Upload through the API servers",
            how=["client POSTs the bytes to the API", "API resizes inline and writes to S3"],
            pros=["one request", "simple authorization"],
            cons=["API servers hold 7 GB/s of uploads at peak",
                  "slow resizes raise the upload latency", "a crash loses the upload"],
        ),
        Approach(
            name="Presigned direct upload, async resize",
            how=["API returns a presigned PUT URL", "client uploads to S3",
                 "client confirms; a queue job makes the variants"],
            pros=["API servers never touch bytes", "resize retries from the queue",
                  "S3 gives 11 nines of durability before we do anything"],
            cons=["two round trips for the client", "a photo is briefly 'processing'",
                  "abandoned uploads need a cleanup job"],
        ),
        Approach(
            name="Resize on demand at the edge",
            how=["store only the original", "an image proxy at the CDN resizes per request "
                 "and caches the result"],
            pros=["any size without reprocessing", "less storage"],
            cons=["the first view of each size is slow", "CPU at the edge costs per request"],
        ),
    ],
    decision="Presigned direct upload with an SQS job that writes three fixed variants",
    justification="Keeps the API tier small and stateless; three fixed sizes cover the "
    "clients and cost 30% extra storage, cheaper than resizing tens of billions of views",
)

feed_generation = DeepDive(
    topic="Home feed generation",
    problem="~350K feed reads/s at peak must return in 300 ms p99, while follower counts "
    "range from 0 to hundreds of millions",
    components=["workers", "cache", "db"],
    approaches=[
        Approach(
            name="Fanout on write",
            how=["on upload, push photo_id into every follower's cached feed"],
            pros=["a feed read is one cache read"],
            cons=["celebrity uploads mean 100M writes", "work wasted on inactive users"],
        ),
        Approach(
            name="Fanout on read",
            how=["on read, query recent photos of every followee and merge"],
            pros=["uploads are cheap", "no wasted work"],
            cons=["a user following 500 accounts costs 500 lookups per page",
                  "misses the latency target at peak"],
        ),
        Approach(
            name="Hybrid",
            how=["push for authors under 10K followers", "pull celebrities' recent photos "
                 "at read time and merge"],
            pros=["fast reads", "bounded write amplification"],
            cons=["two code paths", "a threshold to tune"],
        ),
    ],
    decision="Hybrid with a 10K-follower threshold, feeds capped at 500 ids",
    justification="Most users follow a handful of celebrities, so the pull side is a few "
    "cached lookups, and fanout work stays proportional to ordinary accounts' followers",
)

design = Design(
    name="photo_sharing",
    title="Design a Photo-Sharing Service",
    description="Upload photos, follow people, scroll a home feed of images served by a CDN.",
    requirements=requirements,
    entities=[user, photo, follow, like, feed],
    apis=apis,
    components=components,
    flows=[upload_photo, read_feed, view_image],
    bottlenecks=bottlenecks,
    deep_dives=[upload_path, feed_generation],
)
