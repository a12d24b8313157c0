"""Step 3, the simple first design (D3xx): bottlenecks, redundancy, flows and capacity."""

from __future__ import annotations

import re
from collections.abc import Iterator

from sketch.errors import plural
from sketch.estimating.availability import copies_of
from sketch.estimating.uptime import managed, uptime_of
from sketch.estimating.words import words_of
from sketch.linting.context import Context
from sketch.linting.registry import FrameworkStep, Hit, rule
from sketch.linting.rules.load import overloads
from sketch.model import DATA_STORE_KINDS, STATEFUL_KINDS, Kind, Step

STEP = FrameworkStep.high_level

#: Fanout on write in the words reviewers use: "fan-out on write", "push model", "write to
#: every follower's feed", "precomputed timelines", "deliver to each follower's inbox".
_FANOUT_ON_WRITE = re.compile(
    r"fan-?\s?out[- ]on[- ]write|fan-?\s?out \(push|push model|push-based|"
    r"write[- ]time fan-?\s?out|"
    r"(pre-?comput\w*|materiali[sz]\w*) (home )?(timelines?|feeds?|inbox\w*)|"
    r"(write|append|push|insert|deliver|copy|copie)\w*(\s+\S+){0,3}\s+(in)?to\s+(every|each|all)"
    r"(\s+of)?(\s+the|\s+their|\s+its)?\s+(followers?|subscribers?|members?|friends?)"
)
#: Hot-key, skew or burst handling in reviewers' words: celebrities and hot keys, but also hot
#: hosts, prefixes or folders, giant tenants, skew, pacing and rate limits, coalescing, and
#: recipients pulling at read time.
_HOT_KEY_HANDLING = re.compile(
    r"celebrit|hot[- ](\w+[- ])?(keys?|shards?|partitions?|spots?|users?|accounts?|hosts?|"
    r"prefix(es)?|folders?|namespaces?|tenants?|rows?|items?|channels?|groups?|topics?|"
    r"documents?|files?|objects?|segments?)\b|hotspot|heavy[- ]hitter|"
    r"hybrid|fan-?\s?out[- ]on[- ]read|pull for|pull model|pull-based|pull (their|the) "
    r"(posts|tweets)|pull\w* (at|on) read|"
    r"(clients?|devices?|readers?|followers?|subscribers?|users?|recipients?) (then )?pulls?\b|"
    r"(popular|famous|large|big|giant|huge|busy|high[- ]follower|mega)[- ](\w+[- ])?"
    r"(users?|accounts?|authors?|creators?|senders?|hosts?|tenants?|customers?|folders?|"
    r"groups?|channels?|namespaces?)\b|"
    r"influencer|viral|key (splitting|salting)|salted keys?|split (the )?hot|"
    r"(many|millions of|10m|100m) followers? (are|is)? ?(pulled|read at read time)|skew|"
    r"\bpac(e|es|ed|ing)\b|throttl|rate[- ]limit|token bucket|coalesc|debounc"
)
#: A fanout step delivers to each recipient when its action or its target says so: a
#: follower's or member's key, a feed, timeline or inbox, "per user", "each device".
_RECIPIENTS = re.compile(
    r"\b(followers?|subscribers?|recipients?|audience|(feeds?|timelines?|inbox(es)?|"
    r"mailbox(es)?)\b|((each|every|per|all)( \w+)? (users?|members?|friends?|devices?|"
    r"contacts?|participants?|watchers?|fans?|customers?|accounts?))\b|"
    r"(users|members|friends|devices|contacts|participants|watchers|fans)\b)"
)


def _delivers_to_recipients(ctx: Context, step: Step) -> bool:
    """A fanout on write: a step with `fanout` whose action or target names recipients (not
    a bloom filter's multi-add, a replicated write or one transcode per rendition)."""
    if step.fanout is None or step.fanout is False:
        return False
    if step.fanout is not True and step.fanout <= 1:
        return False
    target = ctx.design.component(step.to)
    said = [step.action, step.to] + ([target.label] if target and target.label else [])
    return bool(_RECIPIENTS.search(words_of(" ".join(said))))


