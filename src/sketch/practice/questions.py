"""The interviewer's questions, drawn from the design as it grows.

The guide's interviewer probes what is drawn: "What if a celebrity posts a tweet?" once a
fanout is there, "What happens if traffic increases 10x?" and "What's the single point of
failure?" (Step 3 D, Identify Bottlenecks). Each question knows what in the design raised it
and what in the design answers it, so a drill can see whether a hint was acknowledged.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from sketch.errors import Problem
from sketch.estimating import Estimates
from sketch.linting.context import Context
from sketch.model import Design
from sketch.practice.load import breaks_first

_FANOUT = ("fanout", "fan-out", "fan out")


@dataclass(frozen=True, slots=True)
class Ask:
    """A question the design raises now: its key (stable across saves), words, and cause."""

    key: str
    text: str
    because: str


@dataclass(frozen=True)
class Seen:
    """The design at one save, as the questions look at it."""

    design: Design
    findings: Sequence[Problem]
    estimates: Estimates

    def active(self, code: str) -> list[Problem]:
        return [f for f in self.findings if f.code == code and f.suppressed is None]

    def named_in_bottleneck(self, component: str) -> bool:
        return any(component in b.components and b.solution for b in self.design.bottlenecks)


def raised(seen: Seen) -> Iterator[Ask]:
    """Every question the design raises at this save, most pressing first."""
    design = seen.design
    for finding in seen.active("D303"):
        component = _component_at(design, finding.path)
        if component is not None:
            label = design.component(component)
            shown = label.display_name if label else component
            yield Ask(f"down:{component}", f"What if the {shown} goes down?", finding.message)
    point = breaks_first(design, seen.estimates.conventions)
    if point is not None:
        yield Ask("10x", "What happens if traffic increases 10x?", point.at(10))
    texts = Context(design).texts
    fanout = next((path for path, text in texts if any(w in text for w in _FANOUT)), None)
    if fanout is not None:
        noun = design.requirements.scale.write_name if design.requirements.scale else "post"
        yield Ask(
            "celebrity",
            f"What if a celebrity posts a {noun}?",
            f"{fanout} fans out: one author with 10M followers means 10M writes",
        )


def answered(key: str, seen: Seen) -> bool:
    """Whether the design now answers the question `key` (the hint was acknowledged)."""
    if key.startswith("down:"):
        component = key.removeprefix("down:")
        still = any(_component_at(seen.design, f.path) == component for f in seen.active("D303"))
        return not still or seen.named_in_bottleneck(component)
    if key == "10x":
        point = breaks_first(seen.design, seen.estimates.conventions)
        return point is None or seen.named_in_bottleneck(point.component.name)
    if key == "celebrity":
        return not seen.active("D310")
    return False


def _component_at(design: Design, path: str) -> str | None:
    prefix = "components["
    if not path.startswith(prefix):
        return None
    index = path[len(prefix) :].split("]", 1)[0]
    if not index.isdigit() or int(index) >= len(design.components):
        return None
    return design.components[int(index)].name
