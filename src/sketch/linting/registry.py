"""The rule catalogue: each rule is a function registered with a stable code, name and severity.

A rule's docstring is its documentation, in fixed sections (`sketch rule CODE` prints them and
a test fails when one is missing)::

    One-line summary.

    What it checks:
        ...
    Why it matters:
        ...
    Bad:
        ...
    Fix:
        ...
    Known false positives:
        ...
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from sketch.errors import Severity

if TYPE_CHECKING:
    from sketch.linting.context import Context

SECTIONS = ("What it checks", "Why it matters", "Bad", "Fix", "Known false positives")
_CODE = re.compile(r"^([RADX][1-4]|H1)\d\d$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


class FrameworkStep(StrEnum):
    """The framework's four steps; a rule's code prefix says which one it reviews."""

    requirements = "requirements"
    entities_apis = "entities-and-apis"
    high_level = "high-level-design"
    deep_dives = "deep-dives"
    hygiene = "hygiene"  # the design file itself: stale suppressions, placeholders left


#: Code prefix of each step (C1xx-C4xx belong to `sketch check`).
STEP_PREFIX = {
    FrameworkStep.requirements: "R1",
    FrameworkStep.entities_apis: "A2",
    FrameworkStep.high_level: "D3",
    FrameworkStep.deep_dives: "X4",
    FrameworkStep.hygiene: "H1",
}
#: The order `sketch rules` lists codes in: the framework's steps, then hygiene.
_ORDER = "RADXH"


@dataclass(frozen=True)
class Hit:
    """What a rule reports: where in the design (a path), what is wrong, and optionally how to
    fix it when the rule's generic fix is not specific enough."""

    path: str
    message: str
    help: str | None = None


Check = Callable[["Context"], Iterator[Hit]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    step: FrameworkStep
    fix: str  # the default `help:` line
    check: Check
    thresholds: tuple[str, ...] = ()  # names of the `[tool.sketch.lint.thresholds]` it reads
    after_others: bool = False  # runs once the other rules' findings are in `ctx.findings`

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.check.__doc__ or "")

    @property
    def summary(self) -> str:
        return self.doc.split("\n", 1)[0].strip()

    def sections(self) -> dict[str, str]:
        """The documentation sections by title; missing sections are absent."""
        return parse_sections(self.doc)


def parse_sections(doc: str) -> dict[str, str]:
    found: dict[str, str] = {}
    current: str | None = None
    lines: list[str] = []
    for line in doc.splitlines()[1:]:
        title = line.rstrip().removesuffix(":")
        if line.rstrip().endswith(":") and title in SECTIONS and not line.startswith(" "):
            if current:
                found[current] = inspect.cleandoc("\n".join(lines))
            current, lines = title, []
        elif current:
            lines.append(line)
    if current:
        found[current] = inspect.cleandoc("\n".join(lines))
    return {k: v for k, v in found.items() if v}


class Registry:
    """Rules by code. The CLI uses the default registry; tests build their own."""

    def __init__(self) -> None:
        self._rules: dict[str, Rule] = {}

    def add(self, rule: Rule) -> Rule:
        if not _CODE.match(rule.code):
            raise ValueError(
                f"rule code '{rule.code}' must look like R101, A201, D301, X401 or H101"
            )
        if STEP_PREFIX[rule.step] != rule.code[:2]:
            raise ValueError(
                f"rule {rule.code} is in step {rule.step}, whose codes start with "
                f"{STEP_PREFIX[rule.step]}"
            )
        if not _NAME.match(rule.name):
            raise ValueError(f"rule name '{rule.name}' must be kebab-case")
        for other in self._rules.values():
            if rule.code == other.code or rule.name == other.name:
                raise ValueError(
                    f"rule {rule.code} {rule.name} clashes with {other.code} "
                    f"{other.name}: codes and names are never reused"
                )
        self._rules[rule.code] = rule
        return rule

    def remove(self, code: str) -> None:
        del self._rules[code]

    def __iter__(self) -> Iterator[Rule]:
        # In the framework's order: requirements, entities and APIs, design, deep dives.
        return iter(sorted(self._rules.values(), key=lambda r: (_ORDER.index(r.code[0]), r.code)))

    def __len__(self) -> int:
        return len(self._rules)

    def get(self, code_or_name: str) -> Rule | None:
        wanted = code_or_name.strip()
        if wanted.upper() in self._rules:
            return self._rules[wanted.upper()]
        return next((r for r in self._rules.values() if r.name == wanted.lower()), None)

    def matching(self, selector: str) -> list[Rule]:
        """Rules a selector names: `ALL`, a code, a code prefix (`D3`) or a rule name."""
        wanted = selector.strip()
        if wanted.upper() == "ALL":
            return list(self)
        by_name = [r for r in self if r.name == wanted.lower()]
        return by_name or [r for r in self if r.code.startswith(wanted.upper())]


#: The catalogue `sketch lint` runs; filled by importing `sketch.linting.rules`.
REGISTRY = Registry()


def rule(
    code: str,
    name: str,
    severity: Severity | str,
    step: FrameworkStep,
    *,
    fix: str,
    thresholds: tuple[str, ...] = (),
    after_others: bool = False,
) -> Callable[[Check], Check]:
    """Register the decorated function as a rule of the default registry."""

    def register(check: Check) -> Check:
        REGISTRY.add(
            Rule(code, name, Severity(severity), step, fix, check, thresholds, after_others)
        )
        return check

    return register