@rule(
    "D301",
    "no-bottlenecks",
    "error",
    STEP,
    fix="name what breaks first: `bottlenecks=[Bottleneck(title=..., problem=..., solution=...)]`",
)
def no_bottlenecks(ctx: Context) -> Iterator[Hit]:
    """The design identifies no bottlenecks.

    What it checks:
        `Design.bottlenecks` is empty.
    Why it matters:
        Mistake 5 of the guide, "Glossing Over Bottlenecks": "And this is the design!
        [Doesn't mention problems] ... Interviewer wants to see you identify issues!" The
        checklist asks "Identified bottlenecks?": they set up the deep dives.
    Bad:
        Design(name="shop", components=[...], flows=[...])
    Fix:
        Design(name="shop", components=[...], flows=[...], bottlenecks=[
            Bottleneck(title="Database is a single point of failure", components=["db"],
                       problem="One primary serves every read and write",
                       solution="Add a standby replica with automatic failover")])
    Known false positives:
        None known: every design has a weakest point; naming it is the exercise.
    """
    if not ctx.design.bottlenecks:
        yield Hit("bottlenecks", "no bottlenecks identified")


@rule(
    "D302",
    "bottleneck-without-solution",
    "warning",
    STEP,
    fix="say how you would address it: `Bottleneck(..., solution=...)`",
)
def bottleneck_without_solution(ctx: Context) -> Iterator[Hit]:
    """A bottleneck is named but not addressed.

    What it checks:
        A `Bottleneck` without `solution`.
    Why it matters:
        The guide pairs every bottleneck with its fix ("Timeline Query ... Solution:
        Pre-compute timelines"); naming a problem without a way out leaves the design broken.
    Bad:
        Bottleneck(title="Timeline query", problem="The join is slow")
    Fix:
        Bottleneck(title="Timeline query", problem="The join is slow",
                   solution="Pre-compute timelines (fanout on write)")
    Known false positives:
        A bottleneck accepted on purpose ("one region only: acceptable for v1"): write
        that as its solution.
    """
    for i, b in enumerate(ctx.design.bottlenecks):
        if not b.solution:
            yield Hit(f"bottlenecks[{i}]", f"bottleneck '{b.title}' has no solution")


@rule(
    "D303",
    "single-point-of-failure",
    "error",
    STEP,
    fix="run two or more instances, or add a replica (`instances=2` or `replicas=1`)",
)
def single_point_of_failure(ctx: Context) -> Iterator[Hit]:
    """A component a request needs runs as one instance, with nothing to take over.

    What it checks:
        Every component on a request path (a flow started by a client or calling an API,
        up to its asynchronous steps and queues; callers aside) that runs one instance with
        no replica and no read replica, whether it holds data or not: one app server is as
        fatal as one database. Not a single point of failure: several instances, a managed
        service redundant by construction (object store, CDN, DNS, push service, or a
        technology such as S3, SQS or DynamoDB; `managed=True` says so for others), and work
        off the request path (a worker behind a queue, a batch job). It holds whatever the
        availability target, unless a target is given that one instance already meets.
    Why it matters:
        The guide's question before the deep dive: "What's the single point of failure?",
        and its answer "Database is single point of failure ... Add read replicas". One
        machine failing takes every request through it down; one instance is up about 99.5%
        of the time (AWS's instance-level SLA), under 99.9% and far under 99.99%.
    Bad:
        Component(name="app", kind="service")  # one app server on the request path
    Fix:
        Component(name="app", kind="service", instances=3)
    Known false positives:
        A component the author knows to be redundant but declared with one instance and no
        technology that says so (a managed Postgres such as Cloud SQL HA): say
        `managed=True`, or `instances=`/`replicas=` as it runs. Hand-off steps not marked
        `asynchronous=True` put their target on the request path.
    """
    target = ctx.design.requirements.availability
    for name, flows in sorted(ctx.on_request_path.items()):
        component = ctx.design.component(name)
        if component is None or managed(component):
            continue
        if copies_of(ctx.design, component) > 1 or component.replica_of is not None:
            continue
        one = uptime_of(component)
        if target is not None and one.percent >= target:
            continue  # one instance already meets what the design asks for
        i = ctx.design.components.index(component)
        names = ", ".join(f"'{ctx.design.flows[f].name}'" for f in flows)
        goal = f"; the target is {target:g}%" if target is not None else ""
        yield Hit(
            f"components[{i}]",
            f"{component.kind.value} '{name}' is a single point of failure: one instance "
            f"(~{one.percent:g}% up) on the request path of {names}{goal}",
        )


