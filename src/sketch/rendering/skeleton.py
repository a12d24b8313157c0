"""`sketch new NAME`: a design file (Python, or YAML with `--yaml`) laid out as the framework's
four steps, ready to fill in.

The scaffold loads, checks, renders and lints as it is: its only lint findings are its
placeholders (`TODO`, rule H102), each with the line to edit. It has the framework's
minimum (3 entities, 5 APIs, 2 flows, 2 deep dives) and no single point of failure.
"""

from __future__ import annotations

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

Fill in each step, top to bottom, replacing every `TODO`. Then run

    sketch lint {path}

which lists every `TODO` still left (H102) and what a demanding interviewer would ask, each
with the line to fix. `sketch render {path}` (or `sketch watch {path} --serve`)
draws it at any time, with a "draft" banner while `sketch check` still finds problems.
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
    # TODO: your own numbers; `sketch estimate` turns them into QPS, storage, bandwidth.
    scale=Scale(
        dau=1_000_000,  # daily active users
        write_name="item",  # what one write is
        writes_per_user_per_day=1,
        read_write_ratio=5,  # reads per write
        peak_factor=3,
        item_sizes=[ItemSize(name="TODO: what one item stores", bytes=500)],
        retention_years=5,
    ),
    latency=[
        LatencyTarget(operation="TODO: the read users wait for", flows=["Read an item"], ms=200,
                      percentile="p99")
    ],
    consistency=[Consistency(level="eventual", applies_to="TODO: which data")],
    availability=99.9,
)

# Step 2: core entities (3-5) and APIs (5-8) -------------------------------------------------

user = Entity(
    name="User",
    table="users",
    stored_in="db",
    fields=[
        Field(name="user_id", type="BIGINT", primary_key=True),
        Field(name="name", type="TEXT", note="TODO: what you keep about a user"),
    ],
)
item = Entity(
    name="Item",  # TODO: a main noun of your system
    table="items",
    stored_in="db",
    fields=[
        Field(name="item_id", type="BIGINT", primary_key=True),
        Field(name="owner_id", type="BIGINT", references="User.user_id", indexed=True),
        Field(name="created_at", type="TIMESTAMP"),
    ],
)
event = Entity(
    name="Event",  # TODO: a third noun, or rename this one
    table="events",
    stored_in="db",
    fields=[
        Field(name="event_id", type="BIGINT", primary_key=True),
        Field(name="item_id", type="BIGINT", references="Item.item_id", indexed=True),
        Field(name="happened_at", type="TIMESTAMP"),
    ],
)
# Up to two more entities fit the framework's 3-5.

apis = [
    Api(method="POST", path="/api/v1/items", purpose="TODO: create an item",
        request=["owner_id"], response=["item_id"], auth=True, serves=["create"]),
    Api(method="GET", path="/api/v1/items/{{item_id}}", purpose="TODO: read an item",
        response=["item_id", "created_at"], serves=["read"]),
    Api(method="DELETE", path="/api/v1/items/{{item_id}}", purpose="TODO: delete an item",
        auth=True),
    Api(method="POST", path="/api/v1/users", purpose="TODO: sign up", request=["name"],
        response=["user_id"], auth=True),
    Api(method="GET", path="/api/v1/users/{{user_id}}", purpose="TODO: read a profile",
        response=["user_id", "name"]),
    # Up to three more endpoints fit the framework's 5-8.
]

# Step 3: the simple first design ------------------------------------------------------------

components = [
    Component(name="client", kind="client", label="Client", tier="Clients"),
    Component(name="lb", kind="load_balancer", label="Load Balancer", instances=2, tier="Edge"),
    Component(name="app", kind="service", label="App Servers", instances=2, tier="Service"),
    Component(name="db", kind="database", label="Database", technology="TODO: e.g. PostgreSQL",
              replicas=1, tier="Data"),
    # TODO: a cache, a queue, a CDN ... when a flow or a bottleneck needs one.
]

