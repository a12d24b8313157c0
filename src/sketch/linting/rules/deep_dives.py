"""Step 4, the deep dives (X4xx): two of them, each with approaches, trade-offs and a decision."""

from __future__ import annotations

import re
from collections.abc import Iterator

from sketch.errors import did_you_mean, plural
from sketch.linting.context import Context
from sketch.linting.registry import FrameworkStep, Hit, rule

STEP = FrameworkStep.deep_dives
#: A number, in digits or in words ("ten million followers", "a dozen shards", "hundreds").
_NUMBER = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|"
    r"half|double|twice|triple|tenfold|hundredfold)\b",
    re.IGNORECASE,
)


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
    Known false positives:
        A time-boxed exercise that asks for one deep dive: lower the `deep_dives`
        threshold.
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
    Known false positives:
        None known beyond the threshold: raise `deep_dives` when an exercise asks for
        three.
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
    Known false positives:
        A deep dive that explains a decision already made elsewhere: give the rejected
        alternative as an approach anyway; it is the comparison that counts.
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
    Known false positives:
        An approach listed only as a strawman: its cons are why it was rejected; write
        them.
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
    Known false positives:
        A deep dive deliberately left open for the interviewer: suppress with that
        reason.
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
    Known false positives:
        A decision whose justification is the previous approach comparison: one sentence
        pointing at it is enough.
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
    Known false positives:
        A deep dive on a cross-cutting concern (security, observability): name the
        components it touches.
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
        A `DeepDive` whose problem, approaches, decision and justification contain no number:
        no digit and no number word (ten, hundred, million, dozen, half, twice ...).
    Why it matters:
        The checklist asks "Used numbers/calculations?" and the guide: "Use Numbers ... A
        scatter-gather query across 16 shards, each taking 50ms ... gives us ~250ms".
    Bad:
        DeepDive(topic="Fanout", problem="Celebrities have many followers", ...)
    Fix:
        DeepDive(topic="Fanout", problem="A user with 10M followers causes 10M writes", ...)
    Known false positives:
        No longer: "ten million followers" and "a few hundred writes a second" count.
        Still: numbers given only as qualities ("most users", "a handful") do not, and a
        number-word used as a pronoun ("one of them") counts.
    """
    texts = dict(ctx.texts)
    for i, dive in enumerate(ctx.design.deep_dives):
        if not _NUMBER.search(texts.get(f"deep_dives[{i}]", "")):
            yield Hit(f"deep_dives[{i}]", f"deep dive '{dive.topic}' uses no numbers")


@rule(
    "X409",
    "decision-names-no-approach",
    "warning",
    STEP,
    fix="start the decision with the chosen approach's name; put the why in `justification`",
)
def decision_names_no_approach(ctx: Context) -> Iterator[Hit]:
    """A deep dive's decision names none of its approaches.

    What it checks:
        A `DeepDive` with `decision` and approaches, where the decision is not an approach's
        name (case and punctuation aside), alone or followed by more words ("Hybrid with a
        10K threshold" names "Hybrid"). The message names the closest approach.
    Why it matters:
        "Make a decision and justify it": a decision picks one of the approaches just
        compared; one matching none ("Use blockchain") means the comparison and the choice
        say different things, and design.md cannot mark the chosen approach.
    Bad:
        DeepDive(..., approaches=[push, pull, hybrid], decision="Use blockchain")
    Fix:
        DeepDive(..., approaches=[push, pull, hybrid], decision="Hybrid",
                 justification="fast reads for 99% of users without celebrity fanout storms")
    Known false positives:
        A decision that combines two approaches ("Push plus pull") names neither: add the
        combination as its own approach, as the guide does with "Hybrid".
    """
    for i, dive in enumerate(ctx.design.deep_dives):
        if not dive.decision or not dive.approaches or dive.chosen is not None:
            continue
        if any(o is not dive and o.chosen_for(dive.decision) for o in ctx.design.deep_dives):
            continue  # another dive's approach: `sketch check` says so (C309)
        names = [a.name for a in dive.approaches]
        yield Hit(
            f"deep_dives[{i}].decision",
            f"deep dive '{dive.topic}' decides '{dive.decision}', which names none of its "
            f"approaches ({did_you_mean(dive.decision, names)})",
        )