@rule(
    "D304",
    "read-heavy-without-cache",
    "warning",
    STEP,
    fix="put a cache (kind cache, e.g. Redis) in front of the database on the read path",
    thresholds=("read_heavy_ratio",),
)
def read_heavy_without_cache(ctx: Context) -> Iterator[Hit]:
    """A read-heavy load reaches the database with no cache in front of it.

    What it checks:
        Reads per write at or above `read_heavy_ratio` (10:1), a database, and no component
        of kind cache; silent when a load rule (D320-D323) already reports the database's
        requests over capacity, as its finding says the same with the numbers.
    Why it matters:
        The guide's first design already has "Cache (Redis)" beside the database: with 100
        reads per write, a cache hit in "~10ms" instead of a "~150ms" query is the cheapest
        capacity there is.
    Bad:
        Scale(dau=1_000_000, read_write_ratio=100) with components client, lb, app, db
    Fix:
        Component(name="cache", kind="cache", technology="Redis", instances=2)
    Known false positives:
        A read-heavy load served by a store that is its own cache (an in-memory
        database, a CDN in front of static files): suppress with that reason.
    """
    ratio = ctx.read_write_ratio
    if ratio is None or ratio < ctx.thresholds.read_heavy_ratio:
        return
    if not ctx.of_kind(Kind.database) or ctx.of_kind(Kind.cache):
        return
    if any(o.load.kind == Kind.database and o.dimension.name == "requests" for o in overloads(ctx)):
        return  # a load rule reports the database with its numbers, and its help names a cache
    yield Hit("components", f"read-heavy load ({ratio:g}:1) with no cache")


@rule(
    "D305",
    "too-few-flows",
    "warning",
    STEP,
    fix="walk through the 2-3 critical requests as `Flow(name=..., steps=[...])`",
    thresholds=("min_flows",),
)
def too_few_flows(ctx: Context) -> Iterator[Hit]:
    """Fewer request flows than the guide asks for.

    What it checks:
        Fewer flows than `min_flows` (2).
    Why it matters:
        "Pick 2-3 critical flows and walk through them": a flow "tests if you can articulate
        request flow" and shows how each component is used.
    Bad:
        Design(..., flows=[post_tweet])
    Fix:
        Design(..., flows=[post_tweet, get_timeline])
    Known false positives:
        A single-purpose design with one request (a URL redirect service's redirect,
        plus the create): walk both anyway; the guide asks for 2-3.
    """
    count, wanted = len(ctx.design.flows), ctx.thresholds.min_flows
    if count < wanted:
        yield Hit("flows", f"{plural(count, 'flow')}; walk through at least {wanted}")


@rule(
    "D306",
    "flow-without-data-store",
    "warning",
    STEP,
    fix="show where the request reads or writes its data (database, cache, object store)",
)
def flow_without_data_store(ctx: Context) -> Iterator[Hit]:
    """A request flow never reaches a data store.

    What it checks:
        A flow none of whose steps touches a database, read replica, cache, object store
        or search index.
    Why it matters:
        The guide's flows end in the data ("Insert into Database", "App Server checks Cache"):
        a flow that stops at the service hides the step that decides latency and load.
    Bad:
        Flow(name="Post", steps=[Step(from_="client", to="app", action="POST /api/v1/posts")])
    Fix:
        Flow(name="Post", steps=[Step(from_="client", to="app", action="POST /api/v1/posts"),
                                 Step(from_="app", to="db", action="INSERT INTO posts")])
    Known false positives:
        A flow that ends at an external service holding the data (a payment provider):
        suppress with that reason.
    """
    stores = {c.name for _, c in ctx.of_kind(*DATA_STORE_KINDS)}
    for i, flow in enumerate(ctx.design.flows):
        if not any(s.to in stores or s.from_ in stores for s in flow.steps):
            yield Hit(f"flows[{i}]", f"flow '{flow.name}' never reaches a data store")


