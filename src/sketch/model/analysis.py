"""Steps 3 and 4 of the framework: what breaks first, and the deep dives that fix it."""

from __future__ import annotations

import re

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
    decision: str | None = Field(
        default=None,
        description="The name of the chosen approach, e.g. 'Hybrid' (text after the name, "
        "such as 'Hybrid with a 10K threshold', is allowed); the why goes in `justification`.",
    )
    justification: str | None = None
    """Why, with numbers."""

    @property
    def chosen(self) -> Approach | None:
        """The approach the decision names, or None."""
        return chosen_approach(self.decision, self.approaches)

    def chosen_for(self, decision: str) -> Approach | None:
        """The approach of this dive that `decision` names by its exact name."""
        return chosen_approach(decision, self.approaches, fuzzy=False)


def _words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


#: Words too common to tell approaches apart.
_STOP = frozenset(
    [
        "the",
        "and",
        "with",
        "for",
        "from",
        "into",
        "onto",
        "over",
        "under",
        "per",
        "via",
        "using",
        "use",
        "by",
        "of",
        "on",
        "in",
        "at",
        "to",
        "a",
        "an",
        "or",
        "as",
        "is",
        "are",
        "be",
        "its",
        "their",
        "then",
        "than",
        "plus",
    ]
)


def _stems(text: str) -> set[str]:
    """Content words, cut to 5 letters so "gateways" meets "gateway"."""
    return {w[:5] for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP}


def chosen_approach(
    decision: str | None, approaches: tuple[Approach, ...], *, fuzzy: bool = True
) -> Approach | None:
    """The approach a decision names.

    1. By name, case and punctuation aside, alone or followed by more words ("Hybrid with a
       10K threshold" names "Hybrid"); the longest name wins.
    2. With `fuzzy`, by its words: the decision says at least 60% of the approach's content
       words (and at least two), and more of them than of any other approach's ("WebSocket
       gateways with a Redis session registry" names "WebSocket gateway tier with a session
       registry"). A tie names none.
    """
    if not decision:
        return None
    said = _words(decision)
    named = [
        a
        for a in approaches
        if _words(a.name) and (said == _words(a.name) or said.startswith(_words(a.name) + " "))
    ]
    if named or not fuzzy:
        return max(named, key=lambda a: len(a.name), default=None)
    words = _stems(decision)
    scored = []
    for a in approaches:
        own = _stems(a.name)
        shared = len(own & words)
        if own and shared >= 2 and shared / len(own) >= 0.6:
            scored.append((shared, a))
    scored.sort(key=lambda item: -item[0])
    if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
        return None
    return scored[0][1]
