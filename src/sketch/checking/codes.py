"""The catalogue of `sketch check` codes: each with a name and documentation, as lint rules have.

`sketch rule C301` prints an entry and `docs/rules/README.md` lists them all. Codes never
change meaning (users' scripts and suppressions rely on them). Unlike lint rules, check
problems cannot be selected, ignored or suppressed: a design that breaks them is not whole.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CheckCode:
    """One `sketch check` code and its documentation (the sections lint rules have)."""

    code: str
    name: str
    summary: str
    what: str
    why: str
    bad: str
    fix: str

    def sections(self) -> dict[str, str]:
        return {
            "What it checks": self.what,
            "Why it matters": self.why,
            "Bad": self.bad,
            "Fix": self.fix,
        }


_ENTITY_LIMITS = (
    "The guide asks for 3-5 core entities: fewer leave the data model unexplained, more "
    "spend the interview's 7-15 minute slot on a schema nobody will discuss. The limits are "
    "`[tool.sketch.limits]` min_entities/max_entities or `Design(limits=Limits(...))`."
)
_API_LIMITS = (
    "The guide asks for 5-8 APIs: enough to show the system's contract, few enough to design "
    "each properly. The limits are `[tool.sketch.limits]` min_apis/max_apis or "
    "`Design(limits=Limits(...))`."
)
_NAMES = (
    "Names are how the rest of the design refers to a thing: a flow step names a component, "
    "a foreign key names an entity's field. A name written twice makes every reference to "
    "it ambiguous."
)
_REFERENCE = (
    "A reference that points nowhere makes the design say something it does not: a flow "
    "through a component that does not exist cannot be drawn or reasoned about, so lint "
    "rules do not run and render refuses the design until it is fixed."
)

CHECK_CODES: tuple[CheckCode, ...] = (
    CheckCode(
        "C101",
        "too-few-entities",
        "Fewer core entities than the framework asks for.",
        "The number of `entities` against the minimum (3 by default).",
        _ENTITY_LIMITS,
        'Design(name="shop", entities=[Entity(name="Order", ...)])',
        'Design(name="shop", entities=[user, item, order])',
    ),
    CheckCode(
        "C102",
        "too-many-entities",
        "More core entities than the framework asks for.",
        "The number of `entities` against the maximum (5 by default).",
        _ENTITY_LIMITS,
        "Design(..., entities=[user, item, order, cart, coupon, review, address])",
        "Design(..., entities=[user, item, order, cart, review])  # the rest in prose",
    ),
    CheckCode(
        "C103",
        "too-few-apis",
        "Fewer APIs than the framework asks for.",
        "The number of `apis` against the minimum (5 by default).",
        _API_LIMITS,
        'Design(..., apis=[Api(method="POST", path="/api/v1/orders", purpose="Place")])',
        "Design(..., apis=[place_order, get_order, list_items, get_user, cancel_order])",
    ),
    CheckCode(
        "C104",
        "too-many-apis",
        "More APIs than the framework asks for.",
        "The number of `apis` against the maximum (8 by default).",
        _API_LIMITS,
        "Design(..., apis=[...nine or more...])",
        "Design(..., apis=[...the eight that matter most...])",
    ),
    CheckCode(
        "C201",
        "duplicate-name",
        "Two entities, components, APIs, flows, feature keys or fields share a name.",
        "Names within each kind (and field names within an entity) are unique.",
        _NAMES,
        'components=[Component(name="db", kind="database"), Component(name="db", kind="cache")]',
        'components=[Component(name="db", kind="database"), Component(name="cache", kind="cache")]',
    ),
    CheckCode(
        "C301",
        "unknown-component",
        "A flow step, link, bottleneck, deep dive or entity names a component not declared.",
        "Every component name used in `flows`, `links`, `bottlenecks`, `deep_dives` and "
        "`Entity.stored_in` is in `components`; the message names the closest one.",
        _REFERENCE,
        'Step(from_="client", to="api-gw", action="post")  # components: client, gateway',
        'Step(from_="client", to="gateway", action="post")',
    ),
    CheckCode(
        "C302",
        "unknown-reference",
        "A foreign key does not name an existing `Entity.field`.",
        "`Field(references=...)` is written `Entity.field` and both exist.",
        _REFERENCE,
        'Field(name="user_id", type="BIGINT", references="Users.id")',
        'Field(name="user_id", type="BIGINT", references="User.user_id")',
    ),
    CheckCode(
        "C303",
        "unknown-api",
        "A flow step calls an API that is not declared.",
        "`Step(api=...)` is written `METHOD /path` exactly as one of `apis`.",
        _REFERENCE,
        'Step(..., api="POST /tweets")  # declared: POST /api/v1/tweets',
        'Step(..., api="POST /api/v1/tweets")',
    ),
    CheckCode(
        "C304",
        "unknown-feature",
        "An API serves a feature key that no in-scope feature has.",
        "Every key in `Api(serves=...)` is the `key` of a `Feature` in `requirements.in_scope`.",
        _REFERENCE,
        'Api(..., serves=["post"])  # in scope: Feature(key="tweet", ...)',
        'Api(..., serves=["tweet"])',
    ),
    CheckCode(
        "C305",
        "unknown-field",
        "A primary key or index names a field the entity does not have.",
        "`Entity.primary_key` and `Index(fields=...)` name fields of the same entity.",
        _REFERENCE,
        'Entity(name="Follow", primary_key=["follower", "followee"], fields=[...follower_id...])',
        'Entity(name="Follow", primary_key=["follower_id", "followee_id"], fields=[...])',
    ),
    CheckCode(
        "C306",
        "bad-replica",
        "`replica_of` names a component that is not a database.",
        "A read replica (`Component(replica_of=...)`) replicates a component of kind database.",
        "Read replicas serve reads a primary database would otherwise take; replicating a cache "
        "or a service is not what the design means, and load on the primary is judged wrong.",
        'Component(name="cache-replica", kind="database", replica_of="cache")',
        'Component(name="db-replica", kind="database", replica_of="db")',
    ),
    CheckCode(
        "C307",
        "unknown-flow",
        "A latency target governs a flow that is not declared.",
        "Every name in `LatencyTarget(flows=...)` is the `name` of a `Flow`; the message names "
        "the closest one.",
        _REFERENCE + " A target tied to no flow is never compared with a flow's latency.",
        'LatencyTarget(flows=["Get timelin"], ms=200, percentile="p99")',
        'LatencyTarget(flows=["Get timeline"], ms=200, percentile="p99")',
    ),
    CheckCode(
        "C308",
        "lone-parallel-step",
        "A named parallel group has one member.",
        "Steps of a flow that share a `parallel` group name: each group has two or more.",
        "A parallel group costs its slowest member; a group of one is a single call, and the "
        "name usually means a sibling step lost its `parallel=`.",
        'Step(from_="app", to="search", action="search", parallel="fetch")  # alone',
        'Step(..., parallel="fetch"), Step(from_="app", to="ads", action="ads", parallel="fetch")',
    ),
    CheckCode(
        "C309",
        "foreign-approach",
        "A deep dive's decision names an approach of another deep dive.",
        "`DeepDive.decision` names none of its own approaches but one of another dive's.",
        "A decision chooses among the dive's own approaches; naming another dive's approach "
        "is a copy-paste mix-up that makes both dives say the wrong thing.",
        'DeepDive(topic="Sharding", approaches=[by_user, by_tweet], decision="Hybrid")',
        'DeepDive(topic="Sharding", approaches=[by_user, by_tweet], decision="Shard by user_id")',
    ),
    CheckCode(
        "C401",
        "unknown-workload",
        "A flow or a workload's `ratio_of` names a workload that is not declared.",
        "`Flow(workload=...)` and `Workload(ratio_of=...)` name a workload of "
        "`Scale(workloads=...)`.",
        "A flow's workload is the traffic it carries to every component on its way: a name "
        "that points nowhere leaves the flow's load unestimated, so capacity is judged wrong.",
        'Flow(name="Read", workload="timelnie", steps=[...])',
        'Flow(name="Read", workload="timeline", steps=[...])',
    ),
    CheckCode(
        "C402",
        "workload-rate-disagrees",
        "A workload's stated rates contradict each other, or cannot be computed.",
        "A total (per second, day, week, month) and a per-user rate of one workload agree "
        "within 5% under the 30-day or the 2.5M-second month; a per-user rate has the user "
        "count it multiplies; a workload is not a ratio of itself.",
        "Two figures for one rate that disagree show the arithmetic was not done, and every "
        "sizing decision built on them inherits the error. The guide: 'Write it down on the "
        "whiteboard!'",
        'Workload(name="post", per_day=400_000_000, per_user_per_day=5)  # with 200M DAU',
        'Workload(name="post", per_day=400_000_000, per_user_per_day=2)',
    ),
    CheckCode(
        "C403",
        "fanout-without-write",
        "A step fans out (`fanout=True`) with no write whose deliveries it could multiply.",
        "`Step(fanout=True)` takes the deliveries per write from the flow's workload, which "
        "must be a write with `fanout=` set.",
        "Fanout is what a write costs downstream: 400M tweets/day x 200 followers is ~926K "
        "timeline writes/s. Without the write and its multiplier, the dominant load of the "
        "design is invisible.",
        'Flow(name="Fanout", steps=[Step(..., fanout=True)])  # no workload',
        'Workload(name="post tweet", kind="write", per_day=4e8, fanout=200); '
        'Flow(name="Fanout", workload="post tweet", steps=[Step(..., fanout=True)])',
    ),
)


def check_code(code_or_name: str) -> CheckCode | None:
    """The entry for a code (`C301`, any case) or name (`unknown-component`)."""
    wanted = code_or_name.strip()
    return next(
        (c for c in CHECK_CODES if c.code == wanted.upper() or c.name == wanted.lower()), None
    )
