"""Step 4, the deep dives (X4xx): each rule's bad and good design, as in
src/sketch/linting/rules/deep_dives.py.
"""

from __future__ import annotations

from collections.abc import Callable

from sketch import Design
from tests.helpers.factories import approach, clean_design, dive

#: code -> (a design the rule flags, a design it passes).
EXAMPLES: dict[str, tuple[Callable[[], Design], Callable[[], Design]]] = {
    "X401": (lambda: clean_design(deep_dives=[dive()]), clean_design),
    "X402": (
        lambda: clean_design(deep_dives=[dive(), dive("Ids"), dive("Rate limits")]),
        clean_design,
    ),
    "X403": (
        lambda: clean_design(
            deep_dives=[dive(approaches=[approach("Cache")], decision="Cache"), dive("Ids")]
        ),
        clean_design,
    ),
    "X404": (
        lambda: clean_design(
            deep_dives=[
                dive(approaches=[approach("A", cons=[]), approach("B")], decision="A"),
                dive("Ids"),
            ]
        ),
        clean_design,
    ),
    "X405": (lambda: clean_design(deep_dives=[dive(decision=None), dive("Ids")]), clean_design),
    "X406": (
        lambda: clean_design(deep_dives=[dive(justification=None), dive("Ids")]),
        clean_design,
    ),
    "X407": (lambda: clean_design(deep_dives=[dive(components=[]), dive("Ids")]), clean_design),
    "X408": (
        lambda: clean_design(
            deep_dives=[
                dive(
                    problem="Reads hit the database",
                    decision="Read-through",
                    justification="Simple",
                ),
                dive("Ids"),
            ]
        ),
        # Numbers in words count: "ten million followers" sizes the problem.
        lambda: clean_design(
            deep_dives=[
                dive(
                    problem="A user with ten million followers causes ten million writes",
                    decision="Read-through",
                    justification="Simple",
                ),
                dive("Ids"),
            ]
        ),
    ),
    "X409": (
        lambda: clean_design(deep_dives=[dive(decision="Use blockchain"), dive("Ids")]),
        lambda: clean_design(
            deep_dives=[dive(decision="read through, with a 60 s TTL"), dive("Ids")]
        ),
    ),
}
