"""Steps 3 and 4 of the framework: what breaks first, and the deep dives that fix it."""

from __future__ import annotations

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
    decision: str | None = None
    justification: str | None = None
