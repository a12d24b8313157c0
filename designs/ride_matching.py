"""Design a ride-matching service (Uber / Lyft): write-heavy location updates, geo search.

Every online driver reports its position every 4 seconds, so the hot path is a firehose
of tiny writes where only the latest value matters. It goes to an in-memory geospatial
index (for "drivers near me") and to a stream (for history), never to the trips database.
Matching reads the index, offers the trip to one driver at a time, and records the trip
with a conditional update so a driver is never assigned twice.
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
    Workload,
)

# Step 1: clarify requirements ---------------------------------------------------------------

requirements = Requirements(
    in_scope=[
        Feature(key="location", text="Online drivers report their location every 4 seconds"),
        Feature(key="nearby", text="Riders see available drivers near them"),
        Feature(key="request", text="Riders request a ride and are matched to a nearby "
                "driver within seconds"),
        Feature(key="accept", text="Drivers accept or decline an offer; a driver gets one "
                "trip at a time"),
        Feature(key="track", text="Riders track the driver and the trip status"),
    ],
    out_of_scope=["Pricing and surge", "Payments", "Routing and ETA models",
                  "Ratings", "Pooled rides"],
    clarifications=[
        Clarification(
            question="How many drivers send locations, how often?",
            answer="~1M online, one update every 4 s",
            decides="the scale: 250K location updates/s",
        ),
        Clarification(
            question="How fresh must driver positions be?",
            answer="A few seconds old is fine",
            decides="eventual positions in memory",
        ),
        Clarification(
            question="Can two riders get the same driver?",
            answer="Never",
            decides="strong consistency for trip assignment",
        ),
    ],
    scale=Scale(
        dau=20_000_000,
        write_name="driver location update",
        writes_per_second=250_000,  # ~1M drivers online on average, one update per 4 s
        read_write_ratio=0.2,  # nearby-driver searches and trip polls per update
        peak_factor=2,  # rush hour and Friday nights
        item_sizes=[
            ItemSize(name="location ping (driver_id, lat, lng, heading, speed, ts)", bytes=48),
        ],
        read_response_bytes=1_000,
        retention_years=1,  # raw pings for a year (disputes, ETA training)
        replication_factor=3,
        workloads=[
            Workload(
                name="location update",
                kind="write",
                per_second=250_000,
                items=[ItemSize(name="location ping", bytes=48, store="archive")],
            ),
            Workload(name="ride request", kind="write", per_day=15_000_000,
                     items=[ItemSize(name="trip row", bytes=500)]),
            # ~208K trips in progress (15M/day x 20 min), each polled every 5 s.
            Workload(name="trip poll", per_second=40_000),
        ],
    ),
    latency=[
        LatencyTarget(operation="nearby drivers search",
                      flows=["Request a ride and match"], ms=100, percentile="p99"),
        LatencyTarget(operation="location update accepted",
                      flows=["Driver location update"], ms=50, percentile="p99"),
    ],
    consistency=[
        Consistency(level="eventual", applies_to="driver positions", staleness="5 seconds"),
        Consistency(level="strong", applies_to="trip assignment (one driver, one trip)"),
    ],
    availability=99.99,
)

# Step 2: core entities and APIs -------------------------------------------------------------

rider = Entity(
    name="Rider",
    table="riders",
    stored_in="db",
    fields=[
        Field(name="rider_id", type="BIGINT", primary_key=True),
        Field(name="phone", type="VARCHAR(20)", unique=True),
        Field(name="created_at", type="TIMESTAMP"),
    ],
)

driver = Entity(
    name="Driver",
    table="drivers",
    stored_in="db",
    fields=[
        Field(name="driver_id", type="BIGINT", primary_key=True),
        Field(name="phone", type="VARCHAR(20)", unique=True),
        Field(name="vehicle", type="VARCHAR(64)"),
        Field(name="status", type="VARCHAR(16)", note="offline | available | on_trip"),
        Field(name="current_trip_id", type="BIGINT", nullable=True),
    ],
)

trip = Entity(
    name="Trip",
    table="trips",
    stored_in="db",
    fields=[
        Field(name="trip_id", type="BIGINT", primary_key=True),
        Field(name="rider_id", type="BIGINT", references="Rider.rider_id"),
        Field(name="driver_id", type="BIGINT", references="Driver.driver_id", nullable=True,
              indexed=True),
        Field(name="status", type="VARCHAR(16)",
              note="requested | offered | accepted | in_progress | completed | cancelled"),
        Field(name="pickup_lat", type="DOUBLE"),
        Field(name="pickup_lng", type="DOUBLE"),
        Field(name="dropoff_lat", type="DOUBLE"),
        Field(name="dropoff_lng", type="DOUBLE"),
        Field(name="requested_at", type="TIMESTAMP"),
    ],
    indexes=[Index(fields=["rider_id", "requested_at"])],
)

driver_location = Entity(
    name="DriverLocation",
    description="Latest position per driver, in the geospatial index; history goes to the "
    "stream and object storage.",
    stored_in="geo",
    rows=1_500_000,  # drivers online at the busiest hour
    fields=[
        Field(name="driver_id", type="BIGINT", primary_key=True,
              references="Driver.driver_id"),
        Field(name="cell", type="VARCHAR(16)", indexed=True, note="H3 cell, resolution 9"),
        Field(name="lat", type="DOUBLE"),
        Field(name="lng", type="DOUBLE"),
        Field(name="updated_at", type="TIMESTAMP", note="entries older than 30 s are ignored"),
    ],
)

V1 = "/api/v1"
apis = [
    Api(method="PUT", path=f"{V1}/drivers/{{driver_id}}/location",
        purpose="Report the driver's current position (every 4 s)",
        request=["lat", "lng", "heading", "speed", "ts"], response=["accepted"], auth=True,
        serves=["location"]),
    Api(method="PATCH", path=f"{V1}/drivers/{{driver_id}}", purpose="Go online or offline",
        request=["status"], response=["status"], auth=True, serves=["location"]),
    Api(method="GET", path=f"{V1}/drivers", purpose="Available drivers near a point",
        query=["lat", "lng", "radius_m", "limit"], response=["drivers"], auth=True,
        paginated=True, serves=["nearby"]),
    Api(method="POST", path=f"{V1}/trips", purpose="Request a ride",
        request=["pickup", "dropoff", "idempotency_key"], response=["trip_id", "status"],
        auth=True, serves=["request"]),
    Api(method="PATCH", path=f"{V1}/trips/{{trip_id}}", purpose="Driver accepts or declines "
        "an offer; later starts and completes the trip", request=["status"],
        response=["trip_id", "status"], auth=True, serves=["accept", "track"]),
    Api(method="GET", path=f"{V1}/trips/{{trip_id}}", purpose="Trip status and the driver's "
        "latest position", response=["status", "driver", "driver_location"], auth=True,
        serves=["track"]),
]

# Step 3: the simple first design ------------------------------------------------------------

components = [
    Component(name="rider_app", kind="client", label="Rider app", tier="Clients"),
    Component(name="driver_app", kind="client", label="Driver app", tier="Clients"),
    Component(name="lb", kind="load_balancer", label="Load Balancer", technology="Envoy",
              instances=16, tier="Edge"),
    Component(name="location", kind="service", label="Location Service", instances=64,
              tier="Service", notes="~8K updates/s per node at peak",
              capacity=NodeCapacity(requests_per_second=10_000, reference="estimate: an "
                                    "update is one GEOADD and a batched produce, no database, "
                                    "so ~10x an app server's ~1K requests/s")),
    Component(name="matching", kind="service", label="Matching Service", instances=110,
              tier="Service", notes="partitioned by city"),
    Component(name="geo", kind="cache", label="Geo Index", technology="Redis",
              shards=6, replicas=6, tier="Data",
              notes="GEO sets per H3 res-5 region; sharded by region"),
    Component(name="db", kind="database", label="Trips DB", technology="PostgreSQL",
              replicas=11, tier="Data", notes="replicas serve the trip polls"),
    Component(name="pings", kind="stream", label="Location Stream", technology="Kafka",
              instances=6, tier="History"),
    Component(name="archiver", kind="worker", label="Ping Archiver", instances=4,
              tier="History", notes="batches 1 minute of pings into Parquet files"),
    Component(name="archive", kind="object_store", label="Ping Archive", technology="S3",
              replicas=2, tier="History"),
    Component(name="push", kind="external", label="Push Notifications",
              technology="APNs / FCM", tier="External"),
]

location_update = Flow(
    name="Driver location update",
    workload="location update",
    steps=[
        Step(from_="driver_app", to="lb", action="PUT /api/v1/drivers/{driver_id}/location",
             api="PUT /api/v1/drivers/{driver_id}/location"),
        Step(from_="lb", to="location", action="route by driver_id"),
        Step(from_="location", to="geo", action="GEOADD region:{h3} driver_id; drop from the "
             "old region when the cell changed", latency_ms=2),
        Step(from_="location", to="pings", action="produce ping (batched every 100 ms)",
             asynchronous=True),
        Step(from_="archiver", to="pings", action="consume a minute of pings",
             share=0.001),  # batches of ~1,000 pings per fetch
        Step(from_="archiver", to="archive", action="PUT pings/{date}/{hour}/part-N.parquet",
             share=0.0001),  # one file per partition per minute
    ],
)

request_ride = Flow(
    name="Request a ride and match",
    workload="ride request",
    steps=[
        Step(from_="rider_app", to="lb", action="POST /api/v1/trips", api="POST /api/v1/trips"),
        Step(from_="lb", to="matching", action="route to the city's matching partition"),
        Step(from_="matching", to="db", action="INSERT trip (requested)", latency_ms=10),
        Step(from_="matching", to="geo", action="GEOSEARCH the pickup's region and its "
             "neighbours, 10 nearest available", latency_ms=5),
        Step(from_="matching", to="push", action="offer the trip to the best driver, 15 s "
             "to answer", asynchronous=True),
        Step(from_="driver_app", to="lb", action="PATCH /api/v1/trips/{trip_id} "
             "status=accepted", api="PATCH /api/v1/trips/{trip_id}"),
        Step(from_="lb", to="matching", action="route to the city's matching partition"),
        Step(from_="matching", to="db", action="accept only if still offered and the driver "
             "is free (conditional UPDATEs)", latency_ms=10),
        Step(from_="matching", to="rider_app", action="driver assigned"),
    ],
)

track_trip = Flow(
    name="Track the trip",
    workload="trip poll",
    steps=[
        Step(from_="rider_app", to="lb", action="GET /api/v1/trips/{trip_id} every 5 s",
             api="GET /api/v1/trips/{trip_id}"),
        Step(from_="lb", to="matching", action="route"),
        Step(from_="matching", to="db", action="SELECT status (replica)"),
        Step(from_="matching", to="geo", action="GEOPOS the assigned driver"),
    ],
)

bottlenecks = [
    Bottleneck(
        title="Location write firehose",
        problem="500K updates/s at peak; a relational database would need dozens of "
        "shards just to overwrite positions",
        components=["location", "db"],
        solution="Keep only the latest position in an in-memory geo index; history goes to "
        "a stream and batch files (deep dive)",
    ),
    Bottleneck(
        title="Proximity search",
        problem="'Drivers within 2 km' over 1M moving points with a B-tree on lat/lng "
        "scans a whole latitude band",
        components=["geo"],
        solution="A geospatial index keyed by cell (deep dive)",
    ),
    Bottleneck(
        title="Double assignment",
        problem="Two matching workers may offer the same driver to two riders",
        components=["matching", "db"],
        solution="Partition matching by city and accept with a conditional UPDATE on the "
        "driver's current_trip_id",
    ),
    Bottleneck(
        title="Dense city centres",
        problem="Downtown regions hold thousands of drivers and most searches",
        components=["geo"],
        solution="Finer H3 cells in dense regions and replicas that serve searches",
    ),
]

# Step 4: deep dives -------------------------------------------------------------------------

ingest = DeepDive(
    topic="Ingesting location updates",
    problem="250K updates/s on average, 500K at peak; only the latest position matters for "
    "matching, but a year of history (~400 TB) is kept for disputes and ETA models",
    components=["location", "geo", "pings", "archive"],
    approaches=[
        Approach(
            name="Write every update to the database",
            how=["UPDATE drivers SET lat, lng per ping", "INSERT into a history table"],
            pros=["one system", "transactional"],
            cons=["500K row updates/s needs heavy sharding", "index churn on every write",
                  "history table grows by 1 TB a day"],
        ),
        Approach(
            name="Latest position in memory, history on a stream",
            how=["overwrite the position in the Redis geo index",
                 "produce the ping to Kafka, batched", "a worker writes Parquet to S3"],
            pros=["each write is an O(log n) in-memory update", "history is cheap, "
                  "compressed, columnar", "losing a position costs only 4 s"],
            cons=["the index is rebuilt from fresh pings after a failover (4 s gap)",
                  "three systems instead of one"],
        ),
        Approach(
            name="Client-side batching and adaptive rates",
            how=["drivers send every 4 s while moving, every 30 s while parked",
                 "batch pings on poor networks"],
            pros=["cuts writes by ~40%"],
            cons=["staler positions for parked drivers", "needs app releases to tune"],
        ),
    ],
    decision="Latest position in Redis, history through Kafka to S3; adaptive rates added "
    "in the driver app",
    justification="Positions are ephemeral and self-healing every 4 s, so durability "
    "belongs to the history path only; this keeps the hot path in memory and off the "
    "trips database",
)

geo_index = DeepDive(
    topic="Geospatial index for nearby drivers",
    problem="Find the 10 nearest available drivers within 2 km in under 100 ms p99 while "
    "every driver moves every 4 s",
    components=["geo", "matching"],
    approaches=[
        Approach(
            name="B-tree or PostGIS index in the database",
            how=["WHERE lat BETWEEN ... AND lng BETWEEN ...", "or ST_DWithin on a GiST index"],
            pros=["precise", "familiar SQL"],
            cons=["index updates at 500K/s overwhelm the database",
                  "disk-based structure for data that lives 4 s"],
        ),
        Approach(
            name="Quadtree in memory",
            how=["split cells until each holds <= 100 drivers", "search the leaf and "
                 "neighbours"],
            pros=["adapts to density"],
            cons=["rebalancing under constant movement", "custom service to build and "
                  "replicate"],
        ),
        Approach(
            name="Geohash / H3 cells with Redis GEO",
            how=["key drivers by cell", "GEOSEARCH the pickup cell and its ring of "
                 "neighbours", "shard regions across Redis nodes"],
            pros=["O(log n) updates and searches in memory", "off-the-shelf",
                  "H3 hexagons have uniform neighbour distances"],
            cons=["cell edges need a neighbour search", "fixed resolution: dense cells "
                  "need a finer level"],
        ),
    ],
    decision="H3 cells over Redis GEO, sharded by region, with replicas for searches",
    justification="It meets the latency target with managed building blocks; density is "
    "handled by choosing the cell resolution per city instead of a custom tree",
)

design = Design(
    name="ride_matching",
    title="Design a Ride-Matching Service",
    description="Drivers stream locations; riders see nearby cars and get matched in seconds.",
    requirements=requirements,
    entities=[rider, driver, trip, driver_location],
    apis=apis,
    components=components,
    flows=[location_update, request_ride, track_trip],
    bottlenecks=bottlenecks,
    deep_dives=[ingest, geo_index],
)
