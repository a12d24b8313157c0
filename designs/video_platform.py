"""Design a video platform (YouTube): resumable uploads, transcoding workers, CDN delivery.

Two pipelines with nothing in common but the metadata: uploads are rare, huge and slow
(resumable multipart straight to object storage, then a queue of chunked transcoding jobs),
while playback is a massive, cacheable read of small HLS segments served by a CDN in
several bitrates.
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
        Feature(key="upload", text="Creators upload videos up to 10 GB, resuming after a "
                "dropped connection"),
        Feature(key="transcode", text="Uploads are transcoded into 240p-1080p renditions "
                "for adaptive streaming"),
        Feature(key="watch", text="Viewers stream a video with adaptive bitrate and fast "
                "start"),
        Feature(key="manage", text="Creators edit titles and delete their videos"),
        Feature(key="views", text="Videos show a view count"),
    ],
    out_of_scope=["Recommendations and search", "Comments", "Live streaming",
                  "Monetization and ads", "Copyright matching"],
    clarifications=[
        Clarification(
            question="How many viewers and uploads?",
            answer="100M DAU; 500K uploads a day",
            decides="the scale: ~6 uploads/s, 1,000 views each",
        ),
        Clarification(
            question="How soon must playback start?",
            answer="Within 2 s at p95",
            decides="CDN-served segments",
        ),
        Clarification(
            question="Must view counts be exact?",
            answer="A few minutes late is fine",
            decides="eventual view counts",
        ),
    ],
    scale=Scale(
        dau=100_000_000,
        write_name="video upload",
        writes_per_user_per_day=0.005,  # 500K uploads/day, ~6/s
        read_write_ratio=1000,  # 5 videos watched per viewer per day
        peak_factor=2,
        item_sizes=[
            ItemSize(name="original upload (avg)", bytes=100_000_000),
            ItemSize(name="renditions 240p-1080p (HLS segments)", bytes=150_000_000),
            ItemSize(name="metadata", bytes=2_000),
        ],
        read_response_bytes=30_000_000,  # ~8 minutes watched at an average 500 kbit/s
        retention_years=10,
        replication_factor=3,
        workloads=[
            Workload(
                name="upload video",
                kind="write",
                per_user_per_day=0.005,
                items=[
                    ItemSize(name="original upload (avg)", bytes=100_000_000, store="store"),
                    ItemSize(name="renditions 240p-1080p (HLS segments)", bytes=150_000_000,
                             store="store"),
                    ItemSize(name="metadata", bytes=2_000),
                ],
            ),
            Workload(name="watch video", ratio=1000, ratio_of="upload video",
                     response_bytes=5_000),  # metadata and the master playlist
            # ~8 minutes at 500 kbit/s in 4 s segments of ~250 KB: 120 segments a view,
            # ~174 GB/s (1.4 Tbit/s) of egress on average.
            Workload(name="stream segments", ratio=120, ratio_of="watch video",
                     response_bytes=250_000),
            Workload(name="count view", kind="write", ratio=1, ratio_of="watch video"),
        ],
    ),
    latency=[
        LatencyTarget(operation="playback start (first segment)",
                      flows=["Watch a video"], ms=2000, percentile="p95"),
        LatencyTarget(operation="video metadata",
                      flows=["Watch a video"], ms=200, percentile="p99"),
    ],
    consistency=[
        Consistency(level="eventual", applies_to="view counts", staleness="a few minutes"),
        Consistency(level="strong", applies_to="video status and ownership"),
    ],
    availability=99.95,
)

# Step 2: core entities and APIs -------------------------------------------------------------

user = Entity(
    name="User",
    table="users",
    stored_in="db",
    fields=[
        Field(name="user_id", type="BIGINT", primary_key=True),
        Field(name="channel_name", type="VARCHAR(100)", unique=True),
        Field(name="created_at", type="TIMESTAMP"),
    ],
)

video = Entity(
    name="Video",
    table="videos",
    stored_in="db",
    fields=[
        Field(name="video_id", type="CHAR(11)", primary_key=True),
        Field(name="owner_id", type="BIGINT", references="User.user_id"),
        Field(name="title", type="VARCHAR(100)"),
        Field(name="description", type="TEXT"),
        Field(name="status", type="VARCHAR(16)", note="uploading | processing | ready | failed"),
        Field(name="duration_s", type="INT", nullable=True),
        Field(name="view_count", type="BIGINT", note="flushed from the cache counters"),
        Field(name="created_at", type="TIMESTAMP"),
    ],
    indexes=[Index(fields=["owner_id", "created_at"])],
)

upload = Entity(
    name="Upload",
    table="uploads",
    stored_in="db",
    description="A resumable multipart upload to object storage.",
    fields=[
        Field(name="upload_id", type="UUID", primary_key=True),
        Field(name="video_id", type="CHAR(11)", references="Video.video_id", indexed=True),
        Field(name="object_key", type="VARCHAR(200)"),
        Field(name="parts_done", type="INT"),
        Field(name="bytes_total", type="BIGINT"),
        Field(name="expires_at", type="TIMESTAMP"),
    ],
)

rendition = Entity(
    name="Rendition",
    table="renditions",
    stored_in="db",
    primary_key=["video_id", "resolution"],
    fields=[
        Field(name="video_id", type="CHAR(11)", references="Video.video_id"),
        Field(name="resolution", type="VARCHAR(8)", note="240p ... 1080p"),
        Field(name="bitrate_kbps", type="INT"),
        Field(name="playlist_key", type="VARCHAR(200)", note="HLS media playlist in S3"),
        Field(name="status", type="VARCHAR(16)"),
    ],
)

hot_video = Entity(
    name="HotVideo",
    stored_in="cache",
    description="Metadata and view counters of the most-watched videos, in the cache.",
    rows=50_000_000,  # the videos watched in a week
    row_bytes=2_000,
    fields=[
        Field(name="video_id", type="BIGINT", primary_key=True, references="Video.video_id"),
        Field(name="metadata", type="JSON"),
        Field(name="views_delta", type="BIGINT", note="flushed to the database every minute"),
    ],
)

V1 = "/api/v1"
apis = [
    Api(method="POST", path=f"{V1}/videos", purpose="Create a video and start a resumable "
        "upload; returns presigned part URLs", request=["title", "description", "bytes"],
        response=["video_id", "upload_id", "part_urls"], auth=True, serves=["upload"]),
    Api(method="PATCH", path=f"{V1}/uploads/{{upload_id}}", purpose="Report uploaded parts; "
        "status=complete starts transcoding", request=["parts", "status"],
        response=["parts_done", "status"], auth=True, serves=["upload", "transcode"]),
    Api(method="GET", path=f"{V1}/videos/{{video_id}}", purpose="Metadata, status and the "
        "HLS master playlist URL", response=["title", "status", "view_count", "playlist_url"],
        serves=["watch"]),
    Api(method="GET", path=f"{V1}/users/{{user_id}}/videos", purpose="A channel's videos",
        query=["cursor", "limit"], response=["videos", "next_cursor"], paginated=True,
        serves=["manage"]),
    Api(method="PATCH", path=f"{V1}/videos/{{video_id}}", purpose="Edit title or description",
        request=["title", "description"], response=["video_id"], auth=True,
        serves=["manage"]),
    Api(method="DELETE", path=f"{V1}/videos/{{video_id}}", purpose="Delete a video and its "
        "renditions", response=["success"], auth=True, serves=["manage"]),
    Api(method="POST", path=f"{V1}/videos/{{video_id}}/views", purpose="Count a view after "
        "30 s of playback", request=["session_id"], response=["accepted"], serves=["views"]),
]

# Step 3: the simple first design ------------------------------------------------------------

components = [
    Component(name="client", kind="client", label="Player / Creator app", tier="Clients"),
    Component(name="cdn", kind="cdn", label="Video CDN", technology="Akamai", instances=200,
              tier="Edge", notes="edge PoPs plus a regional mid-tier"),
    Component(name="lb", kind="load_balancer", label="Load Balancer", technology="AWS ALB",
              instances=2, tier="Edge"),
    Component(name="api", kind="service", label="Video API", instances=30, tier="Service"),
    Component(name="jobs", kind="queue", label="Transcode Jobs", technology="SQS",
              instances=3, tier="Pipeline"),
    Component(name="transcoders", kind="worker", label="Transcoding Workers",
              technology="FFmpeg", instances=400, tier="Pipeline",
              notes="spot instances; one job = one 10 s chunk x one rendition",
              capacity=NodeCapacity(requests_per_second=5, reference="estimate: a 16-core "
                                    "worker encodes a 10 s chunk of one rendition in ~3 s "
                                    "(x264 medium at 1080p, faster below); measure")),
    Component(name="store", kind="object_store", label="Video Store", technology="S3",
              replicas=2, tier="Data", notes="raw/ and hls/ buckets; 3 copies across zones"),
    Component(name="cache", kind="cache", label="Metadata + View Counters",
              technology="Redis", instances=4, replicas=4, tier="Data"),
    Component(name="db", kind="database", label="Metadata DB", technology="MySQL (Vitess)",
              shards=8, replicas=16, tier="Data", notes="sharded by video_id; 2 replicas a shard"),
]

upload_video = Flow(
    name="Upload and transcode",
    workload="upload video",
    suppress=[Suppression(code="D313", reason="99.9% is S3's SLA credit threshold; S3 "
                          "Standard is designed for 99.99%, and uploads resume in chunks")],
    steps=[
        Step(from_="client", to="lb", action="POST /api/v1/videos", api="POST /api/v1/videos"),
        Step(from_="lb", to="api", action="route to an API server"),
        Step(from_="api", to="db", action="INSERT video (uploading) and upload"),
        Step(from_="api", to="client", action="video_id, upload_id, presigned part URLs"),
        Step(from_="client", to="store", action="PUT 16 MB parts in parallel; retry or "
             "resume failed parts", latency_ms=60_000),
        Step(from_="client", to="lb", action="PATCH /api/v1/uploads/{upload_id} "
             "status=complete", api="PATCH /api/v1/uploads/{upload_id}"),
        Step(from_="lb", to="api", action="route to an API server"),
        Step(from_="api", to="store", action="CompleteMultipartUpload"),
        Step(from_="api", to="jobs", action="enqueue split job", asynchronous=True),
        # ~60 chunks of 10 s x 5 renditions: 300 jobs per upload.
        Step(from_="transcoders", to="jobs", action="receive split / chunk / stitch jobs",
             fanout=300),
        Step(from_="transcoders", to="store", action="read raw chunk; write HLS segments "
             "per rendition", fanout=300),
        Step(from_="transcoders", to="db", action="mark renditions ready; video ready when "
             "the last one finishes", fanout=5),
    ],
)

watch_video = Flow(
    name="Watch a video",
    workload="watch video",
    steps=[
        Step(from_="client", to="lb", action="GET /api/v1/videos/{video_id}",
             api="GET /api/v1/videos/{video_id}"),
        Step(from_="lb", to="api", action="route to an API server"),
        Step(from_="api", to="cache", action="GET video:{video_id}", latency_ms=2,
             condition="cache hit", hit_ratio=0.9),
        Step(from_="api", to="db", action="SELECT video and renditions", latency_ms=20,
             condition="cache miss"),
        Step(from_="api", to="client", action="metadata and master playlist URL"),
    ],
)

stream_segments = Flow(
    name="Stream segments",
    workload="stream segments",
    suppress=[Suppression(code="D313", reason="segments come from CloudFront and S3 at their "
                          "99.9% SLAs; the player retries a segment and drops to a lower bitrate")],
    steps=[
        Step(from_="client", to="cdn", action="GET playlists and 4 s segments, switching "
             "bitrate with bandwidth", latency_ms=40, hit_ratio=0.98),
        Step(from_="cdn", to="store", action="fetch segment from origin", condition="CDN miss"),
    ],
)

count_views = Flow(
    name="Count views",
    workload="count view",
    steps=[
        Step(from_="client", to="lb", action="POST /api/v1/videos/{video_id}/views",
             api="POST /api/v1/videos/{video_id}/views"),
        Step(from_="lb", to="api", action="route to an API server"),
        Step(from_="api", to="cache", action="INCR views:{video_id}"),
        Step(from_="api", to="db", action="flush counters every minute: UPDATE videos SET "
             "view_count = view_count + n", asynchronous=True,
             share=0.01),  # one UPDATE per video per minute, for ~100 views each
    ],
)

bottlenecks = [
    Bottleneck(
        title="Playback egress",
        problem="500M views/day x 30 MB is ~15 PB/day (~1.4 Tbit/s on average): no origin "
        "can serve that",
        components=["store"],
        solution="A CDN with a regional mid-tier; segments are immutable so they cache for "
        "days",
    ),
    Bottleneck(
        title="Transcoding latency",
        problem="Transcoding a 1-hour video on one machine into 5 renditions takes hours",
        components=["transcoders"],
        solution="Split into 10 s chunks and transcode chunks in parallel (deep dive)",
    ),
    Bottleneck(
        title="Large uploads over flaky networks",
        problem="A 10 GB upload fails near the end and restarts from zero",
        components=["store", "api"],
        solution="Resumable multipart uploads straight to S3 with presigned part URLs",
    ),
    Bottleneck(
        title="Hot view counters",
        problem="A viral video takes 100K+ view writes/s on one row",
        components=["db", "cache"],
        solution="Count in Redis and flush aggregated deltas every minute",
    ),
    Bottleneck(
        title="Storage growth",
        problem="~125 TB/day, ~450 PB over 10 years",
        components=["store"],
        solution="Lifecycle rules: drop raw uploads after 30 days, move cold renditions to "
        "an infrequent-access tier",
    ),
]

# Step 4: deep dives -------------------------------------------------------------------------

transcoding = DeepDive(
    topic="Transcoding pipeline",
    problem="500K uploads/day (~5 years of footage a day at a 5-minute average) must "
    "become 5 renditions each, most within minutes of the upload finishing",
    components=["transcoders", "jobs", "store"],
    approaches=[
        Approach(
            name="One worker per video",
            how=["a worker downloads the whole file", "runs FFmpeg once per rendition"],
            pros=["simple", "no stitching"],
            cons=["a 1-hour video takes hours", "a spot interruption restarts everything",
                  "long videos block a worker"],
        ),
        Approach(
            name="Chunked DAG of jobs",
            how=["split at keyframes into 10 s chunks", "one job per chunk x rendition",
                 "stitch playlists when a rendition's chunks are done"],
            pros=["minutes for any length: parallel across hundreds of workers",
                  "retries redo one chunk", "spot-friendly"],
            cons=["orchestration state per video", "chunk boundaries need care for "
                  "consistent quality"],
        ),
        Approach(
            name="Managed transcoding service",
            how=["submit jobs to AWS MediaConvert"],
            pros=["no fleet to operate"],
            cons=["cost per output minute at ~2.6M input minutes a day",
                  "less control over codecs and ladders"],
        ),
    ],
    decision="Chunked DAG on an SQS-fed FFmpeg fleet on spot instances",
    justification="Parallel chunks bound processing time regardless of length, and cheap "
    "retries make spot capacity viable; at this volume the managed service's per-minute "
    "price outweighs running the fleet",
)

delivery = DeepDive(
    topic="Video delivery",
    problem="~1.4 Tbit/s of average egress (2x at peak), start in 2 s p95, no rebuffering "
    "on changing mobile networks",
    components=["cdn", "store"],
    approaches=[
        Approach(
            name="Progressive download from origin",
            how=["serve one MP4 file over HTTP"],
            pros=["simplest"],
            cons=["one bitrate: stalls on slow networks", "all egress from origin"],
        ),
        Approach(
            name="Adaptive bitrate (HLS) through a CDN",
            how=["4 s segments per rendition", "the player switches rendition per segment",
                 "edges cache segments; misses go to origin"],
            pros=["fast start on a low rendition", "adapts to bandwidth",
                  "immutable segments cache well"],
            cons=["the long tail of rarely watched videos still misses at the edge",
                  "more objects to store"],
        ),
        Approach(
            name="ABR with a tiered CDN and pre-positioning",
            how=["edge -> regional mid-tier -> origin", "push trending videos to edges "
                 "ahead of demand"],
            pros=["origin sees only mid-tier misses", "popular videos are always warm"],
            cons=["more CDN configuration", "popularity prediction can waste edge space"],
        ),
    ],
    decision="ABR with a tiered CDN and pre-positioning",
    justification="HLS adaptive bitrate over a tiered CDN, pre-positioning only trending "
    "videos: segments make start-up and bitrate switching cheap, and the mid-tier "
    "collapses long-tail misses so origin egress stays a small fraction of the total",
)

design = Design(
    name="video_platform",
    title="Design a Video Platform",
    description="Upload videos, transcode them for adaptive streaming, deliver through a CDN.",
    requirements=requirements,
    entities=[user, video, upload, rendition, hot_video],
    apis=apis,
    components=components,
    flows=[upload_video, watch_video, stream_segments, count_views],
    bottlenecks=bottlenecks,
    deep_dives=[transcoding, delivery],
)