create_item = Flow(
    name="Create an item",
    description="TODO: what this flow does, hop by hop",
    steps=[
        Step(from_="client", to="lb", action="POST /api/v1/items", api="POST /api/v1/items"),
        Step(from_="lb", to="app", action="route to an app server"),
        Step(from_="app", to="db", action="INSERT INTO items"),
        Step(from_="app", to="client", action="return item_id"),
    ],
)
read_item = Flow(
    name="Read an item",
    description="TODO: the read users wait for, hop by hop",
    steps=[
        Step(from_="client", to="lb", action="GET /api/v1/items/{{item_id}}",
             api="GET /api/v1/items/{{item_id}}"),
        Step(from_="lb", to="app", action="route to an app server"),
        Step(from_="app", to="db", action="SELECT the item"),
        Step(from_="app", to="client", action="return the item"),
    ],
)
# Walk through the 2-3 critical flows, one Step per hop.

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

storage = DeepDive(
    topic="TODO: a critical piece, e.g. the sharding strategy",
    problem="TODO: the problem it solves, with its number (e.g. 5 TB a year)",
    components=["db"],
    approaches=[
        Approach(name="TODO: approach A", pros=["TODO"], cons=["TODO"]),
        Approach(name="TODO: approach B", pros=["TODO"], cons=["TODO"]),
    ],
    decision="TODO: approach A",  # the name of the approach you choose
    justification="TODO: why, with numbers",
)
reads = DeepDive(
    topic="TODO: a second critical piece, e.g. caching the reads",
    problem="TODO: the problem it solves, with its number (e.g. 200 reads/s at peak)",
    components=["app"],
    approaches=[
        Approach(name="TODO: approach A", pros=["TODO"], cons=["TODO"]),
        Approach(name="TODO: approach B", pros=["TODO"], cons=["TODO"]),
    ],
    decision="TODO: approach A",  # the name of the approach you choose
    justification="TODO: why, with numbers",
)

design = Design(
    name="{name}",
    title="Design {title}",
    description="TODO: one sentence on what the system does.",
    requirements=requirements,
    entities=[user, item, event],
    apis=apis,
    components=components,
    flows=[create_item, read_item],
    bottlenecks=bottlenecks,
    deep_dives=[storage, reads],
)
'''


def yaml_skeleton(name: str) -> str:
    """The Python skeleton's design as YAML: the same placeholders, so it checks, renders
    and lints alike; its first line points editors at `_sketch.schema.json`."""
    from sketch.rendering.data_file import design_data, dump_yaml

    check_name(name)
    namespace: dict[str, object] = {}
    exec(compile(scaffold(name, Path(f"{name}.py")), f"<sketch new {name}>", "exec"), namespace)
    body = dump_yaml(design_data(namespace["design"]))  # type: ignore[arg-type]
    lines = []
    for line in body.splitlines():
        comment = _YAML_STEPS.get(line.split(":", 1)[0]) if not line.startswith(" ") else None
        if comment:
            lines += ["", comment]
        lines.append(line)
    header = _YAML_HEADER.format(modeline=MODELINE, schema_file=SCHEMA_FILE, name=name)
    return header + "\n".join(lines).lstrip("\n") + "\n"


_YAML_HEADER = """{modeline}
# A system design sketch as data, in the framework's four steps. Replace every TODO.
# Write the schema beside this file for completion in editors:
#   sketch schema -o {schema_file}
# Then: sketch lint {name}.yaml (it lists the TODOs left), sketch render {name}.yaml
"""
_YAML_STEPS = {
    "requirements": "# Step 1: clarify requirements: scope, scale, latency, consistency",
    "entities": "# Step 2: core entities (3-5) and APIs (5-8)",
    "components": "# Step 3: the simple first design: components and request flows",
    "bottlenecks": "# What breaks first at 10x traffic?",
    "deep_dives": "# Step 4: deep dives (2-3 critical pieces)",
}
