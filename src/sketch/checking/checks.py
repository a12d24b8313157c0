"""`sketch check`: the framework's limits and every cross-reference, all problems at once."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace

from sketch.errors import Problem, did_you_mean
from sketch.model import Design, Flow, Kind, Limits, Scale, Workload
from sketch.model.paths import locate

# Stable codes: tests, docs and users' scripts rely on them.
TOO_FEW_ENTITIES = "C101"
TOO_MANY_ENTITIES = "C102"
TOO_FEW_APIS = "C103"
TOO_MANY_APIS = "C104"
DUPLICATE_NAME = "C201"
UNKNOWN_COMPONENT = "C301"
UNKNOWN_REFERENCE = "C302"
UNKNOWN_API = "C303"
UNKNOWN_FEATURE = "C304"
UNKNOWN_FIELD = "C305"
BAD_REPLICA = "C306"
UNKNOWN_FLOW = "C307"
LONE_PARALLEL_STEP = "C308"
FOREIGN_APPROACH = "C309"
UNKNOWN_WORKLOAD = "C401"
WORKLOAD_RATE = "C402"
FANOUT_WITHOUT_WRITE = "C403"

#: A total and a per-user rate further apart than this disagree (in both month conventions).
RATE_AGREEMENT = 0.05
_MONTHS = (30 * 86_400.0, 2_500_000.0)


def check(design: Design, limits: Limits | None = None) -> list[Problem]:
    """All problems of the design, each located; the design's own limits win over `limits`."""
    active = design.limits or limits or Limits()
    problems = [
        *_check_limits(design, active),
        *_check_duplicates(design),
        *_check_entity_references(design),
        *_check_component_references(design),
        *_check_api_references(design),
        *_check_flow_references(design),
        *_check_parallel_groups(design),
        *_check_decisions(design),
        *_check_workloads(design),
    ]
    return [p if p.source else replace(p, source=locate(design, p.path)) for p in problems]


def _check_limits(design: Design, limits: Limits) -> Iterator[Problem]:
    for what, one, items, low, high, codes in (
        (
            "entities",
            "entity",
            design.entities,
            limits.min_entities,
            limits.max_entities,
            (TOO_FEW_ENTITIES, TOO_MANY_ENTITIES),
        ),
        (
            "APIs",
            "API",
            design.apis,
            limits.min_apis,
            limits.max_apis,
            (TOO_FEW_APIS, TOO_MANY_APIS),
        ),
    ):
        path = "entities" if what == "entities" else "apis"
        count = len(items)
        if count < low:
            yield Problem(
                codes[0],
                f"{count} {one if count == 1 else what}; the framework asks for {low}-{high}",
                path,
                help=f"add the core {what} a reader needs to follow the design",
            )
        elif count > high:
            yield Problem(
                codes[1],
                f"{count} {one if count == 1 else what}; the framework asks for {low}-{high}",
                path,
                help=f"keep the {high} that matter most; mention the rest in prose "
                "(or raise the limit in [tool.sketch.limits] or `Design(limits=...)`)",
            )


def _duplicates(names: Iterable[str]) -> set[str]:
    return {name for name, n in Counter(names).items() if n > 1}


def _check_duplicates(design: Design) -> Iterator[Problem]:
    groups: list[tuple[str, str, list[str]]] = [
        ("entities", "entity", [e.name for e in design.entities]),
        ("components", "component", [c.name for c in design.components]),
        ("apis", "API", [a.key for a in design.apis]),
        ("flows", "flow", [f.name for f in design.flows]),
        (
            "requirements.scale.workloads",
            "workload",
            [w.name for w in design.requirements.scale.workloads]
            if design.requirements.scale
            else [],
        ),
        (
            "requirements.in_scope",
            "feature key",
            [f.key for f in design.requirements.in_scope if f.key],
        ),
    ]
    groups += [
        (f"entities[{i}].fields", f"field of {e.name}", [f.name for f in e.fields])
        for i, e in enumerate(design.entities)
    ]
    for path, what, names in groups:
        for name in sorted(_duplicates(names)):
            index = names.index(name, names.index(name) + 1)
            yield Problem(
                DUPLICATE_NAME,
                f"{what} '{name}' is declared twice",
                f"{path}[{index}]",
                help="names are how other parts of the design refer to it: make them unique",
            )


