"""Each workload's average rate, from the way the design states it, with the derivation.

A design without `Scale.workloads` has two: its writes and its reads, as `sketch estimate`
derives them from the scale (DAU x actions, a total per day or month, or a declared rate).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from sketch.checking.checks import RATE_AGREEMENT
from sketch.estimating.conventions import Conventions
from sketch.estimating.figures import Estimates, FigureName
from sketch.estimating.spoken import X, count, count_in_steps, exact_number, factor, relation
from sketch.estimating.worksheet import SCALE_PATH
from sketch.model import Design, Flow, ItemSize, Scale, Workload

#: Names of the two workloads of a design that declares none.
LEGACY_WRITE, LEGACY_READ = "writes", "reads"


@dataclass(frozen=True)
class WorkloadRate:
    """One workload's average requests per second, with how it was found."""

    name: str
    kind: str
    average: float
    peak_factor: float | None
    steps: tuple[str, ...]
    path: str
    items: tuple[ItemSize, ...] = ()
    request_bytes: float | None = None
    response_bytes: float | None = None
    fanout: float | None = None
    noun: str = "requests"

    @property
    def peak(self) -> float | None:
        return None if self.peak_factor is None else self.average * self.peak_factor

    @property
    def bytes_per_write(self) -> float:
        return sum(item.size_bytes * item.fraction for item in self.items)


@dataclass(frozen=True)
class RateProblem:
    """A workload whose rate cannot be found or contradicts itself: (path, message, help)."""

    path: str
    message: str
    help: str


def users_of(scale: Scale, which: str) -> int | None:
    return {"dau": scale.dau, "mau": scale.mau, "total": scale.total_users}[which]


def _candidates(
    workload: Workload, scale: Scale, conventions: Conventions
) -> Iterator[tuple[str, float, str]]:
    """(field, requests/s, derivation) for every rate the workload states."""
    users = users_of(scale, workload.users)
    stated = workload.stated_rates(
        users, conventions.seconds_per_day, conventions.seconds_per_month
    )
    per = {"per_day": "day", "per_week": "week", "per_month": "month"}
    for field, rate, amount, seconds in stated:
        result = count_in_steps(rate)
        if field == "per_second":
            yield field, rate, f"declared: {result} requests/s"
        elif field == "per_user_per_day":
            shown = (count(users or 0), count(workload.per_user_per_day or 0), count(amount))
            yield (
                field,
                rate,
                f"{shown[0]} {workload.users.upper()} {X} {shown[1]}/day {relation(*shown)} "
                f"{shown[2]}/day ÷ {exact_number(seconds)} s {relation(shown[2], result)} "
                f"{result}/s",
            )
        else:
            said = count(amount)
            yield (
                field,
                rate,
                f"{said}/{per[field]} ÷ {exact_number(seconds)} s "
                f"{relation(said, result)} {result}/s",
            )


def workload_rates(
    design: Design, conventions: Conventions, estimates: Estimates
) -> tuple[list[WorkloadRate], list[RateProblem]]:
    """Every workload's average rate; a legacy design's writes and reads from `estimates`."""
    scale = design.requirements.scale
    if scale is None:
        return [], []
    if not scale.workloads:
        return _legacy(scale, estimates), []
    return explicit_rates(scale, conventions)


def explicit_rates(
    scale: Scale, conventions: Conventions
) -> tuple[list[WorkloadRate], list[RateProblem]]:
    """The rates of the workloads the scale names (`Scale.workloads`), in their order."""
    problems: list[RateProblem] = []
    found: dict[str, WorkloadRate] = {}
    pending = list(enumerate(scale.workloads))
    while pending:
        progressed = False
        for entry in list(pending):
            i, workload = entry
            path = f"{SCALE_PATH}.workloads[{i}]"
            base = found.get(workload.ratio_of) if workload.ratio_of else None
            if workload.ratio_of and base is None and _known(scale, workload.ratio_of):
                continue  # its base comes later in the loop
            pending.remove(entry)
            progressed = True
            rate = _rate(workload, scale, conventions, base, path, problems)
            if rate is not None:
                found.setdefault(workload.name, rate)
        if not progressed:
            for i, workload in pending:
                problems.append(
                    RateProblem(
                        f"{SCALE_PATH}.workloads[{i}].ratio_of",
                        f"workload '{workload.name}' is a ratio of '{workload.ratio_of}', "
                        "which is a ratio of it in turn: no rate to start from",
                        "give one workload of the cycle its own rate (per_second, per_day, ...)",
                    )
                )
            break
    order = {w.name: i for i, w in enumerate(scale.workloads)}
    return sorted(found.values(), key=lambda rate: order[rate.name]), problems


def _known(scale: Scale, name: str) -> bool:
    return any(w.name == name for w in scale.workloads)


