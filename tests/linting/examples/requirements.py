"""Step 1, clarify requirements (R1xx): each rule's bad and good design, as in
src/sketch/linting/rules/requirements.py.
"""

from __future__ import annotations

from collections.abc import Callable

from sketch import Design, LatencyTarget, Scale
from tests.helpers.factories import apis, clean_design, requirements, scale

#: code -> (a design the rule flags, a design it passes).
EXAMPLES: dict[str, tuple[Callable[[], Design], Callable[[], Design]]] = {
    "R101": (
        lambda: clean_design(requirements=requirements(in_scope=[]), apis=apis(serving=False)),
        clean_design,
    ),
    "R102": (lambda: clean_design(requirements=requirements(out_of_scope=[])), clean_design),
    "R103": (
        lambda: clean_design(requirements=requirements(scale=None)),
        lambda: clean_design(requirements=requirements(scale=Scale(dau=5_000))),
    ),
    "R104": (lambda: clean_design(requirements=requirements(latency=[])), clean_design),
    "R105": (
        lambda: clean_design(
            requirements=requirements(latency=[LatencyTarget(operation="feed", ms=200)])
        ),
        clean_design,
    ),
    "R106": (lambda: clean_design(requirements=requirements(consistency=[])), clean_design),
    "R107": (lambda: clean_design(requirements=requirements(availability=None)), clean_design),
    "R108": (
        lambda: clean_design(requirements=requirements(scale=scale(item_sizes=[]))),
        clean_design,
    ),
    "R109": (
        lambda: clean_design(requirements=requirements(scale=scale(read_write_ratio=None))),
        lambda: clean_design(
            requirements=requirements(scale=scale(read_write_ratio=None, reads_per_user_per_day=20))
        ),
    ),
    "R110": (
        lambda: clean_design(requirements=requirements(scale=scale(peak_factor=None))),
        clean_design,
    ),
    "R111": (
        lambda: clean_design(requirements=requirements(scale=scale(writes_per_second=1_000))),
        lambda: clean_design(requirements=requirements(scale=scale(writes_per_second=12))),
    ),
    "R112": (
        lambda: clean_design(
            requirements=requirements(
                latency=[LatencyTarget(operation="feed read", ms=200, percentile="p99")]
            )
        ),
        clean_design,
    ),
}