def _check_entity_references(design: Design) -> Iterator[Problem]:
    entities = {e.name: e for e in design.entities}
    components = [c.name for c in design.components]
    for i, entity in enumerate(design.entities):
        names = [f.name for f in entity.fields]
        for k, key in enumerate(entity.primary_key):
            if key not in names:
                yield _unknown_field(entity.name, key, names, f"entities[{i}].primary_key[{k}]")
        for j, index in enumerate(entity.indexes):
            for k, name in enumerate(index.fields):
                if name not in names:
                    yield _unknown_field(
                        entity.name, name, names, f"entities[{i}].indexes[{j}].fields[{k}]"
                    )
        if entity.stored_in and entity.stored_in not in components:
            yield _unknown_component(entity.stored_in, components, f"entities[{i}].stored_in")
        for j, field in enumerate(entity.fields):
            if field.references:
                yield from _check_foreign_key(
                    field.references, entities, f"entities[{i}].fields[{j}].references"
                )


def _check_foreign_key(target: str, entities: dict, path: str) -> Iterator[Problem]:  # type: ignore[type-arg]
    entity_name, _, field_name = target.partition(".")
    if not field_name:
        yield Problem(
            UNKNOWN_REFERENCE,
            f"foreign key '{target}' does not name a field",
            path,
            help="write the target as `Entity.field`, e.g. `User.user_id`",
        )
    elif entity_name not in entities:
        yield Problem(
            UNKNOWN_REFERENCE,
            f"foreign key '{target}': no entity '{entity_name}' "
            f"({did_you_mean(entity_name, entities)})",
            path,
            help="declare the entity or correct the name",
        )
    elif entities[entity_name].field(field_name) is None:
        names = [f.name for f in entities[entity_name].fields]
        yield Problem(
            UNKNOWN_REFERENCE,
            f"foreign key '{target}': {entity_name} has no field "
            f"'{field_name}' ({did_you_mean(field_name, names)})",
            path,
            help=f"point it at one of {entity_name}'s fields",
        )


def _unknown_field(entity: str, name: str, names: list[str], path: str) -> Problem:
    return Problem(
        UNKNOWN_FIELD,
        f"{entity} has no field '{name}' ({did_you_mean(name, names)})",
        path,
        help=f"use one of {entity}'s field names",
    )


def _unknown_component(name: str, names: list[str], path: str) -> Problem:
    return Problem(
        UNKNOWN_COMPONENT,
        f"no component '{name}' ({did_you_mean(name, names)})",
        path,
        help="declare it in `components=` or correct the name",
    )


def _check_component_references(design: Design) -> Iterator[Problem]:
    names = [c.name for c in design.components]
    refs: list[tuple[str, str]] = []
    for i, flow in enumerate(design.flows):
        for j, step in enumerate(flow.steps):
            refs += [
                (step.from_, f"flows[{i}].steps[{j}].from"),
                (step.to, f"flows[{i}].steps[{j}].to"),
            ]
    for i, link in enumerate(design.links):
        refs += [(link.from_, f"links[{i}].from"), (link.to, f"links[{i}].to")]
    for attr in ("bottlenecks", "deep_dives"):
        for i, item in enumerate(getattr(design, attr)):
            refs += [
                (name, f"{attr}[{i}].components[{k}]") for k, name in enumerate(item.components)
            ]
    for name, path in refs:
        if name not in names:
            yield _unknown_component(name, names, path)
    for i, component in enumerate(design.components):
        if component.replica_of is None:
            continue
        primary = design.component(component.replica_of)
        path = f"components[{i}].replica_of"
        if primary is component:
            yield Problem(
                BAD_REPLICA,
                f"'{component.name}' is declared a replica of itself",
                path,
                help="point `replica_of` at the primary database it copies",
            )
        elif primary is None:
            yield _unknown_component(component.replica_of, names, path)
        elif primary.kind is not Kind.database:
            yield Problem(
                BAD_REPLICA,
                f"'{component.name}' replicates '{primary.name}', which is a "
                f"{primary.kind.value}, not a database",
                path,
                help="point `replica_of` at a component of kind database",
            )