@rule(
    "D307",
    "unused-component",
    "warning",
    STEP,
    fix="walk a flow through it, draw a `Link` that says what it does, or remove it",
)
def unused_component(ctx: Context) -> Iterator[Hit]:
    """A component that no flow or link uses.

    What it checks:
        A component that appears in no flow step and no `Link`.
    Why it matters:
        The checklist asks "Explained what each component does?": a box nothing talks to is
        either unexplained or unnecessary.
    Bad:
        Component(name="search", kind="search_index")  # no flow or link mentions it
    Fix:
        Link(from_="app", to="search", label="index new posts")
    Known false positives:
        A component drawn for completeness (monitoring, DNS) that no flow needs: a
        `Link` saying what it does keeps it explained.
    """
    used = {name for edge in ctx.design.edges() for name in edge}
    for i, c in enumerate(ctx.design.components):
        if c.name not in used:
            yield Hit(f"components[{i}]", f"component '{c.name}' is used by no flow or link")


@rule(
    "D309",
    "over-engineering",
    "warning",
    STEP,
    fix="start with one database and a cache; say when you would add the rest",
    thresholds=(
        "low_scale_peak_qps",
        "max_services_at_low_scale",
    ),
)
def over_engineering(ctx: Context) -> Iterator[Hit]:
    """Queues or many services at a load one server handles.

    What it checks:
        The design's peak load (reads + writes per second) under `low_scale_peak_qps` (1K)
        while it has a queue or stream that carries under that figure along the flows (its
        own load, at the peak, as `sketch estimate` routes it: a queue fed 10 messages per
        request carries 10x the design's peak), or, for a queue no flow reaches, the design's
        peak; or more services than `max_services_at_low_scale` (3) at that peak. Too many
        nodes or shards for the load is D324 (over-provisioned), with the numbers.
    Why it matters:
        Mistake 4, "Treating Everything as Netflix Scale": "We'll shard the database across
        1000 nodes and use Kafka... Problem: Maybe 1 server is enough for the requirements!"
    Bad:
        Scale(writes_per_second=5, reads_per_second=50) with `Component(kind="queue")`
    Fix:
        "With 10K DAU, we can start with a single PostgreSQL instance and a Redis cache."
    Known false positives:
        A queue kept at low scale for a reason other than load (retries, decoupling a
        slow third party, the durable frontier of a batch pipeline): suppress with that
        reason.
    """
    peak = ctx.load.peak_total
    threshold = ctx.thresholds.low_scale_peak_qps
    if peak is None or peak >= threshold:
        return
    for i, c in enumerate(ctx.design.components):
        if c.kind not in (Kind.queue, Kind.stream):
            continue
        carried = ctx.load_model.component(c.name)
        if carried is None or not carried.contributions:
            said = f"at {peak:,.0f} peak requests/s (the design's: no flow carries load through it)"
        else:
            own = carried.peak_requests
            basis = "at peak" if own is not None else "on average (no peak factor)"
            own = carried.requests if own is None else own
            if own >= threshold:
                continue  # the queue carries more than the design's entry point
            said = f"carries {own:,.0f} requests/s {basis} along the flows"
        yield Hit(f"components[{i}]", f"{c.kind.value} '{c.name}' {said}")
    services = ctx.of_kind(Kind.service)
    if len(services) > ctx.thresholds.max_services_at_low_scale:
        yield Hit(
            "components",
            f"{len(services)} services at {peak:,.0f} peak requests/s",
            help="start with one service (a monolith); split when a bottleneck demands it",
        )


