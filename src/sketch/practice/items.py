"""The items of the guide's Final Interview Checklist, one judge per item.

Each judge looks at the design, its active lint findings and its estimate, and says whether
the item is ticked, why (the evidence, or what is missing), how to fix it and where. Items a
design file cannot show are registered as not judged, with the reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from sketch.errors import Problem
from sketch.estimating import Estimates, Figure, FigureName
from sketch.estimating.spoken import count
from sketch.model import DATA_STORE_KINDS, Design, Kind, Limits


@dataclass(frozen=True)
class Facts:
    """What the items look at: the design, its active lint findings, its estimate."""

    design: Design
    findings: Sequence[Problem]
    estimates: Estimates
    limits: Limits

    def hits(self, *codes: str) -> list[Problem]:
        return [f for f in self.findings if f.code in codes and f.suppressed is None]


_Verdict = tuple[bool, str, str | None, str]  # ticked, why, fix, path
_Judge = Callable[[Facts], _Verdict]
ITEMS: list[tuple[str, str, str, _Judge | None]] = []


def _item(key: str, heading: str, question: str) -> Callable[[_Judge], _Judge]:
    def register(judge: _Judge) -> _Judge:
        ITEMS.append((key, heading, question, judge))
        return judge

    return register


def _not_judged(key: str, heading: str, question: str, why: str) -> None:
    ITEMS.append((key, heading, question, None))
    NOT_JUDGED[key] = why


NOT_JUDGED: dict[str, str] = {}
REQ, ENT, HLD, DIVE, TALK = (
    "During requirements (5-7 min)",
    "During entities & APIs (5-8 min)",
    "During high-level design (10-12 min)",
    "During deep dive (15-20 min)",
    "Communication throughout",
)


def _listing(names: Iterable[str], limit: int = 4) -> str:
    names = list(names)
    shown = ", ".join(names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")


def _messages(findings: Sequence[Problem]) -> str:
    return "; ".join(dict.fromkeys(f.message for f in findings))


@_item("functional", REQ, "Asked about functional requirements?")
def _functional(f: Facts) -> _Verdict:
    req = f.design.requirements
    path = "requirements.in_scope"
    if not req.in_scope:
        return (
            False,
            "no in-scope features",
            "list the must-haves: Requirements(in_scope=[...])",
            path,
        )
    if not req.out_of_scope:
        return (
            False,
            f"{len(req.in_scope)} in scope, but nothing said to be out of scope",
            "the guide scopes in three tiers: add out_of_scope=[...] (and nice_to_have=[...])",
            "requirements.out_of_scope",
        )
    nice = f", {len(req.nice_to_have)} nice to have" if req.nice_to_have else ""
    why = f"{len(req.in_scope)} in scope{nice}, {len(req.out_of_scope)} out of scope"
    return True, why, None, path


@_item("scale", REQ, "Asked about scale (DAU, RPS, storage)?")
def _scale(f: Facts) -> _Verdict:
    scale = f.design.requirements.scale
    path = "requirements.scale"
    if scale is None:
        return False, "no scale at all", "add Scale(dau=..., read_write_ratio=..., ...)", path
    people = (("DAU", scale.dau), ("MAU", scale.mau), ("users", scale.total_users))
    users = next((f"{count(v)} {n}" for n, v in people if v), None)
    writes = f.estimates.figure(FigureName.writes_per_second)
    rate, noun = (
        (writes, f.estimates.writes_noun)
        if writes
        else (
            f.estimates.figure(FigureName.reads_per_second),
            "reads",
        )
    )
    storage = f.estimates.figure(FigureName.storage_per_day)
    # A request rate answers "how much traffic?" with or without users: a crawler or a
    # key-value store has none, and is never asked to invent them.
    wanting = []
    if rate is None:
        wanting.append("requests/s" if users else "users or requests/s")
    if storage is None:
        wanting.append("storage")
    if wanting:
        joiner = ", and no " if "users" in wanting[0] else " or "
        why = "the scale gives no " + joiner.join(wanting)
        return False, why, _scale_fix(users, rate), path
    assert rate is not None and storage is not None
    shown = [users, f"{count(rate.value)} {noun}/s", str(storage.text)]
    return True, ", ".join(x for x in shown if x), None, path


def _scale_fix(users: str | None, rate: Figure | None) -> str:
    """What to add, for the figures the scale lacks: `sketch estimate` derives the rest."""
    gives = []
    if rate is None and users:
        gives.append("writes_per_user_per_day and read_write_ratio")
    elif rate is None:
        gives.append(
            "dau with writes_per_user_per_day and read_write_ratio, or the rates themselves "
            "(writes_per_day, reads_per_second, or workloads=[Workload(per_second=...)])"
        )
    gives.append("item_sizes (or items on the write workloads)")
    return "give " + " and ".join(gives) + ": `sketch estimate` then derives requests/s and storage"


@_item("latency-consistency", REQ, "Asked about latency and consistency?")
def _latency(f: Facts) -> _Verdict:
    req = f.design.requirements
    missing = [n for n, v in (("latency", req.latency), ("consistency", req.consistency)) if not v]
    if missing:
        return (
            False,
            f"no {' or '.join(missing)} target",
            "add latency=[LatencyTarget(operation=..., ms=..., percentile='p99')] and "
            "consistency=[Consistency(level='eventual' or 'strong', applies_to=...)]",
            "requirements",
        )
    latency = req.latency[0]
    shown = f"{latency.label} < {latency.ms:g} ms {latency.percentile or ''}".strip()
    levels = ", ".join(f"{c.level} for {c.applies_to or 'all'}" for c in req.consistency)
    return True, f"{shown}; {levels}", None, "requirements"


_BOARD = (
    FigureName.peak_writes_per_second,
    FigureName.peak_reads_per_second,
    FigureName.storage_per_year,
)


@_item("numbers", REQ, "Wrote down numbers on board?")
def _numbers(f: Facts) -> _Verdict:
    figures = {name: f.estimates.figure(name) for name in _BOARD}
    missing = [name.label.lower() for name, figure in figures.items() if figure is None]
    if missing:
        return (
            False,
            f"cannot derive {', '.join(missing)}",
            "`sketch estimate FILE` names each missing input (peak_factor, item_sizes, ...)",
            "requirements.scale",
        )
    writes, reads, storage = (figures[name] for name in _BOARD)
    assert writes is not None and reads is not None and storage is not None
    noun = f.estimates.writes_noun
    shown = (
        f"{count(writes.value)} {noun}/s and {count(reads.value)} reads/s at peak, {storage.text}"
    )
    return True, shown, None, "requirements.scale"


@_item("entities", ENT, "Defined 3-5 core entities?")
def _entities(f: Facts) -> _Verdict:
    low, high, n = f.limits.min_entities, f.limits.max_entities, len(f.design.entities)
    names = _listing(e.name for e in f.design.entities)
    if low <= n <= high:
        return True, f"{n}: {names}", None, "entities"
    fix = (
        "add the main nouns as Entity(...)"
        if n < low
        else "keep the core ones and move the rest to deferred_entities=[...]"
    )
    return False, f"{n} entities ({names or 'none'}); the guide asks {low}-{high}", fix, "entities"


@_item("apis", ENT, "Defined 5-8 key APIs?")
def _apis(f: Facts) -> _Verdict:
    low, high, n = f.limits.min_apis, f.limits.max_apis, len(f.design.apis)
    if low <= n <= high:
        return True, f"{n} endpoints", None, "apis"
    fix = "add the endpoints clients call" if n < low else "keep the key ones"
    return False, f"{n} endpoints; the guide asks {low}-{high}", fix, "apis"


@_item("schema", ENT, "Mentioned database schema?")
def _schema(f: Facts) -> _Verdict:
    entities = f.design.entities
    if not entities:
        return False, "no tables", "declare entities with fields and keys", "entities"
    hits = f.hits("A201", "A202")
    if hits:
        return False, _messages(hits), hits[0].help, hits[0].path
    indexes = sum(
        len(e.indexes) + sum(1 for x in e.fields if x.indexed or x.unique) for e in entities
    )
    if not indexes:
        return (
            False,
            "no index: the guide says 'Mention indexes!'",
            "add Index(fields=[...]) for the queries the flows run",
            "entities",
        )
    return True, f"{len(entities)} tables with keys, {indexes} indexes", None, "entities"


@_item("diagram", HLD, "Drew simple box diagram?")
def _diagram(f: Facts) -> _Verdict:
    kinds = {c.kind for c in f.design.components}
    missing = [
        what
        for what, present in (
            ("a client", Kind.client in kinds),
            ("a service", bool(kinds & {Kind.service, Kind.api_gateway, Kind.worker})),
            ("a data store", bool(kinds & DATA_STORE_KINDS)),
            ("an edge", any(True for _ in f.design.edges())),
        )
        if not present
    ]
    if missing:
        return (
            False,
            f"no {', no '.join(m.removeprefix('a ').removeprefix('an ') for m in missing)}",
            "start with client -> load balancer -> service -> database (+ cache)",
            "components",
        )
    return True, f"{len(f.design.components)} components", None, "components"


@_item("flows", HLD, "Walked through 2-3 request flows?")
def _flows(f: Facts) -> _Verdict:
    flows = f.design.flows
    names = _listing(flow.name for flow in flows)
    if len(flows) < 2:
        return (
            False,
            f"{len(flows)} flow(s){': ' + names if names else ''}; the guide walks 2-3",
            "add Flow(name=..., steps=[...]) for the critical paths: a write and a read",
            "flows",
        )
    return True, f"{len(flows)}: {names}", None, "flows"


@_item("components", HLD, "Explained what each component does?")
def _components(f: Facts) -> _Verdict:
    walked = {name for pair in f.design.edges() for name in pair}
    silent = [
        c.name
        for c in f.design.components
        if c.name not in walked and not c.notes and c.kind is not Kind.client
    ]
    if silent:
        return (
            False,
            f"no flow or note explains {_listing(silent)}",
            "walk it in a flow step, or say what it does in `notes=`",
            "components",
        )
    return True, "every component is in a flow, a link or a note", None, "components"


@_item("bottlenecks", HLD, "Identified bottlenecks?")
def _bottlenecks(f: Facts) -> _Verdict:
    hits = f.hits("D301", "D302")
    if not f.design.bottlenecks:
        return (
            False,
            "no bottlenecks: 'Glossing over bottlenecks' is mistake 5",
            "ask: what if traffic grows 10x, what is slowest, what is the single point of "
            "failure? Add Bottleneck(title=..., problem=..., solution=...)",
            "bottlenecks",
        )
    if hits:
        return False, _messages(hits), hits[0].help, hits[0].path
    titles = _listing(b.title for b in f.design.bottlenecks)
    return True, f"{len(f.design.bottlenecks)}, each with a solution: {titles}", None, "bottlenecks"


@_item("two-areas", DIVE, "Picked 2 critical areas?")
def _two_areas(f: Facts) -> _Verdict:
    dives = f.design.deep_dives
    if len(dives) != 2:
        return (
            False,
            f"{len(dives)} deep dive(s); the guide picks 2",
            "pick the 2 components that matter most (often the bottlenecks)",
            "deep_dives",
        )
    hits = f.hits("X407")
    if hits:
        return False, _messages(hits), hits[0].help, hits[0].path
    return True, " and ".join(d.topic for d in dives), None, "deep_dives"


def _per_dive(f: Facts, codes: tuple[str, ...], fix: str, ok: Callable[[Design], str]) -> _Verdict:
    if not f.design.deep_dives:
        return False, "no deep dive yet", fix, "deep_dives"
    hits = f.hits(*codes)
    if hits:
        return False, _messages(hits), hits[0].help or fix, hits[0].path
    return True, ok(f.design), None, "deep_dives"


@_item("approaches", DIVE, "Presented multiple approaches?")
def _approaches(f: Facts) -> _Verdict:
    return _per_dive(
        f,
        ("X403",),
        "present 2-3 approaches per deep dive",
        lambda d: ", ".join(f"{len(x.approaches)} for {x.topic}" for x in d.deep_dives),
    )


@_item("trade-offs", DIVE, "Discussed trade-offs explicitly?")
def _trade_offs(f: Facts) -> _Verdict:
    empty = [d.topic for d in f.design.deep_dives if not d.approaches]
    if empty:
        return False, f"no approaches in {_listing(empty)}", "give pros and cons", "deep_dives"
    return _per_dive(
        f,
        ("X404",),
        "give each approach its pros and cons",
        lambda d: "every approach has pros and cons",
    )


@_item("decisions", DIVE, "Made and justified decisions?")
def _decisions(f: Facts) -> _Verdict:
    return _per_dive(
        f,
        ("X405", "X406"),
        "end each deep dive with decision=... and justification=...",
        lambda d: "; ".join(x.decision or "" for x in d.deep_dives),
    )


@_item("numbers-used", DIVE, "Used numbers/calculations?")
def _numbers_used(f: Facts) -> _Verdict:
    return _per_dive(
        f,
        ("X408",),
        "put the estimate's figures into the problem: '14K tweets/s at peak'",
        lambda d: "every deep dive states its numbers",
    )


_not_judged(
    "think-aloud",
    TALK,
    "Thought out loud?",
    "a design file cannot show it: `sketch talk FILE` drafts what to say",
)


@_item("clarifying", TALK, "Asked clarifying questions?")
def _clarifying(f: Facts) -> _Verdict:
    req = f.design.requirements
    path = "requirements.clarifications"
    if not req.clarifications:
        stated = f" ({len(req.assumptions)} assumptions stated instead)" if req.assumptions else ""
        return (
            False,
            f"no clarifying question recorded{stated}",
            "record them: clarifications=[Clarification(question='How many users?', "
            "answer='200M DAU', decides='...')]",
            path,
        )
    decided = [c.decides for c in req.clarifications if c.decides]
    why = f"{len(req.clarifications)} questions" + (
        f", deciding {_listing(decided, 3)}" if decided else ""
    )
    return True, why, None, path


_not_judged(
    "hints",
    TALK,
    "Acknowledged interviewer hints?",
    "judged in a timed round: `sketch drill` asks and sees whether the design answers",
)
_not_judged(
    "time",
    TALK,
    "Managed time effectively?",
    "judged in a timed round: `sketch drill` times each step",
)