def _rate(
    workload: Workload,
    scale: Scale,
    conventions: Conventions,
    base: WorkloadRate | None,
    path: str,
    problems: list[RateProblem],
) -> WorkloadRate | None:
    candidates = list(_candidates(workload, scale, conventions))
    if workload.ratio is not None and base is not None:
        rate = base.average * workload.ratio
        shown = (count_in_steps(base.average), count_in_steps(rate))
        candidates.append(
            (
                "ratio",
                rate,
                f"{shown[0]} {base.name}/s {X} {factor(workload.ratio)} "
                f"{relation(*shown)} {shown[1]}/s",
            )
        )
    if not candidates:
        if workload.per_user_per_day is not None:
            problems.append(
                RateProblem(
                    f"{path}.users",
                    f"workload '{workload.name}' is per user, and the scale has no "
                    f"{workload.users.upper()} figure",
                    f"give `Scale({'total_users' if workload.users == 'total' else workload.users}"
                    "=...)`, or a total rate (per_day, per_month)",
                )
            )
        return None  # an unknown `ratio_of` is check's C401; nothing to add here
    field, rate, step = candidates[0]
    for other, value, other_step in candidates[1:]:
        if not math.isclose(value, rate, rel_tol=RATE_AGREEMENT):
            problems.append(
                RateProblem(
                    f"{path}.{other}",
                    f"workload '{workload.name}': `{field}` gives {count(rate)}/s "
                    f"({step}) but `{other}` gives {count(value)}/s ({other_step})",
                    "the two rates must agree within 5%: correct one, or give only one",
                )
            )
    steps = (*(base.steps if base and field == "ratio" else ()), f"{workload.name}: {step}")
    peak_factor = workload.peak_factor if workload.peak_factor is not None else scale.peak_factor
    return WorkloadRate(
        name=workload.name,
        kind=workload.kind,
        average=rate,
        peak_factor=peak_factor,
        steps=steps,
        path=path,
        items=workload.items,
        request_bytes=workload.request_bytes,
        response_bytes=workload.response_bytes,
        fanout=workload.fanout,
    )


def _legacy(scale: Scale, estimates: Estimates) -> list[WorkloadRate]:
    rates = []
    writes = estimates.figure(FigureName.writes_per_second)
    if writes is not None:
        rates.append(
            WorkloadRate(
                name=LEGACY_WRITE,
                kind="write",
                average=writes.value,
                peak_factor=scale.peak_factor,
                steps=writes.steps,
                path=SCALE_PATH,
                items=scale.item_sizes,
                noun=estimates.writes_noun,
            )
        )
    reads = estimates.figure(FigureName.reads_per_second)
    if reads is not None:
        rates.append(
            WorkloadRate(
                name=LEGACY_READ,
                kind="read",
                average=reads.value,
                peak_factor=scale.peak_factor,
                steps=reads.steps,
                path=SCALE_PATH,
                response_bytes=scale.read_response_bytes,
                noun="reads",
            )
        )
    return rates


def _method(flow: Flow) -> str | None:
    for step in flow.steps:
        method = (step.api or step.action).split(" ", 1)[0].upper()
        if method in ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"):
            return method
    return None


def _mentions(flow: Flow, noun: str) -> bool:
    words = [w for w in re.findall(r"[a-z]+", noun.lower()) if len(w) > 3]
    text = " ".join([flow.name, *(s.action for s in flow.steps)]).lower()
    return any(re.search(rf"\b{re.escape(w)}", text) for w in words)


def inferred_ties(design: Design, names: set[str]) -> dict[int, tuple[str, str]]:
    """For a design without named workloads, which flow carries its writes and which its
    reads: {flow index: (workload, why)}.

    The scale states one write rate and one read rate, so each goes to one flow: the writes
    to the flow that mentions what a write is (`Scale.write_name`), else to the first flow
    whose first call is POST, PUT, PATCH or DELETE; the reads to the first flow whose first
    call is GET. Other flows carry traffic the scale does not state: lint asks for their
    workload rather than count the same requests twice.
    """
    if not names <= {LEGACY_WRITE, LEGACY_READ}:
        return {}
    scale = design.requirements.scale
    noun = scale.write_name if scale else "write"
    ties: dict[int, tuple[str, str]] = {}
    writers = [
        i
        for i, f in enumerate(design.flows)
        if f.workload is None and _method(f) in ("POST", "PUT", "PATCH", "DELETE")
    ]
    readers = [
        i
        for i, f in enumerate(design.flows)
        if f.workload is None and _method(f) in ("GET", "HEAD")
    ]
    if LEGACY_WRITE in names and writers:
        named = [i for i in writers if noun != "write" and _mentions(design.flows[i], noun)]
        chosen = (named or writers)[0]
        why = (f"it is about the scale's {noun}s" if named else "its first call writes") + (
            f" (the first of {len(writers)} such flows)" if len(writers) > 1 else ""
        )
        ties[chosen] = (LEGACY_WRITE, why)
    if LEGACY_READ in names and readers:
        why = "its first call is a GET" + (
            f" (the first of {len(readers)} such flows)" if len(readers) > 1 else ""
        )
        ties[readers[0]] = (LEGACY_READ, why)
    return ties