def _check_api_references(design: Design) -> Iterator[Problem]:
    keys = [a.key for a in design.apis]
    for i, flow in enumerate(design.flows):
        for j, step in enumerate(flow.steps):
            if step.api and step.api not in keys:
                yield Problem(
                    UNKNOWN_API,
                    f"flow '{flow.name}' calls '{step.api}', which is not "
                    f"declared ({did_you_mean(step.api, keys)})",
                    f"flows[{i}].steps[{j}].api",
                    help="write it as `METHOD /path` exactly as in `apis=`",
                )
    features = [f.key for f in design.requirements.in_scope if f.key]
    for i, api in enumerate(design.apis):
        for k, key in enumerate(api.serves):
            if key not in features:
                yield Problem(
                    UNKNOWN_FEATURE,
                    f"{api.key} serves '{key}', which no in-scope feature "
                    f"has as key ({did_you_mean(key, features)})",
                    f"apis[{i}].serves[{k}]",
                    help="give the feature that key: `Feature(key=..., text=...)`",
                )


def _check_flow_references(design: Design) -> Iterator[Problem]:
    names = [f.name for f in design.flows]
    for i, target in enumerate(design.requirements.latency):
        for k, name in enumerate(target.flows):
            if name not in names:
                yield Problem(
                    UNKNOWN_FLOW,
                    f"latency target '{target.label}' governs flow '{name}', which is not "
                    f"declared ({did_you_mean(name, names)})",
                    f"requirements.latency[{i}].flows[{k}]",
                    help="name a flow exactly as in `Flow(name=...)`",
                )


def _check_parallel_groups(design: Design) -> Iterator[Problem]:
    for i, flow in enumerate(design.flows):
        groups = Counter(s.parallel for s in flow.steps if isinstance(s.parallel, str))
        for j, step in enumerate(flow.steps):
            if isinstance(step.parallel, str) and groups[step.parallel] == 1:
                yield Problem(
                    LONE_PARALLEL_STEP,
                    f"flow '{flow.name}': parallel group '{step.parallel}' has one member",
                    f"flows[{i}].steps[{j}].parallel",
                    help="give the steps that run side by side the same `parallel` name, "
                    "or write `parallel=N` for N calls to the same target (or drop it)",
                )


def _check_decisions(design: Design) -> Iterator[Problem]:
    # A decision naming no approach at all is a lint finding (X409); one that names another
    # dive's approach is a mix-up of two dives, which no reading of the design makes right.
    for i, dive in enumerate(design.deep_dives):
        if not dive.decision or dive.chosen is not None:
            continue
        for other in design.deep_dives:
            if other is not dive and other.chosen_for(dive.decision) is not None:
                yield Problem(
                    FOREIGN_APPROACH,
                    f"deep dive '{dive.topic}' decides '{dive.decision}', an approach of deep "
                    f"dive '{other.topic}' (its own: "
                    f"{', '.join(repr(a.name) for a in dive.approaches) or 'none'})",
                    f"deep_dives[{i}].decision",
                    help="name one of this dive's approaches, or move the decision to its dive",
                )
                break