@rule(
    "D310",
    "fanout-without-hot-key-handling",
    "warning",
    STEP,
    fix="say how one write to a huge audience is absorbed: pace or rate-limit the fan-out, "
    "coalesce per key, spread the hot keys, or let the biggest senders' items be pulled at read "
    "time (hybrid fanout)",
)
def fanout_without_hot_key_handling(ctx: Context) -> Iterator[Hit]:
    """Fanout on write to every recipient, with no plan for the write that reaches millions.

    What it checks:
        The design fans out on write to per-recipient keys (a step with `fanout=` whose
        action or target names recipients: followers, subscribers, members, "per user",
        "each device", a feed, timeline or inbox; or words such as "fanout on write", "push
        model", "precomputed timelines", "write to every follower's feed") and nowhere
        handles hot keys or bursts: celebrities, hot keys/shards/partitions/hosts/prefixes/
        folders, heavy hitters, popular or giant accounts, hosts or tenants, influencers,
        skew, key salting, a hybrid approach, fanout on read or recipients pulling at read
        time, pacing, throttling or rate limits, coalescing. A `fanout` that is a multiplier
        on something other than recipients (a bloom filter's multi-add of 50 links, a write
        to 3 replicas, one transcode per rendition) is not fanout on write. Not caught: a
        `fanout` step whose recipients are only a bare key (`LPUSH k:{id}`: name them in the
        action), and handling words used elsewhere in the design (a rate limiter on
        another path counts as pacing).
    Why it matters:
        "Celebrity tweets fanout: a user with 10M followers causes 10M writes. Solution:
        Hybrid approach (fanout for normal users, pull for celebrities)." The same holds for
        any one write delivered to a huge audience: a campaign to 10M users, a change to a
        folder shared with 150K devices. The average fanout sizes the fleet; the largest one
        decides whether a burst or a hot key takes it down.
    Bad:
        Step(from_="fanout", to="cache", action="LPUSH timeline:{follower_id}", fanout=True)
        # and no bottleneck or deep dive on the largest audiences
    Fix:
        Bottleneck(title="Celebrity fanout", problem="10M followers cause 10M writes",
                   solution="Hybrid: push for normal users, pull for celebrities")
        # a campaign: Bottleneck(..., solution="Paced fan-out: 10K messages a second")
    Known false positives:
        Fanout to a bounded group (a chat room capped at 100 members) has no hot-key
        problem: suppress with the bound as reason. A fanout step whose action names users
        without delivering to each of them ("write the 3 replicas of each user's row"):
        suppress with that reason.
    """
    texts = ctx.texts
    if any(_HOT_KEY_HANDLING.search(text) for _, text in texts):
        return
    structural = next(
        (
            f"flows[{i}].steps[{j}]"
            for i, flow in enumerate(ctx.design.flows)
            for j, step in enumerate(flow.steps)
            if _delivers_to_recipients(ctx, step)
        ),
        None,
    )
    path = structural or next((p for p, text in texts if _FANOUT_ON_WRITE.search(text)), None)
    if path is not None:
        yield Hit(path, "fanout on write to every recipient with no hot-key or burst handling")


@rule(
    "D311",
    "data-store-without-technology",
    "info",
    STEP,
    fix="name it: `Component(..., technology='PostgreSQL')` (or Redis, Kafka, S3...)",
)
def data_store_without_technology(ctx: Context) -> Iterator[Hit]:
    """A stateful component does not say what technology it is.

    What it checks:
        A database, cache, queue, stream, object store or search index without `technology`.
    Why it matters:
        "Think out loud": "We have structured user data with relationships, so relational
        makes sense ... let's keep it simple and use PostgreSQL." The choice carries the
        trade-offs (and tells the load rules, D320-D330, what one node of it takes).
    Bad:
        Component(name="db", kind="database")
    Fix:
        Component(name="db", kind="database", technology="PostgreSQL")
    Known false positives:
        A managed store whose technology is its kind ("the cloud's object store"): name
        the service anyway (S3, GCS).
    """
    for i, c in ctx.of_kind(*STATEFUL_KINDS):
        if not c.technology:
            yield Hit(f"components[{i}]", f"{c.kind.value} '{c.name}' names no technology")
