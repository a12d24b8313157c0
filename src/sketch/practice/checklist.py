"""The guide's Final Interview Checklist, each item ticked or not from the design.

An item that a design file cannot show (thinking out loud, acknowledging hints, managing
time) is `not-judged`; `sketch drill` judges the last two from a timed round. Each unticked
item says why, in the design's own terms, and how to fix it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from sketch.errors import Problem
from sketch.estimating import Estimates, estimate
from sketch.model import Design, Limits
from sketch.practice.items import ITEMS, NOT_JUDGED, Facts
from sketch.practice.placeholders import first_in, placeholders


class Status(StrEnum):
    ticked = "ticked"
    unticked = "unticked"
    not_judged = "not-judged"


@dataclass(frozen=True, slots=True)
class Item:
    """One checklist line: the guide's question, whether the design answers it, why, and how."""

    key: str
    heading: str  # the guide's heading: "During requirements (5-7 min)"
    question: str  # the guide's words: "Asked about scale (DAU, RPS, storage)?"
    status: Status
    why: str  # the evidence when ticked, what is missing otherwise
    fix: str | None = None
    path: str = ""  # where in the design to fix it


@dataclass(frozen=True)
class Checklist:
    design: str
    items: tuple[Item, ...]

    @property
    def unticked(self) -> list[Item]:
        return [i for i in self.items if i.status is Status.unticked]

    @property
    def ticked(self) -> list[Item]:
        return [i for i in self.items if i.status is Status.ticked]

    def item(self, key: str) -> Item:
        return next(i for i in self.items if i.key == key)

    def judged(self, key: str, ticked: bool, why: str, fix: str | None = None) -> Checklist:
        """This checklist with a not-judged item decided (by a drill, which saw the round)."""
        items = tuple(
            replace(i, status=Status.ticked if ticked else Status.unticked, why=why, fix=fix)
            if i.key == key
            else i
            for i in self.items
        )
        return Checklist(self.design, items)

    @property
    def summary(self) -> str:
        judged = len(self.ticked) + len(self.unticked)
        text = f"{len(self.ticked)} of {judged} ticked"
        rest = len(self.items) - judged
        return text + (f", {rest} not judged from a design file" if rest else "")


def checklist(
    design: Design,
    findings: Sequence[Problem] | None = None,
    estimates: Estimates | None = None,
    limits: Limits | None = None,
) -> Checklist:
    """Judge `design` against the Final Interview Checklist.

    `findings` are its lint findings (default: `sketch.lint(design)`; suppressed ones do not
    count against it), `estimates` its figures, `limits` the project's entity and API limits.
    """
    if findings is None:
        from sketch.linting import lint

        findings = lint(design)
    facts = Facts(
        design,
        findings,
        estimates if estimates is not None else estimate(design),
        design.limits or limits or Limits(),
    )
    todo = placeholders(design)
    items = []
    for key, heading, question, judge in ITEMS:
        if judge is None:
            items.append(Item(key, heading, question, Status.not_judged, NOT_JUDGED[key]))
            continue
        ticked, why, fix, path = judge(facts)
        left = first_in(todo, key) if ticked else None
        if left is not None:
            ticked, path = False, left[0]
            why = f"still the template's placeholder: {left[1]!r}"
            fix = "replace each TODO with your own answer"
        status = Status.ticked if ticked else Status.unticked
        items.append(Item(key, heading, question, status, why, None if ticked else fix, path))
    return Checklist(design.name, tuple(items))


_MARK = {Status.ticked: "[x]", Status.unticked: "[ ]", Status.not_judged: "[-]"}


def as_text(result: Checklist, title: str | None = None) -> str:
    """The checklist for a terminal: the guide's headings, one line per item, why and fix."""
    lines = [f"Final Interview Checklist: {title or result.design}"]
    heading = None
    for item in result.items:
        if item.heading != heading:
            heading = item.heading
            lines += ["", heading]
        lines.append(f"  {_MARK[item.status]} {item.question}  {item.why}")
        if item.status is Status.unticked and item.fix:
            lines.append(f"      fix: {item.fix}" + (f" (at {item.path})" if item.path else ""))
    lines += ["", result.summary]
    return "\n".join(lines) + "\n"


def as_data(result: Checklist) -> dict[str, Any]:
    """The checklist as JSON-ready data."""
    return {
        "design": result.design,
        "ticked": len(result.ticked),
        "unticked": len(result.unticked),
        "items": [
            {
                "key": i.key,
                "heading": i.heading,
                "item": i.question,
                "status": i.status.value,
                "why": i.why,
                "fix": i.fix,
                "path": i.path,
            }
            for i in result.items
        ],
    }
