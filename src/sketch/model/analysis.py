"""Steps 3 and 4 of the framework: what breaks first, and the deep dives that fix it."""

from __future__ import annotations

import re

from pydantic import Field

from sketch.model.base import Declared, Model


class Bottleneck(Declared):
    """A weak spot of the first design, where it sits, and how it is addressed."""

    title: str = Field(min_length=1)
    problem: str = Field(min_length=1)
    components: tuple[str, ...] = Field(default=(), description="Names of the components.")
    solution: str | None = None


class Approach(Model):
    """One way to solve a deep dive's problem, with its trade-offs."""

    name: str = Field(min_length=1)
    how: tuple[str, ...] = Field(default=(), description="How it works, step by step.")
    pros: tuple[str, ...] = ()
    cons: tuple[str, ...] = ()
    when_to_use: tuple[str, ...] = ()


class DeepDive(Declared):
    """A critical piece explored in depth: the problem, 2-3 approaches, and a decision."""

    topic: str = Field(min_length=1)
    problem: str = Field(min_length=1)
    components: tuple[str, ...] = Field(default=(), description="Components this dive is about.")
    approaches: tuple[Approach, ...] = ()
    decision: str | None = Field(
        default=None,
        description="The name of the chosen approach, e.g. 'Hybrid' (text after the name, "
        "such as 'Hybrid with a 10K threshold', is allowed); the why goes in `justification`.",
    )
    justification: str | None = None

    @property
    def chosen(self) -> Approach | None:
        """The approach the decision names, or None."""
        return chosen_approach(self.decision, self.approaches)

    def chosen_for(self, decision: str) -> Approach | None:
        """The approach of this dive that `decision` would name."""
        return chosen_approach(decision, self.approaches)


def _words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def chosen_approach(decision: str | None, approaches: tuple[Approach, ...]) -> Approach | None:
    """The approach a decision names: its name, case and punctuation aside, alone or followed
    by more words ("Hybrid with a 10K threshold" names "Hybrid"). The longest name wins."""
    if not decision:
        return None
    said = _words(decision)
    named = [
        a
        for a in approaches
        if _words(a.name) and (said == _words(a.name) or said.startswith(_words(a.name) + " "))
    ]
    return max(named, key=lambda a: len(a.name), default=None)
