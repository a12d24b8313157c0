"""Step 4, the deep dives (X4xx): two of them, each with approaches, trade-offs and a decision."""

from __future__ import annotations

import re
from collections.abc import Iterator

from sketch.errors import plural
from sketch.linting.context import Context
from sketch.linting.registry import FrameworkStep, Hit, rule

STEP = FrameworkStep.deep_dives
_NUMBER = re.compile(r"\d")


@rule(
    "X401",
    "too-few-deep-dives",
    "error",
    STEP,
    fix="pick the 2 components that matter most and add a `DeepDive` for each",
    thresholds=("deep_dives",),
)
def too_few_deep_dives(ctx: Context) -> Iterator[Hit]:
    """Fewer deep dives than the guide asks for.

    What it checks:
        Fewer `deep_dives` than the `deep_dives` threshold (2).
    Why it matters:
        "Step 4: Deep Dive on 2 Critical Pieces ... This is where you differentiate
        yourself." One dive, or none, leaves most of the interview's time unused.
    Bad:
        Design(..., deep_dives=[fanout])
    Fix:
        Design(..., deep_dives=[fanout, sharding])
    """
    count, wanted = len(ctx.design.deep_dives), ctx.thresholds.deep_dives
    if count < wanted:
        yield Hit("deep_dives", f"{plural(count, 'deep dive')}; the framework asks for {wanted}")


@rule(
    "X402",
    "too-many-deep-dives",
    "warning",
    STEP,
    fix="keep the 2 that matter most; mention the others in one line each",
    thresholds=("deep_dives",),
)
def too_many_deep_dives(ctx: Context) -> Iterator[Hit]:
    """More deep dives than the guide asks for.

    What it checks:
        More `deep_dives` than the `deep_dives` threshold (2).
    Why it matters:
        "Pick 2 areas" and "Go deep on 2 topics": with 15-20 minutes, a third dive trades
        depth for breadth, which is what the deep dive is not for.
    Bad:
        Design(..., deep_dives=[fanout, sharding, rate_limiting])
    Fix:
        Design(..., deep_dives=[fanout, sharding])
    """
    count, wanted = len(ctx.design.deep_dives), ctx.thresholds.deep_dives
    if count > wanted:
        yield Hit(f"deep_dives[{wanted}]", f"{count} deep dives; the framework asks for {wanted}")


@rule(
    "X403",
    "too-few-approaches",
    "warning",
    STEP,
    fix="present 2-3 approaches and compare them",
    thresholds=("min_approaches",),
)
def too_few_approaches(ctx: Context) -> Iterator[Hit]:
    """A deep dive presents fewer than two approaches.

    What it checks:
        A `DeepDive` with fewer `approaches` than `min_approaches` (2).
    Why it matters:
        "For each deep dive: Present 2-3 solution approaches. Compare trade-offs." A single
        approach is an assertion, not a decision.
    Bad:
        DeepDive(topic="Fanout", problem="...", approaches=[Approach(name="Push")])
    Fix:
        DeepDive(topic="Fanout", problem="...", approaches=[Approach(name="Push", ...),
                 Approach(name="Pull", ...), Approach(name="Hybrid", ...)])
    """
    wanted = ctx.thresholds.min_approaches
    for i, dive in enumerate(ctx.design.deep_dives):
        if len(dive.approaches) < wanted:
            yield Hit(
                f"deep_dives[{i}].approaches",
                f"deep dive '{dive.topic}' has {len(dive.approaches)} approach(es); "
                f"present at least {wanted}",
            )


@rule(
    "X404",
    "no-trade-off",
    "warning",
    STEP,
    fix="list what the approach costs: `Approach(..., cons=[...])`",
)
def no_trade_off(ctx: Context) -> Iterator[Hit]:
    """An approach has pros but no cons.

    What it checks:
        An `Approach` with `pros` and no `cons`.
    Why it matters:
        Mistake 6, "Ignoring Trade-Offs": "We'll use microservices. Problem: Why? What's the
        downside?" Every approach costs something; saying what shows judgement.
    Bad:
        Approach(name="Fanout on write", pros=["fast reads"])
    Fix:
        Approach(name="Fanout on write", pros=["fast reads"],
                 cons=["celebrity problem (10M writes)"])
    """
    for i, dive in enumerate(ctx.design.deep_dives):
        for j, approach in enumerate(dive.approaches):
            if approach.pros and not approach.cons:
                yield Hit(
                    f"deep_dives[{i}].approaches[{j}]",
                    f"approach '{approach.name}' has pros but no cons",
                )


