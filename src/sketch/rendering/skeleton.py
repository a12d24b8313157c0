"""`sketch new NAME`: a design file (Python, or YAML with `--yaml`) laid out as the framework's
four steps, ready to fill in.

The scaffold loads as it is, so `sketch check` can run on it at once; what it still lacks
(3-5 entities, 5-8 APIs) is exactly what `sketch check` and `sketch lint` then ask for, each
with the line to edit. Placeholders start with `TODO:` so they are easy to find.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from sketch.errors import UsageError
from sketch.rendering.data_file import MODELINE, SCHEMA_FILE

_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


def check_name(name: str) -> None:
    if not _NAME.fullmatch(name):
        raise UsageError(
            f"'{name}' cannot be a design name",
            "start with a letter, then letters, digits, '-' or '_': `sketch new url-shortener`",
        )


def title_of(name: str) -> str:
    """`url-shortener` -> `URL Shortener`-ish: words split on `-`/`_`, each capitalised."""
    return " ".join(word[:1].upper() + word[1:] for word in re.split(r"[-_]+", name) if word)


def scaffold(name: str, path: Path) -> str:
    """The text of a new design file named `name`, to be written at `path`."""
    check_name(name)
    return _TEMPLATE.format(name=name, title=title_of(name), path=path.as_posix())


_TEMPLATE = '''\
"""Design {title}: a system-design sketch in the framework's four steps.

Fill in each step, top to bottom, replacing every `TODO:`. Then run

    sketch check {path}

which lists what is still missing (the framework asks for 3-5 entities and 5-8 APIs), each
with the line to fix; `sketch lint` and `sketch estimate` take it from there.
"""

from sketch import (
    Api,
    Approach,
    Bottleneck,
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
    Requirements,
    Scale,
    Step,
)

# Step 1: clarify requirements (5-7 minutes) -------------------------------------------------
# What the system must do (3-5 features), what you leave out, and the numbers that size it.

requirements = Requirements(
    in_scope=[
        # Give each feature a `key`: APIs name the features they serve with it.
        Feature(key="create", text="TODO: users can create an item"),
        Feature(key="read", text="TODO: users can read an item"),
    ],
    out_of_scope=["TODO: a feature you deliberately leave out"],
    scale=Scale(
        # Uncomment and set these; `sketch estimate` turns them into QPS, storage, bandwidth.
        # dau=10_000_000,                # daily active users
        # write_name="item",             # what one write is
        # writes_per_user_per_day=1,
        # read_write_ratio=10,           # reads per write
        # peak_factor=3,
        # item_sizes=[ItemSize(name="item", bytes=500)],
        # retention_years=5,
    ),
    latency=[LatencyTarget(operation="TODO: the read users wait for", ms=200, percentile="p99")],
    consistency=[Consistency(level="eventual", applies_to="TODO: which data")],
    availability=99.9,
)

# Step 2: core entities (3-5) and APIs (5-8) -------------------------------------------------

item = Entity(
    name="Item",  # TODO: a main noun of your system
    table="items",
    stored_in="db",
    fields=[
        Field(name="item_id", type="BIGINT", primary_key=True),
        Field(name="owner_id", type="BIGINT"),  # a foreign key: references="User.user_id"
        Field(name="created_at", type="TIMESTAMP"),
    ],
)
# TODO: two to four more entities, e.g. the users; then list them in `entities=` below.

apis = [
    Api(method="POST", path="/api/v1/items", purpose="TODO: create an item",
        request=["owner_id"], response=["item_id"], auth=True, serves=["create"]),
    Api(method="GET", path="/api/v1/items/{{item_id}}", purpose="TODO: read an item",
        response=["item_id", "created_at"], serves=["read"]),
    # TODO: three to six more endpoints: METHOD, path, purpose, request and response fields.
]

# Step 3: the simple first design ------------------------------------------------------------

components = [
    Component(name="client", kind="client", label="Client", tier="Clients"),
    Component(name="lb", kind="load_balancer", label="Load Balancer", tier="Edge"),
    Component(name="app", kind="service", label="App Servers", instances=2, tier="Service"),
    Component(name="db", kind="database", label="Database", technology="TODO: e.g. PostgreSQL",
              tier="Data"),
    # TODO: a cache, a queue, a CDN ... when a flow or a bottleneck needs one.
]

create_item = Flow(
    name="Create an item",
    steps=[
        Step(from_="client", to="lb", action="POST /api/v1/items", api="POST /api/v1/items"),
        Step(from_="lb", to="app", action="route to an app server"),
        Step(from_="app", to="db", action="INSERT INTO items"),
        Step(from_="app", to="client", action="return item_id"),
    ],
)
# TODO: walk through the 2-3 critical flows, one Step per hop.

bottlenecks = [
    # What breaks first at 10x traffic? The slowest operation? The single point of failure?
    Bottleneck(
        title="TODO: the first thing to break",
        problem="TODO: why it breaks",
        components=["db"],
        solution="TODO: how you address it",
    ),
]

# Step 4: deep dives (2-3 critical pieces) ---------------------------------------------------

deep_dive = DeepDive(
    topic="TODO: a critical piece, e.g. the sharding strategy",
    problem="TODO: the problem it solves",
    components=["db"],
    approaches=[
        Approach(name="TODO: approach A", pros=["TODO"], cons=["TODO"]),
        Approach(name="TODO: approach B", pros=["TODO"], cons=["TODO"]),
    ],
    decision="TODO: the approach you choose",
    justification="TODO: why, with numbers",
)

design = Design(
    name="{name}",
    title="Design {title}",
    description="TODO: one sentence on what the system does.",
    requirements=requirements,
    entities=[item],
    apis=apis,
    components=components,
    flows=[create_item],
    bottlenecks=bottlenecks,
    deep_dives=[deep_dive],
)
'''


def yaml_skeleton(name: str) -> str:
    """A minimal valid YAML design; its first line points editors at `_sketch.schema.json`."""
    check_name(name)
    return _YAML_TEMPLATE.format(
        modeline=MODELINE,
        schema_file=SCHEMA_FILE,
        name=name,
        quoted_name=json.dumps(name),
        quoted_title=json.dumps("Design " + title_of(name)),
    )


_YAML_TEMPLATE = """{modeline}
# A system design sketch as data. Write the schema beside this file for completion in editors:
#   sketch schema -o {schema_file}
# Then: sketch check {name}.yaml
name: {quoted_name}
title: {quoted_title}
description: 'TODO: what the system does, in one sentence'

# Step 1: requirements
requirements:
  in_scope:
    - key: main
      text: 'TODO: the main thing users do'
  out_of_scope: ['TODO: a feature you deliberately leave out']

# Step 2: core entities (3-5) and APIs (5-8)
entities:
  - name: User
    fields:
      - name: user_id
        type: BIGINT
        primary_key: true
apis:
  - method: GET
    path: /api/v1/users/{{user_id}}
    purpose: 'TODO: get a user'
    response: [user_id]
    serves: [main]

# Step 3: the first design
components:
  - name: client
    kind: client
  - name: app
    kind: service
  - name: db
    kind: database
flows:
  - name: Get a user
    steps:
      - from: client
        to: app
        action: GET /api/v1/users/{{user_id}}
        api: GET /api/v1/users/{{user_id}}
      - from: app
        to: db
        action: SELECT the user

# Step 4: what breaks first, and the deep dives
bottlenecks: []
deep_dives: []
"""
