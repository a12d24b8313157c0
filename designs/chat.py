"""Design a chat system (WhatsApp / Messenger): persistent connections, presence, ordering.

Chat turns the usual request/response shape around: the server must push messages to
clients the moment they arrive. Clients keep a WebSocket open to a gateway tier; a session
registry says which gateway holds which user; messages get a per-conversation sequence
number so every member sees the same order, and delivery is at-least-once with client-side
de-duplication.
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
        Feature(key="send", text="Users send text messages in 1:1 and group chats "
                "(up to 100 members)"),
        Feature(key="deliver", text="Online recipients get messages in real time; offline "
                "ones get them on reconnect, in order, exactly once on screen"),
        Feature(key="history", text="Users scroll back through a conversation's history"),
        Feature(key="presence", text="Users see whether a contact is online or when they "
                "were last seen"),
        Feature(key="receipts", text="Senders see delivered and read receipts"),
    ],
    out_of_scope=["Media attachments", "Voice and video calls", "End-to-end encryption "
                  "key exchange", "Channels with thousands of members", "Search"],
    clarifications=[
        Clarification(
            question="How many users are we targeting?",
            answer="50M DAU, about 40 messages each a day",
            decides="the scale: 2B messages/day",
        ),
        Clarification(
            question="Does a user read on several devices?",
            answer="Yes, each message reaches ~2 devices",
            decides="a 2:1 delivery-to-send ratio",
        ),
        Clarification(
            question="Must messages keep their order?",
            answer="Yes, within a conversation; presence may lag",
            decides="strong order per conversation, eventual presence",
        ),
    ],
    scale=Scale(
        dau=50_000_000,
        write_name="message",
        writes_per_user_per_day=40,  # 2B messages/day, ~23K/s
        read_write_ratio=2,  # each message delivered to ~2 devices on average
        peak_factor=3,
        item_sizes=[
            ItemSize(name="message text", chars=100, bytes_per_char=2),
            ItemSize(name="metadata (ids, sequence, timestamps)", bytes=100),
        ],
        read_response_bytes=300,
        retention_years=1,
        replication_factor=3,
        online_fraction=0.3,  # 15M of 50M DAU connected at once, at the evening peak
        workloads=[
            Workload(name="send message", kind="write", per_user_per_day=40,
                     items=[ItemSize(name="message text", chars=100, bytes_per_char=2),
                            ItemSize(name="metadata (ids, sequence, timestamps)", bytes=100)]),
            Workload(name="reconnect", per_user_per_day=10),  # phones drop off networks
            # 15M open sockets, one heartbeat every 25 s; already counted at the peak.
            Workload(name="heartbeat", kind="write", per_second=15_000_000 / 25, peak_factor=1),
            Workload(name="presence lookup", per_user_per_day=20),
        ],
    ),
    latency=[
        LatencyTarget(operation="message delivery to an online recipient",
                      flows=["Send a message to an online recipient"], ms=500,
                      percentile="p99"),
        LatencyTarget(operation="history page",
                      flows=["Reconnect and catch up"], ms=200, percentile="p99"),
    ],
    consistency=[
        Consistency(level="strong", applies_to="message order within a conversation"),
        Consistency(level="eventual", applies_to="presence", staleness="30 seconds"),
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
        Field(name="phone", type="VARCHAR(20)", unique=True),
        Field(name="display_name", type="VARCHAR(64)"),
        Field(name="created_at", type="TIMESTAMP"),
    ],
)

conversation = Entity(
    name="Conversation",
    table="conversations",
    stored_in="db",
    fields=[
        Field(name="conversation_id", type="BIGINT", primary_key=True),
        Field(name="kind", type="VARCHAR(8)", note="direct | group"),
        Field(name="title", type="VARCHAR(128)", nullable=True),
        Field(name="last_seq", type="BIGINT", note="highest sequence number assigned"),
        Field(name="created_at", type="TIMESTAMP"),
    ],
)

membership = Entity(
    name="Membership",
    table="memberships",
    stored_in="db",
    description="Who is in which conversation, and how far each member has read.",
    primary_key=["user_id", "conversation_id"],
    fields=[
        Field(name="user_id", type="BIGINT", references="User.user_id"),
        Field(name="conversation_id", type="BIGINT", references="Conversation.conversation_id",
              indexed=True, note="fanout: the members of a conversation"),
        Field(name="delivered_seq", type="BIGINT"),
        Field(name="read_seq", type="BIGINT"),
        Field(name="joined_at", type="TIMESTAMP"),
    ],
)

message = Entity(
    name="Message",
    table="messages",
    stored_in="db",
    description="Partitioned by conversation, clustered by sequence number.",
    primary_key=["conversation_id", "seq"],
    fields=[
        Field(name="conversation_id", type="BIGINT", references="Conversation.conversation_id"),
        Field(name="seq", type="BIGINT", note="per-conversation, gap-free"),
        Field(name="client_msg_id", type="UUID", note="idempotency key from the sender"),
        Field(name="sender_id", type="BIGINT", references="User.user_id", indexed=True),
        Field(name="body", type="TEXT"),
        Field(name="created_at", type="TIMESTAMP"),
    ],
)

session = Entity(
    name="Session",
    description="Which gateway holds a user's connection, and their presence; in the cache.",
    stored_in="sessions",
    rows_per_user=1,
    fields=[
        Field(name="user_id", type="BIGINT", primary_key=True, references="User.user_id"),
        Field(name="gateway_id", type="VARCHAR(64)"),
        Field(name="status", type="VARCHAR(8)", note="online | away"),
        Field(name="last_seen", type="TIMESTAMP", note="TTL 60 s, refreshed by heartbeats"),
    ],
)

V1 = "/api/v1"
apis = [
    Api(method="GET", path=f"{V1}/connections", purpose="Open the WebSocket (HTTP Upgrade); "
        "messages, receipts and presence then flow both ways over it",
        query=["token", "last_seq_by_conversation"], response=["101 Switching Protocols"],
        auth=True, serves=["deliver", "presence"]),
    Api(method="POST", path=f"{V1}/conversations", purpose="Create a 1:1 or group chat",
        request=["member_ids", "title"], response=["conversation_id"], auth=True,
        serves=["send"]),
    Api(method="POST", path=f"{V1}/conversations/{{conversation_id}}/messages",
        purpose="Send a message (also sent as a WebSocket frame)",
        request=["client_msg_id", "body"], response=["seq", "created_at"], auth=True,
        serves=["send"]),
    Api(method="GET", path=f"{V1}/conversations/{{conversation_id}}/messages",
        purpose="Page through history, newest first, or fetch messages after a sequence",
        query=["before_seq", "after_seq", "limit"], response=["messages"], auth=True,
        paginated=True, serves=["history", "deliver"]),
    Api(method="PUT", path=f"{V1}/conversations/{{conversation_id}}/receipts/{{user_id}}",
        purpose="Move the caller's delivered and read markers forward",
        request=["delivered_seq", "read_seq"], response=["success"], auth=True,
        serves=["receipts"]),
    Api(method="GET", path=f"{V1}/users/{{user_id}}/presence",
        purpose="A contact's online status and last-seen time",
        response=["status", "last_seen"], auth=True, serves=["presence"]),
]

# Step 3: the simple first design ------------------------------------------------------------

components = [
    Component(name="client", kind="client", label="Mobile / Desktop app", tier="Clients"),
    Component(name="lb", kind="load_balancer", label="L4 Load Balancer", technology="HAProxy",
              instances=2, tier="Edge", notes="TCP pass-through; long-lived connections"),
    Component(name="gateway", kind="websocket_gateway", label="WebSocket Gateways",
              instances=100, tier="Edge", notes="~150K connections each at 15M concurrent",
              capacity=NodeCapacity(connections=300_000, reference="WhatsApp reported 2M "
                                    "connections per server (2012); 300K taken conservatively")),
    Component(name="chat", kind="service", label="Chat Service", instances=120,
              tier="Service", notes="sequencing, persistence, routing"),
    Component(name="sessions", kind="cache", label="Session + Presence Registry",
              technology="Redis", instances=6, replicas=6, tier="Data",
              notes="user -> gateway, presence with TTL; pub/sub channel per gateway"),
    Component(name="db", kind="database", label="Message Store", technology="Cassandra",
              instances=150, replicas=300, tier="Data",
              notes="partition key conversation_id; RF 3; ~1.5 TB a node"),
    Component(name="push", kind="external", label="Push Notifications",
              technology="APNs / FCM", tier="External"),
]

send_message = Flow(
    name="Send a message to an online recipient",
    workload="send message",
    steps=[
        Step(from_="client", to="gateway", action="message frame {client_msg_id, body} over "
             "the open WebSocket", api="POST /api/v1/conversations/{conversation_id}/messages"),
        Step(from_="gateway", to="chat", action="forward with the sender's user_id"),
        Step(from_="chat", to="sessions", action="INCR seq:{conversation_id}", latency_ms=1),
        Step(from_="chat", to="db", action="INSERT message IF NOT EXISTS (idempotent on "
             "client_msg_id)", latency_ms=10),
        Step(from_="chat", to="gateway", action="ack {client_msg_id, seq} to the sender"),
        Step(from_="chat", to="sessions", action="look up the members' gateways; PUBLISH to "
             "each gateway's channel", latency_ms=2),
        Step(from_="gateway", to="client", action="push the message to the recipient's socket",
             latency_ms=50),
        Step(from_="chat", to="push", action="notify members with no session",
             condition="recipient offline", asynchronous=True),
    ],
)

reconnect = Flow(
    name="Reconnect and catch up",
    workload="reconnect",
    steps=[
        Step(from_="client", to="lb", action="GET /api/v1/connections (Upgrade: websocket)",
             api="GET /api/v1/connections"),
        Step(from_="lb", to="gateway", action="pick a gateway with spare connections"),
        Step(from_="gateway", to="sessions", action="SET session:{user_id} = gateway_id, "
             "TTL 60 s; presence online"),
        Step(from_="gateway", to="chat", action="fetch messages after the client's last seq "
             "per conversation"),
        Step(from_="chat", to="db", action="SELECT ... WHERE conversation_id = ? AND seq > ?",
             latency_ms=20),
        Step(from_="gateway", to="client", action="replay missed messages in seq order"),
    ],
)

heartbeat = Flow(
    name="Heartbeat",
    workload="heartbeat",
    steps=[
        Step(from_="client", to="gateway", action="heartbeat frame every 25 s"),
        Step(from_="gateway", to="sessions", action="EXPIRE session:{user_id} 60 (batched)",
             share=0.01),  # a gateway refreshes its sessions in batches of ~100
    ],
)

presence = Flow(
    name="Presence of an open chat",
    workload="presence lookup",
    steps=[
        Step(from_="client", to="gateway", action="GET /api/v1/users/{user_id}/presence for "
             "the open chat", api="GET /api/v1/users/{user_id}/presence"),
        Step(from_="gateway", to="sessions", action="GET session:{user_id}; absent means "
             "offline since last_seen"),
    ],
)

bottlenecks = [
    Bottleneck(
        title="Millions of open connections",
        problem="15M concurrent sockets cannot live on request/response app servers, and a "
        "gateway restart drops 150K users at once",
        components=["gateway"],
        solution="A dedicated gateway tier (epoll, ~150K sockets per node) with clients "
        "reconnecting with jittered backoff and catching up by sequence number",
    ),
    Bottleneck(
        title="Finding the recipient's gateway",
        problem="Routing needs to know which of 100 gateways holds each member's socket",
        components=["sessions", "chat"],
        solution="A session registry in Redis (user -> gateway) and one pub/sub channel per "
        "gateway",
    ),
    Bottleneck(
        title="Presence fanout storms",
        problem="Broadcasting every online/offline change to every contact is O(contacts) "
        "writes per state change",
        components=["sessions", "gateway"],
        solution="Lazy presence: query it only for open conversations; heartbeats only "
        "refresh a TTL",
    ),
    Bottleneck(
        title="Message write volume",
        problem="~70K messages/s at peak plus 220 TB a year",
        components=["db"],
        solution="Cassandra partitioned by conversation_id: appends are sequential writes "
        "and history is a single-partition range scan",
    ),
]

# Step 4: deep dives -------------------------------------------------------------------------

connections = DeepDive(
    topic="Real-time delivery: persistent connections",
    problem="Messages must reach online recipients within 500 ms p99 without clients "
    "polling 50M times a minute",
    components=["gateway", "sessions", "lb"],
    approaches=[
        Approach(
            name="Short polling",
            how=["client asks for new messages every few seconds"],
            pros=["plain HTTP, trivially stateless"],
            cons=["seconds of latency", "most polls return nothing: ~10x wasted requests"],
        ),
        Approach(
            name="Long polling",
            how=["server holds the request until a message arrives or 30 s pass"],
            pros=["near real time over plain HTTP", "works through strict proxies"],
            cons=["a new request after every message", "server-to-client only; sends are "
                  "separate requests"],
        ),
        Approach(
            name="WebSocket gateway tier with a session registry",
            how=["client holds one WebSocket to a gateway", "gateway registers user -> "
                 "gateway in Redis", "chat service publishes to the recipient's gateway"],
            pros=["full duplex, one connection for messages, receipts and presence",
                  "lowest latency and overhead"],
            cons=["stateful tier: deploys must drain connections",
                  "needs L4 balancing and reconnect logic in clients"],
        ),
    ],
    decision="WebSocket gateways with a Redis session registry; long polling as a fallback",
    justification="At 15M concurrent users the per-message overhead of polling dominates; "
    "gateways hold sockets only, so they scale and restart independently of chat logic",
)

ordering = DeepDive(
    topic="Message ordering and delivery guarantees",
    problem="Members must see a conversation's messages in the same order, without gaps "
    "or duplicates, across retries, reconnects and multiple devices",
    components=["chat", "db", "sessions"],
    approaches=[
        Approach(
            name="Order by client timestamp",
            how=["the sender's clock stamps each message"],
            pros=["no coordination"],
            cons=["clock skew reorders messages", "gaps cannot be detected"],
        ),
        Approach(
            name="Globally ordered ids (Snowflake)",
            how=["time-based ids from id-generator nodes"],
            pros=["roughly time ordered", "no per-conversation state"],
            cons=["ids from different nodes interleave within clock skew",
                  "not gap-free, so clients cannot tell a loss from a gap"],
        ),
        Approach(
            name="Per-conversation sequence + at-least-once with idempotency keys",
            how=["INCR seq:{conversation_id} in Redis (re-seeded from last_seq on failover)",
                 "insert with client_msg_id so a retry does not duplicate",
                 "clients ack by seq and fetch gaps after seq on reconnect"],
            pros=["one total order per conversation", "gaps are detectable and refetched",
                  "retries are safe"],
            cons=["a sequencer per conversation is a hot spot for very large groups",
                  "failover must re-seed the counter from the store"],
        ),
    ],
    decision="Per-conversation sequence numbers with at-least-once delivery and client "
    "de-duplication by client_msg_id",
    justification="Groups are capped at 100 members, so a per-conversation counter is never "
    "hot; sequence numbers give the same order everywhere and make catch-up a range scan",
)

design = Design(
    name="chat",
    title="Design a Chat System",
    description="1:1 and group messaging with real-time delivery, presence and receipts.",
    requirements=requirements,
    entities=[user, conversation, membership, message, session],
    apis=apis,
    components=components,
    flows=[send_message, reconnect, heartbeat, presence],
    bottlenecks=bottlenecks,
    deep_dives=[connections, ordering],
)
