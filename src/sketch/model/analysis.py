"""Steps 3 and 4 of the framework: what breaks first, and the deep dives that fix it."""

from __future__ import annotations

from pydantic import Field

from sketch.model.base import Declared, Model


class Bottleneck(Declared):
    """A weak spot of the first design, where it sits, and how it is addressed."""

    title: str = Field(min_length=1)
    """What breaks, in a few words: `Timeline reads`."""
    problem: str = Field(min_length=1)
    """Why it breaks, with the number that breaks it."""
    components: tuple[str, ...] = Field(default=(), description="Names of the components.")
    solution: str | None = None
    """How the design addresses it."""


class Approach(Model):
    """One way to solve a deep dive's problem, with its trade-offs."""

    name: str = Field(min_length=1)
    """The approach in a few words: `Fanout on write`."""
    how: tuple[str, ...] = Field(default=(), description="How it works, step by step.")
    pros: tuple[str, ...] = ()
    """What it does well."""
    cons: tuple[str, ...] = ()
    """What it costs: every approach has some (X404)."""
    when_to_use: tuple[str, ...] = ()
    """The conditions under which it is the right choice."""


class DeepDive(Declared):
    """A critical piece explored in depth: the problem, 2-3 approaches, and a decision."""

    topic: str = Field(min_length=1)
    """The critical piece: `Timeline fanout`."""
    problem: str = Field(min_length=1)
    """The problem it solves, ideally with a number."""
    components: tuple[str, ...] = Field(default=(), description="Components this dive is about.")
    approaches: tuple[Approach, ...] = ()
    """Two or three ways to solve it, each with pros and cons."""
    decision: str | None = None
    """The approach chosen."""
    justification: str | None = None
    """Why, with numbers."""