def _check_workloads(design: Design) -> Iterator[Problem]:
    """Flows name declared workloads, ratios name another workload, stated rates agree,
    items go to declared components, and a fanout has a write to fan out."""
    scale = design.requirements.scale
    workloads = scale.workloads if scale else ()
    names = [w.name for w in workloads]
    by_name = {w.name: w for w in workloads}
    components = [c.name for c in design.components]
    for i, flow in enumerate(design.flows):
        path = f"flows[{i}].workload"
        if flow.workload is not None and flow.workload not in by_name:
            hint = did_you_mean(flow.workload, names) if names else "the scale declares none"
            yield Problem(
                UNKNOWN_WORKLOAD,
                f"flow '{flow.name}' carries workload '{flow.workload}', which is not declared "
                f"({hint})",
                path,
                help="declare it in `Scale(workloads=[Workload(name=...)])` or correct the name",
            )
        yield from _check_fanouts(flow, i, by_name)
    for i, workload in enumerate(workloads):
        path = f"requirements.scale.workloads[{i}]"
        if workload.ratio_of is not None and workload.ratio_of not in by_name:
            yield Problem(
                UNKNOWN_WORKLOAD,
                f"workload '{workload.name}' is a ratio of '{workload.ratio_of}', which is not "
                f"declared ({did_you_mean(workload.ratio_of, names)})",
                f"{path}.ratio_of",
                help="name another workload of `Scale(workloads=...)`",
            )
        elif workload.ratio_of == workload.name:
            yield Problem(
                WORKLOAD_RATE,
                f"workload '{workload.name}' is a ratio of itself",
                f"{path}.ratio_of",
                help="name another workload, or give a rate of its own",
            )
        for j, item in enumerate(workload.items):
            if item.store is not None and item.store not in components:
                yield _unknown_component(item.store, components, f"{path}.items[{j}].store")
        if scale is not None:
            yield from _check_rates_agree(workload, scale, path)


def _check_rates_agree(workload: Workload, scale: Scale, path: str) -> Iterator[Problem]:
    users = {"dau": scale.dau, "mau": scale.mau, "total": scale.total_users}[workload.users]
    if (
        workload.per_user_per_day is not None
        and users is None
        and not (workload.stated_rates(None, 86_400, _MONTHS[0]) or workload.ratio is not None)
    ):
        field = "total_users" if workload.users == "total" else workload.users
        yield Problem(
            WORKLOAD_RATE,
            f"workload '{workload.name}' is given per user, and the scale has no "
            f"{workload.users.upper()} figure to multiply",
            f"{path}.users",
            help=f"give `Scale({field}=...)`, or a total rate (per_day, per_month)",
        )
        return
    # A month may be 30 days or 2.5M seconds ([tool.sketch.estimate]): rates disagree only if
    # they disagree under both.
    disagreements = []
    for seconds_per_month in _MONTHS:
        stated = workload.stated_rates(users, 86_400, seconds_per_month)
        first = stated[0] if stated else None
        found = [
            (first, other)
            for other in stated[1:]
            if first and not math.isclose(first[1], other[1], rel_tol=RATE_AGREEMENT)
        ]
        disagreements.append(found)
    if not (disagreements[0] and disagreements[1]):
        return
    for first, other in disagreements[0]:
        yield Problem(
            WORKLOAD_RATE,
            f"workload '{workload.name}': `{first[0]}` gives {first[1]:,.4g} requests/s but "
            f"`{other[0]}` gives {other[1]:,.4g}/s",
            f"{path}.{other[0]}",
            help="the rates must agree within 5%: correct one, or give only one",
        )


def _check_fanouts(flow: Flow, index: int, workloads: dict[str, Workload]) -> Iterator[Problem]:
    for j, step in enumerate(flow.steps):
        if step.fanout is not True:
            continue
        path = f"flows[{index}].steps[{j}].fanout"
        workload = workloads.get(flow.workload or "")
        if workload is None:
            why = "the flow carries no workload (`Flow(workload=...)`)"
        elif workload.kind != "write":
            why = f"its workload '{workload.name}' is a read, with no write to fan out"
        elif workload.fanout is None:
            why = f"its workload '{workload.name}' gives no `fanout` (deliveries per write)"
        else:
            continue
        yield Problem(
            FANOUT_WITHOUT_WRITE,
            f"flow '{flow.name}' fans out at step {j + 1}, but {why}",
            path,
            help="tie the flow to a write workload with `Workload(kind='write', fanout=N)`, or "
            "give the multiplier here: `Step(fanout=N)`",
        )
