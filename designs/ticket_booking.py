"""Design a ticket-booking system (Ticketmaster): strong consistency for the last seat.

Browsing is a read-heavy, cacheable load; booking is a small write load with one hard rule:
a seat is sold at most once. The database stays the single source of truth for seat state,
seats are held for a few minutes while the buyer pays, and a waiting room meters the crowd
when a popular event goes on sale.
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
    Requirements,
    Scale,
    Step,
    Suppression,
    Workload,
)

# Step 1: clarify requirements ---------------------------------------------------------------

requirements = Requirements(
    in_scope=[
        Feature(key="browse", text="Users browse events and see an event's seat map with "
                "what is still available"),
        Feature(key="hold", text="Users pick seats and hold them for 10 minutes while paying"),
        Feature(key="book", text="Users pay and get confirmed tickets; a seat is never sold "
                "twice"),
        Feature(key="cancel", text="Users cancel a booking before the event"),
    ],
    out_of_scope=["Resale marketplace", "Dynamic pricing", "Venue and event management UI",
                  "Ticket transfer and scanning at the door"],
    clarifications=[
        Clarification(
            question="How many users, and how spiky is demand?",
            answer="10M DAU; big on-sales put a day into minutes",
            decides="a 50x peak factor",
        ),
        Clarification(
            question="Can two people book the same seat?",
            answer="Never",
            decides="strong consistency for holds and bookings",
        ),
        Clarification(
            question="How long are bookings kept?",
            answer="7 years, as financial records",
            decides="7-year retention",
        ),
    ],
    scale=Scale(
        dau=10_000_000,
        write_name="booking",
        writes_per_user_per_day=0.05,  # 500K bookings/day, ~6/s on average
        read_write_ratio=200,  # seat-map and event views per booking
        peak_factor=50,  # big on-sales concentrate a day's demand into minutes
        item_sizes=[
            ItemSize(name="booking row", bytes=300),
            ItemSize(name="seat state changes (held, sold) for ~2 seats", bytes=200),
        ],
        read_response_bytes=40_000,  # a seat map for a section
        retention_years=7,  # financial records
        replication_factor=3,
        workloads=[
            Workload(name="book seats", kind="write", per_user_per_day=0.05,
                     items=[ItemSize(name="booking row", bytes=300),
                            ItemSize(name="seat state changes (held, sold) for ~2 seats",
                                     bytes=200)]),
            Workload(name="view seat map", ratio=200, ratio_of="book seats",
                     response_bytes=40_000),
            # The expirer's sweep every 30 s, whatever the traffic.
            Workload(name="expire holds", kind="write", per_second=1 / 30, peak_factor=1),
        ],
    ),
    latency=[
        LatencyTarget(operation="seat map", flows=["View a seat map"], ms=200, percentile="p99"),
        LatencyTarget(operation="hold seats",
                      flows=["Hold seats and pay"], ms=500, percentile="p99"),
    ],
    consistency=[
        Consistency(level="strong", applies_to="seat holds and bookings"),
        Consistency(level="eventual", applies_to="seat map availability",
                    staleness="a few seconds"),
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
        Field(name="created_at", type="TIMESTAMP"),
    ],
)

event = Entity(
    name="Event",
    table="events",
    stored_in="db",
    fields=[
        Field(name="event_id", type="BIGINT", primary_key=True),
        Field(name="name", type="VARCHAR(200)"),
        Field(name="venue", type="VARCHAR(200)"),
        Field(name="starts_at", type="TIMESTAMP", indexed=True),
        Field(name="on_sale_at", type="TIMESTAMP"),
    ],
)

booking = Entity(
    name="Booking",
    table="bookings",
    stored_in="db",
    fields=[
        Field(name="booking_id", type="BIGINT", primary_key=True),
        Field(name="user_id", type="BIGINT", references="User.user_id"),
        Field(name="event_id", type="BIGINT", references="Event.event_id", indexed=True),
        Field(name="status", type="VARCHAR(16)", note="held | confirmed | cancelled | expired"),
        Field(name="total_cents", type="INT"),
        Field(name="payment_ref", type="VARCHAR(64)", nullable=True, unique=True),
        Field(name="hold_expires_at", type="TIMESTAMP", indexed=True),
        Field(name="created_at", type="TIMESTAMP"),
    ],
    indexes=[Index(fields=["user_id", "created_at"])],
)

seat = Entity(
    name="Seat",
    table="seats",
    stored_in="db",
    description="One row per seat per event; `version` guards concurrent updates.",
    primary_key=["event_id", "seat_id"],
    fields=[
        Field(name="event_id", type="BIGINT", references="Event.event_id"),
        Field(name="seat_id", type="VARCHAR(16)", note="section-row-number"),
        Field(name="price_cents", type="INT"),
        Field(name="status", type="VARCHAR(16)", note="available | held | sold"),
        Field(name="booking_id", type="BIGINT", references="Booking.booking_id",
              nullable=True, indexed=True),
        Field(name="version", type="INT", note="optimistic concurrency control"),
    ],
)

seat_map = Entity(
    name="SeatMap",
    stored_in="cache",
    description="A section's seat states, cached for 2 s while its event is on sale.",
    rows=50_000,  # ~5K events on sale x ~10 sections
    row_bytes=40_000,
    primary_key=["event_id", "section"],
    fields=[
        Field(name="event_id", type="BIGINT", references="Event.event_id"),
        Field(name="section", type="VARCHAR(16)"),
        Field(name="seats", type="JSON", note="seat_id -> status"),
    ],
)

V1 = "/api/v1"
apis = [
    Api(method="GET", path=f"{V1}/events", purpose="List upcoming events",
        query=["city", "from", "cursor", "limit"], response=["events", "next_cursor"],
        paginated=True, serves=["browse"]),
    Api(method="GET", path=f"{V1}/events/{{event_id}}", purpose="Get an event",
        response=["event_id", "name", "venue", "starts_at", "on_sale_at"], serves=["browse"]),
    Api(method="GET", path=f"{V1}/events/{{event_id}}/seats", purpose="Seat map with status",
        query=["section"], response=["seats"], serves=["browse"],
        suppress=[Suppression(code="A209", reason="a seat map is one venue section (at most "
                              "~2K seats, ~40 KB) drawn as a whole picture; pages would "
                              "only make the client stitch it back together")]),
    Api(method="POST", path=f"{V1}/bookings", purpose="Hold seats for 10 minutes",
        request=["event_id", "seat_ids", "idempotency_key"],
        response=["booking_id", "hold_expires_at", "total_cents"], auth=True,
        serves=["hold"]),
    Api(method="POST", path=f"{V1}/bookings/{{booking_id}}/payments",
        purpose="Pay for a held booking and confirm it",
        request=["payment_token", "idempotency_key"], response=["status", "tickets"],
        auth=True, serves=["book"]),
    Api(method="GET", path=f"{V1}/bookings/{{booking_id}}", purpose="Get a booking",
        response=["booking_id", "status", "seats", "total_cents"], auth=True,
        serves=["book"]),
    Api(method="DELETE", path=f"{V1}/bookings/{{booking_id}}",
        purpose="Cancel a booking and release its seats", response=["status"], auth=True,
        serves=["cancel"]),
]

# Step 3: the simple first design ------------------------------------------------------------

components = [
    Component(name="client", kind="client", label="Web / Mobile", tier="Clients"),
    Component(name="cdn", kind="cdn", label="CDN", technology="CloudFront", instances=2,
              tier="Edge", notes="event pages and the waiting-room page"),
    Component(name="lb", kind="load_balancer", label="Load Balancer", technology="AWS ALB",
              instances=2, tier="Edge"),
    Component(name="app", kind="service", label="Booking Service", instances=72,
              tier="Service", notes="stateless; autoscales before big on-sales"),
    Component(name="cache", kind="cache", label="Seat Map + Waiting Room", technology="Redis",
              instances=2, replicas=2, tier="Data",
              notes="seat maps of events on sale (a few GB), 2 s TTL; waiting-room queue "
              "as a sorted set"),
    Component(name="db", kind="database", label="Bookings DB", technology="PostgreSQL",
              replicas=2, tier="Data", notes="primary for holds and payments; replicas for "
              "browsing"),
    Component(name="expirer", kind="scheduler", label="Hold Expirer", instances=2,
              tier="Service", notes="every 30 s; leader-elected"),
    Component(name="payments", kind="external", label="Payment Provider",
              technology="Stripe", tier="External"),
]

browse = Flow(
    name="View a seat map",
    workload="view seat map",
    suppress=[Suppression(code="D313", reason="99.9% is CloudFront's SLA credit threshold; "
                          "the seat map is read-only and the app retries it")],
    steps=[
        Step(from_="client", to="cdn", action="event page and static assets", latency_ms=30),
        Step(from_="client", to="lb", action="GET /api/v1/events/{event_id}/seats",
             api="GET /api/v1/events/{event_id}/seats"),
        Step(from_="lb", to="app", action="route to a booking server"),
        Step(from_="app", to="cache", action="GET seatmap:{event_id}:{section}", latency_ms=3,
             condition="cache hit", hit_ratio=0.99),  # a hot section is asked 100s of times/s
        Step(from_="app", to="db", action="SELECT seat_id, status FROM seats (replica)",
             latency_ms=30, condition="cache miss"),
        Step(from_="app", to="cache", action="SET seatmap with 2 s TTL",
             condition="cache miss"),
        Step(from_="app", to="client", action="return the seat map"),
    ],
)

hold_and_pay = Flow(
    name="Hold seats and pay",
    workload="book seats",
    suppress=[Suppression(code="D312", reason="the 500 ms target is the hold request (15 ms); "
                          "the payment request waits on the provider's charge, outside it"),
              Suppression(code="D313", reason="the payment request waits on Stripe's charge "
                          "(no published SLA; 99.9% by rule of thumb): a failed charge leaves "
                          "the seats held until the hold expires, and the idempotency key "
                          "makes the user's retry safe")],
    steps=[
        Step(from_="client", to="lb", action="POST /api/v1/bookings",
             api="POST /api/v1/bookings"),
        Step(from_="lb", to="app", action="route (after the waiting room admits the user)"),
        Step(from_="app", to="db", action="one transaction: INSERT booking (held); UPDATE "
             "seats SET status='held' WHERE status='available' AND version=?", latency_ms=15),
        Step(from_="app", to="cache", action="DEL seatmap:{event_id}:{section}"),
        Step(from_="app", to="client", action="201 with hold_expires_at, or 409 seat taken"),
        Step(from_="client", to="lb", action="POST /api/v1/bookings/{booking_id}/payments",
             api="POST /api/v1/bookings/{booking_id}/payments"),
        Step(from_="lb", to="app", action="route to a booking server"),
        Step(from_="app", to="payments", action="charge with the idempotency key",
             latency_ms=800),
        Step(from_="app", to="db", action="UPDATE booking confirmed, seats sold WHERE "
             "booking still held"),
        Step(from_="app", to="client", action="tickets"),
    ],
)

expire_holds = Flow(
    name="Release expired holds",
    workload="expire holds",
    steps=[
        Step(from_="expirer", to="db", action="UPDATE bookings SET status='expired' WHERE "
             "status='held' AND hold_expires_at < now(); release their seats"),
        Step(from_="expirer", to="cache", action="DEL the affected seat maps"),
    ],
)

bottlenecks = [
    Bottleneck(
        title="Two buyers, one seat",
        problem="Concurrent holds on the last seats must not both succeed",
        components=["db", "app"],
        solution="Conditional updates with a version check in one transaction (deep dive)",
    ),
    Bottleneck(
        title="On-sale stampede",
        problem="A popular on-sale brings 50x the day's average in minutes: ~60K seat-map "
        "reads/s and far more buyers than seats",
        components=["app", "db"],
        solution="A virtual waiting room admits buyers at the rate the booking path sustains; "
        "seat maps are served from a 2 s cache",
    ),
    Bottleneck(
        title="Seat-map reads on the primary",
        problem="Browsing dwarfs booking; reads on the primary would slow the holds",
        components=["db", "cache"],
        solution="Serve seat maps from the cache and read replicas; only holds and payments "
        "touch the primary",
    ),
    Bottleneck(
        title="Abandoned holds",
        problem="Buyers who never pay keep seats off the market",
        components=["expirer"],
        solution="10-minute holds released by a leader-elected scheduler every 30 s",
    ),
]

# Step 4: deep dives -------------------------------------------------------------------------

last_seat = DeepDive(
    topic="Two users book the last seat",
    problem="Two requests read seat A1 as available at the same moment; both must not end "
    "up holding it, and a payment must never confirm a seat someone else holds",
    components=["db", "app", "cache"],
    approaches=[
        Approach(
            name="Optimistic locking (version number)",
            how=["read the seat with its version", "UPDATE seats SET status='held', "
                 "version=version+1 WHERE seat_id=? AND version=? AND status='available'",
                 "0 rows updated means someone else won: roll back and return 409"],
            pros=["no locks held while the user thinks", "one round trip per seat",
                  "scales with low contention"],
            cons=["under heavy contention most attempts fail and retry",
                  "the losing user gets an error rather than waiting"],
            when_to_use=["contention on a single row is short-lived", "reads outnumber writes"],
        ),
        Approach(
            name="Pessimistic locking (SELECT ... FOR UPDATE)",
            how=["BEGIN; SELECT the seats FOR UPDATE (in seat order to avoid deadlocks)",
                 "check availability, update, COMMIT"],
            pros=["simple reasoning: the second buyer waits, then sees 'held'",
                  "no retries"],
            cons=["locks held for the transaction: throughput drops under contention",
                  "deadlock risk without a lock order", "a slow client must never hold it"],
        ),
        Approach(
            name="Distributed lock (Redis SET NX PX)",
            how=["SET lock:{event_id}:{seat_id} owner NX PX 600000", "then write the hold "
                 "to the database"],
            pros=["keeps contention off the database", "the TTL doubles as the hold timer"],
            cons=["a second system to agree with the database", "lock expiry during a GC "
                  "pause or failover can let two owners in without fencing tokens",
                  "more moving parts to operate"],
        ),
    ],
    decision="Optimistic locking: a conditional, versioned UPDATE in one transaction per hold",
    justification="The database already has to record the hold, so guarding it there gives "
    "correctness with no extra system; contention is bounded by the waiting room, and a "
    "409 with a fresh seat map is the right user experience for a lost race",
)

on_sale = DeepDive(
    topic="Surviving a popular on-sale",
    problem="Millions of users arrive at 10:00 for 50K seats; the booking path sustains "
    "~2K holds/s and the primary must stay healthy",
    components=["app", "cache", "cdn"],
    approaches=[
        Approach(
            name="Autoscale and let everyone in",
            how=["scale app servers ahead of the on-sale"],
            pros=["no new component"],
            cons=["the primary database does not autoscale", "random winners and "
                  "timeouts feel unfair"],
        ),
        Approach(
            name="Rate limit with 429s",
            how=["token bucket per event at the load balancer"],
            pros=["protects the backend", "cheap"],
            cons=["retry storms: rejected users hammer refresh", "no fairness"],
        ),
        Approach(
            name="Virtual waiting room",
            how=["users join a Redis sorted set by arrival time", "a static CDN page polls "
                 "their position", "admit N users/s with a signed, short-lived token"],
            pros=["first come, first served", "load on the booking path is a dial",
                  "the waiting page is static and cached"],
            cons=["extra component and user-facing flow", "admission rate needs tuning"],
        ),
    ],
    decision="Virtual waiting room for events flagged as high demand",
    justification="It turns an uncontrolled spike into a steady admission rate the primary "
    "can sustain, and treats fans fairly; ordinary events skip it",
)

design = Design(
    name="ticket_booking",
    title="Design a Ticket-Booking System",
    description="Browse events, hold seats and pay, without ever selling a seat twice.",
    requirements=requirements,
    entities=[user, event, booking, seat, seat_map],
    apis=apis,
    components=components,
    flows=[browse, hold_and_pay, expire_holds],
    bottlenecks=bottlenecks,
    deep_dives=[last_seat, on_sale],
)