@rule("X405", "no-decision", "error", STEP, fix="make the call: `DeepDive(..., decision=...)`")
def no_decision(ctx: Context) -> Iterator[Hit]:
    """A deep dive ends without a decision.

    What it checks:
        A `DeepDive` without `decision`.
    Why it matters:
        "Make a decision and justify it": the checklist asks "Made and justified decisions?".
        Listing options without choosing leaves the design unfinished.
    Bad:
        DeepDive(topic="Sharding", problem="...", approaches=[by_tweet, by_user])
    Fix:
        DeepDive(topic="Sharding", problem="...", approaches=[by_tweet, by_user],
                 decision="Shard by user_id", justification="...")
    """
    for i, dive in enumerate(ctx.design.deep_dives):
        if not dive.decision:
            yield Hit(f"deep_dives[{i}]", f"deep dive '{dive.topic}' has no decision")


@rule(
    "X406",
    "decision-without-justification",
    "warning",
    STEP,
    fix="say why: `DeepDive(..., justification=...)`",
)
def decision_without_justification(ctx: Context) -> Iterator[Hit]:
    """A deep dive decides but does not say why.

    What it checks:
        A `DeepDive` with a `decision` and no `justification`.
    Why it matters:
        The guide's decisions always carry their reason: "This gives us fast reads for 99% of
        users while avoiding expensive fanouts for celebrities."
    Bad:
        DeepDive(..., decision="Hybrid with a 10K-follower threshold")
    Fix:
        DeepDive(..., decision="Hybrid with a 10K-follower threshold",
                 justification="Fast reads for 99% of users without celebrity fanout storms")
    """
    for i, dive in enumerate(ctx.design.deep_dives):
        if dive.decision and not dive.justification:
            yield Hit(
                f"deep_dives[{i}]", f"deep dive '{dive.topic}' decides without a justification"
            )


@rule(
    "X407",
    "deep-dive-off-design",
    "warning",
    STEP,
    fix="name the components it is about: `DeepDive(..., components=['db'])`",
)
def deep_dive_off_design(ctx: Context) -> Iterator[Hit]:
    """A deep dive is not about any component of the design.

    What it checks:
        A `DeepDive` whose `components` is empty or names no declared component.
    Why it matters:
        "Pick 2 components that matter most": a dive detached from the diagram explores
        something the design does not contain.
    Bad:
        DeepDive(topic="Rate limiting", problem="...", approaches=[...])
    Fix:
        DeepDive(topic="Rate limiting", problem="...", components=["gateway"], approaches=[...])
    """
    names = {c.name for c in ctx.design.components}
    for i, dive in enumerate(ctx.design.deep_dives):
        if not names.intersection(dive.components):
            yield Hit(
                f"deep_dives[{i}].components",
                f"deep dive '{dive.topic}' is about no component of the design",
            )


@rule(
    "X408",
    "deep-dive-without-numbers",
    "info",
    STEP,
    fix="size the problem: followers, QPS, bytes, milliseconds",
)
def deep_dive_without_numbers(ctx: Context) -> Iterator[Hit]:
    """A deep dive states its problem and approaches without a single number.

    What it checks:
        A `DeepDive` whose problem, approaches, decision and justification contain no digit.
    Why it matters:
        The checklist asks "Used numbers/calculations?" and the guide: "Use Numbers ... A
        scatter-gather query across 16 shards, each taking 50ms ... gives us ~250ms".
    Bad:
        DeepDive(topic="Fanout", problem="Celebrities have many followers", ...)
    Fix:
        DeepDive(topic="Fanout", problem="A user with 10M followers causes 10M writes", ...)
    """
    texts = dict(ctx.texts)
    for i, dive in enumerate(ctx.design.deep_dives):
        if not _NUMBER.search(texts.get(f"deep_dives[{i}]", "")):
            yield Hit(f"deep_dives[{i}]", f"deep dive '{dive.topic}' uses no numbers")
